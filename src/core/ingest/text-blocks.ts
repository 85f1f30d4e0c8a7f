import { FULL_MONTHS } from "../calendar.js";
import { type Block, type BlockKind, trimSpan } from "./blocks.js";

const BLANK_LINE = /\n[ \t\u00a0]*\r?\n/gu;
const BULLET = /^[ \t]*(?:[-*•\u2013]|\d{1,3}[.)])[ \t]+/u;
// A line that reads as a heading: short, one line, and not ending like a sentence.
const HEADING_LIKE = /^[^\n]{1,120}$/u;
const SENTENCE_END = /[.!?;,:"”)]$/u;
// A line ending in a bracketed date is a heading ("VELMORA MARKET (3 May 2024)"); other brackets end sentences ("… rose to 12 (police figures)").
const BRACKETED_DATE_END = new RegExp(String.raw`\((?:[^()]*\b(?:1[89]|20)\d\d\b[^()]*|[^()]*\b(?:${FULL_MONTHS}|${FULL_MONTHS.toUpperCase()})\b[^()]*)\)$`, "u");

/**
 * Reads a plain-text brief: blocks between blank lines, a first line that does not end like a
 * sentence is the title, such lines later on are section headings, and bullet lines are items.
 */
export function textBlocks(source: string, text: string): Block[] {
  const raw: [number, number][] = [];
  let cursor = 0;
  for (const m of text.matchAll(BLANK_LINE)) {
    raw.push([cursor, m.index]);
    cursor = m.index + m[0].length;
  }
  raw.push([cursor, text.length]);

  const blocks: Block[] = [];
  let headings: string[] = [];
  const push = (kind: BlockKind, from: number, to: number) => {
    const [start, end] = trimSpan(text, from, to);
    if (end <= start) return;
    blocks.push({ source, kind, start, end, text: text.slice(start, end), paragraph: blocks.length + 1, headings: [...headings], bodyStart: start });
  };

  for (const [from, to] of raw) {
    const [start, end] = trimSpan(text, from, to);
    if (end <= start) continue;
    const chunk = text.slice(start, end);
    if (HEADING_LIKE.test(chunk) && (!SENTENCE_END.test(chunk) || BRACKETED_DATE_END.test(chunk)) && !BULLET.test(chunk)) {
      const isTitle = blocks.length === 0;
      push(isTitle ? "title" : "heading", start, end);
      headings = isTitle ? [chunk] : [...headings.slice(0, 1), chunk];
      continue;
    }
    const lines = [...chunk.matchAll(/[^\n]+/gu)];
    if (lines.length > 1 && lines.every((l) => BULLET.test(l[0]))) {
      for (const line of lines) {
        const marker = BULLET.exec(line[0])![0].length;
        push("listItem", start + line.index + marker, start + line.index + line[0].length);
      }
      continue;
    }
    push("paragraph", start, end);
  }
  return blocks;
}
