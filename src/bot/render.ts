import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, escapeMarkdown } from "discord.js";
import type { Answer } from "../core/answer/answer.js";
import { citationLabel } from "../core/answer/answer.js";
import type { Briefbot } from "../core/briefbot.js";
import type { Paragraph } from "../core/ingest/chunker.js";
import { fingerprint } from "../core/ingest/fingerprint.js";

/** Discord's documented limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = { content: 2000, title: 256, description: 4096, fieldName: 256, fieldValue: 1024, fields: 25, footer: 2048, embedTotal: 6000, customId: 100, threadName: 100, buttonLabel: 80 };

// NUL and other control characters (newline and tab aside) are refused or shown as garbage by Discord.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Text as Discord accepts it in a field of `max` characters: control characters removed, and if
 * too long, cut with "…" (never between the two halves of a surrogate pair, which would leave
 * invalid UTF-16). Every string from the brief or a user goes through this where it is rendered.
 */
export function clamp(text: string, max: number): string {
  const clean = text.replace(CONTROL, "");
  if (clean.length <= max) return clean;
  if (max < 1) return "";
  let cut = max - 1;
  if (cut > 0 && /[\uD800-\uDBFF]/.test(clean[cut - 1]!)) cut--;
  return clean.slice(0, cut) + "…";
}

/** Length of an embed as Discord counts it against the 6,000-character total. */
export function embedLength(embed: EmbedBuilder): number {
  const d = embed.data;
  return (d.title?.length ?? 0) + (d.description?.length ?? 0) + (d.footer?.text.length ?? 0) + (d.author?.name.length ?? 0) + (d.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

/** Drops fields from the end (then shortens the description) until the embed fits Discord's total. */
export function fitEmbed(embed: EmbedBuilder): EmbedBuilder {
  while (embedLength(embed) > LIMITS.embedTotal && (embed.data.fields?.length ?? 0) > 0) embed.spliceFields(-1, 1);
  const over = embedLength(embed) - LIMITS.embedTotal;
  if (over > 0 && embed.data.description) embed.setDescription(clamp(embed.data.description, embed.data.description.length - over));
  return embed;
}

/** A quote shown as a Markdown block quote; markdown in the brief is escaped so it displays exactly as written. */
export function blockQuote(text: string): string {
  return "> " + escapeMarkdown(text.replace(/\s+/g, " "));
}

const COLOR_ANSWERED = 0x2e86c1;
const COLOR_REFUSED = 0x7f8c8d;

/** Finds a paragraph by file and number: a Briefbot, or anything that looks paragraphs up the same way. */
export type ParagraphLookup = Pick<Briefbot, "paragraph">;

/** One cited paragraph in a button: its file (by name hash), number and a fingerprint of its text as quoted. */
export interface SourceRef {
  fileTag?: string;
  /** Buttons made before fingerprints named the file by its position in the corpus. */
  doc?: number;
  paragraph: number;
  fingerprint?: string;
}

export const fileTag = (source: string) => fingerprint(source, 6);

/**
 * "src:<file tag>.<paragraph>.<text fingerprint>,..." names the cited paragraphs without
 * server-side state, so buttons survive restarts, and tells when a paragraph has changed since.
 */
export function sourcesCustomId(answer: Answer, paragraphs: ParagraphLookup): string | null {
  const refs = [
    ...new Set(
      answer.citations.map((c) => {
        const text = paragraphs.paragraph(c.paragraph, c.source)?.text ?? "";
        return `${fileTag(c.source)}.${c.paragraph}.${fingerprint(text)}`;
      }),
    ),
  ];
  const id = `src:${refs.join(",")}`;
  return refs.length && id.length <= LIMITS.customId ? id : null;
}

export function parseSourcesCustomId(customId: string): SourceRef[] {
  return customId
    .slice(4)
    .split(",")
    .map((ref) => ref.split("."))
    .flatMap((parts): SourceRef[] => {
      const paragraph = Number(parts[1]);
      if (!Number.isInteger(paragraph)) return [];
      if (parts.length === 3 && /^[0-9a-f]{6}$/.test(parts[0]!) && /^[0-9a-f]{8}$/.test(parts[2]!)) return [{ fileTag: parts[0]!, paragraph, fingerprint: parts[2]! }];
      const doc = Number(parts[0]);
      return parts.length === 2 && Number.isInteger(doc) ? [{ doc, paragraph }] : [];
    });
}

export function answerEmbed(answer: Answer): EmbedBuilder {
  const embed = new EmbedBuilder().setTitle(clamp(answer.question, LIMITS.title)).setColor(answer.answered ? COLOR_ANSWERED : COLOR_REFUSED);
  if (!answer.answered) return embed.setDescription(clamp(escapeMarkdown(answer.answer), LIMITS.description));
  const parts = answer.citations.map((c) => `${blockQuote(c.quote)}\n— *${escapeMarkdown(c.attribution.label)}* ${citationLabel(c)}`);
  let description = "";
  for (const part of parts) {
    const next = description ? `${description}\n\n${part}` : part;
    if (next.length > LIMITS.description) break;
    description = next;
  }
  return fitEmbed(embed.setDescription(clamp(description || parts[0]!, LIMITS.description)).setFooter({ text: "Quoted word for word from the brief." }));
}

export function answerButtons(answer: Answer, paragraphs: ParagraphLookup): ActionRowBuilder<ButtonBuilder>[] {
  const buttons: ButtonBuilder[] = [];
  const sourcesId = answer.answered ? sourcesCustomId(answer, paragraphs) : null;
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
    const title = clamp(citationLabel(p).slice(1, -1), LIMITS.title);
    const room = Math.min(LIMITS.description, LIMITS.embedTotal - total - title.length);
    if (room < 100) break;
    const body = clamp(escapeMarkdown(p.text.replace(/[ \t]+/g, " ")), room);
    total += title.length + body.length;
    embeds.push(new EmbedBuilder().setTitle(title).setDescription(body).setColor(COLOR_ANSWERED));
  }
  return embeds;
}
