import type { Chunk } from "../ingest/chunker.js";
import { indexTokens, normalizeTerm } from "./terms.js";

export interface LexicalHit {
  id: number;
  score: number;
  terms: string[];
}

/** How much a match in the context header (title, headings, lead-in) counts against one in the sentence. */
export const CONTEXT_BOOST = 0.5;

/** MiniSearch's BM25+ parameters (its defaults), which this index reproduces. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const FIELD_BOOST = [1, CONTEXT_BOOST];

/** One field's postings: for term t, documents docs[start[t] .. start[t+1]) in ascending order with their term frequencies. */
interface Postings {
  start: Int32Array;
  docs: Int32Array;
  freqs: Int32Array;
  /** Distinct tokens of the field in each document (MiniSearch's field length). */
  lengths: Int32Array;
  averageLength: number;
}

/**
 * Everything the index holds, as plain data: what is saved to disk (lexical-cache.ts) and read
 * back without tokenising the corpus again. Terms are numbered in the order the corpus first uses
 * them (a chunk's header, then its sentence), which is also the order of `surface`.
 */
export interface LexicalData {
  chunkCount: number;
  /** Chunk id of each document (MiniSearch's external id). */
  ids: Int32Array;
  terms: string[];
  /** One way the corpus writes each term, lower-cased ("killed" for "kill"). */
  surface: string[];
  /** Sentence-internal occurrences of each term written with a capital letter, and without. */
  upper: Int32Array;
  lower: Int32Array;
  words: string[];
  fields: [Postings, Postings];
}

/**
 * BM25 over the same chunks as the vector index, with the sentence and its context header as
 * separate fields, plus the corpus statistics the answerer needs: document frequencies and which
 * terms the corpus writes as names.
 *
 * The search reproduces MiniSearch 7's (BM25+, OR of the query terms, a score multiplied by the
 * number of query terms matched, the same field boosts, the same order of ties) to the last bit,
 * which `test/lexical-index.test.ts` checks against MiniSearch itself; the postings are typed
 * arrays instead of nested Maps, about a fifth of the memory, and load from disk without parsing.
 */
export class LexicalIndex {
  private readonly termIds = new Map<string, number>();
  private scratch?: { total: Float64Array; seen: Uint8Array; matched: Int32Array; partial: Float64Array; stamp: Int32Array; order: Int32Array; touched: Int32Array };
  /** Every term of the corpus's sentences with the number of chunks it appears in. */
  readonly documentFrequency: ReadonlyMap<string, number>;
  /** One way the corpus writes each term ("killed" for "kill"), for lexicons that work on words. */
  readonly surface: ReadonlyMap<string, string>;
  readonly chunkCount: number;
  private wordSet?: Set<string>;

  constructor(
    chunks: Chunk[],
    readonly data: LexicalData = LexicalIndex.build(chunks),
  ) {
    this.chunkCount = data.chunkCount;
    data.terms.forEach((term, t) => this.termIds.set(term, t));
    // Views on the arrays rather than Maps of their own: at 50,000 sentences building them cost ~40 ms of every start.
    const { start } = data.fields[0];
    this.documentFrequency = new TermView(this.termIds, data.terms, (t) => (start[t + 1]! > start[t]! ? start[t + 1]! - start[t]! : undefined));
    this.surface = new TermView(this.termIds, data.terms, (t) => data.surface[t]);
  }

  /** Every word of the corpus, lower-cased, as written (made on first use). */
  get words(): ReadonlySet<string> {
    return (this.wordSet ??= new Set(this.data.words));
  }

