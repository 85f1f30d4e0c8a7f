import { citationLabel } from "../../answer/answer.js";
import { formatFigure } from "../casualties.js";
import type { Briefing, BriefingPoint, CasualtyLine, DocumentBriefing, IndexEntry } from "./types.js";

const oneLine = (text: string) => text.replace(/\s+/gu, " ").trim();
// Table cells come from the extractor's reading of the brief; a pipe there would split the cell.
const cell = (text: string) => oneLine(text).replace(/\|/gu, "\\|");
const day = (iso: string) => iso.slice(0, 10);
const capital = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/** A quote as a block quote, then who asserts it and where it is. */
export function quoteMarkdown(point: Pick<BriefingPoint, "quote" | "attribution" | "source" | "paragraph" | "page">): string {
  return `> ${oneLine(point.quote)}\n\n— *${point.attribution.label}* ${citationLabel(point)}`;
}

function dated(entry: Pick<IndexEntry, "date" | "modified">): string {
  return `${entry.date ? `dated ${entry.date} · ` : ""}file changed ${day(entry.modified)}`;
}

export function casualtyTable(lines: CasualtyLine[]): string {
  const rows = lines.map(
    (l, i) =>
      `| ${i + 1} | ${cell(`${l.aggregate ? "Total: " : ""}${l.place ?? "place not stated"}`)} | ${cell(l.when ?? "—")} | ${formatFigure(l.killed)} | ${formatFigure(l.injured)} | ${citationLabel(l.citation)} |`,
  );
  const quotes = lines.flatMap((l, i) => (l.citation.quote ? [`${i + 1}. “${oneLine(l.citation.quote)}” ${citationLabel(l.citation)}`] : []));
  return ["| # | Where | When | Killed | Injured | Source |", "|---|---|---|---|---|---|", ...rows, "", ...quotes].join("\n");
}

/** One document's points and casualty table; its title is a heading unless the briefing is about it alone. */
function documentSection(doc: DocumentBriefing, level: number, withTitle: boolean): string {
  const h = "#".repeat(level);
  const parts = [...(withTitle ? [`${h} ${oneLine(doc.title)}`] : []), `${doc.source} · ${dated(doc)}`];
  const points = doc.points.length ? doc.points : doc.lead ? [doc.lead] : [];
  for (const p of points) parts.push(`${h}# ${capital(p.aspect)}${p.section ? ` (under “${oneLine(p.section)}”)` : ""}`, quoteMarkdown(p));
  if (doc.casualties.length) parts.push(`${h}# Casualties`, casualtyTable(doc.casualties));
  return parts.join("\n\n");
}

/** The whole briefing as a Markdown document: what the CLI prints and Discord attaches when it is long. */
export function briefingMarkdown(briefing: Briefing): string {
  const parts = [`# ${oneLine(briefing.message)}`];
  if (briefing.kind === "index") {
    for (const e of briefing.documents) {
      parts.push(`## ${oneLine(e.title)}\n\n${e.source} · ${dated(e)}${e.lead ? `\n\n${quoteMarkdown(e.lead)}` : ""}`);
    }
  } else if (briefing.kind === "document") {
    parts.push(documentSection(briefing.documents[0], 1, false));
  } else {
    for (const doc of briefing.documents) parts.push(documentSection(doc, 2, true));
    if (briefing.kind === "topic" && briefing.omitted) parts.push(`…and ${briefing.omitted} more brief${briefing.omitted === 1 ? "" : "s"} that mention it.`);
  }
  parts.push("*Every quote is word for word from the briefs; figures are as the briefs state them.*");
  return parts.join("\n\n") + "\n";
}
