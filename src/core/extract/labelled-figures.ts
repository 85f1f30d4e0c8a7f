import type { Chunk, Paragraph } from "../ingest/chunker.js";
import { casualtyKindOfWord } from "./casualty-lexicon.js";
import { NUMBER_PATTERN } from "./numbers.js";
import { MONTHS } from "./place-and-date.js";

/*
 * Figures whose meaning is in a label rather than in the sentence: a table cell under its column
 * header, a fact sheet's "- **Killed:** nine." under its lead-in. These readings are what the answer
 * typer and the casualty reader parse; they are never quoted (quotes stay exact slices of the brief).
 */

// A cell that opens with a figure, and what the figure counts: "23", "1,200", "at least 37 (Velmora
// hospital)", "12 soldiers", "8, including two children"; not a date ("3 May 2024", "12 Jan"), a
// year, or a measure ("2 km", "3 hours", "40 %", "5,000 USD").
const FIGURE_CELL = new RegExp(
  String.raw`^\s*(?:(?:at\s+least|more\s+than|over|about|around|some|nearly)\s+)?(?:\d{1,3}(?:,\d{3})+|\d+)(?![\d,.]*\d)\+?` +
    String.raw`(?<!^\s*(?:1[89]|20)\d\d)(?!\s*(?:(?:${MONTHS})\b|%|per\s*cent\b|percent\b|km\b|kilomet|miles?\b|m\b|hours?\b|hrs\b|minutes?\b|mins?\b|days?\b|weeks?\b|months?\b|years?\b|usd\b|eur\b|gbp\b|dollars?\b|euros?\b|pounds?\b))` +
    String.raw`(?:\s+\p{L}[\p{L}-]*){0,3}(?=\s*(?:[(;]|,(?!\d)|$))`,
  "iu",
);

/**
 * A table row read with its headers: each figure cell with its column's header after the figure
 * and the noun it counts, so "| 4 Mar 2021 | 8 | 31 (12 children) |" under "Date | Dead | Wounded"
 * reads "4 Mar 2021; 8 dead; 31 wounded (12 children)" and holds a death toll and a count of
 * wounded like a sentence. Null for other blocks.
 */
export function rowReading(block: Paragraph): string | null {
  if (block.kind !== "tableRow" || !block.cells?.length) return null;
  return block.cells
    .map((cell) => {
      const figure = cell.header ? FIGURE_CELL.exec(cell.text) : null;
      return figure ? `${figure[0]} ${cell.header!.toLowerCase()}${cell.text.slice(figure[0].length)}` : cell.text;
    })
    .join("; ");
}

// A figure at the start of a labelled fact, with its qualifier: "nine", "more than 60", "about 2,100".
const LEADING_FIGURE = new RegExp(String.raw`^\s*(?:(?:at\s+least|more\s+than|over|about|around|some|nearly|almost|an\s+estimated)\s+)?(?:${NUMBER_PATTERN})\b`, "iu");

/**
 * The first sentence of a fact labelled with a word of harm, read with its label: "- **Killed:**
 * nine." reads "nine killed.", "- **Injured:** about 2,100 people needed treatment" reads "about
 * 2,100 injured people needed treatment". Null when the label is no word of harm or no figure opens the fact.
 */
export function leadReading(chunk: Pick<Chunk, "text" | "sentence">, block: Paragraph): string | null {
  const label = block.lead?.trim();
  if (!label || chunk.sentence !== 0 || /\s/u.test(label) || casualtyKindOfWord(label) === null) return null;
  const figure = LEADING_FIGURE.exec(chunk.text);
  if (!figure) return null;
  const at = figure.index + figure[0].length;
  return `${chunk.text.slice(0, at)} ${label.toLowerCase()}${chunk.text.slice(at)}`;
}

/**
 * How the answer typer reads a chunk: its labelled reading, or null to read its text as it is. (The
 * casualty reader reads table rows cell by cell, and uses leadReading for labelled facts.)
 */
export function labelledReading(chunk: Pick<Chunk, "text" | "sentence" | "kind">, block: Paragraph): string | null {
  return chunk.kind === "row" ? rowReading(block) : leadReading(chunk, block);
}
