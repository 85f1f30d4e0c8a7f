import type { Embedder } from "./embedder.js";

export interface EmbedProgress {
  done: number;
  total: number;
}

/**
 * Sentences per model call. USE on TF.js-WASM measured 49-59, 59-63, 56-57 and 48-55
 * sentences/s at batches of 1, 4, 16 and 32 (`npm run bench`, two runs): 4 is the best, and a
 * small batch also makes progress finer and spreads work evenly over workers.
 */
export const EMBED_BATCH = 4;

export interface EmbedBatchOptions {
  /** Redoes a batch that failed on another embedder (the main-thread model); defaults to the first embedder. */
  fallback?: Embedder;
  /** Batches handed to each embedder at once: a worker thread gets its next batch while it computes one. */
  inFlight?: number;
}

/**
 * Embeds `texts` batch by batch, reporting progress after each. Batches are shared out to
 * `embedders` (the main one, or worker threads on other cores) as each becomes free. If an
 * embedder fails, its batch is redone on the fallback and it gets no more; whatever is left when
 * every worker has failed is embedded by the fallback.
 */
export async function embedInBatches(
  embedders: Embedder | Embedder[],
  texts: string[],
  onProgress?: (p: EmbedProgress) => void,
  options: EmbedBatchOptions = {},
): Promise<Float32Array[]> {
  const all = Array.isArray(embedders) ? embedders : [embedders];
  const fallback = options.fallback ?? all[0]!;
  const out = new Array<Float32Array>(texts.length);
  const failed = new Set<Embedder>();
  // Once the fallback fails the job has failed: every loop stops handing out batches.
  let aborted = false;
  let next = 0;
  let done = 0;
  onProgress?.({ done: 0, total: texts.length });
  const run = async (embedder: Embedder): Promise<void> => {
    while (next < texts.length && !failed.has(embedder) && !aborted) {
      const start = next;
      next += EMBED_BATCH;
      const batch = texts.slice(start, start + EMBED_BATCH);
      let vectors: Float32Array[];
      try {
        try {
          vectors = await embedder.embed(batch);
        } catch (error) {
          if (embedder === fallback) throw error;
          failed.add(embedder);
          vectors = await fallback.embed(batch);
        }
      } catch (error) {
        aborted = true;
        throw error;
      }
      vectors.forEach((v, i) => (out[start + i] = v));
      done += batch.length;
      onProgress?.({ done, total: texts.length });
    }
  };
  const inFlight = Math.max(1, options.inFlight ?? 1);
  await Promise.all(all.flatMap((e) => Array.from({ length: inFlight }, () => run(e))));
  if (next < texts.length) await run(fallback);
  return out;
}
