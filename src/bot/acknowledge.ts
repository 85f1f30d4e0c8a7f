import { DiscordAPIError, type InteractionDeferReplyOptions, type InteractionReplyOptions, RESTJSONErrorCodes, type RepliableInteraction } from "discord.js";

/**
 * Discord answers 40060 when it already has this interaction's acknowledgement: our first attempt
 * reached it, but the reply was lost (a 502) and the REST client retried. The work is done, so go on.
 */
export function isAlreadyAcknowledged(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged;
}

/** deferReply that treats "already acknowledged" as success, so the answer still arrives by editReply. */
export async function deferOnce(interaction: RepliableInteraction, options: InteractionDeferReplyOptions = {}): Promise<void> {
  try {
    await interaction.deferReply(options);
  } catch (error) {
    if (!isAlreadyAcknowledged(error)) throw error;
    interaction.deferred = true;
  }
}

/** reply that treats "already acknowledged" as delivered (the first attempt was). */
export async function replyOnce(interaction: RepliableInteraction, options: InteractionReplyOptions): Promise<void> {
  try {
    await interaction.reply(options);
  } catch (error) {
    if (!isAlreadyAcknowledged(error)) throw error;
    interaction.replied = true;
  }
}
