import { citationLabel } from "../core/answer/answer.js";
import { buildBriefing } from "../core/extract/briefing.js";
import { type CliOptions, openBot } from "./context.js";

export async function briefCommand(topic: string, options: CliOptions): Promise<number> {
  const bot = await openBot(options);
  const briefing = await buildBriefing(bot, topic || undefined);
  if (options.json) {
    process.stdout.write(JSON.stringify(briefing) + "\n");
    return 0;
  }
  console.log(briefing.message + (briefing.covered ? ":" : ""));
  for (const p of briefing.points) {
    console.log(`- ${p.aspect}: ${p.quote.replace(/\s+/g, " ")}\n    — ${p.attribution.label} ${citationLabel(p)}`);
  }
  return 0;
}