  /** Tokenises every chunk once: the postings of both fields and the corpus statistics. */
  static build(chunks: Chunk[]): LexicalData {
    const termIds = new Map<string, number>();
    const terms: string[] = [];
    const surface: string[] = [];
    const upper: number[] = [];
    const lower: number[] = [];
    const words = new Set<string>();
    const termOf = (token: string, term: string): number => {
      let t = termIds.get(term);
      if (t === undefined) {
        t = terms.length;
        termIds.set(term, t);
        terms.push(term);
        surface.push(token.toLowerCase());
        upper.push(0);
        lower.push(0);
      }
      return t;
    };
    // Per field: (term, document, frequency) triples in document order, grouped by term below.
    const entries = [[] as number[], [] as number[]];
    const lengths = [new Int32Array(chunks.length), new Int32Array(chunks.length)];
    const averages = [0, 0];
    chunks.forEach((chunk, doc) => {
      const header = indexTokens(chunk.context);
      const sentence = indexTokens(chunk.text);
      const headerTerms = header.map(normalizeTerm);
      const sentenceTerms = sentence.map(normalizeTerm);
      header.forEach((token, i) => {
        if (headerTerms[i]) termOf(token, headerTerms[i]!);
        words.add(token.toLowerCase());
      });
      sentence.forEach((token, i) => {
        const term = sentenceTerms[i];
        if (term) {
          const t = termOf(token, term);
          // Sentence-initial words are capitalised whatever they are, so they do not count; "al-Korvath" and "DVF" are names too.
          if (i > 0 && !/^\p{N}/u.test(term)) (/\p{Lu}/u.test(token) ? upper : lower)[t]!++;
        }
        words.add(token.toLowerCase());
      });
      [sentence, header].forEach((tokens, field) => {
        const termsOfField = field === 0 ? sentenceTerms : headerTerms;
        const length = new Set(tokens).size;
        lengths[field]![doc] = length;
        // MiniSearch's running average, operation for operation, so scores match it exactly.
        averages[field] = (averages[field]! * doc + length) / (doc + 1);
        const counts = new Map<number, number>();
        for (const term of termsOfField) if (term) counts.set(termIds.get(term)!, (counts.get(termIds.get(term)!) ?? 0) + 1);
        for (const [t, freq] of counts) entries[field]!.push(t, doc, freq);
      });
    });
    const fields = entries.map((list, field): Postings => {
      const start = new Int32Array(terms.length + 1);
      for (let i = 0; i < list.length; i += 3) start[list[i]! + 1]!++;
      for (let t = 0; t < terms.length; t++) start[t + 1]! += start[t]!;
      const fill = start.slice(0, terms.length);
      const docs = new Int32Array(list.length / 3);
      const freqs = new Int32Array(list.length / 3);
      for (let i = 0; i < list.length; i += 3) {
        const at = fill[list[i]!]!++;
        docs[at] = list[i + 1]!;
        freqs[at] = list[i + 2]!;
      }
      return { start, docs, freqs, lengths: lengths[field]!, averageLength: averages[field]! };
    }) as [Postings, Postings];
    return {
      chunkCount: chunks.length,
      ids: Int32Array.from(chunks, (c) => c.id),
      terms,
      surface,
      upper: Int32Array.from(upper),
      lower: Int32Array.from(lower),
      words: [...words],
      fields,
    };
  }

  query(text: string, k: number): LexicalHit[] {
    const { fields, chunkCount } = this.data;
    const queryTerms = indexTokens(text)
      .map(normalizeTerm)
      .filter((t): t is string => !!t);
    // Per-document scratch arrays, allocated once per index (a query is synchronous) and reset below
    // for the documents touched: at 50,000 sentences a common word touches thousands of documents,
    // and arrays or objects made per query were promoted by the garbage collector mid-answer.
    const { total, seen, matched, partial, stamp, order, touched } = (this.scratch ??= {
      total: new Float64Array(chunkCount),
      seen: new Uint8Array(chunkCount),
      matched: new Int32Array(chunkCount),
      partial: new Float64Array(chunkCount),
      stamp: new Int32Array(chunkCount),
      order: new Int32Array(chunkCount),
      touched: new Int32Array(chunkCount),
    });
    stamp.fill(0);
    // Documents in the order MiniSearch's OR first meets them (order[0..found)); their summed scores and matched-term counts.
    let found = 0;
    const counted = new Set<string>();
    queryTerms.forEach((term, occurrence) => {
      const t = this.termIds.get(term);
      if (t === undefined) return;
      const firstTime = !counted.has(term);
      counted.add(term);
      // One term's score per document (sentence field, then header), then added to the total as MiniSearch combines terms.
      let touchedCount = 0;
      fields.forEach((postings, field) => {
        const from = postings.start[t]!;
        const to = postings.start[t + 1]!;
        const idf = Math.log(1 + (chunkCount - (to - from) + 0.5) / (to - from + 0.5));
        for (let i = from; i < to; i++) {
          const doc = postings.docs[i]!;
          const freq = postings.freqs[i]!;
          const raw = idf * (BM25.d + (freq * (BM25.k + 1)) / (freq + BM25.k * (1 - BM25.b + (BM25.b * postings.lengths[doc]!) / postings.averageLength)));
          const weighted = FIELD_BOOST[field]! * raw;
          if (stamp[doc] === occurrence + 1) partial[doc]! += weighted;
          else {
            stamp[doc] = occurrence + 1;
            touched[touchedCount++] = doc;
            partial[doc] = weighted;
          }
        }
      });
      for (let i = 0; i < touchedCount; i++) {
        const doc = touched[i]!;
        if (seen[doc]) total[doc]! += partial[doc]!;
        else {
          seen[doc] = 1;
          order[found++] = doc;
          total[doc] = partial[doc]!;
        }
        if (firstTime) matched[doc]!++;
      }
    });
    const score = (position: number) => total[order[position]!]! * (matched[order[position]!]! || 1);
    const best = topPositions(found, k, score);
    const scores = best.map(score);
    for (let i = 0; i < found; i++) {
      seen[order[i]!] = 0;
      matched[order[i]!] = 0;
    }
    const distinct = [...counted];
    return best.map((position, rank) => {
      const doc = order[position]!;
      // MiniSearch reports the matched terms as an object's keys: integer-like terms ("2021") come first, in numeric order.
      const match: Record<string, true> = {};
      for (const term of distinct) {
        const t = this.termIds.get(term)!;
        if (isIn(fields[0], t, doc) || isIn(fields[1], t, doc)) match[term] = true;
      }
      return { id: this.data.ids[doc]!, score: scores[rank]!, terms: Object.keys(match) };
    });
  }

