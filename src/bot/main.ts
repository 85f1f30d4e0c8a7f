import { appendFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import "dotenv/config";
import { DEFAULT_CORPUS_DIR, PROJECT_ROOT } from "../core/briefbot.js";
import { LiveCorpus } from "../core/live-corpus.js";
import { BriefbotError, describeError } from "../core/errors.js";
import { loadEmbedder } from "../core/index/load-embedder.js";
import { attachBot, createClient } from "./bot.js";
import { loadConfig } from "./config.js";
import { Conversations } from "./conversations.js";
import { Cooldown } from "./cooldown.js";
import { liveContext } from "./live-context.js";

const log = (message: string, error?: unknown) => console.error(`[briefbot] ${message}${error ? `: ${describeError(error)}` : ""}`);

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // Discord connects at once; until the first index is ready, questions get "still indexing, N %".
  const live = new LiveCorpus({ corpusDir: config.corpusDir, embedder: loadEmbedder(), log, debounceMs: config.watchDebounceMs });
  live.ready.catch((error: unknown) => {
    // Without the model nothing can ever be answered: stop with the message (a bad corpus can be fixed while running).
    if (error instanceof BriefbotError && error.code === "MODEL") {
      log(describeError(error));
      process.exit(1);
    }
  });
  const feedbackFile = process.env.BRIEFBOT_FEEDBACK_LOG ?? join(PROJECT_ROOT, ".cache", "feedback.jsonl");
  await mkdir(dirname(feedbackFile), { recursive: true });
  const ctx = liveContext(live, {
    cooldown: new Cooldown(config.cooldownSeconds),
    conversations: new Conversations(),
    recordFeedback: (entry) => {
      log(`feedback ${entry.vote} from ${entry.user} on “${entry.question}”`);
      appendFile(feedbackFile, JSON.stringify(entry) + "\n").catch((e) => log("could not write feedback", e));
    },
    log,
  });
  const client = createClient({ apiUrl: config.apiUrl });
  const running = attachBot(client, ctx);
  // A stray error in one event (say, a malformed gateway payload) is logged; the bot keeps serving.
  process.on("unhandledRejection", (reason) => log("unhandled rejection", reason));
  process.on("uncaughtException", (error) => log("uncaught exception", error));
  const shutdown = async (signal: string) => {
    log(`${signal}: finishing answers in progress, then disconnecting`);
    await running.drain();
    await live.close();
    await client.destroy();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
  client.on("shardResume", (id) => log(`gateway shard ${id} resumed`));
  client.once("clientReady", (c) => {
    const state = live.isReady ? `${live.briefbot.chunks.length} sentences indexed from ${live.briefbot.corpus.documents.length} file(s)` : "the first index is still being built";
    log(`logged in as ${c.user.tag}; ${state}; watching ${config.corpusDir ?? DEFAULT_CORPUS_DIR} for changes`);
  });
  try {
    await client.login(config.token);
  } catch (error) {
    // discord.js errors never include the token; say what to check.
    throw new Error(`Discord login failed (${(error as Error).message}). Check DISCORD_TOKEN and DISCORD_API_URL.`);
  }
}

main().catch((error) => {
  log(describeError(error));
  process.exit(1);
});
