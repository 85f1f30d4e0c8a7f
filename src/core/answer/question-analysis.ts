import type { LexicalIndex } from "../index/lexical-index.js";
import { normalizeTerm, tokenize } from "../index/terms.js";
import { antonyms, isCommonWord, isKnownName, isInflectedVerb, isPluralNoun, nounClass, relatedWords, type Relation } from "../index/wordnet.js";
import { type CasualtyKind, casualtyKindOfWord } from "../extract/casualty-lexicon.js";

/** How much a different word of the same kind of harm counts ("died" for "killed"). */
const SAME_HARM = 0.9;
const harmTerms = new WeakMap<LexicalIndex, Map<CasualtyKind, string[]>>();

/** The corpus's words for deaths and for injuries, found once per corpus. */
function corpusHarmTerms(lexical: LexicalIndex): Map<CasualtyKind, string[]> {
  let map = harmTerms.get(lexical);
  if (!map) {
    map = new Map<CasualtyKind, string[]>([["killed", []], ["injured", []]]);
    for (const [term, word] of lexical.surface) {
      // Figures are no words of harm, and a large corpus has tens of thousands of them.
      if (/^\p{N}/u.test(word)) continue;
      const kind = casualtyKindOfWord(word);
      if (kind) map.get(kind)!.push(term);
    }
    harmTerms.set(lexical, map);
  }
  return map;
}

/**
 * What a question asks for (after Li & Roth's coarse classes, with counts of casualties split
 * out because briefs are full of them). "other" asks for a description.
 */
export type AnswerType = "killed" | "injured" | "count" | "when" | "where" | "who" | "why" | "yesno" | "other";

/** One word of the question and the corpus terms that can stand for it, each with a weight ≤ 1. */
export interface Slot {
  word: string;
  term: string;
  /** Corpus terms that satisfy the slot: the term itself (1) and WordNet relatives found in the corpus. */
  matches: Map<string, number>;
  weight: number;
  /** A name or figure ("Velmora", "2024"): what the question is about, rather than what it asks. */
  isSubject: boolean;
  /** Neither the word nor any relative occurs anywhere in the corpus. */
  missing: boolean;
  /** Only a broader or narrower word occurs (WordNet hypernym or hyponym), not the word or a synonym. */
  onlyBroad: boolean;
}

export interface QuestionAnalysis {
  text: string;
  type: AnswerType;
  /** The noun after "how many" ("gunmen", "vehicles"), normalised, when the question counts something. */
  focus: string | null;
  slots: Slot[];
  /** The question asks for the latest figure ("final", "latest", "after the correction"). */
  wantsLatest: boolean;
  /** The question asks for the first figure ("initially", "first reports"). */
  wantsFirst: boolean;
  /** The question asks for the largest or smallest of several figures ("the highest death toll given"). */
  wantsExtreme: "max" | "min" | null;
  /** The harm the question speaks of, read once for every candidate sentence. */
  harm: {
    /** Kinds of harm its words name ("killed", "hurt"). */
    kinds: Set<CasualtyKind>;
    /** The harm asked about as a verb ("Which diplomat died …"), not an event's name such as "massacre". */
    asked: CasualtyKind | null;
    /** WordNet's opposites of its words of harm ("hurt" → unhurt), single words only. */
    opposites: Set<string>;
    /**
     * Whether it speaks of harm at all: a word of harm, or a content word whose WordNet synonyms or
     * hypernyms are, or the hypernyms of its hypernyms ("gunned down" → shoot → kill).
     */
    spoken: boolean;
  };
}

