/**
 * Errors a user can act on. Adapters print `message` as is (never a stack trace),
 * so every message says what went wrong and what to do about it.
 */
export class BriefbotError extends Error {
  constructor(
    message: string,
    readonly code: "BAD_INPUT" | "CORPUS" | "MODEL" | "INDEX" | "CONFIG" | "NOT_READY",
  ) {
    super(message);
    this.name = "BriefbotError";
  }
}

export function describeError(error: unknown): string {
  if (error instanceof BriefbotError) return error.message;
  if (error instanceof Error) return `Unexpected error: ${error.message}`;
  return `Unexpected error: ${String(error)}`;
}

/** Errors that are the user's to act on (a bad question, an index still being built): told as is, not logged as failures. */
export function isUserFacing(error: unknown): error is BriefbotError {
  return error instanceof BriefbotError && (error.code === "BAD_INPUT" || error.code === "NOT_READY");
}
