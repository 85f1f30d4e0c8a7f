import MiniSearch, { type AsPlainObject } from "minisearch";
import type { Chunk } from "../ingest/chunker.js";
import { indexTokens, normalizeTerm } from "./terms.js";

export interface LexicalHit {
  id: number;
  score: number;
  terms: string[];
}

/** How much a match in the context header (title, headings, lead-in) counts against one in the sentence. */
export const CONTEXT_BOOST = 0.5;

/**
 * BM25 (MiniSearch's BM25+) over the same chunks as the vector index, with the sentence and its
 * context header as separate fields, plus the corpus statistics the answerer needs: document
 * frequencies and which terms the corpus writes as names.
 */

/** A built index as JSON, so a restart loads it instead of tokenising every sentence again (see lexical-cache.ts). */
export interface SavedLexicalIndex {
  search: AsPlainObject;
  chunkCount: number;
}

const searchOptions = {
  fields: ["text", "context"],
  tokenize: indexTokens,
  processTerm: (term: string) => normalizeTerm(term) ?? null,
};

export class LexicalIndex {
  private readonly search: MiniSearch<{ id: number; text: string; context: string }>;
  /** Every term of the corpus's sentences with the number of chunks it appears in. */
  readonly documentFrequency = new Map<string, number>();
  /** Terms of titles, headings and lead-ins too: everything the corpus says anywhere. */
  readonly vocabulary = new Set<string>();
  private readonly capitalised = new Map<string, [number, number]>();
  /** One way the corpus writes each term ("killed" for "kill"), for lexicons that work on words. */
  readonly surface = new Map<string, string>();
  /** Every word of the corpus, lower-cased, as written. */
  readonly words = new Set<string>();
  readonly chunkCount: number;

  constructor(chunks: Chunk[], saved?: SavedLexicalIndex) {
    // The BM25 postings come from the cache when they can; the corpus statistics are cheap and always recomputed.
    this.search = saved ? MiniSearch.loadJS(saved.search, searchOptions) : new MiniSearch(searchOptions);
    if (!saved) this.search.addAll(chunks.map((c) => ({ id: c.id, text: c.text, context: c.context })));
    this.chunkCount = chunks.length;
    for (const chunk of chunks) {
      // One pass over the sentence's tokens feeds every statistic; the header only adds vocabulary.
      const tokens = indexTokens(chunk.text);
      const terms = tokens.map(normalizeTerm);
      for (const term of new Set(terms)) {
        if (!term) continue;
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
        this.vocabulary.add(term);
      }
      const header = indexTokens(chunk.context);
      header.forEach((token) => this.note(token, normalizeTerm(token)));
      tokens.forEach((token, i) => {
        const term = terms[i]!;
        this.note(token, term);
        // Sentence-initial words are capitalised whatever they are, so they do not count.
        if (i === 0 || !term || /^\p{N}/u.test(term)) return;
        const counts = this.capitalised.get(term) ?? [0, 0];
        // "al-Shabaab" and "ISWAP" are names too: any capital letter counts.
        counts[/\p{Lu}/u.test(token) ? 0 : 1]++;
        this.capitalised.set(term, counts);
      });
    }
  }

  /** Records how the corpus writes a token (and, for the header, that its term exists). */
  private note(token: string, term: string | null): void {
    if (term) {
      this.vocabulary.add(term);
      if (!this.surface.has(term)) this.surface.set(term, token.toLowerCase());
    }
    this.words.add(token.toLowerCase());
  }

  toJSON(): SavedLexicalIndex {
    return { search: this.search.toJSON(), chunkCount: this.chunkCount };
  }

  query(text: string, k: number): LexicalHit[] {
    return this.search
      .search(text, { combineWith: "OR", prefix: false, fuzzy: false, boost: { text: 1, context: CONTEXT_BOOST } })
      .slice(0, k)
      .map((r) => ({ id: r.id as number, score: r.score, terms: r.terms }));
  }

  /** Inverse document frequency of a normalised term; unseen terms get the highest. */
  idf(term: string): number {
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.chunkCount - df + 0.5) / (df + 0.5));
  }

  /** Whether the corpus writes a term as a name ("Dehiwala", "ISWAP"), so a lower-case question still names it. */
  isName(term: string): boolean {
    const [upper, lower] = this.capitalised.get(term) ?? [0, 0];
    return upper > 0 && upper >= 2 * lower;
  }

  has(term: string): boolean {
    return this.vocabulary.has(term);
  }
}
