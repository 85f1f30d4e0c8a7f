/**
 * Errors a user can act on. Adapters print `message` as is (never a stack trace),
 * so every message says what went wrong and what to do about it.
 */
export class BriefbotError extends Error {
  constructor(
    message: string,
    readonly code: "BAD_INPUT" | "CORPUS" | "MODEL" | "INDEX" | "CONFIG",
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
