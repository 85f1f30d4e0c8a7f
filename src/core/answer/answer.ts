import { type Attribution, attribute } from "./attribution.js";
import type { Briefbot } from "../briefbot.js";
import { expandQuery, termCoverage, unknownSubjects } from "./coverage.js";
import { validateQuestion } from "./question.js";
import type { Candidate } from "./retrieval.js";
import { contentTerms, normalizeTerm, tokenize } from "../index/terms.js";

export interface Citation {
  source: string;
  paragraph: number;
  /** The page the quote starts on, for paged formats (PDF). */
  page?: number;
  /** Exact slice of the source file: corpus text.slice(start, end). */
  quote: string;
  /** Cosine similarity between question and quote. */
  score: number;
  start: number;
  end: number;
  /** Who the quote attributes its statement to, or the brief's own analysis. */
  attribution: Attribution;
}

export interface Answer {
  question: string;
  answered: boolean;
  answer: string;
  citations: Citation[];
}

export interface AskOptions {
  /** Earlier questions of the same conversation, oldest first, for follow-ups like "and how many were injured there?". */
  history?: string[];
}

/**
 * Thresholds tuned on test/fixtures/questions.ts (answerable and off-topic questions about
 * the shipped brief); the test suite re-checks them on every run.
 */
export const THRESHOLDS = {
  /** Below this cosine a sentence is too far from the question to be an answer on its own. */
  minSimilarity: 0.35,
  /** Or: the sentence carries at least this share of the question's IDF-weighted terms... */
  minCoverage: 0.5,
  /** ...including a name or figure at least this rare. */
  rareTermIdf: 2,
  /** A sentence this close answers even when the question uses a noun the brief lacks. */
  strongSimilarity: 0.72,
  /** Extra quotes must score at least this share of the best one. */
  relatedShare: 0.85,
  /** ...and be at most this much less similar to the question than the best one. */
  relatedSimilarityGap: 0.1,
  maxQuotes: 3,
};

/** "[file ¶n]", or "[file.pdf p.3 ¶n]" when the source has pages; ¶n counts paragraphs over the whole file, as /source does. */
export function citationLabel(c: { source: string; paragraph: number; page?: number }): string {
  return `[${c.source}${c.page ? ` p.${c.page}` : ""} ¶${c.paragraph}]`;
}

// "and how many were injured there?", "what about the school?": a question that leans on the one before.
const FOLLOW_UP = /^(?:and|but|also|so|then|what about|how about)\b|\b(?:there|it|its|they|them|their|that|this|those|these|he|she|him|his|her)\b/iu;

/** Whether a question continues the previous one and needs it as context for retrieval. */
export function isFollowUp(question: string): boolean {
  return FOLLOW_UP.test(question);
}

/** Normalised terms written as names or figures in a sentence (capitalised or numeric tokens). */
function namesOrFigures(text: string): Set<string> {
  const out = new Set<string>();
  for (const token of tokenize(text)) {
    const term = /^[\p{Lu}\p{N}]/u.test(token) ? normalizeTerm(token) : null;
    if (term) out.add(term);
  }
  return out;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface Scored {
  candidate: Candidate;
  coverage: number;
  score: number;
}

export async function answerQuestion(bot: Briefbot, rawQuestion: string, options: AskOptions = {}): Promise<Answer> {
  const question = validateQuestion(rawQuestion);
  const previous = options.history?.length && isFollowUp(question) ? options.history[options.history.length - 1] : undefined;
  const query = expandQuery(previous ? `${previous} ${question}` : question);
  const candidates = await bot.retrieve(query);
  const queryTerms = contentTerms(query);
  const bestFused = candidates[0]?.fused ?? 1;

  // Rank-fused score plus how much of the question's information the sentence holds,
  // so a sentence naming "Shah Cheragh" beats one that only shares "killed".
  const scored: Scored[] = candidates
    .map((candidate) => {
      const coverage = termCoverage(queryTerms, candidate.chunk.text, bot.lexical);
      return { candidate, coverage, score: candidate.fused / bestFused + coverage + candidate.similarity };
    })
    .sort((a, b) => b.score - a.score);

  const unknown = unknownSubjects(question, bot.lexical);
  const best = scored[0];
  const isRare = (term: string) => bot.lexical.idf(term) >= THRESHOLDS.rareTermIdf;
  // A lexical hit alone answers only when it is a name or a figure ("Seh Dokan", "4,700"), not a
  // common word that happens to be rare in this brief ("lead" in "could lead to").
  const hasRareNameOrFigure = (s: Scored) =>
    s.candidate.matchedTerms.some((t) => isRare(t) && namesOrFigures(s.candidate.chunk.text).has(t));
  const relevant = (s: Scored) =>
    s.candidate.similarity >= THRESHOLDS.minSimilarity || (s.coverage >= THRESHOLDS.minCoverage && hasRareNameOrFigure(s));
  const answered =
    best !== undefined && ((unknown.length === 0 && relevant(best)) || best.candidate.similarity >= THRESHOLDS.strongSimilarity);

  if (!answered) {
    // Figures are not echoed back: every number an answer prints must come from a quote.
    const words = unknown.filter((u) => !/\p{N}/u.test(u));
    const answer = words.length
      ? `The brief does not cover this: it never mentions ${words.map((u) => `“${u}”`).join(", ")}.`
      : "The brief does not cover this question.";
    return { question, answered: false, answer, citations: [] };
  }

  // Extra quotes must be nearly as good and keep the question's names and figures that the best quote has.
  const rareInBest = best.candidate.matchedTerms.filter(isRare);
  const keepsRareTerms = (s: Scored) => rareInBest.every((t) => s.candidate.matchedTerms.includes(t));
  const extras = scored
    .slice(1, 8)
    .filter(
      (s) =>
        s.score >= best.score * THRESHOLDS.relatedShare &&
        s.candidate.similarity >= best.candidate.similarity - THRESHOLDS.relatedSimilarityGap &&
        relevant(s) &&
        s.coverage > 0 &&
        keepsRareTerms(s),
    )
    .slice(0, THRESHOLDS.maxQuotes - 1)
    .sort((a, b) => a.candidate.chunk.id - b.candidate.chunk.id);
  const chosen = [best, ...extras];

  const citations: Citation[] = chosen.map(({ candidate: { chunk, similarity } }) => ({
    source: chunk.source,
    paragraph: chunk.paragraph,
    quote: chunk.text,
    score: Math.round(similarity * 1000) / 1000,
    start: chunk.start,
    end: chunk.end,
    attribution: attribute(chunk.text),
    ...(chunk.page ? { page: chunk.page } : {}),
  }));
  const answer = citations.map((c) => `${capitalize(c.attribution.label)}: “${c.quote}” ${citationLabel(c)}`).join("\n");
  return { question, answered: true, answer, citations };
}
