import { MessageFlags, type RepliableInteraction } from "discord.js";
import { isUserFacing } from "../core/errors.js";

/** What the user is told when a handler fails: their own input problem (or "still indexing") verbatim, anything else in general terms. */
export function userMessage(error: unknown): string {
  if (isUserFacing(error)) return error.message;
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
