import { chunkDocuments, type Chunk, type Paragraph } from "../ingest/chunker.js";
import type { Figure } from "./casualty-mentions.js";
import { assembleIncidents } from "./incidents.js";

export type { Bound, Figure } from "./casualty-mentions.js";

export interface IncidentCitation {
  source: string;
  paragraph: number;
  quote: string;
  /** The page, for paged formats (PDF). */
  page?: number;
}

/** An earlier or disputed figure for an incident, each with the quote that states it. */
export interface HistoryEntry {
  kind: "killed" | "injured" | "killedOrInjured";
  figure: Figure;
  note: "earlier figure" | "initially reported" | "claimed";
  citation: IncidentCitation;
}

export interface Incident {
  summary: string;
  place: string | null;
  /** What was attacked, where the text names it ("Russian embassy"). */
  target: string | null;
  when: string | null;
  /** `when` is relative ("on Saturday", "last year") and the brief gives no date to place it. */
  whenRelative: boolean;
  /** A relative date as the brief wrote it, when `when` places it in time from the brief's own date. */
  whenAsWritten?: string;
  /** The latest stated figures (ACLED's rule); earlier and claimed ones are in `history`. */
  killed: Figure | null;
  injured: Figure | null;
  /** A single figure the text gives for killed and injured together ("58 people dead or wounded"). */
  killedOrInjured: Figure | null;
  /** Who carried out or claimed it, where the text says. */
  perpetrator: string | null;
  /** A total over many attacks or years ("more than 2,300 people since 2012"), never added to single incidents. */
  aggregate: boolean;
  /** The quote that states the headline figure. */
  citation: IncidentCitation;
  /** Every quote that gives a figure for this incident. */
  citations: IncidentCitation[];
  history: HistoryEntry[];
  /** Attackers killed ("guards shot him"), kept apart from the victims. */
  attackersKilled: Figure | null;
  /** Quantities the text gives only vaguely ("dozens"), never turned into numbers. */
  vague: Partial<Record<"killed" | "injured" | "killedOrInjured", string>>;
}

const CAP = String.raw`[\p{Lu}][\p{L}’'-]*`;
const PERPETRATOR = [
  new RegExp(String.raw`(${CAP}(?:[\s-]${CAP})*)\s+(?:has\s+|have\s+|had\s+|later\s+)?(?:claimed|claims)\s+responsibility`, "u"),
  new RegExp(String.raw`(?:claimed|carried\s+out|perpetrated)\s+by\s+(?:the\s+)?(${CAP}(?:[\s-]${CAP})*)`, "u"),
  new RegExp(String.raw`\bblamed\s+(?:the\s+)?(${CAP}(?:[\s-]${CAP})*)`, "u"),
  new RegExp(String.raw`(${CAP}(?:[\s-]${CAP})*)\s+(?:attacked|bombed|stormed|targeted|ambushed)\b`, "u"),
];
const NOT_PERPETRATORS = /^(?:Last|Another|The|A|An|In|On|At|Reports?|Police|Officials?|As|It|They|He|She|Gunmen|Fighters|Drones?|Three|Two|Four)$/u;

function findPerpetrator(text: string): string | null {
  for (const p of PERPETRATOR) {
    const m = text.match(p);
    const who = m?.[1]?.replace(/^(?:Last|Another|The)\s+/u, "");
    if (who && !NOT_PERPETRATORS.test(who)) return who;
  }
  return null;
}

/** "at least 31", "4,700", or "—" when the text gives no figure. */
export function formatFigure(f: Figure | null): string {
  if (!f) return "—";
  return `${f.bound === "exact" ? "" : `${f.bound} `}${f.count.toLocaleString("en-US")}`;
}

function describe(f: Figure | null, vague: string | undefined, what: string): string | null {
  if (f) return `${formatFigure(f)} ${what}`;
  return vague ? `${vague} ${what}` : null;
}

function summarize(i: Omit<Incident, "summary">): string {
  const figures = [
    describe(i.killed, i.vague.killed, "killed"),
    describe(i.injured, i.vague.injured, "injured"),
    describe(i.killedOrInjured, i.vague.killedOrInjured, "killed or injured"),
    i.attackersKilled ? `${formatFigure(i.attackersKilled)} attacker${i.attackersKilled.count === 1 ? "" : "s"} killed` : null,
  ]
    .filter(Boolean)
    .join(", ");
  const place = [i.target && !(i.place ?? "").includes(i.target) ? i.target : null, i.place].filter(Boolean).join(", ");
  const where = place ? ` — ${place}` : "";
  const when = i.when ? ` (${i.when}${i.whenRelative ? ", relative to the brief's date" : ""})` : "";
  const who = i.perpetrator ? `; ${i.perpetrator}` : "";
  const revised = i.history.some((h) => h.note !== "claimed") ? "; revised" : "";
  return `${i.aggregate ? "Aggregate: " : ""}${figures}${where}${when}${who}${revised}`;
}

/** An incident's name for tables and charts: its target and place ("Russian embassy, Kabul"). */
export function incidentName(i: Pick<Incident, "target" | "place" | "when" | "aggregate" | "summary">): string {
  const target = i.target && !(i.place ?? "").includes(i.target) ? i.target : null;
  const where = [target, i.place].filter(Boolean).join(", ");
  return `${i.aggregate ? "Aggregate · " : ""}${where || "place not stated"}${i.when ? ` (${i.when})` : ""}`;
}

/** Casualty incidents of a corpus, assembled across sentences, paragraphs, headings and tables. */
export function extractCasualties(chunks: Chunk[], paragraphs: Paragraph[]): Incident[] {
  return assembleIncidents(chunks, paragraphs).map((i) => {
    const perpetrator = i.perpetrator ?? i.citations.map((c) => findPerpetrator(c.quote)).find((p) => p !== null) ?? null;
    const withWho = { ...i, perpetrator };
    return { ...withWho, summary: summarize(withWho) };
  });
}

/** Casualty incidents stated in one piece of text, read as a one-paragraph brief. */
export function extractFromSentence(chunk: Pick<Chunk, "source" | "paragraph" | "text">): Incident[] {
  const { chunks, paragraphs } = chunkDocuments([{ source: chunk.source.replace(/\.md$/u, ".txt"), text: chunk.text }]);
  return extractCasualties(chunks, paragraphs).map((i) => ({
    ...i,
    citation: { ...i.citation, source: chunk.source, paragraph: chunk.paragraph },
    citations: i.citations.map((c) => ({ ...c, source: chunk.source, paragraph: chunk.paragraph })),
  }));
}

export interface CasualtyFilter {
  place?: string;
  minKilled?: number;
}

export function filterIncidents(incidents: Incident[], filter: CasualtyFilter): Incident[] {
  const place = filter.place?.trim().toLowerCase();
  return incidents.filter(
    (i) =>
      (!place || `${i.place ?? ""} ${i.target ?? ""}`.toLowerCase().includes(place)) &&
      (filter.minKilled === undefined || (i.killed?.count ?? 0) >= filter.minKilled),
  );
}

/** The same, from a chunked corpus. */
export function extractCasualtiesFrom(corpus: { chunks: Chunk[]; paragraphs: Paragraph[] }): Incident[] {
  return extractCasualties(corpus.chunks, corpus.paragraphs);
}
