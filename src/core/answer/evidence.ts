import { type Chunk, type Paragraph, sectionKey } from "../ingest/chunker.js";
import { contentTerms, normalizeTerm } from "../index/terms.js";
import { isCommonWord } from "../index/wordnet.js";
import { labelPlace } from "../extract/place-and-date.js";
import type { QuestionAnalysis } from "./question-analysis.js";

/**
 * Where a word can be found relative to a sentence, and how much a match there counts: in the
 * sentence itself, earlier in its paragraph (the sentence before names the place, this one gives
 * the toll), in its section's heading or lead-in, in the section, in the document title, in the
 * document. A sentence window and a context header in one, after LlamaIndex's sentence-window
 * parser and contextual retrieval.
 */
export const LEVELS = {
  sentence: 1,
  before: 0.95,
  after: 0.6,
  /** In the paragraph just before, in the same section: a narrative goes on from one paragraph to the next. */
  previous: 0.7,
  heading: 0.8,
  section: 0.6,
  title: 0.55,
  document: 0.3,
};

/** The header and section terms a paragraph's sentences share. */
interface ContextTerms {
  context: string;
  heading: Set<string>;
  /** Terms of the section headings below the title and of the lead-in: where a heading match is not just the title's. */
  section: Set<string>;
}

/** Which sentences use a term, as the lexical index's sentence postings answer it (chunk ids are positions in the chunk list). */
export interface SentenceTerms {
  /** The first chunk among from..to (inclusive) whose sentence has `term`, or -1. */
  firstUse(term: string, from: number, to: number): number;
  /** The last such chunk, or -1. */
  lastUse(term: string, from: number, to: number): number;
}

/**
 * Where a question's terms are found around each sentence. A sentence's own terms come from the
 * lexical index's postings rather than a set per sentence: kept for every sentence ever scored, those
 * sets grew a serving bot's memory by ~20 MB in 90 questions at 50,000 sentences. Header, section,
 * title and document term sets are computed when first asked for and kept for the loaded corpus.
 */
export class StructureIndex {
  private readonly blockChunks = new Map<number, number[]>();
  /** Chunk ids of each section and each document, for the lazily computed term sets below. */
  private readonly sectionChunks = new Map<string, number[]>();
  private readonly documentChunks = new Map<string, number[]>();
  private readonly blockTerms = new Map<string, Set<string>>();
  private readonly sectionTerms = new Map<string, Set<string>>();
  private readonly titleTerms = new Map<string, Set<string>>();
  /** The header and section term sets of each block's sentences. */
  private readonly blockShared = new Map<number, ContextTerms>();
  private readonly documentTerms = new Map<string, Set<string>>();
  /** Each block's section key, worked out once: sectionOf is asked for every term of every candidate. */
  private readonly blockSections = new Map<number, string>();

  constructor(
    readonly chunks: Chunk[],
    readonly paragraphs: Paragraph[],
    private readonly sentences: SentenceTerms,
  ) {
    const ownSections = itemsOwnSections(paragraphs);
    const push = <K>(map: Map<K, number[]>, key: K, id: number) => {
      const list = map.get(key);
      if (list) list.push(id);
      else map.set(key, [id]);
    };
    for (const c of chunks) {
      push(this.blockChunks, c.block, c.id);
      let key = this.blockSections.get(c.block);
      if (key === undefined) {
        const base = sectionKey(paragraphs[c.block]!);
        this.blockSections.set(c.block, (key = ownSections.has(c.block) ? `${base}\u0000${c.block}` : base));
      }
      push(this.sectionChunks, key, c.id);
      push(this.documentChunks, c.source, c.id);
    }
  }

  /** A sentence's header and section terms: a paragraph's sentences share one set each, not one per sentence. */
  private contextTerms(c: Chunk): ContextTerms {
    let shared = this.blockShared.get(c.block);
    if (!shared || shared.context !== c.context) {
      const block = this.paragraphs[c.block]!;
      const section = [...block.headings.slice(1), block.lead ?? ""].flatMap((h) => contentTerms(h));
      shared = { context: c.context, heading: new Set(contentTerms(c.context)), section: new Set(section) };
      this.blockShared.set(c.block, shared);
    }
    return shared;
  }

  /** Whether a chunk's own sentence has a term. */
  sentenceHas(chunk: Chunk, term: string): boolean {
    return this.uses(term, chunk.id);
  }

