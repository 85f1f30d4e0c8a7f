import type { Briefbot } from "../../briefbot.js";
import type { Chunk } from "../../ingest/chunker.js";
import { extractCasualties, type Incident } from "../casualties.js";
import { markupFragment } from "./quotable.js";
import type { CasualtyLine } from "./types.js";

// Extraction reads every sentence of a document; it depends on the loaded corpus alone, so once per corpus.
const cache = new WeakMap<Chunk[], Map<string, Incident[]>>();

/** The casualty extractor's incidents for one document, read from that document alone. */
export function documentIncidents(bot: Briefbot, source: string): Incident[] {
  let perDocument = cache.get(bot.chunks);
  if (!perDocument) cache.set(bot.chunks, (perDocument = new Map()));
  let incidents = perDocument.get(source);
  if (!incidents) {
    incidents = extractCasualties(bot.chunks.filter((c) => c.source === source), bot.paragraphs);
    perDocument.set(source, incidents);
  }
  return incidents;
}

/** An incident as a table row, cited to a sentence that states it (a table row's cells are cited, not quoted). */
export function casualtyLine(incident: Incident): CasualtyLine {
  const sentence = [incident.citation, ...incident.citations].find((c) => markupFragment(c.quote) === null);
  const cited = sentence ?? incident.citation;
  const citation = { source: cited.source, paragraph: cited.paragraph, ...(cited.page ? { page: cited.page } : {}), ...(sentence ? { quote: sentence.quote } : {}) };
  return {
    summary: incident.summary,
    place: incident.place,
    when: incident.when,
    killed: incident.killed,
    injured: incident.injured,
    killedOrInjured: incident.killedOrInjured,
    aggregate: incident.aggregate,
    citation,
  };
}

/** Single incidents in the order the brief gives them, then totals over many attacks (never added to them). */
export function casualtyLines(incidents: Incident[]): CasualtyLine[] {
  return [...incidents.filter((i) => !i.aggregate), ...incidents.filter((i) => i.aggregate)].map(casualtyLine);
}
