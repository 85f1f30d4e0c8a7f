import { stemmer } from "stemmer";
import { BoundedMemo } from "./bounded-memo.js";
import { eng } from "stopword";
import lemmatizer from "wink-lemmatizer";

// The stopword package's English list drops some verbs that carry meaning in a question
// ("When did they take over?"); those are kept, and question words it lacks are added.
const MEANINGFUL = new Set(["take", "make", "came", "come", "never", "between", "under"]);
const STOPWORDS = new Set<string>([
  ...eng.filter((w) => !MEANINGFUL.has(w)),
  "when", "why", "whom", "whose", "did", "does", "do", "done", "tell", "said", "say", "says", "according", "brief", "happen", "happened",
  "happening", "occur", "occurred", "know", "mention", "mentioned", "explain", "describe", "please",
]);

// Irregular past forms the suffix stemmer cannot reach ("took" -> "take"), so questions in the
// present tense find sentences in the past tense and vice versa.
const IRREGULAR = new Map<string, string>(
  Object.entries({
    take: "took taken", give: "gave given", go: "went gone", come: "came", see: "saw seen", say: "said", tell: "told", make: "made",
    find: "found", leave: "left", hold: "held", bring: "brought", begin: "began begun", run: "ran", fight: "fought", flee: "fled",
    seek: "sought", lead: "led", speak: "spoke spoken", write: "wrote written", know: "knew known", grow: "grew grown", send: "sent",
    keep: "kept", meet: "met", pay: "paid", lose: "lost", build: "built", buy: "bought", sell: "sold", catch: "caught", teach: "taught",
    think: "thought", win: "won", hit: "hit", shoot: "shot", strike: "struck", steal: "stole stolen", hide: "hid hidden", rise: "rose risen",
    fall: "fell fallen", drive: "drove driven", ride: "rode ridden", choose: "chose chosen", break: "broke broken", freeze: "froze frozen",
    blow: "blew blown", throw: "threw thrown", draw: "drew drawn", wear: "wore worn", bear: "bore borne", forbid: "forbade forbidden",
    arise: "arose arisen", undertake: "undertook undertaken", overtake: "overtook overtaken", withdraw: "withdrew withdrawn",
    understand: "understood", stand: "stood", feel: "felt", deal: "dealt", mean: "meant", spend: "spent", lend: "lent", bind: "bound",
  }).flatMap(([base, forms]) => forms.split(" ").map((form) => [form, base] as [string, string])),
);

/** Words and figures of a text: "4,700" stays one figure, "IS-KP" stays one name. */
export function tokenize(text: string): string[] {
  return text.normalize("NFKC").match(/\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+(?:[-’'][\p{L}\p{N}]+)*/gu) ?? [];
}

// Letters that Unicode does not decompose into a base letter and a mark.
const FOLD: Record<string, string> = { ø: "o", æ: "ae", œ: "oe", ß: "ss", đ: "d", ł: "l", ı: "i", þ: "th", ð: "d" };

/** Lower case without diacritics, so "tromso" finds "Tromsø" and "quebec" finds "Québec". */
export function foldCase(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[øæœßđłıþð]/gu, (c) => FOLD[c] ?? c);
}

/**
 * normalizeTerm's answers so far. A corpus repeats a few thousand distinct words hundreds of thousands
 * of times (start-up tokenises every sentence), and stemming and lemmatising are the costly part.
 * Bounded, so a flood of distinct words in questions cannot grow it without end.
 */
const normalized = new BoundedMemo<string, string | null>(200_000);

/** The comparable form of a token: lower case, possessive dropped, stemmed; null for stop words. */
export function normalizeTerm(token: string): string | null {
  return normalized.get(token, computeTerm);
}

function computeTerm(token: string): string | null {
  const lower = foldCase(token).replace(/[’']s$/u, "").replace(/’/gu, "'");
  if (STOPWORDS.has(lower)) return null;
  if (/^\p{N}/u.test(lower)) return lower.replace(/,/g, "");
  const verb = IRREGULAR.get(lower);
  if (verb) return stemmer(verb);
  // Irregular plurals the suffix stemmer cannot reach ("children" → child, "lives" → life).
  const stem = stemmer(lower);
  const noun = stemmer(lemmatizer.lemmatizeNoun(lower));
  return noun !== stem && noun.length >= 3 ? noun : stem;
}

/** Tokens with the parts of hyphenated names as well: "Kestrel-Vorn" is also "Kestrel" and "Vorn", "al-Korvath" also "Korvath". */
export function indexTokens(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    out.push(token);
    if (/-/u.test(token) && /\p{Lu}/u.test(token)) for (const part of token.split("-")) if (part.length >= 3) out.push(part);
  }
  return out;
}

export function contentTerms(text: string): string[] {
  return indexTokens(text)
    .map(normalizeTerm)
    .filter((t): t is string => t !== null && t.length > 0);
}
