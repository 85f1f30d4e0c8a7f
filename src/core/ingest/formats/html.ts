import { Parser } from "htmlparser2";
import { type ExtractedText, UnreadableDocument } from "./extracted-document.js";

/** Page furniture and code, never brief text. */
const SKIPPED = new Set(["head", "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button", "select", "iframe", "object", "svg", "canvas", "math"]);

/** Elements that start and end a block of text. */
const BLOCKS = new Set([
  "address", "article", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure",
  "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody",
  "tfoot", "thead", "tr", "ul",
]);

const HEADING = /^h([1-6])$/;
/**
 * Real pages nest a few dozen elements deep. The parser's cost grows with the square of the depth,
 * so a hostile page of nested tags is refused before it can stall the process.
 */
export const MAX_NESTING = 1_000;

/** Stands in for <br> while runs of whitespace are collapsed (a private-use character, which \s does not match). */
const LINE_BREAK = "\uE000";
/** Marks where a table cell starts, so an empty cell keeps its column. */
const CELL = "\uE001";
const CELLS = new RegExp(CELL, "g");

/**
 * A line of page text that Markdown would read as structure, not words, gets a backslash: a "#"
 * heading, a ">" quote, an HTML tag (the whole block would be dropped), a rule or setext underline, a
 * code fence. (Quotes stay exact slices of the extracted text, backslash included.)
 */
