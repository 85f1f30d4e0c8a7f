import lemmatizer from "wink-lemmatizer";

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

/** Whether a word speaks of deaths or of injuries ("casualties" and "toll" count as deaths first). */
export function casualtyKindOfWord(word: string): CasualtyKind | null {
  const forms = lemmas(word);
  if (forms.some((f) => KILLED.has(f))) return "killed";
  if (forms.some((f) => INJURED.has(f))) return "injured";
  return null;
}

export function isCasualtyWord(word: string, kind: CasualtyKind): boolean {
  const set = kind === "killed" ? KILLED : INJURED;
  return lemmas(word).some((f) => set.has(f));
}
