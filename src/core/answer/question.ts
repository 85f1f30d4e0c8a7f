import { BriefbotError } from "../errors.js";

export const MAX_QUESTION_CHARS = 1000;

// Invisible format characters (zero-width, bidi overrides, BOM) carry no meaning in a question
// and can disguise text, so they are dropped before anything else looks at it.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/** Cleans a user's question or explains, in one sentence, why it cannot be asked. */
export function validateQuestion(raw: unknown): string {
  if (typeof raw !== "string") throw new BriefbotError("The question must be text.", "BAD_INPUT");
  if (CONTROL.test(raw)) {
    throw new BriefbotError("The question contains control characters; please send plain text.", "BAD_INPUT");
  }
  const question = raw.replace(INVISIBLE, "").replace(/\s+/gu, " ").trim();
  if (question === "") throw new BriefbotError("The question is empty; please ask something about the brief.", "BAD_INPUT");
  if (question.length > MAX_QUESTION_CHARS) {
    throw new BriefbotError(
      `The question is ${question.length} characters long; please keep it under ${MAX_QUESTION_CHARS}.`,
      "BAD_INPUT",
    );
  }
  if (!/[\p{L}\p{N}]/u.test(question)) {
    throw new BriefbotError("The question has no words in it; please ask something about the brief.", "BAD_INPUT");
  }
  return question;
}
