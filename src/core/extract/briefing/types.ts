import type { Attribution } from "../../answer/attribution.js";
import type { Figure } from "../casualties.js";

/** The kinds of point a briefing draws from a document, in the order they are shown. */
export const ASPECTS = ["what happened", "who", "where and when", "positions and concerns", "actions taken", "outlook"] as const;
export type Aspect = (typeof ASPECTS)[number];

export interface Citation {
  source: string;
  paragraph: number;
  /** The page the quote starts on, for paged formats (PDF). */
  page?: number;
}

/** One point of a briefing: a verbatim slice of a file, with its citation and who asserts it. */
export interface BriefingPoint extends Citation {
  aspect: Aspect;
  quote: string;
  attribution: Attribution;
  /** The section heading the quote sits under, if any (titles a group of points; never part of the quote). */
  section?: string;
}

/** One row of a briefing's casualty table; the figures are those the casualty extractor read from the cited quote. */
export interface CasualtyLine {
  summary: string;
  place: string | null;
  when: string | null;
  killed: Figure | null;
  injured: Figure | null;
  killedOrInjured: Figure | null;
  aggregate: boolean;
  /** The sentence stating the figures; `quote` is absent when the brief gives them only in a table row. */
  citation: Citation & { quote?: string };
}

/** What a briefing says about one document. */
export interface DocumentBriefing {
  source: string;
  title: string;
  /** The document's own date as written in its title or first block, if it states one. */
  date: string | null;
  /** When the file last changed (ISO 8601). */
  modified: string;
  lead: BriefingPoint | null;
  points: BriefingPoint[];
  casualties: CasualtyLine[];
}

/** One line of the corpus index. */
export type IndexEntry = Pick<DocumentBriefing, "source" | "title" | "date" | "modified" | "lead">;

export type Briefing =
  | { kind: "index"; covered: boolean; message: string; documents: IndexEntry[] }
  | { kind: "document"; covered: true; message: string; documents: [DocumentBriefing] }
  | { kind: "topic"; topic: string; covered: boolean; message: string; documents: DocumentBriefing[]; omitted: number }
  | { kind: "since"; since: string; covered: boolean; message: string; documents: DocumentBriefing[] };

/** What the user asked for: at most one of these. */
export interface BriefingRequest {
  document?: string;
  topic?: string;
  since?: string;
}
