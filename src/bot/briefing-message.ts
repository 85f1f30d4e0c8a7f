import { AttachmentBuilder, EmbedBuilder, escapeMarkdown, type InteractionEditReplyOptions } from "discord.js";
import { citationLabel } from "../core/answer/answer.js";
import { formatFigure } from "../core/extract/casualties.js";
import { briefingMarkdown } from "../core/extract/briefing/markdown.js";
import type { Briefing, BriefingPoint, CasualtyLine, DocumentBriefing } from "../core/extract/briefing/types.js";
import { clamp, embedLength, LIMITS } from "./render.js";

const COLOR = 0x2e86c1;
const COLOR_REFUSED = 0x7f8c8d;
// Short enough that a handful of points fit one embed; the attachment has every quote in full.
const QUOTE_CHARS = 350;
const INDEX_LEAD_CHARS = 300;
const ATTACHMENT = "briefing.md";

/** Builds the short embed, noting whether anything of the briefing had to be shortened or left out. */
class ShortEmbed {
  complete = true;
  readonly embed = new EmbedBuilder().setColor(COLOR);

  fit(text: string, max: number): string {
    const clean = text.replace(/\s+/gu, " ");
    if (clean.length > max) this.complete = false;
    return clamp(clean, max);
  }

  quote(p: BriefingPoint): string {
    const cite = `\n— *${clamp(escapeMarkdown(p.attribution.label), 200)}* ${clamp(citationLabel(p), 300)}`;
    return `> ${escapeMarkdown(this.fit(p.quote, QUOTE_CHARS))}${cite}`;
  }

  casualty(l: CasualtyLine, n: number): string {
    const where = `${l.aggregate ? "Total: " : ""}${l.place ?? "place not stated"}${l.when ? ` (${l.when})` : ""}`;
    return `${n}. ${escapeMarkdown(this.fit(where, 120))}: killed **${formatFigure(l.killed)}** · injured **${formatFigure(l.injured)}** ${clamp(citationLabel(l.citation), 300)}`;
  }

  /** Adds a field if the embed still has room for it; otherwise marks the briefing as not fully shown. */
  field(name: string, lines: string[]): void {
    let value = "";
    for (const line of lines) {
      const next = value ? `${value}\n${line}` : line;
      if (next.length > LIMITS.fieldValue) {
        this.complete = false;
        break;
      }
      value = next;
    }
    if (!value) value = clamp(lines[0] ?? "—", LIMITS.fieldValue);
    const field = { name: this.fit(name, LIMITS.fieldName) || "—", value };
    // Room is kept for the footer that says a file is attached.
    if ((this.embed.data.fields?.length ?? 0) >= LIMITS.fields || embedLength(this.embed) + field.name.length + field.value.length > LIMITS.embedTotal - 200) {
      this.complete = false;
      return;
    }
    this.embed.addFields(field);
  }
}

function documentFields(short: ShortEmbed, doc: DocumentBriefing, withTitle: boolean): void {
  const points = doc.points.length ? doc.points : doc.lead ? [doc.lead] : [];
  if (withTitle) {
    // Grouped by document: one field holds the document's points, another its casualties.
    short.field(`${doc.title} — ${doc.source}`, points.map((p) => `**${p.aspect[0]!.toUpperCase()}${p.aspect.slice(1)}**\n${short.quote(p)}`));
  } else {
    for (const p of points) short.field(`${p.aspect[0]!.toUpperCase()}${p.aspect.slice(1)}`, [short.quote(p)]);
  }
  if (doc.casualties.length) short.field(withTitle ? `Casualties — ${doc.source}` : "Casualties", doc.casualties.map((l, i) => short.casualty(l, i + 1)));
}

/**
 * A briefing as one Discord message within Discord's limits: a short embed, and, when the embed
 * cannot show all of it word for word, the whole briefing attached as Markdown.
 */
export function briefingMessage(briefing: Briefing): InteractionEditReplyOptions {
  const short = new ShortEmbed();
  short.embed.setTitle(short.fit(briefing.message, LIMITS.title));
  if (!briefing.covered) return { embeds: [short.embed.setColor(COLOR_REFUSED)] };

  if (briefing.kind === "index") {
    const lines = briefing.documents.map(
      (e) =>
        `**${escapeMarkdown(short.fit(e.title, 200))}**${e.date ? ` · ${escapeMarkdown(e.date)}` : ""}\n` +
        (e.lead ? `> ${escapeMarkdown(short.fit(e.lead.quote, INDEX_LEAD_CHARS))} ${clamp(citationLabel(e.lead), 300)}` : `*${escapeMarkdown(short.fit(e.source, 200))}*`),
    );
    let description = "";
    for (const line of lines) {
      const next = description ? `${description}\n\n${line}` : line;
      if (next.length > LIMITS.description - 200) {
        short.complete = false;
        break;
      }
      description = next;
    }
    short.embed.setDescription(description || clamp(lines[0]!, LIMITS.description - 200));
  } else {
    for (const doc of briefing.documents) documentFields(short, doc, briefing.kind !== "document");
    if (briefing.kind === "topic" && briefing.omitted) short.complete = false;
  }

  if (short.complete) {
    short.embed.setFooter({ text: "Every point is quoted word for word from the briefs." });
    return { embeds: [short.embed], files: [] };
  }
  short.embed.setFooter({ text: `Shortened to fit Discord; the full briefing, every quote in full, is attached (${ATTACHMENT}).` });
  return { embeds: [short.embed], files: [new AttachmentBuilder(Buffer.from(briefingMarkdown(briefing)), { name: ATTACHMENT })] };
}
