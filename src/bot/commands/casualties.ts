import { AttachmentBuilder, EmbedBuilder, escapeMarkdown, SlashCommandBuilder } from "discord.js";
import { citationLabel } from "../../core/answer/answer.js";
import { filterIncidents, formatFigure, type Incident } from "../../core/extract/casualties.js";
import { renderCasualtyChart } from "../../core/extract/casualty-chart.js";
import type { SlashCommand } from "../context.js";
import { LIMITS, truncate } from "../render.js";

function row(incident: Incident, n: number) {
  const name = `${n}. ${incident.aggregate ? "Aggregate · " : ""}${incident.place ?? "place not stated"}${incident.when ? ` (${incident.when})` : ""}`;
  const figures = `Killed **${formatFigure(incident.killed)}** · Injured **${formatFigure(incident.injured)}** · Killed or injured **${formatFigure(incident.killedOrInjured)}**`;
  const who = incident.perpetrator ? `\nBy/claimed by: ${escapeMarkdown(incident.perpetrator)}` : "";
  const cite = ` — ${citationLabel(incident.citation)}`;
  const quoteRoom = LIMITS.fieldValue - figures.length - who.length - cite.length - 4;
  return { name: truncate(name, LIMITS.fieldName), value: `${figures}${who}\n> ${truncate(escapeMarkdown(incident.citation.quote.replace(/\s+/g, " ")), quoteRoom)}${cite}` };
}

export const casualties: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("casualties")
    .setDescription("Casualty figures stated in the brief, each cited, with a chart.")
    .addStringOption((o) => o.setName("place").setDescription("Only incidents at this place").setMaxLength(100))
    .addIntegerOption((o) => o.setName("min_killed").setDescription("Only incidents with at least this many killed").setMinValue(0))
    .toJSON(),

  async execute(interaction, ctx) {
    await interaction.deferReply();
    const place = interaction.options.getString("place") ?? undefined;
    const minKilled = interaction.options.getInteger("min_killed") ?? undefined;
    const incidents = filterIncidents(ctx.incidents, { place, minKilled });
    if (incidents.length === 0) {
      await interaction.editReply({ content: "The brief states no casualty figures that match." });
      return;
    }
    // Single incidents first, aggregates after, so totals are never read as one more incident.
    const ordered = [...incidents.filter((i) => !i.aggregate), ...incidents.filter((i) => i.aggregate)];
    const shown = ordered.slice(0, LIMITS.fields);
    const embed = new EmbedBuilder()
      .setTitle("Casualties stated in the brief")
      .setColor(0xc0392b)
      .setDescription("Figures as the brief gives them. Aggregates total many attacks and are not added to single incidents.")
      .addFields(shown.map((incident, i) => row(incident, i + 1)))
      .setImage("attachment://casualties.png");
    // Embeds cap at 6,000 characters in all: drop rows from the end until it fits.
    while (JSON.stringify(embed.toJSON()).length > LIMITS.embedTotal && embed.data.fields!.length > 1) embed.spliceFields(-1, 1);
    if (embed.data.fields!.length < ordered.length) embed.setFooter({ text: `${ordered.length - embed.data.fields!.length} more incident(s) not shown; use the CLI for all.` });
    const chart = new AttachmentBuilder(await renderCasualtyChart(shown), { name: "casualties.png" });
    await interaction.editReply({ embeds: [embed], files: [chart] });
  },
};
