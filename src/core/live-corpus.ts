import { Briefbot, DEFAULT_CORPUS_DIR, type OpenOptions } from "./briefbot.js";
import { describeChanges, hasChanges } from "./ingest/corpus-changes.js";
import { CorpusWatcher } from "./ingest/corpus-watcher.js";
import { BriefbotError, describeError } from "./errors.js";
import type { Embedder } from "./index/embedder.js";
import { percentLog } from "./index/progress-log.js";

export interface LiveCorpusOptions extends Omit<OpenOptions, "embedder"> {
  /** May still be loading: the process can connect to Discord meanwhile. */
  embedder: Embedder | Promise<Embedder>;
  log: (message: string) => void;
  /** Watch the corpus folder and re-index on changes (default true). */
  watch?: boolean;
  debounceMs?: number;
}

/**
 * The corpus as it is now, for a long-running process: opens it in the background (answering
 * "still indexing, N %" meanwhile), watches the folder, re-indexes only what changed while the
 * current index keeps answering, then swaps to the new one in a single assignment.
 */
export class LiveCorpus {
  private current: Briefbot | undefined;
  /** Why there is nothing to answer from (say, every brief was removed), or undefined. */
  private problem: string | undefined;
  private progress = 0;
  private watcher: CorpusWatcher | undefined;
  private running: Promise<void> = Promise.resolve();
  private queued = false;
  /** Increases on every swap, so callers (and tests) can wait for a given refresh. */
  generation = 0;
  readonly ready: Promise<Briefbot>;

  constructor(private readonly options: LiveCorpusOptions) {
    const { log } = options;
    const logPercent = percentLog((m) => log(`first index: ${m}`));
    this.ready = Promise.resolve(options.embedder).then((embedder) =>
      Briefbot.open({
        ...options,
        embedder,
        onProgress: (p) => {
          this.progress = p.total ? Math.floor((100 * p.done) / p.total) : 100;
          logPercent(p);
        },
      }),
    );
    this.running = this.ready.then(
      (bot) => this.swap(bot, `ready: ${bot.chunks.length} sentences from ${bot.corpus.documents.length} file(s) (${bot.indexStatus.embedded} embedded now)`),
      (error) => {
        this.problem = describeError(error);
        log(`the first index failed: ${this.problem}`);
      },
    );
    if (options.watch ?? true) {
      this.watcher = new CorpusWatcher(options.corpusDir ?? DEFAULT_CORPUS_DIR, (files) => this.schedule(files), {
        debounceMs: options.debounceMs,
        onError: (error) => log(`watching the corpus folder failed: ${describeError(error)}`),
      });
    }
  }

  /** The index to answer from now; throws a user-facing NOT_READY error while there is none. */
  get briefbot(): Briefbot {
    if (this.current) return this.current;
    if (this.problem) throw new BriefbotError(`No brief can be answered from right now: ${this.problem}`, "NOT_READY");
    throw new BriefbotError(`Still indexing the brief: ${this.progress} %. Please ask again in a moment.`, "NOT_READY");
  }

  get isReady(): boolean {
    return this.current !== undefined;
  }

  /** Resolves once the watcher is listening (tests write files after this). */
  async watching(): Promise<void> {
    await this.watcher?.ready;
  }

  /** Re-reads the corpus now (the watcher calls this after a burst of changes); refreshes never overlap. */
  refresh(reason = "requested"): Promise<void> {
    if (this.queued) return this.running;
    this.queued = true;
    this.running = this.running.then(async () => {
      this.queued = false;
      await this.refreshNow(reason);
    });
    return this.running;
  }

  private schedule(files: string[]): void {
    void this.refresh(`${files.join(", ")} changed on disk`);
  }

  private async refreshNow(reason: string): Promise<void> {
    const { log } = this.options;
    try {
      const next = this.current ? await this.current.refresh({ log, onProgress: percentLog((m) => log(`re-index: ${m}`)) }) : await Briefbot.open({ ...this.options, embedder: await this.options.embedder, log });
      const { changes, embedded } = next.indexStatus;
      if (this.current && !hasChanges(changes)) return;
      this.swap(next, `re-indexed (${reason}): ${describeChanges(changes)}; ${embedded} sentence(s) embedded, ${next.chunks.length} indexed`);
    } catch (error) {
      if (error instanceof BriefbotError && error.code === "CORPUS") {
        // No readable brief is left: answering from the old index would quote text that is gone.
        this.current = undefined;
        this.problem = error.message;
        this.generation++;
        log(`the corpus cannot be indexed, so nothing is answered until it is fixed: ${error.message}`);
      } else {
        log(`re-indexing failed; still answering from the previous index: ${describeError(error)}`);
      }
    }
  }

  private swap(bot: Briefbot, message: string): void {
    this.current = bot;
    this.problem = undefined;
    this.generation++;
    this.options.log(message);
  }

  async close(): Promise<void> {
    await this.watcher?.close();
    await this.running.catch(() => {});
  }
}
