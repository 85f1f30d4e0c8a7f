import type { Embedder } from "./embedder.js";
import { TransformersEmbedder } from "./transformers-embedder.js";
import { UseEmbedder } from "./use-embedder.js";

/**
 * BRIEFBOT_EMBEDDER picks the model: unset or "use" is the shipped Universal Sentence
 * Encoder; "transformers:<folder>" loads a local transformers.js model folder instead.
 */
export async function loadEmbedder(spec = process.env.BRIEFBOT_EMBEDDER ?? "use"): Promise<Embedder> {
  if (spec.startsWith("transformers:")) return TransformersEmbedder.load(spec.slice("transformers:".length));
  return UseEmbedder.load();
}
