import { Presets, SingleBar } from "cli-progress";
import type { EmbedProgress } from "../core/index/embed-batches.js";
import { percentLog } from "../core/index/progress-log.js";
import { log } from "./context.js";

/**
 * Indexing progress on stderr: a live bar (cli-progress) on a terminal, percentage lines when
 * stderr is a pipe or file. Call `stop` when indexing ends, whether or not it reported anything.
 */
export function indexProgress(): { onProgress: (p: EmbedProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { onProgress: percentLog(log), stop: () => {} };
  let bar: SingleBar | undefined;
  return {
    onProgress: ({ done, total }) => {
      if (!bar) {
        bar = new SingleBar({ format: "briefbot: embedding [{bar}] {percentage} % | {value}/{total} new sentences | {eta_formatted} left", stream: process.stderr, hideCursor: true }, Presets.shades_classic);
        bar.start(total, done);
      } else bar.update(done);
    },
    stop: () => bar?.stop(),
  };
}
