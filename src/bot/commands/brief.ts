import { EmbedBuilder, escapeMarkdown, SlashCommandBuilder } from "discord.js";
import { citationLabel } from "../../core/answer/answer.js";
import { buildBriefing } from "../../core/extract/briefing.js";
import type { SlashCommand } from "../context.js";
import { blockQuote, LIMITS, truncate } from "../render.js";

export const brief: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("brief")
    .setDescription("Key points of the brief, each a verbatim quote with its citation.")
    .addStringOption((o) => o.setName("topic").setDescription("Only points about this topic").setMaxLength(200))
    .toJSON(),

  async execute(interaction, ctx) {
    await interaction.deferReply();
    const briefing = await buildBriefing(ctx.briefbot, interaction.options.getString("topic") ?? undefined);
    const embed = new EmbedBuilder().setTitle(truncate(briefing.message, LIMITS.title)).setColor(0x2e86c1);
    if (!briefing.covered) {
      await interaction.editReply({ embeds: [embed.setColor(0x7f8c8d)] });
      return;
    }
    embed.addFields(
      briefing.points.map((p) => {
        const attribution = `\n— *${escapeMarkdown(p.attribution.label)}* ${citationLabel(p)}`;
        return { name: p.aspect[0]!.toUpperCase() + p.aspect.slice(1), value: truncate(blockQuote(p.quote), LIMITS.fieldValue - attribution.length) + attribution };
      }),
    );
    embed.setFooter({ text: "Every point is quoted word for word from the brief." });
    await interaction.editReply({ embeds: [embed] });
  },
};
