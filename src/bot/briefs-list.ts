import { AttachmentBuilder, EmbedBuilder, escapeMarkdown, time, TimestampStyles } from "discord.js";
import type { Briefbot } from "../core/briefbot.js";
import { type BriefFile, formatBytes } from "../core/ingest/brief-files.js";
import { clamp, LIMITS } from "./render.js";

export interface BriefRow {
  name: string;
  bytes?: number;
  sentences?: number;
  pages?: number;
  status: "indexed" | "skipped" | "pending" | "changed" | "removed";
  reason?: string;
}

/** Each file of the folder with what the running index knows of it; indexed files since deleted are listed too. */
export function briefRows(files: BriefFile[], briefbot: Briefbot, indexedAt: Date): BriefRow[] {
  const sentences = new Map<string, number>();
  for (const chunk of briefbot.chunks) sentences.set(chunk.source, (sentences.get(chunk.source) ?? 0) + 1);
  const indexed = new Map(briefbot.corpus.documents.map((d) => [d.source, d]));
  const skipped = new Map(briefbot.corpus.skipped.map((s) => [s.source, s.reason]));
  const rows: BriefRow[] = files.map((f) => {
    const doc = indexed.get(f.name);
    const base = { name: f.name, bytes: f.bytes };
    if (f.modified > indexedAt) return { ...base, status: doc ? "changed" : "pending" };
    if (doc) return { ...base, status: "indexed", sentences: sentences.get(f.name) ?? 0, ...(doc.pages ? { pages: doc.pages.length } : {}) };
    if (skipped.has(f.name)) return { ...base, status: "skipped", reason: skipped.get(f.name)! };
    return { ...base, status: "pending" };
  });
  const onDisk = new Set(files.map((f) => f.name));
  for (const doc of briefbot.corpus.documents) if (!onDisk.has(doc.source)) rows.push({ name: doc.source, status: "removed" });
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

const ICON: Record<BriefRow["status"], string> = { indexed: "✅", skipped: "⚠️", pending: "⏳", changed: "⏳", removed: "🗑️" };

function rowText(row: BriefRow, indexedAt: Date, markdown: boolean): string {
  const name = markdown ? `**${escapeMarkdown(row.name)}**` : row.name;
  const parts = [`${ICON[row.status]} ${name}`];
  if (row.bytes !== undefined) parts.push(formatBytes(row.bytes));
  const when = markdown ? time(indexedAt, TimestampStyles.RelativeTime) : indexedAt.toISOString();
  if (row.status === "indexed") {
    parts.push(`${row.sentences} sentence${row.sentences === 1 ? "" : "s"}`);
    if (row.pages) parts.push(`${row.pages} page${row.pages === 1 ? "" : "s"}`);
    parts.push(`indexed ${when}`);
  } else if (row.status === "skipped") {
    parts.push(`skipped: ${markdown ? escapeMarkdown(clamp(row.reason ?? "", 160)) : row.reason}`);
  } else if (row.status === "changed") {
    parts.push("changed since indexing; not indexed yet");
  } else if (row.status === "pending") {
    parts.push("not indexed yet");
  } else {
    parts.push("deleted from the folder; still indexed until the next reload");
  }
  return parts.join(" · ");
}

/**
 * The list as one embed within Discord's limits; when the folder has more briefs than fit, the
 * embed says how many are left out and the full list comes as a Markdown file.
 */
export function briefsMessage(rows: BriefRow[], indexedAt: Date): { embeds: EmbedBuilder[]; files: AttachmentBuilder[] } {
  const indexed = rows.filter((r) => r.status === "indexed");
  const sentences = indexed.reduce((n, r) => n + (r.sentences ?? 0), 0);
  const title = `Briefs: ${indexed.length} of ${rows.length} file${rows.length === 1 ? "" : "s"} indexed, ${sentences} sentences`;
  const room = LIMITS.description - 120; // leaves space for the "and N more" line
  let description = "";
  let shown = 0;
  for (const row of rows) {
    const line = rowText(row, indexedAt, true);
    if (description.length + line.length + 1 > room) break;
    description += (description ? "\n" : "") + line;
    shown++;
  }
  const files: AttachmentBuilder[] = [];
  if (shown < rows.length) {
    description += `\n…and ${rows.length - shown} more: the full list is attached (briefs.md).`;
    const table = [`# ${title}`, "", ...rows.map((r) => `- ${rowText(r, indexedAt, false)}`), ""].join("\n");
    files.push(new AttachmentBuilder(Buffer.from(table), { name: "briefs.md" }));
  }
  const embed = new EmbedBuilder()
    .setTitle(clamp(title, LIMITS.title))
    .setDescription(description || "The corpus folder has no briefs.")
    .setFooter({ text: "Add with /briefs add file:<attachment>; remove with /briefs remove name:<file>." });
  return { embeds: [embed], files };
}
