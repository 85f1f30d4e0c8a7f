import { MessageFlags, type RepliableInteraction } from "discord.js";
import { BriefbotError } from "../core/errors.js";

/** What the user is told when a handler fails: their own input problem verbatim, anything else in general terms. */
export function userMessage(error: unknown): string {
  if (error instanceof BriefbotError && error.code === "BAD_INPUT") return error.message;
  return "Sorry, something went wrong while answering. The error has been logged; please try again.";
}

/** Tells the user about a failure whatever state the interaction is in; never throws. */
export async function replyWithError(interaction: RepliableInteraction, error: unknown): Promise<void> {
  const content = userMessage(error);
  try {
    if (interaction.deferred) await interaction.editReply({ content, embeds: [], components: [], files: [] });
    else if (interaction.replied) await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
    else await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  } catch {
    // The interaction token may have expired; there is no one left to tell.
  }
}
