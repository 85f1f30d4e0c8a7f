import { z } from "zod";
import { BriefbotError } from "../core/errors.js";
import { MAX_FILE_BYTES } from "../core/ingest/corpus.js";

const snowflake = z.string().regex(/^\d{15,25}$/, "must be a Discord id (digits only)");
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const schema = z.object({
  DISCORD_TOKEN: z.string({ error: "is required (the bot token from the Discord developer portal)" }).min(1, "is required (the bot token from the Discord developer portal)"),
  DISCORD_APPLICATION_ID: z.string({ error: "is required (the application id from the Discord developer portal)" }).pipe(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_GUILD_IDS: optional(z.string().regex(/^\s*\d{15,25}(\s*,\s*\d{15,25})*\s*$/, "must be Discord guild ids separated by commas")),
  BRIEFBOT_REQUIRED_ROLE_ID: optional(snowflake),
  DISCORD_API_URL: optional(z.string().url("must be a URL such as https://discord.com/api")),
  BRIEFBOT_CORPUS_DIR: optional(z.string()),
  BRIEFBOT_COOLDOWN_SECONDS: optional(z.coerce.number().min(0).max(3600)),
  BRIEFBOT_QUEUE_MAX: optional(z.coerce.number().int().min(1).max(100_000)),
  BRIEFBOT_QUEUE_PER_USER: optional(z.coerce.number().int().min(1).max(1000)),
  BRIEFBOT_QUEUE: optional(z.enum(["on", "off"], { error: "must be on or off" })),
  BRIEFBOT_DRAIN_SECONDS: optional(z.coerce.number().min(0).max(3600)),
  BRIEFBOT_EDITOR_ROLE: optional(z.string().max(100)),
  BRIEFBOT_MAX_UPLOAD_MB: optional(z.coerce.number().positive().max(MAX_FILE_BYTES / 1024 / 1024, `must be at most ${MAX_FILE_BYTES / 1024 / 1024} (the largest brief the corpus reads)`)),
  BRIEFBOT_WATCH_DEBOUNCE_MS: optional(z.coerce.number().int().min(0).max(600_000)),
});

export interface BotConfig {
  token: string;
  applicationId: string;
  /** Where slash commands are registered (deploy-commands); the first of guildIds. */
  guildId?: string;
  /** The only guilds the bot serves (empty: any guild it is in). */
  guildIds: string[];
  requiredRoleId?: string;
  apiUrl?: string;
  corpusDir?: string;
  cooldownSeconds: number;
  queue: { maxPending: number; maxPerUser: number; enabled: boolean };
  drainSeconds: number;
  /** Role (id or name) whose members may add and remove briefs, besides those with Manage Server. */
  editorRole?: string;
  maxUploadBytes: number;
  /** Quiet time after the last change in the corpus folder before it is re-indexed. */
  watchDebounceMs?: number;
}

/** Validates the environment; the message names each bad variable but never echoes a value (the token is secret). */
export function loadConfig(env: NodeJS.ProcessEnv): BotConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`);
    throw new BriefbotError(`Invalid configuration (see .env.example):\n- ${problems.join("\n- ")}`, "CONFIG");
  }
  const c = parsed.data;
  const guildIds = [...new Set([c.DISCORD_GUILD_ID, ...(c.DISCORD_GUILD_IDS?.split(",").map((id) => id.trim()) ?? [])].filter((id): id is string => !!id))];
  return {
    token: c.DISCORD_TOKEN,
    applicationId: c.DISCORD_APPLICATION_ID,
    guildId: guildIds[0],
    guildIds,
    requiredRoleId: c.BRIEFBOT_REQUIRED_ROLE_ID,
    apiUrl: c.DISCORD_API_URL,
    corpusDir: c.BRIEFBOT_CORPUS_DIR,
    cooldownSeconds: c.BRIEFBOT_COOLDOWN_SECONDS ?? 5,
    queue: { maxPending: c.BRIEFBOT_QUEUE_MAX ?? 100, maxPerUser: c.BRIEFBOT_QUEUE_PER_USER ?? 2, enabled: c.BRIEFBOT_QUEUE !== "off" },
    drainSeconds: c.BRIEFBOT_DRAIN_SECONDS ?? 20,
    editorRole: c.BRIEFBOT_EDITOR_ROLE,
    maxUploadBytes: Math.floor((c.BRIEFBOT_MAX_UPLOAD_MB ?? MAX_FILE_BYTES / 1024 / 1024) * 1024 * 1024),
    watchDebounceMs: c.BRIEFBOT_WATCH_DEBOUNCE_MS,
  };
}