  private uses(term: string, id: number): boolean {
    return this.sentences.firstUse(term, id, id) === id;
  }

  /** Whether any chunk in `ids` has `term` in its sentence. */
  private anyUses(cache: Map<string, Set<string>>, key: string, ids: number[] | undefined, term: string): boolean {
    if (!ids?.length) return false;
    if (isRun(ids)) return this.sentences.firstUse(term, ids[0]!, ids[ids.length - 1]!) >= 0;
    return this.union(cache, key, ids).has(term);
  }

  /** The sentence terms of every chunk in `ids`, together (cached under `key` in `cache`): for ids that are not one run. */
  private union(cache: Map<string, Set<string>>, key: string, ids: number[] | undefined): Set<string> {
    let set = cache.get(key);
    if (!set) {
      set = new Set<string>();
      for (const id of ids ?? []) for (const t of contentTerms(this.chunks[id]!.text)) set.add(t);
      cache.set(key, set);
    }
    return set;
  }

  private title(source: string): Set<string> {
    let set = this.titleTerms.get(source);
    if (!set) {
      set = new Set<string>();
      const headings = new Set<string>();
      for (const id of this.documentChunks.get(source) ?? []) {
        const c = this.chunks[id]!;
        const heading = this.paragraphs[c.block]!.headings[0];
        if (heading && !headings.has(heading)) for (const t of contentTerms(heading)) set.add(t);
        if (heading) headings.add(heading);
        if (c.kind === "title") for (const t of contentTerms(c.text)) set.add(t);
      }
      this.titleTerms.set(source, set);
    }
    return set;
  }

  private sectionOf(c: Chunk): string {
    return this.blockSections.get(c.block) ?? sectionKey(this.paragraphs[c.block]!);
  }

  /** Whether the paragraph right before a chunk's own, when it is in the same file and section, uses a term. */
  private previousBlockUses(chunk: Chunk, term: string): boolean {
    for (let b = chunk.block - 1; b >= 0; b--) {
      const ids = this.blockChunks.get(b);
      if (!ids) continue;
      const first = this.chunks[ids[0]!]!;
      return this.sectionOf(first) === this.sectionOf(chunk) && this.anyUses(this.blockTerms, String(b), ids, term);
    }
    return false;
  }

  /** Sentences of the same block, in order. */
  siblings(chunk: Chunk): Chunk[] {
    return (this.blockChunks.get(chunk.block) ?? []).map((id) => this.chunks[id]!);
  }

  /**
   * What a block's sentences share for each of a question's terms: which of them use it (the
   * first and last id, -1 when none), its level in the block's header, and (once asked for) its
   * level beyond the block. Worked out once per block, not once per sentence and term; written
   * into `findings`, and where they start there is returned.
   */
  recordBlock(chunk: Chunk, terms: readonly string[], findings: BlockFindings): number {
    const ids = this.blockChunks.get(chunk.block) ?? [chunk.id];
    const [from, to, run] = [ids[0]!, ids[ids.length - 1]!, isRun(ids)];
    const at = findings.add(chunk.block, chunk.context);
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      let first = -1;
      let last = -1;
      if (run) {
        first = this.sentences.firstUse(term, from, to);
        if (first >= 0) last = this.sentences.lastUse(term, from, to);
      } else {
        for (const id of ids) {
          if (!this.uses(term, id)) continue;
          if (first < 0) first = id;
          last = id;
        }
      }
      findings.firstUse[at + t] = first;
      findings.lastUse[at + t] = last;
      findings.heading[at + t] = this.headingLevel(chunk, term);
    }
    return at;
  }

  /** The level of term number `t` around a chunk, from its block's findings at offset `at`. */
  levelIn(findings: BlockFindings, at: number, chunk: Chunk, t: number, term: string): number {
    const id = chunk.id;
    const first = findings.firstUse[at + t]!;
    const last = findings.lastUse[at + t]!;
    let best = 0;
    if (first >= 0) {
      if (id === first || id === last || (id > first && id < last && this.sentenceHas(chunk, term))) return LEVELS.sentence;
      // The better of the two sides that use it (calibration may weigh "after" above "before").
      best = Math.max(first < id ? LEVELS.before : 0, last > id ? LEVELS.after : 0);
    }
    // A block's sentences nearly always share one header; one that does not is looked up on its own.
    best = Math.max(best, chunk.context === findings.contextAt(at) ? findings.heading[at + t]! : this.headingLevel(chunk, term));
    if (best) return best;
    let beyond = findings.beyond[at + t]!;
    if (Number.isNaN(beyond)) findings.beyond[at + t] = beyond = this.beyondBlock(chunk, term);
    return beyond;
  }

  /** A term's level in a chunk's header: its section heading or lead-in, or the document title (0 when absent). */
  private headingLevel(chunk: Chunk, term: string): number {
    const context = this.contextTerms(chunk);
    if (!context.heading.has(term)) return 0;
    return this.title(chunk.source).has(term) && !context.section.has(term) ? LEVELS.title : LEVELS.heading;
  }

  /** A term's level outside a chunk's block: the paragraph before, the section, the title, the document. */
  private beyondBlock(chunk: Chunk, term: string): number {
    if (LEVELS.previous && this.previousBlockUses(chunk, term)) return LEVELS.previous;
    const section = this.sectionOf(chunk);
    if (this.anyUses(this.sectionTerms, section, this.sectionChunks.get(section), term)) return LEVELS.section;
    if (this.title(chunk.source).has(term)) return LEVELS.title;
    if (this.anyUses(this.documentTerms, chunk.source, this.documentChunks.get(chunk.source), term)) return LEVELS.document;
    return 0;
  }
}

