import type { Chunk, Paragraph } from "../ingest/chunker.js";
import { casualtyKindOfWord } from "./casualty-lexicon.js";
import { NUMBER_PATTERN } from "./numbers.js";

/*
 * Figures whose meaning is in a label rather than in the sentence: a table cell under its column
 * header, a fact sheet's "- **Killed:** nine." under its lead-in. These readings are what the answer
 * typer and the casualty reader parse; they are never quoted (quotes stay exact slices of the brief).
 */

// A cell that opens with a figure, and what the figure counts: "23", "1,200", "at least 37 (Velmora
// hospital)", "37 civilians", "39, including 24 foreigners"; not a date ("3 May 2024", "12 Jan") or a
// measure ("2 km south of Velmora").
const FIGURE_CELL = /^\s*(?:(?:at\s+least|more\s+than|over|about|around|some|nearly)\s+)?\d[\d,]*\+?(?!\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))(?:\s+\p{L}[\p{L}-]*){0,3}(?=\s*(?:[(,;]|$))/iu;

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
