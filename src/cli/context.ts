import { Briefbot } from "../core/briefbot.js";
import { loadEmbedder } from "../core/index/load-embedder.js";
import { indexProgress } from "./progress.js";

export interface CliOptions {
  corpus?: string;
  json?: boolean;
}

/** Progress and warnings go to stderr so stdout stays machine-readable. */
export const log = (message: string) => process.stderr.write(`briefbot: ${message}\n`);

export async function openBot(options: CliOptions, rebuild = false): Promise<Briefbot> {
  const embedder = await loadEmbedder();
  const progress = indexProgress();
  try {
    return await Briefbot.open({ corpusDir: options.corpus, embedder, rebuild, log, onProgress: progress.onProgress });
  } finally {
    progress.stop();
  }
}