const INFLECTIONS = ["", "s", "es", "ed", "d", "ing", "ren", "'s", "’s"];
export const RELATION_WEIGHT: Record<Relation, number> = { synonym: 0.9, derived: 0.8, pertainym: 0.9, hypernym: 0.6, hyponym: 0.5 };
const LATEST = /\b(?:final|finally|latest|last|revised|revision|updated|corrected|correction|recount|now|current|confirmed|eventual|eventually|in the end|ultimately|overall)\b/iu;
// Superlatives of size and amount, the grammar of "which of the figures".
const MAX = /\b(?:highest|largest|biggest|greatest|maximum|worst|most)\b/iu;
const MIN = /\b(?:lowest|smallest|fewest|least|minimum)\b/iu;
function extremeOf(lower: string): "max" | "min" | null {
  // "at least" and "at most" bound a figure; they do not pick one of several.
  const plain = lower.replace(/\bat\s+(?:least|most)\b/gu, "");
  return MAX.test(plain) ? "max" : MIN.test(plain) ? "min" : null;
}
const FIRST = /\b(?:first|initial|initially|early|earliest|original|originally)\b\s+(?:toll|figure|count|report|estimate|number)/iu;

/**
 * Whether "how many" counts things rather than people or harm: "how many recommendations did the casualty
 * review board make" asks for a number of recommendations, its word of harm only part of a
 * name. A verb of harm keeps the question one of harm ("how many security forces were killed").
 */
function countedThing(lower: string, words: string[]): boolean {
  const phrase = howManyPhrase(lower) ?? [];
  if (!phrase.length || phrase.some((w) => casualtyKindOfWord(w) !== null || nounClass(w) === "people")) return false;
  if (nounClass(phrase[phrase.length - 1]!) === null) return false;
  return !words.some((w) => casualtyKindOfWord(w) !== null && isInflectedVerb(w));
}

