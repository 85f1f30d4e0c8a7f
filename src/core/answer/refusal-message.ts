import type { Briefbot } from "../briefbot.js";
import type { QuestionAnalysis } from "./question-analysis.js";
import type { ScoredCandidate } from "./answer.js";

const ASKED: Record<QuestionAnalysis["type"], string> = {
  killed: "a death toll for it",
  injured: "a number of injured for it",
  count: "that number",
  when: "when it happened",
  where: "where it happened",
  who: "who it was",
  why: "a reason for it",
  yesno: "an answer to that",
  other: "an answer to that",
};

// Figures are never echoed back: every number an answer prints must come from a quote.
const noFigures = (s: string) => s.replace(/\p{N}[\p{N},.]*/gu, "").replace(/\s+/gu, " ").trim();

/**
 * Says what is missing when it can: the words the briefs never use, or the place where the
 * question's subject is discussed and what the briefs do not say about it
 * ("The briefs discuss “Velmora, 9 May 2018” (velmora.md) but do not give that number.").
 */
export function explainRefusal(bot: Briefbot, q: QuestionAnalysis, best: ScoredCandidate | undefined): string {
  const missing = q.slots.filter((s) => s.missing && !/^\p{N}/u.test(s.term)).map((s) => `“${s.word}”`);
  const subjects = q.slots.filter((s) => s.isSubject && !s.missing);
  if (best && subjects.length && best.coverage.subject >= 0.8) {
    const block = bot.paragraphs[best.candidate.chunk.block];
    const where = block ? block.lead ?? block.headings.slice(1).pop() ?? block.headings[0] : undefined;
    const label = where ? `“${noFigures(where)}”` : "this";
    const focus = q.focus && q.type === "count" ? `a number of ${q.focus}s` : ASKED[q.type];
    const tail = missing.length ? `; they never mention ${missing.join(", ")}` : "";
    return `The briefs discuss ${label} (${best.candidate.chunk.source}) but do not give ${focus}${tail}.`;
  }
  if (missing.length) return `The briefs do not cover this: they never mention ${missing.join(", ")}.`;
  return "The briefs do not cover this question.";
}
