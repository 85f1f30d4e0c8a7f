import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, escapeMarkdown } from "discord.js";
import type { Answer } from "../core/answer/answer.js";
import { citationLabel } from "../core/answer/answer.js";
import type { Paragraph } from "../core/ingest/chunker.js";

/** Discord's documented limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = { content: 2000, title: 256, description: 4096, fieldName: 256, fieldValue: 1024, fields: 25, footer: 2048, embedTotal: 6000, customId: 100 };

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + "…";
}

/** A quote shown as a Markdown block quote; markdown in the brief is escaped so it displays exactly as written. */
export function blockQuote(text: string): string {
  return "> " + escapeMarkdown(text.replace(/\s+/g, " "));
}

const COLOR_ANSWERED = 0x2e86c1;
const COLOR_REFUSED = 0x7f8c8d;

/** "src:<doc>.<paragraph>,..." names the cited paragraphs without server-side state, so buttons survive restarts. */
export function sourcesCustomId(answer: Answer, sources: string[]): string | null {
  const refs = [...new Set(answer.citations.map((c) => `${sources.indexOf(c.source)}.${c.paragraph}`))];
  const id = `src:${refs.join(",")}`;
  return refs.length && id.length <= LIMITS.customId ? id : null;
}

export function parseSourcesCustomId(customId: string): { doc: number; paragraph: number }[] {
  return customId
    .slice(4)
    .split(",")
    .map((ref) => ref.split(".").map(Number))
    .filter(([doc, paragraph]) => Number.isInteger(doc) && Number.isInteger(paragraph))
    .map(([doc, paragraph]) => ({ doc: doc!, paragraph: paragraph! }));
}

export function answerEmbed(answer: Answer): EmbedBuilder {
  const embed = new EmbedBuilder().setTitle(truncate(answer.question, LIMITS.title)).setColor(answer.answered ? COLOR_ANSWERED : COLOR_REFUSED);
  if (!answer.answered) return embed.setDescription(truncate(escapeMarkdown(answer.answer), LIMITS.description));
  const parts = answer.citations.map((c) => `${blockQuote(c.quote)}\n— *${escapeMarkdown(c.attribution.label)}* ${citationLabel(c)}`);
  let description = "";
  for (const part of parts) {
    const next = description ? `${description}\n\n${part}` : part;
    if (next.length > LIMITS.description) break;
    description = next;
  }
  return embed.setDescription(description || truncate(parts[0]!, LIMITS.description)).setFooter({ text: "Quoted word for word from the brief." });
}

export function answerButtons(answer: Answer, sources: string[]): ActionRowBuilder<ButtonBuilder>[] {
  const buttons: ButtonBuilder[] = [];
  const sourcesId = answer.answered ? sourcesCustomId(answer, sources) : null;
  if (sourcesId) buttons.push(new ButtonBuilder().setCustomId(sourcesId).setLabel("Show sources").setStyle(ButtonStyle.Secondary));
  buttons.push(
    new ButtonBuilder().setCustomId("fb:up").setEmoji("👍").setStyle(ButtonStyle.Secondary),
    new ButtonBuilder().setCustomId("fb:down").setEmoji("👎").setStyle(ButtonStyle.Secondary),
  );
  return [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)];
}

/** Full paragraphs as embeds, kept within the 6,000-character total of one message. */
export function paragraphEmbeds(paragraphs: Paragraph[]): EmbedBuilder[] {
  const embeds: EmbedBuilder[] = [];
  let total = 0;
  for (const p of paragraphs.slice(0, 10)) {
    const title = citationLabel(p).slice(1, -1);
    const room = Math.min(LIMITS.description, LIMITS.embedTotal - total - title.length);
    if (room < 100) break;
    const body = truncate(escapeMarkdown(p.text.replace(/[ \t]+/g, " ")), room);
    total += title.length + body.length;
    embeds.push(new EmbedBuilder().setTitle(title).setDescription(body).setColor(COLOR_ANSWERED));
  }
  return embeds;
}
