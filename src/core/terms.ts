import { stemmer } from "stemmer";
import { eng } from "stopword";

const STOPWORDS = new Set<string>([...eng, "did", "does", "do", "done", "tell", "said", "say", "says", "according", "brief", "happen", "happened", "happening", "occur", "occurred", "know", "mention", "mentioned", "explain", "describe", "please"]);

/** Words and figures of a text: "4,700" stays one figure, "IS-KP" stays one name. */
export function tokenize(text: string): string[] {
  return text.normalize("NFKC").match(/\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+(?:[-’'][\p{L}\p{N}]+)*/gu) ?? [];
}

/** The comparable form of a token: lower case, possessive dropped, stemmed; null for stop words. */
export function normalizeTerm(token: string): string | null {
  const lower = token.toLowerCase().replace(/[’']s$/u, "").replace(/’/gu, "'");
  if (STOPWORDS.has(lower)) return null;
  if (/^\p{N}/u.test(lower)) return lower.replace(/,/g, "");
  return stemmer(lower);
}

export function contentTerms(text: string): string[] {
  return tokenize(text)
    .map(normalizeTerm)
    .filter((t): t is string => t !== null && t.length > 0);
}
