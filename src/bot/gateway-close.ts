/**
 * Gateway close codes after which Discord will not let the bot back in until a human acts
 * (https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes).
 * The bot exits non-zero with what to do, so a supervisor restarts it or raises an alert.
 */
export const FATAL_CLOSE_CODES: Record<number, string> = {
  4004: "the token was rejected (revoked or reset). Put the current bot token from the developer portal (Bot → Reset Token) in DISCORD_TOKEN",
  4010: "Discord says the shard is invalid. Run a single shard (the default) or fix the sharding settings",
  4011: "Discord requires sharding for this bot (too many guilds). Enable sharding",
  4012: "the gateway API version is invalid. Upgrade discord.js (npm install)",
  4013: "the gateway intents are invalid. This is a bug in briefbot's client options; report it",
  4014:
    "the bot asked for an intent it is not allowed. Enable the Message Content intent in the developer portal (your application → Bot → Privileged Gateway Intents → Message Content Intent), then restart",
};

export const FATAL_EXIT_CODE = 78; // EX_CONFIG: a configuration problem, not a crash

/** The log line for a fatal close, or null when discord.js will reconnect by itself. */
export function describeFatalClose(code: number): string | null {
  const what = FATAL_CLOSE_CODES[code];
  return what ? `Discord closed the gateway with code ${code}: ${what}.` : null;
}
