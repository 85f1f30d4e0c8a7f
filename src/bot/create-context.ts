import type { Briefbot } from "../core/briefbot.js";
import { extractCasualties } from "../core/extract/casualties.js";
import { type AccessPolicy, OPEN_ACCESS } from "./access.js";
import type { BotContext } from "./context.js";
import { Conversations } from "./conversations.js";
import { Cooldown } from "./cooldown.js";
import type { Db } from "./storage/database.js";
import { MemoryFeedback, SqliteFeedback } from "./storage/feedback-store.js";
import { unboundedQueue, WorkQueue } from "./work-queue.js";

export interface ContextOptions {
  cooldownSeconds?: number;
  queue?: { maxPending: number; maxPerUser: number; enabled: boolean };
  access?: AccessPolicy;
  /** The bot's database; null keeps threads and votes in memory. */
  db?: Db | null;
  /** Role (id or name) whose members may add and remove briefs, besides those with Manage Server. */
  editorRole?: string;
  maxUploadBytes?: number;
  log: (message: string, error?: unknown) => void;
}

/** Everything a handler context holds besides the index: limits, access, storage, logging. */
export function contextParts(options: ContextOptions): Omit<BotContext, "briefbot" | "incidents"> {
  const queue = options.queue ?? { maxPending: 100, maxPerUser: 2, enabled: true };
  const db = options.db ?? null;
  return {
    indexedAt: new Date(),
    // Replaced where the corpus can change: the live corpus re-indexes, tests of /briefs reload.
    reload: async () => {},
    ...(options.editorRole ? { editorRole: options.editorRole } : {}),
    maxUploadBytes: options.maxUploadBytes ?? 20 * 1024 * 1024,
    cooldown: new Cooldown(options.cooldownSeconds ?? 5),
    queue: queue.enabled ? new WorkQueue(queue) : unboundedQueue(),
    access: options.access ?? OPEN_ACCESS,
    conversations: new Conversations(db, options.log),
    feedback: db ? new SqliteFeedback(db, options.log) : new MemoryFeedback(),
    log: options.log,
  };
}

/** The handlers' context over one fixed index (tests; the bot itself uses liveContext). */
export function createContext(briefbot: Briefbot, options: ContextOptions): BotContext {
  return { briefbot, incidents: extractCasualties(briefbot.chunks, briefbot.paragraphs), ...contextParts(options) };
}
