/** Turns text into unit-length vectors. Implementations run fully offline. */
export interface Embedder {
  /** Identifies the weights, recorded in the index manifest so a model change forces a rebuild. */
  readonly id: string;
  readonly dimension: number;
  embed(texts: string[]): Promise<Float32Array[]>;
  /**
   * The size of an input as the model sees it (its tokens): a model call pads every input to the
   * longest, so big jobs batch inputs of one size together. Without it, characters stand in.
   */
  inputLength?(text: string): number;
}

export function normalize(vector: ArrayLike<number>): Float32Array {
  let norm = 0;
  for (let i = 0; i < vector.length; i++) norm += vector[i]! * vector[i]!;
  norm = Math.sqrt(norm) || 1;
  const out = new Float32Array(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = vector[i]! / norm;
  return out;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}
