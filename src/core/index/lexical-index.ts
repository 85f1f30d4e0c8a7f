import MiniSearch from "minisearch";
import type { Chunk } from "../ingest/chunker.js";
import { contentTerms, normalizeTerm, tokenize } from "./terms.js";

export interface LexicalHit {
  id: number;
  score: number;
  terms: string[];
}

/** BM25 ranking (MiniSearch's BM25+) over the same chunks as the vector index. */
export class LexicalIndex {
  private readonly search: MiniSearch<{ id: number; text: string }>;
  /** Every term of the corpus with the number of chunks it appears in. */
  readonly documentFrequency = new Map<string, number>();
  readonly chunkCount: number;

  constructor(chunks: Chunk[]) {
    this.search = new MiniSearch({
      fields: ["text"],
      tokenize,
      processTerm: (term) => normalizeTerm(term) ?? null,
    });
    this.search.addAll(chunks.map((c) => ({ id: c.id, text: c.text })));
    this.chunkCount = chunks.length;
    for (const chunk of chunks) {
      for (const term of new Set(contentTerms(chunk.text))) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
    }
  }

  query(text: string, k: number): LexicalHit[] {
    return this.search
      .search(text, { combineWith: "OR", prefix: false, fuzzy: false })
      .slice(0, k)
      .map((r) => ({ id: r.id as number, score: r.score, terms: r.terms }));
  }

  /** Inverse document frequency of a normalised term; unseen terms get the highest. */
  idf(term: string): number {
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.chunkCount - df + 0.5) / (df + 0.5));
  }
}
