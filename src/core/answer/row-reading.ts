import type { Paragraph } from "../ingest/chunker.js";

// A cell that is a figure: "23", "1,200", "at least 37 (Velmora hospital)"; not a date ("3 May 2024").
const FIGURE_CELL = /^\s*(?:(?:at\s+least|more\s+than|over|about|around|some|nearly)\s+)?\d[\d,]*\+?\s*(?:\([^)]*\))?\s*$/iu;

/**
 * A table row as the answer typer reads it (never quoted): each figure cell followed by its column's
 * header, so "| 19 Aug 2003 | 23 | 130 |" under "Date | Dead | Wounded" reads "19 Aug 2003; 23 dead;
 * 130 wounded" and holds a death toll and a count of wounded like a sentence. Null for other blocks.
 */
export function rowReading(block: Paragraph): string | null {
  if (block.kind !== "tableRow" || !block.cells?.length) return null;
  return block.cells
    .map((cell) => (cell.header && FIGURE_CELL.test(cell.text) ? `${cell.text} ${cell.header.toLowerCase()}` : cell.text))
    .join("; ");
}
