import { type ChatInputCommandInteraction, type InteractionEditReplyOptions, MessageFlags } from "discord.js";
import { deferOnce, replyOnce } from "./acknowledge.js";
import type { BotContext } from "./context.js";
import type { Admission } from "./work-queue.js";

/** What a user is told when the queue cannot take their work now. */
export function busyMessage(admission: Extract<Admission, { ok: false }>): string {
  return admission.reason === "user"
    ? `Your previous request is still being answered; please try again in ${admission.retryAfterSeconds} s.`
    : `I'm busy answering other questions; please try again in ${admission.retryAfterSeconds} s.`;
}

/**
 * The shape of every heavy command: a place in the work queue is reserved, the interaction is
 * acknowledged (deferred) before any heavy work, the work runs in its turn, and its result
 * replaces the "thinking…" message. A full queue is answered at once, privately, with when to retry.
 */
export async function deferThenQueue(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  options: { private: boolean },
  work: () => Promise<InteractionEditReplyOptions>,
): Promise<void> {
  const admission = ctx.queue.admit(interaction.user.id);
  if (!admission.ok) {
    ctx.cooldown.forget(`${interaction.user.id}:${interaction.commandName}`);
    await replyOnce(interaction, { content: busyMessage(admission), flags: MessageFlags.Ephemeral });
    return;
  }
  try {
    await deferOnce(interaction, options.private ? { flags: MessageFlags.Ephemeral } : {});
  } catch (error) {
    admission.slot.cancel();
    throw error;
  }
  const reply = await admission.slot.run(work);
  await interaction.editReply(reply);
}