function escapeLine(line: string): string {
  return /^(?:#{1,6}(?:\s|$)|>|<[A-Za-z/!?]|(?:[-*_=]\s*){3,}$|```|~~~)/u.test(line) ? `\\${line}` : line;
}

/** A table row as a GFM row: "| a | b |", with any pipe inside a cell escaped (and a backslash before one, so it stays text). */
function tableRow(cells: string[]): string {
  return `| ${cells.map((c) => c.trim().replace(/\\(?=\|)/g, "\\\\").replace(/\|/g, "\\|")).join(" | ")} |`;
}

/**
 * HTML (a saved web page, or mammoth's rendering of a DOCX) as Markdown the chunker reads by
 * structure: headings as `#` lines, blocks separated by blank lines, list items as `- ` lines, tables
 * as GFM tables (the first row is the header). Navigation, footers, scripts and forms are dropped; when the page has
 * a <main> or <article>, only that is read. Streaming (no DOM), so a huge page costs little memory and
 * no recursion; nesting deeper than MAX_NESTING is refused.
 */
export function htmlToText(html: string): string {
  const onlyMain = /<(main|article)[\s>]/i.test(html);
  const out: string[] = [];
  let lastKind = "";
  let inline: string[] = [];
  const open: string[] = []; // open block elements, outermost first
  let skipDepth = 0;
  let mainDepth = 0;
  let preDepth = 0;
  let depth = 0;
  let rowDepth = 0; // inside a table row, blocks (a DOCX cell's <p>) are part of the row's one line
  const tableRowsSeen: number[] = []; // rows emitted so far in each open table, innermost last
  let innerTables = 0; // tables inside a table cell: their text joins the cell
  let theadDepth = 0;
  let rowIsHeader = false; // the row being read is in <thead> or has only <th> cells
  let rowHasTh = false;
  const extraCells: number[] = []; // empty cells owed by each open cell's colspan

  // A table's first line ("tablehead") always starts a new block, so two tables in a row stay two tables.
  const emit = (text: string, kind: string) => {
    const joined = (kind === "li" && lastKind === "li") || (kind === "row" && (lastKind === "row" || lastKind === "tablehead"));
    out.push(out.length === 0 ? text : (joined ? "\n" : "\n\n") + text);
    lastKind = kind;
  };

  const flush = () => {
    const raw = inline.join("");
    inline = [];
    const text = (preDepth > 0 ? raw.replace(/\r\n?/g, "\n").replace(/[ \t]*\n(?:[ \t]*\n)+/g, "\n") : raw.replace(/[\s\u00a0]+/g, " "))
      .replace(/ *\uE000 */g, "\n")
      .trim();
    const plain = text.includes(CELL) ? text.replace(CELLS, " ").replace(/ {2,}/g, " ").trim() : text;
    if (!plain) return;
    for (let i = open.length - 1; i >= 0; i--) {
      const tag = open[i]!;
      const heading = HEADING.exec(tag);
      if (heading) return emit(`${"#".repeat(Number(heading[1]))} ${plain.replace(/\n+/g, " ")}`, "heading");
      if (tag === "li") {
        const listDepth = open.filter((t) => t === "ul" || t === "ol").length;
        return emit(`${"  ".repeat(Math.max(0, listDepth - 1))}- ${escapeLine(plain.replace(/\n+/g, " "))}`, "li");
      }
      if (tag === "tr") {
        const cells = text.replace(/\n+/g, " ").split(CELL);
        // Text before the first cell (a stray text node in the row) joins the first cell.
        if (cells.length > 1) {
          const before = cells.shift()!;
          cells[0] = `${before} ${cells[0]}`;
        }
        const row = tableRow(cells);
        const seen = tableRowsSeen.length ? tableRowsSeen[tableRowsSeen.length - 1]! : 1;
        if (tableRowsSeen.length) tableRowsSeen[tableRowsSeen.length - 1]!++;
        if (seen > 0) return emit(row, "row");
        // GFM needs a header row and a delimiter under it. The first row is the header when marked so
        // (<thead>, all <th>) or when it reads like one, as Word tables' first rows do: two or more
        // cells, all filled, no figures, no <th> beside a <td> (a key-value row). Else it is data under an empty header.
        const header = rowIsHeader || (!rowHasTh && cells.length >= 2 && cells.every((c) => c.trim() && !/\d/u.test(c)));
        const delimiter = tableRow(cells.map(() => "---"));
        return emit(header ? `${row}\n${delimiter}` : `${tableRow(cells.map(() => ""))}\n${delimiter}\n${row}`, "tablehead");
      }
    }
    emit(preDepth > 0 ? plain : plain.split("\n").map(escapeLine).join("\n"), "p");
  };

  const reading = () => skipDepth === 0 && (!onlyMain || mainDepth > 0);

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (++depth > MAX_NESTING) throw new UnreadableDocument(`the page nests its elements more than ${MAX_NESTING} deep; refused as malformed`);
        if (SKIPPED.has(name)) skipDepth++;
        if (name === "main" || name === "article") mainDepth++;
        if (name === "pre") preDepth++;
        if (!reading()) return;
        if (name === "table" && rowDepth > 0) innerTables++;
        if (innerTables > 0 && (name === "table" || name === "tr" || name === "td" || name === "th" || BLOCKS.has(name))) {
          inline.push(" ");
        } else if (rowDepth > 0 && BLOCKS.has(name) && name !== "tr") {
          inline.push(" ");
        } else if (BLOCKS.has(name)) {
          flush();
          open.push(name);
          if (name === "tr") {
            rowDepth++;
            rowIsHeader = theadDepth > 0;
            rowHasTh = false;
          }
          if (name === "thead") theadDepth++;
          if (name === "table") tableRowsSeen.push(0);
        } else if (name === "br") {
          inline.push(LINE_BREAK);
        } else if (name === "td" || name === "th") {
          inline.push(CELL);
          if (name === "th" && !inline.slice(0, -1).includes(CELL)) rowIsHeader ||= theadDepth === 0;
          if (name === "th") rowHasTh = true;
          if (name === "td") rowIsHeader = theadDepth > 0;
          const span = Number.parseInt(attributes.colspan ?? "1", 10);
          extraCells.push(Number.isFinite(span) ? Math.min(Math.max(span, 1), 64) - 1 : 0);
        }
      },
      ontext(text) {
        if (reading()) inline.push(text);
      },
      onclosetag(name) {
        depth = Math.max(0, depth - 1);
        if (reading() && innerTables > 0 && (name === "table" || name === "tr" || name === "td" || name === "th" || BLOCKS.has(name))) {
          inline.push(" ");
          if (name === "table") innerTables--;
        } else if (reading() && (name === "td" || name === "th")) {
          // A cell spanning columns is followed by empty cells, so the next cells stay under their headers.
          for (let i = extraCells.pop() ?? 0; i > 0; i--) inline.push(CELL);
        } else if (reading() && rowDepth > 0 && BLOCKS.has(name) && name !== "tr") {
          inline.push(" ");
        } else if (reading() && BLOCKS.has(name)) {
          flush();
          const at = open.lastIndexOf(name);
          if (at >= 0) while (open.length > at) open.pop();
          if (name === "tr") rowDepth = Math.max(0, rowDepth - 1);
        }
        if (reading() && innerTables === 0 && name === "table") tableRowsSeen.pop();
        if (reading() && name === "thead") theadDepth = Math.max(0, theadDepth - 1);
        if (SKIPPED.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (name === "main" || name === "article") mainDepth = Math.max(0, mainDepth - 1);
        if (name === "pre") preDepth = Math.max(0, preDepth - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return out.join("");
}

/** The page's declared encoding (BOM, or <meta charset> in its first bytes); saved pages are often not UTF-8. */
function sniffEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? "utf-8";
}

function decodeHtml(bytes: Uint8Array): string {
  const declared = sniffEncoding(bytes);
  try {
    return new TextDecoder(declared, { fatal: true }).decode(bytes);
  } catch {
    // An unknown label or bytes that are not what the page declares: Windows-1252 decodes any byte.
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

export function extractHtml(bytes: Uint8Array): ExtractedText {
  const text = htmlToText(decodeHtml(bytes));
  if (!text.trim()) throw new UnreadableDocument("the page has no readable text (only scripts, navigation or images?)");
  return { text };
}
