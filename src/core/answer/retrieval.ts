import type { Chunk } from "../ingest/chunker.js";
import { cosine, type Embedder } from "../index/embedder.js";
import type { LexicalIndex } from "../index/lexical-index.js";
import type { VectorIndex } from "../index/vector-index.js";
import type { QuestionAnalysis } from "./question-analysis.js";
import type { StructureIndex } from "./evidence.js";

/** Reciprocal rank fusion constant from Cormack et al. (2009). */
export const RRF_K = 60;
const CANDIDATES = 50;
/**
 * Up to this many chunks every sentence is scored; past it, only the retrieved ones and their
 * paragraphs. On the 72 tuning briefs in one corpus (2,522 sentences) the pool answered as well as
 * scoring everything (1 more hit, 2 more first quotes, 2 more refusals) in half the time.
 */
const SCORE_ALL_BELOW = 1000;
const POOL = 200;

export interface Candidate {
  chunk: Chunk;
  /** Cosine similarity between the query and the chunk's embedding (sentence with its context header). */
  similarity: number;
  denseRank: number | null;
  lexicalRank: number | null;
  /** BM25 score over the sentence and its context header (0 when not retrieved lexically). */
  lexicalScore: number;
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
export async function retrieve(ctx: RetrievalContext, query: string, queryVector?: Float32Array, k = CANDIDATES): Promise<Candidate[]> {
  const vector = queryVector ?? (await ctx.embedder.embed([query]))[0]!;
  const dense = ctx.vectors.search(vector, Math.min(k, ctx.chunks.length));
  const lexical = ctx.lexical.query(query, k);
  const byId = new Map<number, Candidate>();
  const get = (id: number): Candidate => {
    let c = byId.get(id);
    if (!c) {
      c = { chunk: ctx.chunks[id]!, similarity: 0, denseRank: null, lexicalRank: null, lexicalScore: 0, matchedTerms: [], fused: 0 };
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
    c.lexicalScore = hit.score;
    c.matchedTerms = hit.terms;
    c.fused += 1 / (RRF_K + rank + 1);
  });
  // Lexical-only hits beyond the dense shortlist still need a real similarity for the no-answer threshold.
  for (const c of byId.values()) {
    if (c.denseRank === null) c.similarity = ctx.vectors.similarity(c.chunk.id, vector);
  }
  return [...byId.values()].sort((a, b) => b.fused - a.fused || b.similarity - a.similarity);
}

/**
 * The sentences worth scoring for a question: all of them in a brief-sized corpus; in a large one,
 * the dense and lexical hits (the lexical query carries the question's WordNet relatives) and the
 * other sentences of their paragraphs, where an answer often sits next to the sentence that matched.
 */
export async function candidatePool(ctx: RetrievalContext & { structure: StructureIndex }, question: string, analysis: QuestionAnalysis): Promise<Candidate[]> {
  const expansions = analysis.slots.flatMap((s) => [...s.matches.keys()].filter((t) => t !== s.term));
  const query = expansions.length ? `${question} ${expansions.join(" ")}` : question;
  const vector = (await ctx.embedder.embed([question]))[0]!;
  const small = ctx.chunks.length <= SCORE_ALL_BELOW;
  const retrieved = await retrieve(ctx, query, vector, small ? CANDIDATES : POOL);
  const byId = new Map(retrieved.map((c) => [c.chunk.id, c]));
  const wanted = new Set<number>();
  if (small) ctx.chunks.forEach((c) => wanted.add(c.id));
  else for (const c of retrieved) for (const sibling of ctx.structure.siblings(c.chunk)) wanted.add(sibling.id);
  for (const id of wanted) {
    if (byId.has(id)) continue;
    const chunk = ctx.chunks[id]!;
    byId.set(id, { chunk, similarity: similarityOf(ctx, id, vector), denseRank: null, lexicalRank: null, lexicalScore: 0, matchedTerms: [], fused: 0 });
  }
  return [...byId.values()];
}

// Vectors read back from hnswlib once per index, for exact similarities over a brief-sized corpus.
const stored = new WeakMap<VectorIndex, Float32Array[]>();

function similarityOf(ctx: RetrievalContext, id: number, query: Float32Array): number {
  // In a large corpus the cache would grow, question by question, into a second copy of the graph's vectors.
  if (ctx.chunks.length > SCORE_ALL_BELOW) return ctx.vectors.similarity(id, query);
  let all = stored.get(ctx.vectors);
  if (!all) {
    all = [];
    stored.set(ctx.vectors, all);
  }
  return cosine(query, (all[id] ??= ctx.vectors.vector(id)));
}
