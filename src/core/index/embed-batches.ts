import type { Embedder } from "./embedder.js";

export interface EmbedProgress {
  done: number;
  total: number;
}

/**
 * Batch size for progress reports and worker hand-offs. USE on TF.js-WASM costs the same per
 * sentence at batch 1 to 32 on this machine (see README "Benchmark"), so a small batch only
 * makes progress finer.
 */
export const EMBED_BATCH = 16;

/** Embeds `texts` batch by batch, reporting progress after each. */
export async function embedInBatches(embedder: Embedder, texts: string[], onProgress?: (p: EmbedProgress) => void): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  onProgress?.({ done: 0, total: texts.length });
  for (let i = 0; i < texts.length; i += EMBED_BATCH) {
    out.push(...(await embedder.embed(texts.slice(i, i + EMBED_BATCH))));
    onProgress?.({ done: out.length, total: texts.length });
  }
  return out;
}
