import { EmbedBuilder, escapeMarkdown, SlashCommandBuilder } from "discord.js";
import { citationLabel } from "../../core/answer/answer.js";
import { buildBriefing } from "../../core/extract/briefing.js";
import { guildCommand } from "./guild-command.js";
import type { SlashCommand } from "../context.js";
import { deferThenQueue } from "../queued-reply.js";
import { blockQuote, clamp, fitEmbed, LIMITS } from "../render.js";

export const brief: SlashCommand = {
  data: guildCommand(new SlashCommandBuilder())
    .setName("brief")
    .setDescription("Key points of the brief, each a verbatim quote with its citation.")
    .addStringOption((o) => o.setName("topic").setDescription("Only points about this topic").setMaxLength(200))
    .toJSON(),

  async execute(interaction, ctx) {
    await deferThenQueue(interaction, ctx, { private: false }, async () => {
      const briefing = await buildBriefing(ctx.briefbot, interaction.options.getString("topic") ?? undefined);
      const embed = new EmbedBuilder().setTitle(clamp(briefing.message, LIMITS.title)).setColor(0x2e86c1);
      if (!briefing.covered) return { embeds: [embed.setColor(0x7f8c8d)] };
      embed.addFields(
        briefing.points.map((p) => {
          const attribution = `\n— *${clamp(escapeMarkdown(p.attribution.label), 300)}* ${clamp(citationLabel(p), 300)}`;
          const name = clamp(p.aspect[0]!.toUpperCase() + p.aspect.slice(1), LIMITS.fieldName);
          return { name, value: clamp(clamp(blockQuote(p.quote), LIMITS.fieldValue - attribution.length) + attribution, LIMITS.fieldValue) };
        }),
      );
      embed.setFooter({ text: "Every point is quoted word for word from the brief." });
      return { embeds: [fitEmbed(embed)] };
    });
  },
};
