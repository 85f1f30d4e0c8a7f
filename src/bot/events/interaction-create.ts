import { type ButtonInteraction, type Interaction, MessageFlags } from "discord.js";
import { isUserFacing } from "../../core/errors.js";
import { commandsByName } from "../commands/index.js";
import type { BotContext } from "../context.js";
import { citedParagraphs } from "../cited-paragraphs.js";
import { LIMITS, paragraphEmbeds, parseSourcesCustomId, truncate } from "../render.js";
import { replyWithError } from "../reply-error.js";

async function onButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const { customId } = interaction;
  if (customId.startsWith("src:")) {
    const { found, missing } = citedParagraphs(parseSourcesCustomId(customId), ctx.briefbot);
    if (found.length === 0) {
      await interaction.reply({ content: "Those sources are no longer in the brief (it has changed since). Please ask again.", flags: MessageFlags.Ephemeral });
      return;
    }
    const notes = [...found.flatMap((f) => (f.note ? [`⚠️ ${f.note}`] : [])), ...(missing ? [`⚠️ ${missing} cited paragraph(s) are no longer in the brief.`] : [])];
    await interaction.reply({
      ...(notes.length ? { content: truncate(notes.join("\n"), LIMITS.content) } : {}),
      embeds: paragraphEmbeds(found.map((f) => f.paragraph)),
      flags: MessageFlags.Ephemeral,
    });
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
    if (!isUserFacing(error)) ctx.log(`interaction ${interaction.id} failed`, error);
    await replyWithError(interaction, error);
  }
}
