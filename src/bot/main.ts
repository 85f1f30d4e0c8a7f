import { join } from "node:path";
import "dotenv/config";
import { DEFAULT_CORPUS_DIR, PROJECT_ROOT } from "../core/briefbot.js";
import { BriefbotError, describeError } from "../core/errors.js";
import { warmUp } from "../core/answer/warm-up.js";
import { loadEmbedder } from "../core/index/load-embedder.js";
import { LiveCorpus } from "../core/live-corpus.js";
import { attachBot, createClient } from "./bot.js";
import { preloadBriefing } from "./commands/brief.js";
import { loadConfig } from "./config.js";
import { contextParts } from "./create-context.js";
import { FATAL_EXIT_CODE } from "./gateway-close.js";
import { liveContext } from "./live-context.js";
import { openDatabase } from "./storage/database.js";

const log = (message: string, error?: unknown) => console.error(`[briefbot] ${message}${error ? `: ${describeError(error)}` : ""}`);

/** One SQLite file under the cache folder holds thread history and votes (an empty BRIEFBOT_DB is unset: better-sqlite3 would open a throwaway in-memory database). */
function databaseFile(): string {
  return process.env.BRIEFBOT_DB || join(process.env.BRIEFBOT_CACHE_DIR || join(PROJECT_ROOT, ".cache"), "briefbot.sqlite");
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // Discord connects at once; until the first index is ready, questions get "still indexing, N %".
  const live = new LiveCorpus({ corpusDir: config.corpusDir, embedder: loadEmbedder(), log, debounceMs: config.watchDebounceMs });
  // /brief's code is left out of the start; it loads a little after the first index is ready, between
  // questions, and a few throwaway questions load what the first real ones would otherwise wait for.
  live.ready.then(
    (bot) =>
      setTimeout(() => {
        preloadBriefing().catch((error: unknown) => log("could not load the briefing code", error));
        warmUp(bot).catch((error: unknown) => log("could not warm up the answerer", error));
      }, 2_000).unref(),
    () => {},
  );
  live.ready.catch((error: unknown) => {
    // Without the model nothing can ever be answered: stop with the message (a bad corpus can be fixed while running).
    if (error instanceof BriefbotError && error.code === "MODEL") {
      log(describeError(error));
      process.exit(1);
    }
  });
  const ctx = liveContext(
    live,
    contextParts({
      cooldownSeconds: config.cooldownSeconds,
      queue: config.queue,
      access: { guildIds: new Set(config.guildIds), requiredRoleId: config.requiredRoleId },
      db: openDatabase(databaseFile(), log),
      editorRole: config.editorRole,
      maxUploadBytes: config.maxUploadBytes,
      log,
    }),
  );
  if (!config.queue.enabled) log("BRIEFBOT_QUEUE=off: answers run all at once, without limits (for measurements only)");
  const client = createClient({ apiUrl: config.apiUrl });
  let exiting = false;
  let fatalClose: string | undefined;
  const exit = async (code: number) => {
    if (exiting) return;
    exiting = true;
    await live.close().catch(() => {});
    await client.destroy().catch(() => {});
    process.exit(code);
  };
  const running = attachBot(client, ctx, {
    // Discord will not let us back in until someone acts: say what to do and exit non-zero so a supervisor notices.
    onFatalClose: (message) => {
      fatalClose = message;
      log(message);
      void running.drain(5_000).then(() => exit(FATAL_EXIT_CODE));
    },
  });
  // A stray error in one event (say, a malformed gateway payload) is logged; the bot keeps serving.
  process.on("unhandledRejection", (reason) => log("unhandled rejection", reason));
  process.on("uncaughtException", (error) => log("uncaught exception", error));
  const shutdown = async (signal: string) => {
    log(`${signal}: finishing answers in progress, then disconnecting`);
    const finished = await running.drain(config.drainSeconds * 1000);
    if (!finished) log(`gave up waiting for answers in progress after ${config.drainSeconds} s`);
    await exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
  client.on("shardResume", (id) => log(`gateway shard ${id} resumed`));
  client.on("guildCreate", (guild) => {
    if (config.guildIds.length && !config.guildIds.includes(guild.id)) log(`added to guild ${guild.id}, which is not in DISCORD_GUILD_ID(S): its members are refused`);
  });
  client.once("clientReady", (c) => {
    const state = live.isReady ? `${live.briefbot.chunks.length} sentences indexed from ${live.briefbot.corpus.documents.length} file(s)` : "the first index is still being built";
    log(`logged in as ${c.user.tag}; ${state}; watching ${config.corpusDir ?? DEFAULT_CORPUS_DIR} for changes`);
  });
  try {
    await client.login(config.token);
  } catch (error) {
    // A close code already said what is wrong (e.g. 4014: the intent, not the token) and the exit is under way.
    await new Promise((resolve) => setImmediate(resolve));
    if (fatalClose) return;
    // discord.js errors never include the token; say what to check.
    throw new Error(`Discord login failed (${(error as Error).message}). Check DISCORD_TOKEN and DISCORD_API_URL.`);
  }
}

main().catch((error) => {
  log(describeError(error));
  process.exit(1);
});
