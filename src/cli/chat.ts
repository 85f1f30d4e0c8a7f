import { createInterface } from "node:readline/promises";
import { citationLabel } from "../core/answer/answer.js";
import { describeError } from "../core/errors.js";
import { answerText } from "./format.js";
import { type CliOptions, openBot } from "./context.js";

const HELP = "Ask a question about the brief. Commands: /source N [file], /reset (forget earlier questions), /quit.";

/** An interactive session; earlier questions are kept so follow-ups like "and where?" work. */
export async function chatCommand(options: CliOptions): Promise<number> {
  const bot = await openBot(options);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const history: string[] = [];
  console.log(`briefbot: ${bot.corpus.documents.map((d) => d.source).join(", ")} loaded. ${HELP}`);
  rl.setPrompt("you> ");
  rl.prompt();
  for await (const line of rl) {
    const input = line.trim();
    if (input === "/quit" || input === "/exit") break;
    if (input === "/help" || input === "") console.log(HELP);
    else if (input === "/reset") {
      history.length = 0;
      console.log("Earlier questions forgotten.");
    } else if (input.startsWith("/source")) {
      const [, n = "", file] = input.split(/\s+/);
      const paragraph = /^\d+$/.test(n) ? bot.paragraph(Number(n), file) : undefined;
      console.log(
        paragraph
          ? `${citationLabel(paragraph)}\n${paragraph.text}`
          : `No paragraph “${n}” in ${file ?? "the brief"}. Use /source N [file], e.g. /source 2.`,
      );
    } else {
      try {
        const answer = await bot.ask(input, { history });
        history.push(answer.question);
        console.log(answerText(answer));
      } catch (error) {
        console.log(describeError(error));
      }
    }
    rl.prompt();
  }
  rl.close();
  return 0;
}
