import MiniSearch, { type AsPlainObject } from "minisearch";
import type { Chunk } from "../ingest/chunker.js";
import { contentTerms, normalizeTerm, tokenize } from "./terms.js";

export interface LexicalHit {
  id: number;
  score: number;
  terms: string[];
}

/** A built index as JSON, so a restart loads it instead of tokenising every sentence again (see lexical-cache.ts). */
export interface SavedLexicalIndex {
  search: AsPlainObject;
  documentFrequency: [string, number][];
  chunkCount: number;
}

const searchOptions = {
  fields: ["text"],
  tokenize,
  processTerm: (term: string) => normalizeTerm(term) ?? null,
};

/** BM25 ranking (MiniSearch's BM25+) over the same chunks as the vector index. */
export class LexicalIndex {
  private readonly search: MiniSearch<{ id: number; text: string }>;
  /** Every term of the corpus with the number of chunks it appears in. */
  readonly documentFrequency = new Map<string, number>();
  readonly chunkCount: number;

  constructor(chunks: Chunk[], saved?: SavedLexicalIndex) {
    if (saved) {
      this.search = MiniSearch.loadJS(saved.search, searchOptions);
      this.documentFrequency = new Map(saved.documentFrequency);
      this.chunkCount = saved.chunkCount;
      return;
    }
    this.search = new MiniSearch(searchOptions);
    this.search.addAll(chunks.map((c) => ({ id: c.id, text: c.text })));
    this.chunkCount = chunks.length;
    for (const chunk of chunks) {
      for (const term of new Set(contentTerms(chunk.text))) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
    }
  }

  toJSON(): SavedLexicalIndex {
    return { search: this.search.toJSON(), documentFrequency: [...this.documentFrequency], chunkCount: this.chunkCount };
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
