import type { Chunk } from "../ingest/chunker.js";
import { NUMBER_PATTERN, parseNumber } from "./numbers.js";

export type Bound = "exact" | "at least" | "more than";
export interface Figure {
  count: number;
  bound: Bound;
}

export interface Incident {
  summary: string;
  place: string | null;
  when: string | null;
  killed: Figure | null;
  injured: Figure | null;
  /** A single figure the text gives for killed and injured together ("killed and injured more than 120"). */
  killedOrInjured: Figure | null;
  /** Who carried out or claimed it, where the text says. */
  perpetrator: string | null;
  /** A total over many attacks ("linked to attacks killing ... at least 700"), never added to single incidents. */
  aggregate: boolean;
  citation: { source: string; paragraph: number; quote: string; page?: number };
}

type Kind = "killed" | "injured" | "killedOrInjured";
interface Mention {
  kind: Kind;
  figure: Figure;
  start: number;
  end: number;
}

const QUALIFIER = String.raw`(?:(at\s+least|no\s+fewer\s+than|a\s+minimum\s+of|more\s+than|over|upwards\s+of|nearly|almost|about|around|some|roughly|approximately|up\s+to|as\s+many\s+as)\s+)?`;
const QTY = String.raw`${QUALIFIER}(${NUMBER_PATTERN})`;
const INJURE = String.raw`(?:injured|injuring|injures|wounded|wounding|wounds|hurt|hurting)`;
const DEAD = String.raw`(?:killed|dead|died|perished|lost\s+their\s+lives)`;
const HURT = String.raw`(?:injured|wounded|hurt)`;
// Words that may stand between a figure and "were killed": "eight others", "two Russian staff members".
const NOUNS = String.raw`(?:\s+(?!that\b|which\b|who\b|and\b|in\b|at\b|on\b|of\b|to\b|for\b|from\b|with\b|by\b)[\p{L}-]+){0,3}?`;
const BE = String.raw`(?:\s+(?:were|was|have\s+been|has\s+been|had\s+been|are|is|got))?`;

/** Patterns, most specific first; each marks the text it used so no figure is counted twice. */
const PATTERNS: { kind: Kind; regex: RegExp; one?: boolean }[] = [
  { kind: "killedOrInjured", regex: new RegExp(String.raw`\b(?:killed|killing)\s+(?:and|or)\s+(?:injured|injuring|wounded|wounding)\s+${QTY}`, "giu") },
  { kind: "killedOrInjured", regex: new RegExp(String.raw`\b${QTY}${NOUNS}${BE}\s+(?:killed|dead)\s+(?:and|or)\s+(?:injured|wounded)\b`, "giu") },
  { kind: "killedOrInjured", regex: new RegExp(String.raw`\b${QTY}\s+(?:casualties|victims)\b`, "giu") },
  { kind: "killed", regex: new RegExp(String.raw`\b(?:killed|killing|kills|kill|claimed\s+the\s+lives\s+of|death\s+toll\s+(?:rose\s+|climbed\s+)?(?:to|of|at))\s+${QTY}\b(?!\s+(?:attacks|times))`, "giu") },
  { kind: "injured", regex: new RegExp(String.raw`\b${INJURE}\s+${QTY}\b`, "giu") },
  { kind: "killed", regex: new RegExp(String.raw`\b${QTY}${NOUNS}${BE}\s+${DEAD}\b`, "giu") },
  { kind: "injured", regex: new RegExp(String.raw`\b${QTY}${NOUNS}${BE}\s+${HURT}\b`, "giu") },
  // One named person: "his bodyguard was injured", "killing a soldier".
  { kind: "killed", one: true, regex: /\b(?:killed|killing)\s+(?:a|an|one)\s+(?!number\b|few\b|lot\b|total\b|handful\b|couple\b|series\b|dozen\b)[\p{L}-]+/giu },
  { kind: "injured", one: true, regex: /\b(?:injured|injuring|wounded|wounding)\s+(?:a|an|one)\s+(?!number\b|few\b|lot\b|total\b|handful\b|couple\b|series\b|dozen\b)[\p{L}-]+/giu },
  { kind: "killed", one: true, regex: new RegExp(String.raw`\b(?:his|her|their|its|a|an)\s+(?:[\p{L}-]+\s+){0,2}?(?:was|got)\s+(?:killed|shot\s+dead)\b`, "giu") },
  { kind: "injured", one: true, regex: new RegExp(String.raw`\b(?:his|her|their|its|a|an)\s+(?:[\p{L}-]+\s+){0,2}?(?:was|got)\s+${HURT}\b`, "giu") },
];

