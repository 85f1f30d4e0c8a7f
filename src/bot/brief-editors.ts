import { GuildMember, type Interaction, PermissionFlagsBits, roleMention } from "discord.js";

/**
 * Who may add and remove briefs: members with Manage Server, and members holding the configured
 * editor role (matched by id or by name). Nobody outside a server (no member, no roles).
 */
export function canEditBriefs(interaction: Interaction, editorRole: string | undefined): boolean {
  if (!interaction.inGuild()) return false;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  if (!editorRole) return false;
  const member = interaction.member;
  if (member instanceof GuildMember) return member.roles.cache.some((r) => r.id === editorRole || r.name === editorRole);
  // A member discord.js has not cached comes as raw data: role ids, names looked up in the guild.
  return member.roles.some((id) => id === editorRole || interaction.guild?.roles.cache.get(id)?.name === editorRole);
}

export function editorRefusal(editorRole: string | undefined): string {
  const who = editorRole ? `members with the ${/^\d{15,25}$/.test(editorRole) ? roleMention(editorRole) : `“${editorRole}”`} role or the Manage Server permission` : "members with the Manage Server permission";
  return `Only ${who} can add or remove briefs. Ask one of them, or use /briefs list to see what is indexed.`;
}
