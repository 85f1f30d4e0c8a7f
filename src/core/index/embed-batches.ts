import type { Embedder } from "./embedder.js";

export interface EmbedProgress {
  done: number;
  total: number;
}

/**
 * Sentences per model call. USE on TF.js-WASM pads every sentence of a call to the longest one, so
 * a batch pays off only when its inputs are of about the same length: the shipped brief's
 * sentences in file order ran at 65, 63 and 53 sentences/s at batches of 1, 4 and 16, and sorted by
 * length at 65, 81, 82, 80 and 77 at 1, 4, 8, 16 and 32 (one thread). Jobs are therefore embedded
 * shortest first (`embedInBatches`), eight at a time. On the tuning briefs' inputs (context header
 * included), batches sorted by characters still padded 24 % and by tokens 1 %: 45-50 against 56-57/s.
 */
export const EMBED_BATCH = 8;

/** Inputs measured and sorted together: enough for batches of one length, little enough to start at once. */
export const LENGTH_WINDOW = 512;

export interface EmbedBatchOptions {
  /** Redoes a batch that failed on another embedder (the main-thread model); defaults to the first embedder. */
  fallback?: Embedder;
  /** Batches handed to each embedder at once: a worker thread gets its next batch while it computes one. */
  inFlight?: number;
  /** Sentences per model call (default EMBED_BATCH; the benchmark compares others). */
  batch?: number;
}

/**
 * Embeds `texts` batch by batch, reporting progress after each, in order of length (window by
 * window) so each batch holds inputs of about one length (the vectors come back in the order of `texts`). Batches are shared out to
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
  // The model's own measure of an input (tokens) when an embedder offers it (worker threads do not; the main model does).
  const measurer = [fallback, ...all].find((e) => e.inputLength);
  const measure = (t: string) => (measurer ? measurer.inputLength!(t) : t.length);
  // Sorted a window at a time: measuring a whole job first would keep the workers (and the event loop) waiting.
  const order: number[] = [];
  const sortUpTo = (count: number) => {
    while (order.length < Math.min(count, texts.length)) {
      const from = order.length;
      const ids = Array.from({ length: Math.min(LENGTH_WINDOW, texts.length - from) }, (_, i) => from + i);
      const lengths = ids.map((i) => measure(texts[i]!));
      order.push(...ids.sort((a, b) => lengths[a - from]! - lengths[b - from]! || a - b));
    }
  };
  const failed = new Set<Embedder>();
  // Once the fallback fails the job has failed: every loop stops handing out batches.
  let aborted = false;
  const size = Math.max(1, options.batch ?? EMBED_BATCH);
  let next = 0;
  let done = 0;
  onProgress?.({ done: 0, total: texts.length });
  const run = async (embedder: Embedder): Promise<void> => {
    while (next < texts.length && !failed.has(embedder) && !aborted) {
      const start = next;
      next += size;
      sortUpTo(start + size);
      const ids = order.slice(start, start + size);
      const batch = ids.map((i) => texts[i]!);
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
      vectors.forEach((v, i) => (out[ids[i]!] = v));
      done += batch.length;
      onProgress?.({ done, total: texts.length });
    }
  };
  const inFlight = Math.max(1, options.inFlight ?? 1);
  await Promise.all(all.flatMap((e) => Array.from({ length: inFlight }, () => run(e))));
  if (next < texts.length) await run(fallback);
  return out;
}