/** Whether ascending `ids` are consecutive, so one postings lookup over their range answers for all of them. */
function isRun(ids: number[]): boolean {
  return ids[ids.length - 1]! - ids[0]! === ids.length - 1;
}

/**
 * Each block's findings for one question's numbered terms (see StructureIndex.recordBlock), side
 * by side in typed arrays that grow as blocks are met: four small arrays per block, kept for the
 * whole answer, were most of what the garbage collector promoted per question at 50,000 sentences.
 */
export class BlockFindings {
  private readonly offsets = new Map<number, number>();
  private readonly contexts: string[] = [];
  /** One row per block: a question without terms still gets a row, so each block has its own offset. */
  private readonly width: number;
  // Replaced by larger arrays as blocks are added: read them through this object, never keep one across add().
  firstUse = new Int32Array(0);
  lastUse = new Int32Array(0);
  heading = new Float64Array(0);
  /** NaN until asked for. */
  beyond = new Float64Array(0);

  constructor(terms: number) {
    this.width = Math.max(1, terms);
  }

  /** Where a block's findings start, if it has them. */
  offsetOf(block: number): number | undefined {
    return this.offsets.get(block);
  }

  /** The header the findings at `at` were read under. */
  contextAt(at: number): string {
    return this.contexts[at / this.width]!;
  }

  /** Room for a block's findings, read under header `context`: their offset. */
  add(block: number, context: string): number {
    const at = this.contexts.length * this.width;
    if (at + this.width > this.firstUse.length) this.grow(Math.max(64 * this.width, 2 * this.firstUse.length));
    this.contexts.push(context);
    this.offsets.set(block, at);
    return at;
  }

  private grow(size: number): void {
    const grown = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T) => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.firstUse = grown(this.firstUse, (n) => new Int32Array(n));
    this.lastUse = grown(this.lastUse, (n) => new Int32Array(n));
    this.heading = grown(this.heading, (n) => new Float64Array(n));
    const beyond = new Float64Array(size).fill(NaN);
    beyond.set(this.beyond);
    this.beyond = beyond;
  }
}

/**
 * One question's terms, numbered, with each block's findings for them: a question's terms are
 * looked up around every sentence of every paragraph in its pool, and with typed arrays per block a
 * lookup is an index instead of a string hashed into a map (at 50,000 sentences this was a third
 * of an answer).
 */
class QuestionLevels {
  private readonly terms: string[] = [];
  /** Per slot of the question: the numbers of its terms and their weights. */
  private readonly slotTerms: { ids: number[]; weights: number[] }[];
  private readonly findings: BlockFindings;

  constructor(
    private readonly structure: StructureIndex,
    q: QuestionAnalysis,
  ) {
    const numbers = new Map<string, number>();
    this.slotTerms = q.slots.map((slot) => {
      const ids: number[] = [];
      const weights: number[] = [];
      slot.matches.forEach((weight, term) => {
        let t = numbers.get(term);
        if (t === undefined) numbers.set(term, (t = this.terms.push(term) - 1));
        ids.push(t);
        weights.push(weight);
      });
      return { ids, weights };
    });
    this.findings = new BlockFindings(this.terms.length);
  }

