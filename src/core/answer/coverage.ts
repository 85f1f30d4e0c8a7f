import nlp from "compromise";
import type { LexicalIndex } from "../index/lexical-index.js";
import { contentTerms, normalizeTerm, tokenize } from "../index/terms.js";

/**
 * Nouns that only frame a question ("the number of", "more details") and say nothing
 * about its subject; a brief need not contain them to answer.
 */
const FRAMING_NOUNS = new Set(
  ["number", "amount", "detail", "information", "info", "kind", "type", "thing", "way", "summary", "name", "part", "brief", "document", "text", "report", "question", "answer", "fact", "point", "overview", "anything", "something", "everything", "someone", "anyone", "everyone", "everybody", "lot"].map(
    (w) => normalizeTerm(w)!,
  ),
);

/** Everyday words for harm to people, mapped to the verbs briefs use for it. */
const CASUALTY_WORDS = new Map<string, string[]>(
  [
    ["casualty", ["kill", "injur"]],
    ["casualties", ["kill", "injur"]],
    ["death", ["kill"]],
    ["deaths", ["kill"]],
    ["dead", ["kill"]],
    ["die", ["kill"]],
    ["died", ["kill"]],
    ["fatalities", ["kill"]],
    ["toll", ["kill", "injur"]],
    ["victims", ["kill", "injur"]],
    ["wounded", ["injur"]],
    ["hurt", ["injur"]],
  ].map(([k, v]) => [normalizeTerm(k as string)!, v as string[]]),
);

/** Replaces casualty synonyms a brief may not use with the terms it does ("deaths" -> "killed"). */
export function expandQuery(question: string): string {
  const extra = new Set<string>();
  for (const token of tokenize(question)) {
    const term = normalizeTerm(token);
    for (const word of (term && CASUALTY_WORDS.get(term)) ?? []) extra.add(word === "kill" ? "killed" : "injured");
  }
  return extra.size ? `${question} ${[...extra].join(" ")}` : question;
}

/**
 * The nouns (and figures) a question asks about that occur nowhere in the corpus: "GDP" in
 * "What is the GDP of Afghanistan?". If any remain, the brief does not cover the question.
 */
export function unknownSubjects(question: string, lexical: LexicalIndex): string[] {
  // compromise tags words; our tokenizer decides word boundaries ("IS-KP" stays one name).
  const nounWords = new Set<string>();
  for (const term of nlp(question).terms().json() as { text: string; terms: { tags: string[] }[] }[]) {
    const tags = term.terms[0]?.tags ?? [];
    if (tags.includes("Pronoun") || !(tags.includes("Noun") || tags.includes("Value"))) continue;
    for (const token of tokenize(term.text)) nounWords.add(token.toLowerCase());
  }
  // "What did the Taliban promise?": the last word after an auxiliary and its subject is a verb,
  // whatever the tagger says, and a brief may word the same act differently ("committed").
  const tokens = tokenize(question);
  const auxiliary = tokens.findIndex((t) => /^(?:did|does|do|will|would|can|could|should|might|may)$/i.test(t));
  if (auxiliary >= 0 && auxiliary < tokens.length - 2) nounWords.delete(tokens[tokens.length - 1]!.toLowerCase());
  const unknown: string[] = [];
  for (const token of tokens) {
    const parts = [token, ...token.split(/[-’']/u)].map((p) => p.toLowerCase());
    if (!parts.some((p) => nounWords.has(p))) continue;
    const normal = normalizeTerm(token);
    if (!normal || FRAMING_NOUNS.has(normal) || CASUALTY_WORDS.has(normal)) continue;
    if (!lexical.documentFrequency.has(normal)) unknown.push(token.replace(/[’']s$/u, ""));
  }
  return [...new Set(unknown)];
}

/** Share of the question's information (IDF-weighted terms) that a sentence contains. */
export function termCoverage(questionTerms: string[], sentence: string, lexical: LexicalIndex): number {
  const present = new Set(contentTerms(sentence));
  let total = 0;
  let covered = 0;
  for (const term of new Set(questionTerms)) {
    const weight = lexical.idf(term);
    total += weight;
    if (present.has(term)) covered += weight;
  }
  return total === 0 ? 0 : covered / total;
}
