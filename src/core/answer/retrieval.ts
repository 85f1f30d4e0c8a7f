import type { Chunk } from "../ingest/chunker.js";
import { cosine, type Embedder } from "../index/embedder.js";
import type { LexicalIndex } from "../index/lexical-index.js";
import type { VectorIndex } from "../index/vector-index.js";

/** Reciprocal rank fusion constant from Cormack et al. (2009). */
export const RRF_K = 60;
const CANDIDATES = 50;

export interface Candidate {
  chunk: Chunk;
  /** Cosine similarity between the query and the sentence embeddings. */
  similarity: number;
  denseRank: number | null;
  lexicalRank: number | null;
  /** Query terms this sentence shares with the question (normalised). */
  matchedTerms: string[];
  fused: number;
}

export interface RetrievalContext {
  chunks: Chunk[];
  embedder: Embedder;
  vectors: VectorIndex;
  lexical: LexicalIndex;
}

/**
 * Dense HNSW neighbours and BM25 hits fused by reciprocal rank, so names and figures the
 * embedding misses still surface. Every candidate carries its exact similarity for thresholds.
 */
export async function retrieve(ctx: RetrievalContext, query: string, queryVector?: Float32Array): Promise<Candidate[]> {
  const vector = queryVector ?? (await ctx.embedder.embed([query]))[0]!;
  const dense = ctx.vectors.search(vector, CANDIDATES);
  const lexical = ctx.lexical.query(query, CANDIDATES);
  const byId = new Map<number, Candidate>();
  const get = (id: number): Candidate => {
    let c = byId.get(id);
    if (!c) {
      c = { chunk: ctx.chunks[id]!, similarity: 0, denseRank: null, lexicalRank: null, matchedTerms: [], fused: 0 };
      byId.set(id, c);
    }
    return c;
  };
  dense.forEach((hit, rank) => {
    const c = get(hit.id);
    c.similarity = hit.similarity;
    c.denseRank = rank + 1;
    c.fused += 1 / (RRF_K + rank + 1);
  });
  lexical.forEach((hit, rank) => {
    const c = get(hit.id);
    c.lexicalRank = rank + 1;
    c.matchedTerms = hit.terms;
    c.fused += 1 / (RRF_K + rank + 1);
  });
  // Lexical-only hits beyond the dense shortlist still need a real similarity for the no-answer threshold.
  for (const c of byId.values()) {
    if (c.denseRank === null) c.similarity = cosine(vector, ctx.vectors.vector(c.chunk.id));
  }
  return [...byId.values()].sort((a, b) => b.fused - a.fused || b.similarity - a.similarity);
}
