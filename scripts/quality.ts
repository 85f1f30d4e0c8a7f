/**
 * Question sets and the measures the dev-set scorer uses (hit, top1, refused, quoted characters),
 * computed in-process so calibration, ablations and the quality tests share one definition.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Briefbot, PROJECT_ROOT } from "../src/core/briefbot.js";
import { type Ablation, answerFeatures, answerQuestion, rankAnswers } from "../src/core/answer/answer.js";
import type { AnswerFeatures } from "../src/core/answer/refusal.js";
import type { AnswerType } from "../src/core/answer/question-analysis.js";

export interface LabelledQuestion {
  id: string;
  q: string;
  answerable: boolean;
  any_of?: string[];
  /** When given, the first quote must also come from this paragraph (the shipped brief's fixtures). */
  paragraph?: number;
}

export interface QuestionSet {
  name: string;
  corpus: string;
  questions: LabelledQuestion[];
}

/** Reads a folder laid out like ../shared/eval-dev (corpus/ and qa.jsonl); null when it is not there. */
export function readQuestionSet(name: string, dir: string): QuestionSet | null {
  const file = join(dir, "qa.jsonl");
  if (!existsSync(file) || !existsSync(join(dir, "corpus"))) return null;
  const questions = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledQuestion);
  return { name, corpus: join(dir, "corpus"), questions };
}

/**
 * eval-own's sets by how they are used, the one list `calibrate` and `casualty-quality` read: the
 * refusal model is fitted on the first (with dev and the shipped questions); the next are tuned on
 * too (their misses are read); the held-out ones are only measured (never tuned on, or written
 * blind and not tuned on yet), and their misses are never listed.
 */
export const OWN_SETS = {
  fit: ["tune", "tune2", "tune3", "tune4", "tune5", "tune6"],
  tunedOnly: ["tune7", "tune8", "tune9", "tune10", "tune11", "tune12", "tune13", "tune14"],
  heldOut: ["heldout", "heldout2", "heldout3", "tune15", "tune16"],
};

/** A set's folder under eval-own. */
export const ownSetDir = (name: string) => join(PROJECT_ROOT, "eval-own", name);

/** A set's name in reports: "own tune7", "own held-out 2". */
export function ownSetLabel(name: string): string {
  const heldOut = /^heldout(\d*)$/u.exec(name);
  return heldOut ? `own held-out${heldOut[1] ? ` ${heldOut[1]}` : ""}` : `own ${name}`;
}

/** The scorer's normalisation: lower case, ’ as ', whitespace collapsed. */
export const normalise = (s: string) => s.toLowerCase().replace(/’/gu, "'").replace(/\s+/gu, " ").trim();

export interface QuestionResult {
  question: LabelledQuestion;
  type: AnswerType;
  answered: boolean;
  hit: boolean;
  top1: boolean;
  /** Whether the best quote (answered or not) contains the fact: the refusal model's label. */
  bestCorrect: boolean;
  quotedChars: number;
  features: AnswerFeatures | null;
  firstQuote: string;
}

export async function runQuestion(bot: Briefbot, question: LabelledQuestion, ablate: Ablation = {}): Promise<QuestionResult> {
  const containsText = (quote: string) => (question.any_of ?? []).some((a) => normalise(quote).includes(normalise(a)));
  const { analysis, ranked } = await rankAnswers(bot, question.q, { ablate });
  const forced = await answerQuestion(bot, question.q, { ablate, minConfidence: 0 });
  const answer = await answerQuestion(bot, question.q, { ablate });
  const best = ranked[0];
  const inParagraph = (c: { paragraph: number } | undefined) => question.paragraph === undefined || c?.paragraph === question.paragraph;
  const contains = (quote: string, c?: { paragraph: number }) => containsText(quote) && inParagraph(c);
  return {
    question,
    type: analysis.type,
    answered: answer.answered,
    hit: answer.answered && answer.citations.some((c) => contains(c.quote, c)),
    top1: answer.answered && contains(answer.citations[0]?.quote ?? "", answer.citations[0]),
    bestCorrect: question.answerable && contains(forced.citations[0]?.quote ?? "", forced.citations[0]),
    quotedChars: answer.citations.reduce((n, c) => n + c.quote.length, 0),
    features: best ? answerFeatures(bot, analysis, best, ranked[1]) : null,
    firstQuote: forced.citations[0]?.quote ?? "",
  };
}

export interface Summary {
  answerable: number;
  hit: number;
  top1: number;
  unanswerable: number;
  refused: number;
  falseRefusals: number;
  meanQuotedChars: number;
  /** Answerable questions whose best quote holds the fact, whatever the refusal model decided. */
  bestCorrect: number;
}

export function summarise(results: QuestionResult[]): Summary {
  const answerable = results.filter((r) => r.question.answerable);
  const unanswerable = results.filter((r) => !r.question.answerable);
  const answered = results.filter((r) => r.answered);
  return {
    answerable: answerable.length,
    hit: answerable.filter((r) => r.hit).length,
    top1: answerable.filter((r) => r.top1).length,
    unanswerable: unanswerable.length,
    refused: unanswerable.filter((r) => !r.answered).length,
    falseRefusals: answerable.filter((r) => !r.answered).length,
    bestCorrect: answerable.filter((r) => r.bestCorrect).length,
    meanQuotedChars: answered.length ? Math.round(answered.reduce((n, r) => n + r.quotedChars, 0) / answered.length) : 0,
  };
}

const pct = (a: number, b: number) => (b ? `${a}/${b} (${Math.round((100 * a) / b)} %)` : "—");

export function formatSummary(s: Summary): string {
  return `hit ${pct(s.hit, s.answerable)} · top1 ${pct(s.top1, s.answerable)} · refused ${pct(s.refused, s.unanswerable)} · false refusals ${s.falseRefusals} · quoted chars ${s.meanQuotedChars} · best quote right ${pct(s.bestCorrect, s.answerable)}`;
}
