import { type ButtonInteraction, type Interaction, MessageFlags } from "discord.js";
import { isUserFacing } from "../../core/errors.js";
import { replyOnce } from "../acknowledge.js";
import { accessRefusal } from "../access.js";
import { commandsByName } from "../commands/index.js";
import type { BotContext } from "../context.js";
import { citedParagraphs } from "../cited-paragraphs.js";
import { clamp, LIMITS, paragraphEmbeds, parseSourcesCustomId } from "../render.js";
import { replyWithError } from "../reply-error.js";

const VOTE_REPLIES = {
  recorded: "Thanks, your feedback was recorded.",
  changed: "Thanks, your vote on this answer was changed.",
  unchanged: "You already gave this answer that vote; it counts once.",
  "kept-in-memory": "Thanks, your feedback was recorded, but only until the bot restarts: its storage is unavailable (logged for the operator).",
  "not-saved": "Sorry, your vote could not be saved (storage problem on our side); it has been logged. Please try again later.",
} as const;

async function onButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const { customId } = interaction;
  if (customId.startsWith("src:")) {
    const { found, missing } = citedParagraphs(parseSourcesCustomId(customId), ctx.briefbot);
    if (found.length === 0) {
      await replyOnce(interaction, { content: "Those sources are no longer in the brief (it has changed since). Please ask again.", flags: MessageFlags.Ephemeral });
      return;
    }
    const notes = [...found.flatMap((f) => (f.note ? [`⚠️ ${f.note}`] : [])), ...(missing ? [`⚠️ ${missing} cited paragraph(s) are no longer in the brief.`] : [])];
    await replyOnce(interaction, {
      ...(notes.length ? { content: clamp(notes.join("\n"), LIMITS.content) } : {}),
      embeds: paragraphEmbeds(found.map((f) => f.paragraph)),
      flags: MessageFlags.Ephemeral,
    });
  } else if (customId === "fb:up" || customId === "fb:down") {
    const outcome = ctx.feedback.record({
      at: new Date().toISOString(),
      user: interaction.user.id,
      vote: customId === "fb:up" ? "up" : "down",
      question: interaction.message.embeds[0]?.title ?? "",
      messageId: interaction.message.id,
    });
    await replyOnce(interaction, { content: VOTE_REPLIES[outcome], flags: MessageFlags.Ephemeral });
  } else {
    await replyOnce(interaction, { content: "This button is no longer supported.", flags: MessageFlags.Ephemeral });
  }
}

function memberRoles(interaction: Interaction): string[] {
  const roles = interaction.member?.roles;
  if (!roles) return [];
  return Array.isArray(roles) ? roles : [...roles.cache.keys()];
}

export async function onInteraction(interaction: Interaction, ctx: BotContext): Promise<void> {
  if (interaction.isAutocomplete()) {
    try {
      await commandsByName.get(interaction.commandName)?.autocomplete?.(interaction, ctx);
    } catch (error) {
      // Suggestions are a convenience: a failure leaves the list empty and is logged.
      ctx.log(`autocomplete ${interaction.id} failed`, error);
      await interaction.respond([]).catch(() => {});
    }
    return;
  }
  if (!interaction.isRepliable()) return;
  try {
    const refusal = accessRefusal({ guildId: interaction.guildId, roles: memberRoles(interaction) }, ctx.access);
    if (refusal) {
      await replyOnce(interaction, { content: refusal, flags: MessageFlags.Ephemeral });
      return;
    }
    if (interaction.isChatInputCommand()) {
      const command = commandsByName.get(interaction.commandName);
      if (!command) {
        await replyOnce(interaction, { content: clamp(`Unknown command /${interaction.commandName}.`, 200), flags: MessageFlags.Ephemeral });
        return;
      }
      // Every command has its own cooldown per user (mentions share /ask's), so one user cannot flood any of them.
      const wait = ctx.cooldown.take(`${interaction.user.id}:${interaction.commandName}`);
      if (wait > 0) {
        await replyOnce(interaction, { content: `Please wait ${wait} s before using /${interaction.commandName} again.`, flags: MessageFlags.Ephemeral });
        return;
      }
      await command.execute(interaction, ctx);
    } else if (interaction.isButton()) {
      await onButton(interaction, ctx);
    }
  } catch (error) {
    // A bad question is the user's to fix and is answered as such; anything else is ours and logged.
    if (!isUserFacing(error)) ctx.log(`interaction ${interaction.id} failed`, error);
    await replyWithError(interaction, error);
  }
}
