import type { Chunk, Paragraph } from "../ingest/chunker.js";
import { contentTerms } from "../index/terms.js";
import type { QuestionAnalysis, Slot } from "./question-analysis.js";

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

interface ChunkTerms {
  own: Set<string>;
  heading: Set<string>;
  /** Terms of the section headings below the title and of the lead-in: where a heading match is not just the title's. */
  section: Set<string>;
}

/** Term sets of every chunk, block, section and document, computed once per loaded corpus. */
export class StructureIndex {
  private readonly chunkTerms: ChunkTerms[];
  private readonly blockChunks = new Map<number, number[]>();
  private readonly blockTerms = new Map<number, Set<string>>();
  private readonly sectionTerms = new Map<string, Set<string>>();
  private readonly titleTerms = new Map<string, Set<string>>();
  private readonly documentTerms = new Map<string, Set<string>>();

  constructor(
    readonly chunks: Chunk[],
    readonly paragraphs: Paragraph[],
  ) {
    this.chunkTerms = chunks.map((c) => {
      const block = paragraphs[c.block]!;
      const section = [...block.headings.slice(1), block.lead ?? ""].flatMap((h) => contentTerms(h));
      return { own: new Set(contentTerms(c.text)), heading: new Set(contentTerms(c.context)), section: new Set(section) };
    });
    for (const c of chunks) {
      const list = this.blockChunks.get(c.block) ?? [];
      list.push(c.id);
      this.blockChunks.set(c.block, list);
      const block = paragraphs[c.block]!;
      const add = (map: Map<string, Set<string>>, key: string, terms: Iterable<string>) => {
        const set = map.get(key) ?? new Set<string>();
        for (const t of terms) set.add(t);
        map.set(key, set);
      };
      add(this.sectionTerms, this.sectionKey(c), this.chunkTerms[c.id]!.own);
      add(this.blockTerms as Map<unknown, Set<string>> as Map<string, Set<string>>, c.block as unknown as string, this.chunkTerms[c.id]!.own);
      add(this.documentTerms, c.source, this.chunkTerms[c.id]!.own);
      if (block.headings[0]) add(this.titleTerms, c.source, contentTerms(block.headings[0]));
      if (c.kind === "title") add(this.titleTerms, c.source, this.chunkTerms[c.id]!.own);
    }
  }

  private sectionKey(c: Chunk): string {
    return `${c.source}\u0000${this.paragraphs[c.block]!.headings.join("\u0000")}`;
  }

  /** Terms of the paragraph right before a chunk's own, when it is in the same file and section. */
  private previousBlockTerms(chunk: Chunk): Set<string> | undefined {
    for (let b = chunk.block - 1; b >= 0; b--) {
      const terms = this.blockTerms.get(b);
      if (!terms) continue;
      const first = this.chunks[this.blockChunks.get(b)![0]!]!;
      return this.sectionKey(first) === this.sectionKey(chunk) ? terms : undefined;
    }
    return undefined;
  }

  /** Sentences of the same block, in order. */
  siblings(chunk: Chunk): Chunk[] {
    return (this.blockChunks.get(chunk.block) ?? []).map((id) => this.chunks[id]!);
  }

  ownTerms(chunk: Chunk): Set<string> {
    return this.chunkTerms[chunk.id]!.own;
  }

  /** How strongly a term is present around a chunk: the best level at which it occurs, or 0. */
  level(chunk: Chunk, term: string): number {
    const own = this.chunkTerms[chunk.id]!;
    if (own.own.has(term)) return LEVELS.sentence;
    let best = 0;
    for (const sibling of this.siblings(chunk)) {
      if (sibling.id === chunk.id || !this.chunkTerms[sibling.id]!.own.has(term)) continue;
      best = Math.max(best, sibling.id < chunk.id ? LEVELS.before : LEVELS.after);
    }
    if (own.heading.has(term)) best = Math.max(best, this.titleTerms.get(chunk.source)?.has(term) && !own.section.has(term) ? LEVELS.title : LEVELS.heading);
    if (best) return best;
    if (LEVELS.previous && this.previousBlockTerms(chunk)?.has(term)) return LEVELS.previous;
    if (this.sectionTerms.get(this.sectionKey(chunk))?.has(term)) return LEVELS.section;
    if (this.titleTerms.get(chunk.source)?.has(term)) return LEVELS.title;
    if (this.documentTerms.get(chunk.source)?.has(term)) return LEVELS.document;
    return 0;
  }
}

/** How well one slot is satisfied around a chunk: the best (relative weight × level) over the terms that stand for it. */
export function slotMatch(structure: StructureIndex, chunk: Chunk, slot: Slot, sentenceOnly = false): number {
  let best = 0;
  for (const [term, weight] of slot.matches) {
    const level = sentenceOnly ? (structure.ownTerms(chunk).has(term) ? 1 : 0) : structure.level(chunk, term);
    best = Math.max(best, weight * level);
  }
  return best;
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

export function coverage(structure: StructureIndex, chunk: Chunk, q: QuestionAnalysis, options: { sentenceOnly?: boolean } = {}): Coverage {
  let total = 0;
  let all = 0;
  let subjectTotal = 0;
  let subject = 0;
  let relationTotal = 0;
  let relation = 0;
  let missing = 0;
  for (const slot of q.slots) {
    const w = slot.weight;
    total += w;
    if (slot.missing) {
      // A word the corpus never uses is most likely what the question is about ("Australia").
      missing += w;
      subjectTotal += w;
      continue;
    }
    const m = slotMatch(structure, chunk, slot, options.sentenceOnly);
    // A word matched only through a broader or narrower word ("population" → people) is half missing.
    if (slot.onlyBroad) missing += 0.5 * w;
    all += w * m;
    if (slot.isSubject) {
      subjectTotal += w;
      subject += w * m;
    } else {
      relationTotal += w;
      relation += w * Math.max(slotMatch(structure, chunk, slot, true), 0.5 * m);
    }
  }
  return {
    all: total ? all / total : 0,
    subject: subjectTotal ? subject / subjectTotal : 1,
    relation: relationTotal ? relation / relationTotal : 1,
    missing: total ? missing / total : 0,
  };
}
