import { type ButtonInteraction, type Interaction, MessageFlags } from "discord.js";
import { BriefbotError } from "../../core/errors.js";
import { commandsByName } from "../commands/index.js";
import type { BotContext } from "../context.js";
import { paragraphEmbeds, parseSourcesCustomId } from "../render.js";
import { replyWithError } from "../reply-error.js";

async function onButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const { customId } = interaction;
  if (customId.startsWith("src:")) {
    const docs = ctx.briefbot.corpus.documents;
    const paragraphs = parseSourcesCustomId(customId).flatMap(({ doc, paragraph }) => {
      const p = docs[doc] && ctx.briefbot.paragraph(paragraph, docs[doc]!.source);
      return p ? [p] : [];
    });
    if (paragraphs.length === 0) {
      await interaction.reply({ content: "Those sources are no longer in the brief (it has changed since). Please ask again.", flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.reply({ embeds: paragraphEmbeds(paragraphs), flags: MessageFlags.Ephemeral });
  } else if (customId === "fb:up" || customId === "fb:down") {
    ctx.recordFeedback({
      at: new Date().toISOString(),
      user: interaction.user.id,
      vote: customId === "fb:up" ? "up" : "down",
      question: interaction.message.embeds[0]?.title ?? "",
      messageId: interaction.message.id,
    });
    await interaction.reply({ content: "Thanks, your feedback was recorded.", flags: MessageFlags.Ephemeral });
  } else {
    await interaction.reply({ content: "This button is no longer supported.", flags: MessageFlags.Ephemeral });
  }
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
    if (interaction.isChatInputCommand()) {
      const command = commandsByName.get(interaction.commandName);
      if (!command) {
        await interaction.reply({ content: `Unknown command /${interaction.commandName}.`, flags: MessageFlags.Ephemeral });
        return;
      }
      await command.execute(interaction, ctx);
    } else if (interaction.isButton()) {
      await onButton(interaction, ctx);
    }
  } catch (error) {
    // A bad question is the user's to fix and is answered as such; anything else is ours and logged.
    if (!(error instanceof BriefbotError && error.code === "BAD_INPUT")) ctx.log(`interaction ${interaction.id} failed`, error);
    await replyWithError(interaction, error);
  }
}
