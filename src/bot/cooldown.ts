/** Rate limit per key (user and command): one use every `seconds`. */
export class Cooldown {
  private readonly last = new Map<string, number>();
  constructor(
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds the user still has to wait (0 = go ahead, and the clock restarts now). */
  take(key: string): number {
    const now = this.now();
    const wait = (this.last.get(key) ?? -Infinity) + this.seconds * 1000 - now;
    if (wait > 0) return Math.ceil(wait / 1000);
    this.last.set(key, now);
    if (this.last.size > 10_000) this.last.delete(this.last.keys().next().value!);
    return 0;
  }

  /** Gives back a use that was refused for another reason (a full queue), so "try again in N s" holds. */
  forget(key: string): void {
    this.last.delete(key);
  }
}
