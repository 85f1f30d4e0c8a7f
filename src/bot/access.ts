/** Who may use the bot: the guilds it serves (none listed = any guild it is in) and, optionally, a role members must have. */
export interface AccessPolicy {
  guildIds: ReadonlySet<string>;
  requiredRoleId?: string;
}

export const OPEN_ACCESS: AccessPolicy = { guildIds: new Set() };

/**
 * Why this place or member may not use the bot, or null when they may. Checked on every
 * interaction and mention at run time: registering commands in a guild does not stop the bot
 * from being invited elsewhere, or a DM from reaching it.
 */
export function accessRefusal(where: { guildId: string | null; roles: readonly string[] }, policy: AccessPolicy): string | null {
  if (!where.guildId) return "I only answer inside the team's server, not in direct messages.";
  if (policy.guildIds.size > 0 && !policy.guildIds.has(where.guildId)) return "This server is not enabled for briefbot.";
  if (policy.requiredRoleId && !where.roles.includes(policy.requiredRoleId)) return "You need the briefing role to use briefbot here; ask a server admin.";
  return null;
}
