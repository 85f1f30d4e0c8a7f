import lemmatizer from "wink-lemmatizer";
import { BoundedMemo } from "../index/bounded-memo.js";

/**
 * The vocabulary of harm to people, by lemma: the one domain lexicon briefbot keeps, shared by
 * question typing and the casualty extractor. Inflections come from the lemmatiser, so "died",
 * "deaths" and "wounding" need no entries of their own.
 */
const KILLED = new Set(["kill", "die", "dead", "death", "fatality", "fatal", "perish", "slaughter", "massacre", "murder", "execute", "behead", "toll", "life", "body", "lethal", "deadly", "casualty"]);
const INJURED = new Set(["injure", "injury", "wound", "hurt", "hospital", "hospitalise", "hospitalize", "maim", "casualty"]);

export type CasualtyKind = "killed" | "injured";

function lemmas(word: string): string[] {
  const w = word.toLowerCase().replace(/[’']s$/u, "");
  return [w, lemmatizer.lemmatizeVerb(w), lemmatizer.lemmatizeNoun(w), lemmatizer.lemmatizeAdjective(w)];
}

/** Which of the two vocabularies a word's forms fall in: bit 1 deaths, bit 2 injuries. */
export function kindBits(word: string): number {
  // Military reporting's "KIA 9 WIA 21", in capitals only ("Kia" is a carmaker).
  if (word === "KIA") return 1;
  if (word === "WIA") return 2;
  return knownBits.get(word, lemmaBits);
}

function lemmaBits(word: string): number {
  const forms = lemmas(word);
  return (forms.some((f) => KILLED.has(f)) ? 1 : 0) | (forms.some((f) => INJURED.has(f)) ? 2 : 0);
}
// Every word of every candidate sentence is looked up for every casualty question; lemmatising was a fifth of such an answer.
const knownBits = new BoundedMemo<string, number>(100_000);

/** Whether a word speaks of deaths or of injuries ("casualties" and "toll" count as deaths first). */
export function casualtyKindOfWord(word: string): CasualtyKind | null {
  const bits = kindBits(word);
  return bits & 1 ? "killed" : bits & 2 ? "injured" : null;
}

export function isCasualtyWord(word: string, kind: CasualtyKind): boolean {
  return (kindBits(word) & (kind === "killed" ? 1 : 2)) !== 0;
}