function bound(qualifier: string | undefined): Bound {
  const q = (qualifier ?? "").toLowerCase().replace(/\s+/g, " ");
  if (["at least", "no fewer than", "a minimum of"].includes(q)) return "at least";
  if (["more than", "over", "upwards of"].includes(q)) return "more than";
  return "exact";
}

function findMentions(text: string): Mention[] {
  const taken: [number, number][] = [];
  const mentions: Mention[] = [];
  for (const { kind, regex, one } of PATTERNS) {
    for (const m of text.matchAll(regex)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      // "including two Russian staff members" names part of a figure already counted.
      if (/\bincluding\s*$/i.test(text.slice(Math.max(0, start - 12), start))) continue;
      const count = one ? 1 : parseNumber(m[2] ?? "");
      if (count === null || count <= 0) continue;
      // A bare year is a date, not a figure ("in 2022 that killed").
      if (!one && /^(1[89]|20)\d\d$/.test(m[2] ?? "") && kind !== "killed") continue;
      taken.push([start, end]);
      mentions.push({ kind, figure: { count, bound: one ? "exact" : bound(m[1]) }, start, end });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

// Where one incident ends and another begins inside a sentence.
const SEGMENT_BREAK = /;|,?\s*\bin addition\b,?|\bmeanwhile\b|\bwhereas\b|\bseparately\b|,\s*(?:while|and)\s+(?=(?:another|a second|in a separate)\b)/giu;
const AGGREGATE = /\b(?:attacks|bombings|incidents|since|in total|a total of|overall|so far|to date|combined|altogether|cumulative)\b/iu;
const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const WHEN_PATTERNS = [
  /\b(?:ever\s+)?since\b[^,.;]*?\b((?:19|20)\d\d)\b/iu,
  new RegExp(String.raw`\b(?:on|in|last|this|earlier this)\s+(?:(?:${DAYS})|(?:${MONTHS})(?:\s+\d{1,2})?(?:,?\s+(?:19|20)\d\d)?)\b`, "u"),
  /\b(?:last|this|past|previous|earlier this)\s+(?:year|month|week|weekend|night|spring|summer|autumn|fall|winter)\b/iu,
  /\bin\s+(?:19|20)\d\d\b/iu,
  /\b(?:yesterday|today|overnight|recently)\b/iu,
];
const CAP = String.raw`[\p{Lu}][\p{L}’'-]*`;
const PLACE = new RegExp(String.raw`\b(?:in|at|on|near|outside)\s+(?:the\s+)?(${CAP}(?:\s+(?:${CAP}|of|ur|al|el|i|de|bin|ul)\b)*)`, "gu");
const NOT_PLACES = new RegExp(String.raw`^(?:${MONTHS}|${DAYS}|Twitter|X|Facebook|Telegram|Friday prayers)$`, "u");
const PERPETRATOR = [
  new RegExp(String.raw`(${CAP}(?:[\s-]${CAP})*)\s+(?:has\s+|have\s+|had\s+)?(?:claimed|claims)\s+responsibility`, "u"),
  new RegExp(String.raw`(?:claimed|carried\s+out|perpetrated)\s+by\s+(?:the\s+)?(${CAP}(?:[\s-]${CAP})*)`, "u"),
  new RegExp(String.raw`(${CAP}(?:[\s-]${CAP})*)\s+(?:attacked|bombed|stormed|targeted|ambushed)\b`, "u"),
];
const NOT_PERPETRATORS = /^(?:Last|Another|The|A|An|In|On|At|Reports?|Police|Officials?|As|It|They|He|She)$/u;

function firstMatch(patterns: RegExp[], text: string): string | null {
  for (const p of patterns) {
    const m = text.match(p);
    if (!m) continue;
    const when = (m[1] && /^\d{4}$/.test(m[1]) && /since/i.test(m[0]) ? `since ${m[1]}` : m[0]).replace(/\s+/g, " ").trim();
    // "Last year" at the start of a sentence reads as "last year" in a summary.
    return /^(?:Last|This|Past|Previous|Earlier|In|On|Since|Yesterday|Today|Overnight|Recently)\b/u.test(when) ? when[0]!.toLowerCase() + when.slice(1) : when;
  }
  return null;
}

function findPlace(text: string): string | null {
  const places: string[] = [];
  for (const m of text.matchAll(PLACE)) {
    const place = m[1]!.replace(/\s+(?:of|ur|al|el|i|de|bin|ul)$/u, "").replace(/[’']s$/u, "");
    if (!NOT_PLACES.test(place) && !places.includes(place)) places.push(place);
  }
  return places.length ? places.join(", ") : null;
}

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

function describe(f: Figure | null, what: string): string | null {
  return f ? `${formatFigure(f)} ${what}` : null;
}

function summarize(i: Omit<Incident, "summary" | "citation">): string {
  const figures = [describe(i.killed, "killed"), describe(i.injured, "injured"), describe(i.killedOrInjured, "killed or injured")].filter(Boolean).join(", ");
  const where = i.place ? ` — ${i.place}` : "";
  const when = i.when ? ` (${i.when})` : "";
  const who = i.perpetrator ? `; ${i.perpetrator}` : "";
  return `${i.aggregate ? "Aggregate: " : ""}${figures}${where}${when}${who}`;
}

/** Splits a sentence at incident boundaries into [start, end) windows. */
function segments(text: string): [number, number][] {
  const cuts = [0];
  for (const m of text.matchAll(SEGMENT_BREAK)) cuts.push(m.index, m.index + m[0].length);
  cuts.push(text.length);
  const out: [number, number][] = [];
  for (let i = 0; i < cuts.length; i += 2) out.push([cuts[i]!, cuts[i + 1]!]);
  return out;
}

/** Casualty incidents stated in one sentence, each with figures, place, time and claimant where given. */
export function extractFromSentence(chunk: Pick<Chunk, "source" | "paragraph" | "text" | "page">): Incident[] {
  const text = chunk.text;
  const mentions = findMentions(text);
  if (mentions.length === 0) return [];
  const sentenceWhen = firstMatch(WHEN_PATTERNS, text);
  const sentencePerpetrator = findPerpetrator(text);
  const incidents: Incident[] = [];
  for (const [from, to] of segments(text)) {
    const inside = mentions.filter((m) => m.start >= from && m.start < to);
    if (inside.length === 0) continue;
    // A new figure of a kind already seen starts a new incident within the segment.
    const groups: Mention[][] = [];
    for (const m of inside) {
      const current = groups[groups.length - 1];
      if (current && !current.some((c) => c.kind === m.kind || c.kind === "killedOrInjured" || m.kind === "killedOrInjured")) current.push(m);
      else groups.push([m]);
    }
    const segment = text.slice(from, to);
    for (const group of groups) {
      const figure = (kind: Kind) => group.find((m) => m.kind === kind)?.figure ?? null;
      const fields = {
        place: findPlace(segment),
        when: firstMatch(WHEN_PATTERNS, segment) ?? sentenceWhen,
        killed: figure("killed"),
        injured: figure("injured"),
        killedOrInjured: figure("killedOrInjured"),
        perpetrator: findPerpetrator(segment) ?? sentencePerpetrator,
        aggregate: AGGREGATE.test(segment),
      };
      incidents.push({ summary: summarize(fields), ...fields, citation: { source: chunk.source, paragraph: chunk.paragraph, quote: text, ...(chunk.page ? { page: chunk.page } : {}) } });
    }
  }
  return incidents;
}

export function extractCasualties(chunks: Chunk[]): Incident[] {
  return chunks.flatMap(extractFromSentence);
}

export interface CasualtyFilter {
  place?: string;
  minKilled?: number;
}

export function filterIncidents(incidents: Incident[], filter: CasualtyFilter): Incident[] {
  const place = filter.place?.trim().toLowerCase();
  return incidents.filter(
    (i) =>
      (!place || (i.place ?? "").toLowerCase().includes(place)) &&
      (filter.minKilled === undefined || (i.killed?.count ?? 0) >= filter.minKilled),
  );
}
