import { type Answer, citationLabel } from "../core/answer/answer.js";

/** The JSON contract of `ask --json`: exactly these fields, in this order. */
export function answerJson(answer: Answer, error?: string): string {
  return JSON.stringify({
    question: answer.question,
    answered: answer.answered,
    answer: answer.answer,
    // The four contract fields first; `page` only for paged sources (PDF).
    citations: answer.citations.map(({ source, paragraph, quote, score, page }) => ({ source, paragraph, quote, score, ...(page ? { page } : {}) })),
    ...(error ? { error } : {}),
  });
}

export function errorAnswer(question: string, message: string): Answer {
  return { question, answered: false, answer: message, citations: [] };
}

export function answerText(answer: Answer): string {
  if (!answer.answered) return answer.answer;
  const lines = ["From the brief:"];
  for (const c of answer.citations) {
    lines.push(`  > ${c.quote.replace(/\s+/g, " ")}`, `    — ${c.attribution.label} ${citationLabel(c)}`);
  }
  return lines.join("\n");
}
