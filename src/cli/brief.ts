import { buildBriefing, checkOptions } from "../core/extract/briefing/build-briefing.js";
import { briefingMarkdown } from "../core/extract/briefing/markdown.js";
import type { BriefingRequest } from "../core/extract/briefing/types.js";
import { type CliOptions, openBot } from "./context.js";

/** `brief [--document NAME | --topic WORDS | --since WHEN]`: the briefing as Markdown, or one JSON object with --json. */
export async function briefCommand(request: BriefingRequest, options: CliOptions): Promise<number> {
  checkOptions(request); // before the model loads, so a typo is told at once
  const bot = await openBot(options);
  const briefing = await buildBriefing(bot, request);
  process.stdout.write(options.json ? JSON.stringify(briefing) + "\n" : briefingMarkdown(briefing));
  return 0;
}
