import { BriefbotError } from "../errors.js";
import type { Embedder } from "./embedder.js";

/**
 * BRIEFBOT_EMBEDDER picks the model: unset or "use" is the shipped Universal Sentence
 * Encoder; "transformers:<folder>" loads a local transformers.js model folder instead.
 * Each is imported only when chosen: loading transformers.js costs every start ~0.2 s.
 */
export async function loadEmbedder(spec = process.env.BRIEFBOT_EMBEDDER || "use"): Promise<Embedder> {
  if (spec.startsWith("transformers:")) {
    const { TransformersEmbedder } = await import("./transformers-embedder.js");
    return TransformersEmbedder.load(spec.slice("transformers:".length));
  }
  if (spec !== "use") {
    throw new BriefbotError(`BRIEFBOT_EMBEDDER must be "use" (the shipped model) or "transformers:<model folder>", not ${JSON.stringify(spec)}.`, "MODEL");
  }
  const { UseEmbedder } = await import("./use-embedder.js");
  return UseEmbedder.load();
}
