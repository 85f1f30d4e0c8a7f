import type { Chunk } from "../../ingest/chunker.js";

/**
 * Markdown that must never appear in a quote: list markers and heading hashes at the start,
 * emphasis and code markers, table pipes, link syntax, block-quote markers. A quote that shows
 * one was cut from the wrong place.
 */
const MARKUP_FRAGMENTS = [/^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|>)/u, /\*\*|__|`/u, /\s\|\s|^\||\|$/u, /\]\([^)]*\)/u, /^[*_]\S|\S[*_]$/u];

export function markupFragment(quote: string): string | null {
  for (const pattern of MARKUP_FRAGMENTS) {
    const m = pattern.exec(quote);
    if (m) return m[0];
  }
  return null;
}

const MIN_WORDS = 6;
const wordCount = (text: string) => text.split(/\s+/u).filter(Boolean).length;

/**
 * Whether a chunk can be a point of a briefing: a body sentence (not a title, heading, byline or
 * table row), complete (ends like a sentence; sign-offs and labels do not), free of markup.
 */
export function isQuotableSentence(chunk: Chunk): boolean {
  return chunk.kind === "sentence" && /[.!?]["”’)]*$/u.test(chunk.text) && wordCount(chunk.text) >= MIN_WORDS && markupFragment(chunk.text) === null;
}
