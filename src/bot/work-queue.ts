/** Heavy work (answering, casualties, briefings, charts) waits its turn here so the event loop stays free for acks. */
export interface WorkQueueOptions {
  /** Jobs waiting or running, all users together; past it new work is refused with a retry estimate. */
  maxPending: number;
  /** Jobs waiting or running for one user. */
  maxPerUser: number;
  /** Jobs run at once. 1 keeps CPU-bound answers from interleaving and stalling the loop for everyone. */
  concurrency?: number;
}

export type Admission = { ok: true; slot: Slot } | { ok: false; retryAfterSeconds: number; reason: "busy" | "user" };

/** A reserved place in the queue: run one job in it, or cancel it (e.g. when the acknowledgement failed). */
export interface Slot {
  run<T>(job: () => Promise<T> | T): Promise<T>;
  cancel(): void;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkQueue {
  private readonly perUser = new Map<string, number>();
  private readonly waiting: (() => void)[] = [];
  private pending = 0;
  private running = 0;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  /** Moving average of a job's duration, for the "try again in N s" estimate. */
  private averageMs = 50;

  constructor(private readonly options: WorkQueueOptions) {}

  get size(): number {
    return this.pending;
  }

  /** Reserves a place for `user` now (synchronously), so a burst cannot overshoot the limits while acks are in flight. */
  admit(user: string): Admission {
    const estimate = () => Math.max(1, Math.ceil((this.pending * this.averageMs) / (this.options.concurrency ?? 1) / 1000));
    if (this.closed || this.pending >= this.options.maxPending) return { ok: false, retryAfterSeconds: estimate(), reason: "busy" };
    if ((this.perUser.get(user) ?? 0) >= this.options.maxPerUser) return { ok: false, retryAfterSeconds: estimate(), reason: "user" };
    this.pending++;
    this.perUser.set(user, (this.perUser.get(user) ?? 0) + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.pending--;
      const left = (this.perUser.get(user) ?? 1) - 1;
      if (left > 0) this.perUser.set(user, left);
      else this.perUser.delete(user);
      if (this.pending === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    };
    return {
      ok: true,
      slot: {
        run: async <T>(job: () => Promise<T> | T): Promise<T> => {
          try {
            await this.turn();
            const started = performance.now();
            try {
              return await job();
            } finally {
              this.averageMs = this.averageMs * 0.8 + (performance.now() - started) * 0.2;
              // Let timers and sockets (gateway events, REST replies, other users' acks) run before the next job.
              await yieldToEventLoop();
              const next = this.waiting.shift();
              if (next) next(); // the running place passes straight to the next job
              else this.running--;
            }
          } finally {
            release();
          }
        },
        cancel: release,
      },
    };
  }

  /** Refuses new work from now on; work already admitted still runs. */
  close(): void {
    this.closed = true;
  }

  /** Resolves when every admitted job has finished. */
  idle(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async turn(): Promise<void> {
    if (this.running >= (this.options.concurrency ?? 1)) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    // Start on a fresh turn of the loop, after the I/O (such as the acknowledgement just sent) already queued.
    await yieldToEventLoop();
  }
}

/** No limits and no turns: every job starts at once, as before the queue existed (for `npm run bench:burst` comparisons only). */
export function unboundedQueue(): WorkQueue {
  return new WorkQueue({ maxPending: Infinity, maxPerUser: Infinity, concurrency: Infinity });
}
