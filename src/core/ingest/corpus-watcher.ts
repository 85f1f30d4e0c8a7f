import { basename, resolve } from "node:path";
import { type FSWatcher, watch } from "chokidar";

export interface WatchOptions {
  /** Quiet time after the last event before `onChange` runs, so a burst of saves is one refresh. */
  debounceMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Watches the top level of a corpus folder (chokidar: waits for writes to finish, handles
 * editors' atomic saves) and calls `onChange` once per burst of changes, with the file names.
 */
export class CorpusWatcher {
  private timer: NodeJS.Timeout | undefined;
  private pending = new Set<string>();
  private readonly watcher: FSWatcher;
  readonly ready: Promise<void>;

  constructor(dir: string, onChange: (files: string[]) => void, options: WatchOptions = {}) {
    const root = resolve(dir);
    this.watcher = watch(root, {
      ignoreInitial: true,
      depth: 0,
      // Hidden files are editors' and uploads' temp files; the finished file arrives by rename.
      ignored: (path) => path !== root && basename(path).startsWith("."),
      awaitWriteFinish: { stabilityThreshold: 200, pollInterval: 50 },
    });
    this.ready = new Promise((r) => this.watcher.once("ready", () => r()));
    this.watcher.on("all", (_event, path) => {
      if (path === root) return;
      this.pending.add(basename(path));
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        const files = [...this.pending].sort();
        this.pending.clear();
        onChange(files);
      }, options.debounceMs ?? 300);
    });
    this.watcher.on("error", (error) => options.onError?.(error));
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    await this.watcher.close();
  }
}
