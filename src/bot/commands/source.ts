import { MessageFlags, SlashCommandBuilder } from "discord.js";
import type { SlashCommand } from "../context.js";
import { paragraphEmbeds } from "../render.js";

export const source: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("source")
    .setDescription("Show one paragraph of the brief exactly as written.")
    .addIntegerOption((o) => o.setName("paragraph").setDescription("Paragraph number, as in citations [file ¶n]").setRequired(true).setMinValue(1))
    .addStringOption((o) => o.setName("file").setDescription("File name (default: the first file of the corpus)").setMaxLength(200))
    .toJSON(),

  async execute(interaction, ctx) {
    const n = interaction.options.getInteger("paragraph", true);
    const file = interaction.options.getString("file") ?? undefined;
    const paragraph = ctx.briefbot.paragraph(n, file);
    if (!paragraph) {
      const files = ctx.briefbot.corpus.documents.map((d) => d.source).join(", ");
      await interaction.reply({ content: `There is no paragraph ${n} in ${file ?? "the brief"}. Files: ${files}.`, flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.reply({ embeds: paragraphEmbeds([paragraph]) });
  },
};
