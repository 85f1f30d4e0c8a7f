import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits, type SlashCommandBuilder } from "discord.js";

/**
 * Every command is offered only inside a server the bot was installed in (no DMs, no user
 * installs), and by default only to members who may send messages there; server admins can
 * narrow it further under Server Settings → Integrations. The bot re-checks at run time.
 */
export function guildCommand(builder: SlashCommandBuilder): SlashCommandBuilder {
  return builder
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setDefaultMemberPermissions(PermissionFlagsBits.SendMessages);
}
