import { AttachmentBuilder, EmbedBuilder, escapeMarkdown, SlashCommandBuilder } from "discord.js";
import { citationLabel } from "../../core/answer/answer.js";
import { filterIncidents, formatFigure, type Incident, incidentName } from "../../core/extract/casualties.js";
import { renderCasualtyChart } from "../../core/extract/casualty-chart.js";
import { guildCommand } from "./guild-command.js";
import type { SlashCommand } from "../context.js";
import { deferThenQueue } from "../queued-reply.js";
import { clamp, fitEmbed, LIMITS } from "../render.js";

function row(incident: Incident, n: number) {
  const name = `${n}. ${incidentName(incident)}`;
  const figures = `Killed **${formatFigure(incident.killed)}** · Injured **${formatFigure(incident.injured)}** · Killed or injured **${formatFigure(incident.killedOrInjured)}**`;
  // The claimant and the citation come from the brief and can be any length: each gets a bounded share.
  const who = incident.perpetrator ? `\nBy/claimed by: ${clamp(escapeMarkdown(incident.perpetrator), 300)}` : "";
  const cite = ` — ${clamp(citationLabel(incident.citation), 300)}`;
  const quoteRoom = LIMITS.fieldValue - figures.length - who.length - cite.length - 3;
  const quote = quoteRoom >= 20 ? `\n> ${clamp(escapeMarkdown(incident.citation.quote.replace(/\s+/g, " ")), quoteRoom)}` : "";
  return { name: clamp(name, LIMITS.fieldName), value: clamp(`${figures}${who}${quote}${cite}`, LIMITS.fieldValue) };
}

export const casualties: SlashCommand = {
  data: guildCommand(new SlashCommandBuilder())
    .setName("casualties")
    .setDescription("Casualty figures stated in the brief, each cited, with a chart.")
    .addStringOption((o) => o.setName("place").setDescription("Only incidents at this place").setMaxLength(100))
    .addIntegerOption((o) => o.setName("min_killed").setDescription("Only incidents with at least this many killed").setMinValue(0))
    .toJSON(),

  async execute(interaction, ctx) {
    await deferThenQueue(interaction, ctx, { private: false }, async () => {
      const place = interaction.options.getString("place") ?? undefined;
      const minKilled = interaction.options.getInteger("min_killed") ?? undefined;
      const incidents = filterIncidents(ctx.incidents, { place, minKilled });
      if (incidents.length === 0) return { content: "The brief states no casualty figures that match." };
      // Single incidents first, aggregates after, so totals are never read as one more incident.
      const ordered = [...incidents.filter((i) => !i.aggregate), ...incidents.filter((i) => i.aggregate)];
      const shown = ordered.slice(0, LIMITS.fields);
      const embed = new EmbedBuilder()
        .setTitle("Casualties stated in the brief")
        .setColor(0xc0392b)
        .setDescription("Figures as the brief gives them. Aggregates total many attacks and are not added to single incidents.")
        .addFields(shown.map((incident, i) => row(incident, i + 1)))
        .setImage("attachment://casualties.png");
      // Embeds cap at 6,000 characters in all: rows are dropped from the end until it fits (with room for the footer).
      embed.setFooter({ text: "x".repeat(60) });
      fitEmbed(embed);
      const listed = embed.data.fields?.length ?? 0;
      embed.setFooter(listed < ordered.length ? { text: `${ordered.length - listed} more incident(s) not shown; use the CLI for all.` } : null);
      const chart = new AttachmentBuilder(await renderCasualtyChart(shown), { name: "casualties.png" });
      return { embeds: [embed], files: [chart] };
    });
  },
};
