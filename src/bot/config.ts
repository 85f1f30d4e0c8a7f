import { z } from "zod";
import { BriefbotError } from "../core/errors.js";

const snowflake = z.string().regex(/^\d{15,25}$/, "must be a Discord id (digits only)");
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const schema = z.object({
  DISCORD_TOKEN: z.string({ error: "is required (the bot token from the Discord developer portal)" }).min(1, "is required (the bot token from the Discord developer portal)"),
  DISCORD_APPLICATION_ID: z.string({ error: "is required (the application id from the Discord developer portal)" }).pipe(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_URL: optional(z.string().url("must be a URL such as https://discord.com/api")),
  BRIEFBOT_CORPUS_DIR: optional(z.string()),
  BRIEFBOT_COOLDOWN_SECONDS: optional(z.coerce.number().min(0).max(3600)),
  BRIEFBOT_WATCH_DEBOUNCE_MS: optional(z.coerce.number().int().min(0).max(600_000)),
});

export interface BotConfig {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl?: string;
  corpusDir?: string;
  cooldownSeconds: number;
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
  return {
    token: c.DISCORD_TOKEN,
    applicationId: c.DISCORD_APPLICATION_ID,
    guildId: c.DISCORD_GUILD_ID,
    apiUrl: c.DISCORD_API_URL,
    corpusDir: c.BRIEFBOT_CORPUS_DIR,
    cooldownSeconds: c.BRIEFBOT_COOLDOWN_SECONDS ?? 5,
    watchDebounceMs: c.BRIEFBOT_WATCH_DEBOUNCE_MS,
  };
}