  /** The first chunk among from..to (positions in the chunk list, inclusive) whose sentence has `term`, or -1. */
  firstUse(term: string, from: number, to: number): number {
    const t = this.termIds.get(term);
    if (t === undefined) return -1;
    const { start, docs } = this.data.fields[0];
    // Postings are in document order: the first one at or after `from`.
    const at = firstAtLeast(docs, start[t]!, start[t + 1]!, from);
    return at < start[t + 1]! && docs[at]! <= to ? docs[at]! : -1;
  }

  /** The last chunk among from..to (inclusive) whose sentence has `term`, or -1. */
  lastUse(term: string, from: number, to: number): number {
    const t = this.termIds.get(term);
    if (t === undefined) return -1;
    const { start, docs } = this.data.fields[0];
    // The posting before the first one after `to`.
    const at = firstAtLeast(docs, start[t]!, start[t + 1]!, to + 1) - 1;
    return at >= start[t]! && docs[at]! >= from ? docs[at]! : -1;
  }

  /** Inverse document frequency of a normalised term; unseen terms get the highest. */
  idf(term: string): number {
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.chunkCount - df + 0.5) / (df + 0.5));
  }

  /** Whether the corpus writes a term as a name ("Velmora", "DVF"), so a lower-case question still names it. */
  isName(term: string): boolean {
    const t = this.termIds.get(term);
    const upper = t === undefined ? 0 : this.data.upper[t]!;
    const lower = t === undefined ? 0 : this.data.lower[t]!;
    return upper > 0 && upper >= 2 * lower;
  }

  /** Whether the corpus uses a term anywhere: sentences, titles, headings or lead-ins. */
  has(term: string): boolean {
    return this.termIds.has(term);
  }
}

/** Whether `doc` is in term t's postings of a field (binary search: postings are in document order). */
function isIn(postings: Postings, t: number, doc: number): boolean {
  const at = firstAtLeast(postings.docs, postings.start[t]!, postings.start[t + 1]!, doc);
  return at < postings.start[t + 1]! && postings.docs[at] === doc;
}

/** A read-only Map over the index's terms: a term's value comes from its number, undefined leaves it out. */
class TermView<V> implements ReadonlyMap<string, V> {
  constructor(
    private readonly ids: Map<string, number>,
    private readonly terms: string[],
    private readonly valueOf: (t: number) => V | undefined,
  ) {}

  get(term: string): V | undefined {
    const t = this.ids.get(term);
    return t === undefined ? undefined : this.valueOf(t);
  }

  has(term: string): boolean {
    return this.get(term) !== undefined;
  }

  get size(): number {
    let n = 0;
    for (const _ of this.entries()) n++;
    return n;
  }

  *entries(): MapIterator<[string, V]> {
    for (let t = 0; t < this.terms.length; t++) {
      const value = this.valueOf(t);
      if (value !== undefined) yield [this.terms[t]!, value];
    }
  }

  *keys(): MapIterator<string> {
    for (const [term] of this.entries()) yield term;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [term, value] of this.entries()) callback(value, term, this);
  }
}

/** The first position in docs[lo..hi) holding a value at or above `value` (docs sorted ascending), or hi. */
function firstAtLeast(docs: Int32Array, lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The positions 0..count-1 with the `k` highest scores (at most k, a whole number), best first;
 * equal scores keep position order, as a stable sort of all of them would. A bounded heap: sorting
 * every matching document cost an object per document.
 */
export function topPositions(count: number, k: number, score: (position: number) => number): number[] {
  if (!(k >= 1)) return [];
  k = Math.floor(k);
  // A min-heap by (score, then later position first): its root is the worst position kept.
  const heap: number[] = [];
  const heapScores: number[] = [];
  const worse = (a: number, b: number) => heapScores[a]! < heapScores[b]! || (heapScores[a] === heapScores[b] && heap[a]! > heap[b]!);
  const swap = (a: number, b: number) => {
    const position = heap[a]!;
    heap[a] = heap[b]!;
    heap[b] = position;
    const value = heapScores[a]!;
    heapScores[a] = heapScores[b]!;
    heapScores[b] = value;
  };
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(l, m)) m = l;
      if (r < heap.length && worse(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (let position = 0; position < count; position++) {
    const s = score(position);
    if (heap.length < k) {
      heap.push(position);
      heapScores.push(s);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (s > heapScores[0]!) {
      // Equal to the worst kept: the kept one came first, so it stays.
      heap[0] = position;
      heapScores[0] = s;
      siftDown(0);
    }
  }
  const out: number[] = new Array(heap.length);
  for (let i = heap.length - 1; i >= 0; i--) {
    out[i] = heap[0]!;
    const lastPosition = heap.pop()!;
    const lastScore = heapScores.pop()!;
    if (heap.length) {
      heap[0] = lastPosition;
      heapScores[0] = lastScore;
      siftDown(0);
    }
  }
  return out;
}
