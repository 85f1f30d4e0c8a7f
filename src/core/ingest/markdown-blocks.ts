import type { Nodes, Paragraph as MdParagraph, Parent, Root, TableRow } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { type Block, type BlockKind, type Cell, plainText, trimSpan } from "./blocks.js";

const start = (n: Nodes) => n.position?.start.offset ?? 0;
const end = (n: Nodes) => n.position?.end.offset ?? 0;

/** Text of a node as the reader sees it (decoded), for headings, lead-ins and column names. */
function nodeText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(nodeText).join("");
  return "";
}

const EMPHASIS = new Set(["strong", "emphasis"]);
// A lead-in ends with a full stop or colon inside or right after the bold ("**Background.**", "**Why X?**"),
// or is a dateline followed by a dash ("**VELMORA, 9 May 2018** — Two trucks ...").
const LEAD_END = /[.:?!]\s*$/u;
const AFTER_LEAD = /^[\s.:\u2013\u2014-]*/u;

interface Walk {
  text: string;
  source: string;
  blocks: Block[];
  headings: { depth: number; text: string }[];
}

function push(w: Walk, kind: BlockKind, from: number, to: number, extra: Partial<Block> = {}): void {
  const [s, e] = trimSpan(w.text, from, to);
  if (e <= s) return;
  w.blocks.push({
    source: w.source,
    kind,
    start: s,
    end: e,
    text: w.text.slice(s, e),
    paragraph: w.blocks.length + 1,
    headings: w.headings.map((h) => h.text),
    bodyStart: extra.bodyStart ?? s,
    ...extra,
  });
}

/** A paragraph's quotable body: after a bold lead-in, and without the markers of a whole-emphasis line. */
function paragraphBlock(w: Walk, node: MdParagraph, kind: BlockKind): void {
  const children = node.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
  const first = children[0];
  if (!first) return;
  // "*Reporting by ...*", "**Analysis | ...**": the whole line is emphasised, a note about the brief.
  if (children.length === 1 && EMPHASIS.has(first.type)) {
    const inner = (first as Parent).children as Nodes[];
    if (inner.length) push(w, kind === "listItem" ? kind : "note", start(inner[0]!), end(inner[inner.length - 1]!));
    return;
  }
  if (EMPHASIS.has(first.type)) {
    const lead = nodeText(first).trim();
    const rest = w.text.slice(end(first), end(node));
    const gap = AFTER_LEAD.exec(rest)![0];
    const isDateline = /[\u2013\u2014-]/u.test(gap);
    if (LEAD_END.test(lead) || /^[.:]/u.test(gap) || isDateline) {
      const bodyStart = end(first) + gap.length;
      const [s] = trimSpan(w.text, bodyStart, end(node));
      push(w, kind, start(node), end(node), { bodyStart: s, lead: lead.replace(/[.:]\s*$/u, "") });
      return;
    }
  }
  push(w, kind, start(node), end(node));
}

function tableRows(w: Walk, rows: TableRow[]): void {
  const header = rows[0]?.children.map((cell) => plainText(nodeText(cell))) ?? [];
  // A header row with no words (a web table without one gets empty header cells) is no heading.
  if (rows[0] && header.some((h) => h.trim())) push(w, "heading", start(rows[0]), end(rows[0]), { bodyStart: end(rows[0]) });
  for (const row of rows.slice(1)) {
    const cells: Cell[] = [];
    row.children.forEach((cell, i) => {
      const inner = cell.children;
      if (!inner.length) return;
      const s = start(inner[0]!);
      const e = end(inner[inner.length - 1]!);
      cells.push({ source: w.source, start: s, end: e, text: w.text.slice(s, e), header: header[i] ?? "" });
    });
    if (!cells.length) continue;
    // A row is quoted from its first cell to its last: the row as written, without the outer pipes.
    push(w, "tableRow", cells[0]!.start, cells[cells.length - 1]!.end, { cells });
  }
}

function walk(w: Walk, nodes: Nodes[], kind: BlockKind = "paragraph"): void {
  for (const node of nodes) {
    switch (node.type) {
      case "heading": {
        w.headings = w.headings.filter((h) => h.depth < node.depth);
        const inner = node.children;
        const isTitle = w.blocks.every((b) => b.kind === "note") && w.headings.length === 0;
        if (inner.length) push(w, isTitle ? "title" : "heading", start(inner[0]!), end(inner[inner.length - 1]!));
        w.headings.push({ depth: node.depth, text: plainText(nodeText(node)) });
        break;
      }
      case "paragraph":
        paragraphBlock(w, node, kind);
        break;
      case "list":
        for (const item of node.children) walk(w, item.children, "listItem");
        break;
      case "blockquote":
        walk(w, node.children, kind);
        break;
      case "table":
        tableRows(w, node.children);
        break;
      default:
        // Code, HTML, rules and definitions carry no prose to quote.
        break;
    }
  }
}

/** Reads a Markdown brief into blocks with exact source offsets (CommonMark + GFM tables). */
export function markdownBlocks(source: string, text: string): Block[] {
  const tree: Root = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const w: Walk = { text, source, blocks: [], headings: [] };
  walk(w, tree.children);
  return w.blocks;
}
