import { parseArgs } from "node:util";
import { BriefbotError, describeError } from "../core/errors.js";
import { type CliOptions, log, openBot } from "./context.js";

const USAGE = `Usage:
  npm run -s ask -- [--json] [--corpus DIR] "question"   answer one question
  npm run -s ask -- [--json] [--corpus DIR] -            answer one question per stdin line
  npm run -s chat -- [--corpus DIR]                      interactive session
  npm run -s casualties -- [--json] [--corpus DIR]       casualty incidents with citations
  npm run -s brief -- [--json] [--corpus DIR] [--document NAME | --topic WORDS | --since WHEN]
                                                         a briefing: with no option, an index of the briefs;
                                                         WHEN is 7d, 24h, 2w, 2026-11-20, today, yesterday or monday
  npm run -s index -- [--corpus DIR] [--rebuild]         bring the search index up to date (--rebuild: embed everything again)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        json: { type: "boolean" },
        corpus: { type: "string" },
        document: { type: "string" },
        topic: { type: "string" },
        since: { type: "string" },
        rebuild: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new BriefbotError(`${(error as Error).message}\n${USAGE}`, "BAD_INPUT");
  }
  // An unset shell variable ("--corpus $BRIEFS") must not quietly index the current folder instead.
  if (parsed.values.corpus !== undefined && parsed.values.corpus.trim() === "") {
    throw new BriefbotError(`--corpus needs a folder of briefs; it was given an empty value.\n${USAGE}`, "BAD_INPUT");
  }
  const options: CliOptions = { json: parsed.values.json, corpus: parsed.values.corpus };
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  // Each command loads only what it needs: `ask` starts without the briefing's NLP library (about 0.35 s).
  switch (command) {
    case "ask":
      return (await import("./ask.js")).askCommand(parsed.positionals, options);
    case "chat":
      return (await import("./chat.js")).chatCommand(options);
    case "casualties":
      return (await import("./casualties.js")).casualtiesCommand(options);
    case "brief":
      // Words without an option are a topic, as before the options existed.
      return (await import("./brief.js")).briefCommand({ document: parsed.values.document, topic: parsed.values.topic ?? (parsed.positionals.join(" ") || undefined), since: parsed.values.since }, options);
    case "index": {
      const bot = await openBot(options, parsed.values.rebuild ?? false);
      const { chunks, embedded, cacheDir } = bot.indexStatus;
      log(`indexed ${chunks} sentences from ${bot.corpus.documents.length} file(s) into ${cacheDir} (${embedded} embedded now, ${chunks - embedded} from the cache or repeated)`);
      return 0;
    }
    default:
      throw new BriefbotError(`Unknown command ${JSON.stringify(command ?? "")}.\n${USAGE}`, "BAD_INPUT");
  }
}

// A closed pipe (e.g. `| head`) is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`briefbot: ${describeError(error)}\n`);
    if (!(error instanceof BriefbotError) && process.env.BRIEFBOT_DEBUG) console.error(error);
    process.exitCode = error instanceof BriefbotError && error.code === "BAD_INPUT" ? 2 : 1;
  },
);