function classify(question: string, lower: string): AnswerType {
  const words = tokenize(question);
  const casualty = words.map((t) => casualtyKindOfWord(t)).find((k) => k !== null) ?? null;
  if (/\bhow\s+(?:many|much)\b|\bhow\s+(?:big|large|high)\b/iu.test(lower)) return casualty && !countedThing(lower, words) ? casualty : "count";
  if (/\bhow\s+old\b|\bwhat\s+age\b/iu.test(lower)) return "count";
  if (/^\s*(?:why|how\s+come)\b|\bfor\s+what\s+reason\b|\bwhat\s+(?:(?:was|were|is|are)\s+(?:the|their|its|his|her)\s+)?(?:reasons?|motives?|motivation)\b/iu.test(lower)) return "why";
  if (/^\s*(?:when|what\s+(?:time|date|day|year|month))\b|\bon\s+what\s+(?:date|day)\b|\bsince\s+when\b/iu.test(lower)) return "when";
  if (/^\s*where\b|\b(?:which|what)\s+(?:town|city|village|country|province|region|district|place|area|location)\b/iu.test(lower)) return "where";
  if (/^\s*(?:who|whom|whose)\b|\bwhat(?:'s|\s+(?:is|was|were|are))\s+the\s+names?\s+of\b|\b(?:which|what)\s+(?:group|outfit|organi[sz]ation|faction|militia|movement|person|man|woman|official|party|country)\b/iu.test(lower)) {
    return "who";
  }
  // "Which diplomat …", "which harbour police officer …": the head noun says whether a person or a place is asked for.
  const askedClass = askedClassOf(lower);
  if (askedClass === "people") return "who";
  if (askedClass === "location") return "where";
  if (/^\s*(?:is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\b/iu.test(lower)) return "yesno";
  if (/\bnumber\s+of\b|\btoll\b|\bfigure\b|\bcount\b/iu.test(lower)) return casualty ?? "count";
  return casualty && /\b(?:casualt|deaths?\b|dead\b|killed|wounded|injured)/iu.test(lower) ? casualty : "other";
}

// Closed classes of words, for finding the phrases of a question.
const AUXILIARY = /^(?:is|are|was|were|be|been|did|does|do|has|have|had|can|could|will|would|should)$/u;
const DETERMINER_OR_PREPOSITION = /^(?:the|a|an|this|that|these|those|its|their|his|her|each|every|per|of|on|in|at|for|to|from|by|with|near|during|against|into|over|after|before)$/u;
const CONJUNCTION = /^(?:and|or|but|who|that|when|why|how|where)$/u;

/**
 * A noun phrase ends at an auxiliary, a determiner, a preposition or a conjunction, or at a past form
 * of a verb ("claimed", "died", "took"), unless it is an -ed form before a common noun ("armed men");
 * a word in -s is read as a plural noun ("troops").
 */
export function endsPhrase(word: string, next: string | undefined): boolean {
  if (AUXILIARY.test(word) || DETERMINER_OR_PREPOSITION.test(word) || CONJUNCTION.test(word)) return true;
  if (/s$/u.test(word) || !isInflectedVerb(word)) return false;
  return !(/ed$/u.test(word) && next && isCommonWord(next) && nounClass(next) !== null);
}

/** The words of the noun phrase a question word opens ("which … police officer | was killed"), at most five. */
export function phraseAfter(words: string[]): string[] {
  const phrase: string[] = [];
  for (const [i, word] of words.slice(0, 5).entries()) {
    if (endsPhrase(word, words[i + 1])) break;
    phrase.push(word);
  }
  return phrase;
}

/**
 * Whether a which/what question asks for a person or a place: the class of the last person or place
 * noun in the phrase it opens with ("which harbour police officer was killed" → officer, a person;
 * "which gunmen shot …" → gunmen, not "shot").
 */
function askedClassOf(lower: string): "people" | "location" | null {
  const rest = /^\s*(?:which|what)\s+(.*)$/u.exec(lower)?.[1];
  let asked: "people" | "location" | null = null;
  for (const word of phraseAfter(rest?.match(/[\p{L}-]+/gu) ?? [])) {
    if (/^(?:kind|sort|type)$/u.test(word) || casualtyKindOfWord(word)) continue;
    const c = nounClass(word);
    if (c === "people" || c === "location") asked = c;
  }
  return asked;
}

/** The focus of "How old was ...?": an age, which is a measure rather than a count. */
export const AGE = "age";
/** The focus of "How much …?": an amount (money, weight, volume), which a count of people or things does not give. */
export const AMOUNT = "amount";

/**
 * The noun a "how many" question counts: the first plural noun of the phrase after "how many", else
 * its last noun ("how many armed gunmen attacked …" → gunmen, "how many spare tyres did …" → tyres,
 * "how many soldiers guard …" → soldiers), else its first word.
 */
function focusOf(lower: string): string | null {
  if (/\bhow\s+old\b|\bwhat\s+age\b/iu.test(lower)) return AGE;
  if (/\bhow\s+much\b/iu.test(lower)) return AMOUNT;
  const m = HOW_MANY.exec(lower);
  if (!m) return null;
  const words = m[1]!.split(/\s+/u);
  const nouns = phraseAfter(words).filter((w) => nounClass(w) !== null && normalizeTerm(w));
  const head = nouns.find((w) => isPluralNoun(w)) ?? nouns[nouns.length - 1];
  return normalizeTerm(head ?? words[0]!);
}

// "How many of the convoy's vehicles": skip "of the" and a possessive to reach the counted noun.
const HOW_MANY = /\bhow\s+many\s+(?:of\s+(?:the|their|its|his|her)\s+)?(?:[\p{L}-]+['’]s\s+)?([\p{L}-]+(?:\s+[\p{L}-]+){0,3})/u;

/** The noun phrase "how many" counts ("how many unexploded bombs | did …" → unexploded, bombs), or null. */
function howManyPhrase(lower: string): string[] | null {
  const m = HOW_MANY.exec(lower);
  return m ? phraseAfter(m[1]!.split(/\s+/u)) : null;
}

/**
 * The words of the event a who-question names after its verb: "Who claimed | the bombing of the
 * ferry terminal?", "Who was the leader | of the group?". They say which event is meant, like a
 * name, so they are the question's subject; the verb before them ("claimed", "leader") is what is
 * asked about it. They end at a conjunction ("… the attack | and why?").
 */
function objectOfWho(words: string[]): Set<string> {
  const lower = words.map((w) => w.toLowerCase());
  let i = 0;
  if (lower[0] === "who" || lower[0] === "whom") i = 1;
  else if (lower[0] === "which" || lower[0] === "what") {
    // "What was the name of …" opens with no noun: there the asked person follows "of", and nothing is read as the event.
    i = 1 + phraseAfter(lower.slice(1)).length;
    if (i === 1) return new Set();
  } else return new Set();
  // "Which group did the police say was behind …": with do-support the wh-word is the verb's object, and what follows is a clause.
  if (/^(?:did|does|do)$/u.test(lower[i] ?? "")) return new Set();
  while (i < lower.length && AUXILIARY.test(lower[i]!)) i++;
  let content = 0;
  for (; i < lower.length; i++) {
    if (DETERMINER_OR_PREPOSITION.test(lower[i]!)) {
      if (content > 0) break;
      continue;
    }
    content++;
  }
  if (!content || i >= lower.length) return new Set();
  const rest = lower.slice(i);
  // A relative clause ("… the ambush that killed …") still names the event; a coordinated question does not.
  const end = rest.findIndex((w) => /^(?:and|or|but|why|how)$/u.test(w));
  return new Set(end >= 0 ? rest.slice(0, end) : rest);
}

/** Reads a question against a corpus: its answer type and its words with the corpus terms that can stand for them. */
export function analyseQuestion(question: string, lexical: LexicalIndex, options: { lexicon?: boolean } = {}): QuestionAnalysis {
  const lower = question.toLowerCase();
  const type = classify(question, lower);
  const slots = new Map<string, Slot>();
  const words = tokenize(question);
  const object = type === "who" ? objectOfWho(words) : new Set<string>();
  // Two-word entries WordNet knows ("car bomb", "police officer"), credited to both words.
  const pairMatches = new Map<string, Map<string, number>>();
  if (options.lexicon !== false) {
    for (let i = 0; i + 1 < words.length; i++) {
      const related = relatedWords(`${words[i]} ${words[i + 1]}`);
      if (!related.length) continue;
      const found = new Map<string, number>();
      for (const r of related) {
        for (const part of r.word.split(/[\s-]+/u)) {
          const t = normalizeTerm(part);
          if (t && lexical.has(t)) found.set(t, Math.max(found.get(t) ?? 0, RELATION_WEIGHT[r.relation]));
        }
      }
      for (const w of [words[i]!, words[i + 1]!]) {
        const merged = pairMatches.get(w.toLowerCase()) ?? new Map<string, number>();
        for (const [t, wt] of found) merged.set(t, Math.max(merged.get(t) ?? 0, wt));
        pairMatches.set(w.toLowerCase(), merged);
      }
    }
  }
  for (const word of words) {
    const term = normalizeTerm(word);
    if (!term || slots.has(term)) continue;
    // "highest", "fewest" choose among figures; they are not words to find in the answer.
    if (MAX.test(word) || MIN.test(word)) continue;
    const matches = new Map<string, number>();
    if (lexical.has(term)) matches.set(term, 1);
    const isFigure = /^\p{N}/u.test(term);
    // A name: the corpus writes it with a capital, the question does, or WordNet knows it as one
    // ("kigali": a lower-case name the corpus never writes is still what the question is about).
    const nameLike = lexical.isName(term) || (/\p{Lu}/u.test(word) && word !== words[0]) || (word.length > 2 && isKnownName(word));
    // Particles of names ("al", "el", "de") and one-letter words have WordNet senses that are never meant (al → Alabama).
    if (!isFigure && options.lexicon !== false && word.length > 2) {
      // A name stands only for itself and its forms (Peruvian → Peru), never for its class (Peru → country).
      for (const related of relatedWords(word)) {
        if (nameLike && (related.relation === "hypernym" || related.relation === "hyponym")) continue;
        // …nor for the head of a descriptive phrase (Lisbon → "Portuguese capital" → capital), only for
        // the names inside it (Lusaka → "capital of Zambia" → Zambia).
        if (nameLike && /\s/u.test(related.word)) {
          // Runs of capitalised words: "United States" is a name though each word is common; a lone
          // "State" in "State of Qatar" is not.
          for (const run of related.written.match(/\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)*/gu) ?? []) {
            const parts = run.split(/[\s-]+/u);
            if (parts.length === 1 && isCommonWord(run)) continue;
            for (const part of parts) {
              const t = normalizeTerm(part);
              // WordNet writes it with a capital, so it is a name even where the corpus only has it at a sentence start;
              // a common word inside the run ("People's" in "Lao People's Democratic Republic") counts only where the corpus
              // writes it as a name too.
              if (parts.length > 1 && isCommonWord(part.replace(/['’]s?$/u, "")) && !(t && lexical.isName(t))) continue;
              if (t && t !== term && lexical.has(t)) matches.set(t, Math.max(matches.get(t) ?? 0, RELATION_WEIGHT[related.relation]));
            }
          }
          continue;
        }
        const weight = RELATION_WEIGHT[related.relation];
        // A multi-word relative ("police officer") is matched by its head, its last word.
        const head = related.word.split(/[\s-]+/u).pop()!;
        // The corpus must write the relative itself (or an inflection): stems alone collide ("response" vs "responsibility").
        if (!INFLECTIONS.some((suffix) => lexical.words.has(head + suffix) || lexical.words.has(head.replace(/e$/u, "") + suffix))) continue;
        const t = normalizeTerm(head);
        if (!t || t === term || !lexical.has(t)) continue;
        matches.set(t, Math.max(matches.get(t) ?? 0, weight));
      }
    }
    for (const [t, wt] of pairMatches.get(word.toLowerCase()) ?? []) if (!matches.has(t)) matches.set(t, wt);
    const harm = isFigure ? null : casualtyKindOfWord(word);
    if (harm) for (const t of corpusHarmTerms(lexical).get(harm)!) if (!matches.has(t)) matches.set(t, SAME_HARM);
    const isSubject = isFigure || nameLike || object.has(word.toLowerCase());
    const onlyBroad = matches.size > 0 && [...matches.values()].every((w) => w <= RELATION_WEIGHT.hypernym);
    slots.set(term, { word, term, matches, weight: lexical.idf(term), isSubject, missing: matches.size === 0, onlyBroad });
  }
  return {
    text: question,
    type,
    focus: type === "count" || type === "killed" || type === "injured" ? focusOf(lower) : null,
    slots: [...slots.values()],
    wantsLatest: LATEST.test(lower) && !FIRST.test(lower),
    wantsFirst: FIRST.test(lower),
    wantsExtreme: extremeOf(lower),
    harm: harmOf(words, [...slots.values()]),
  };
}

function harmOf(words: string[], slots: Slot[]): QuestionAnalysis["harm"] {
  const harmful = (w: string) => casualtyKindOfWord(w) !== null;
  const harmWords = words.filter(harmful);
  const related = (w: string, relations: Relation[]) => relatedWords(w).filter((r) => relations.includes(r.relation)).map((r) => r.word);
  return {
    kinds: new Set(harmWords.map((w) => casualtyKindOfWord(w)!)),
    asked: harmWords.filter((w) => /(?:ed|dead|hurt)$/iu.test(w)).map((w) => casualtyKindOfWord(w)!)[0] ?? null,
    opposites: new Set(harmWords.flatMap((w) => antonyms(w)).filter((w) => !/\s/u.test(w))),
    spoken:
      harmWords.length > 0 ||
      slots.some(({ word }) => related(word, ["synonym", "hypernym"]).some(harmful) || related(word, ["hypernym"]).some((h) => related(h, ["hypernym"]).some(harmful))),
  };
}