  /** Whether these findings are about this corpus's structure (a question is answered against one corpus). */
  isFor(structure: StructureIndex): boolean {
    return this.structure === structure;
  }

  /** How well slot number `i` is satisfied around a chunk: the best (weight × level) over its terms. */
  slotMatch(chunk: Chunk, i: number, sentenceOnly: boolean): number {
    const { ids, weights } = this.slotTerms[i]!;
    let at: number | undefined;
    if (!sentenceOnly) at = this.findings.offsetOf(chunk.block) ?? this.structure.recordBlock(chunk, this.terms, this.findings);
    let best = 0;
    for (let k = 0; k < ids.length; k++) {
      const term = this.terms[ids[k]!]!;
      const level = at !== undefined ? this.structure.levelIn(this.findings, at, chunk, ids[k]!, term) : this.structure.sentenceHas(chunk, term) ? 1 : 0;
      best = Math.max(best, weights[k]! * level);
    }
    return best;
  }
}

/**
 * Blocks that are sections of their own: items labelled with a place ("4. **Velmora, March 2021.** …")
 * in a section that lists two or more such items, since each tells its own story. Prose under one
 * dateline, or a timeline whose items are labelled with times ("**Late afternoon.**"), is not split.
 */
function itemsOwnSections(paragraphs: Paragraph[]): Set<number> {
  const items = new Map<string, number[]>();
  paragraphs.forEach((p, block) => {
    if (!p.lead || !namesPlace(p.lead)) return;
    const key = sectionKey(p);
    items.set(key, [...(items.get(key) ?? []), block]);
  });
  return new Set([...items.values()].filter((blocks) => blocks.length >= 2).flat());
}

/** Whether a lead-in names a place ("Velmora, March 2021"), by words that are neither common words nor stop words. */
function namesPlace(lead: string): boolean {
  return labelPlace(lead, (w) => normalizeTerm(w) !== null && !isCommonWord(w)) !== null;
}

export interface Coverage {
  /** IDF-weighted share of all question words found around the sentence. */
  all: number;
  /** Of the names and figures the question is about. */
  subject: number;
  /** Of the other words (what is asked about the subject), in the sentence itself. */
  relation: number;
  /** IDF-weighted share of question words the corpus never uses, even through WordNet. */
  missing: number;
}

const questionLevels = new WeakMap<QuestionAnalysis, QuestionLevels>();

/** The question's numbered terms and block findings: they live as long as the question's analysis. */
function levelsFor(structure: StructureIndex, q: QuestionAnalysis): QuestionLevels {
  let levels = questionLevels.get(q);
  if (!levels?.isFor(structure)) questionLevels.set(q, (levels = new QuestionLevels(structure, q)));
  return levels;
}

export function coverage(structure: StructureIndex, chunk: Chunk, q: QuestionAnalysis, options: { sentenceOnly?: boolean } = {}): Coverage {
  let total = 0;
  let all = 0;
  let subjectTotal = 0;
  let subject = 0;
  let relationTotal = 0;
  let relation = 0;
  let missing = 0;
  const levels = levelsFor(structure, q);
  q.slots.forEach((slot, i) => {
    const w = slot.weight;
    total += w;
    if (slot.missing) {
      // A word the corpus never uses is most likely what the question is about ("Greenland").
      missing += w;
      subjectTotal += w;
      return;
    }
    const m = levels.slotMatch(chunk, i, options.sentenceOnly ?? false);
    // A word matched only through a broader or narrower word ("population" → people) is half missing.
    if (slot.onlyBroad) missing += 0.5 * w;
    all += w * m;
    if (slot.isSubject) {
      subjectTotal += w;
      subject += w * m;
    } else {
      relationTotal += w;
      relation += w * Math.max(levels.slotMatch(chunk, i, true), 0.5 * m);
    }
  });
  return {
    all: total ? all / total : 0,
    subject: subjectTotal ? subject / subjectTotal : 1,
    relation: relationTotal ? relation / relationTotal : 1,
    missing: total ? missing / total : 0,
  };
}
