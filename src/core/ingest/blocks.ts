/** A span of a source file: `text === file.slice(start, end)` always holds. */
export interface Span {
  source: string;
  start: number;
  end: number;
  text: string;
  /** The page the span starts on, for paged formats (PDF); set by assignPages. */
  page?: number;
}

/**
 * What a block is in the brief's structure. Titles and headings are context for what follows
 * them; notes are whole-emphasis lines such as bylines and standfirsts; rows are table rows.
 */
export type BlockKind = "title" | "heading" | "paragraph" | "listItem" | "tableRow" | "note";

/** One cell of a table row, with the header of its column. */
export interface Cell extends Span {
  header: string;
}

/**
 * A structural unit of a brief: the thing a citation's ¶ number points at. `start..end` is the
 * unit's own text (a list item without its bullet, a heading without its #s).
 */
export interface Block extends Span {
  kind: BlockKind;
  /** 1-based, in document order, counting every block of the file (the title included). */
  paragraph: number;
  /** Title and section headings above this block, outermost first. */
  headings: string[];
  /** Where quotable sentences start: after a bold lead-in ("**Velmora, 9 May 2018.**") or dateline. */
  bodyStart: number;
  /** The lead-in's text without markup, if the block has one. */
  lead?: string;
  /** Table rows only: the cells with their column headers. */
  cells?: Cell[];
}

/** Trims a [start, end) window of `text` to its non-whitespace content. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return [start, end];
}

/** Plain words of a Markdown fragment, for context headers and labels (never for quotes). */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/gu, "$1")
    .replace(/[*_`#>|]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}
