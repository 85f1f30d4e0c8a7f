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

/**
 * Embeds `texts` batch by batch, in order, reporting progress after each. Batches are shared
 * out to `embedders` (the main one, plus workers on other cores) as each becomes free.
 * If a worker fails, its batch is redone by the first embedder and the worker is dropped.
 */
export async function embedInBatches(embedders: Embedder | Embedder[], texts: string[], onProgress?: (p: EmbedProgress) => void): Promise<Float32Array[]> {
  const all = Array.isArray(embedders) ? embedders : [embedders];
  const out = new Array<Float32Array>(texts.length);
  let next = 0;
  let done = 0;
  onProgress?.({ done: 0, total: texts.length });
  const run = async (embedder: Embedder, isMain: boolean): Promise<void> => {
    while (next < texts.length) {
      const start = next;
      next += EMBED_BATCH;
      const batch = texts.slice(start, start + EMBED_BATCH);
      let vectors: Float32Array[];
      try {
        vectors = await embedder.embed(batch);
      } catch (error) {
        if (isMain) throw error;
        vectors = await all[0]!.embed(batch);
        vectors.forEach((v, i) => (out[start + i] = v));
        done += batch.length;
        onProgress?.({ done, total: texts.length });
        return;
      }
      vectors.forEach((v, i) => (out[start + i] = v));
      done += batch.length;
      onProgress?.({ done, total: texts.length });
    }
  };
  await Promise.all(all.map((e, i) => run(e, i === 0)));
  return out;
}
