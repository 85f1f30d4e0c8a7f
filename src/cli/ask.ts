import { createInterface } from "node:readline";
import { BriefbotError, describeError } from "../core/errors.js";
import { answerJson, answerText, errorAnswer } from "./format.js";
import { type CliOptions, openBot } from "./context.js";

/** `ask "question"` answers once; `ask -` answers every line of stdin with the model loaded once. */
export async function askCommand(args: string[], options: CliOptions): Promise<number> {
  if (args.length === 0) {
    throw new BriefbotError('Usage: npm run -s ask -- [--json] [--corpus DIR] "question" | -', "BAD_INPUT");
  }
  const bot = await openBot(options);
  if (args.length === 1 && args[0] === "-") {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      try {
        const answer = await bot.ask(line);
        process.stdout.write((options.json ? answerJson(answer) : `${answerText(answer)}\n`) + "\n");
      } catch (error) {
        // One bad line gets its own error record; the rest of the batch is still answered.
        const message = describeError(error);
        process.stdout.write((options.json ? answerJson(errorAnswer(line, message), message) : `error: ${message}\n`) + "\n");
      }
    }
    return 0;
  }
  const answer = await bot.ask(args.join(" "));
  process.stdout.write((options.json ? answerJson(answer) : answerText(answer)) + "\n");
  return 0;
}
