import { attribute } from "../../answer/attribution.js";
import type { Briefbot } from "../../briefbot.js";
import { plainText } from "../../ingest/blocks.js";
import type { Chunk } from "../../ingest/chunker.js";
import { cosine, normalize } from "../../index/embedder.js";
import { findDate } from "../place-and-date.js";
import { isQuotableSentence } from "./quotable.js";
import type { Aspect, BriefingPoint } from "./types.js";

/** A chunk as a briefing point: the exact slice, its citation, who asserts it, the section it sits under. */
export function toPoint(bot: Briefbot, chunk: Chunk, aspect: Aspect): BriefingPoint {
  const headings = bot.paragraphs[chunk.block]?.headings ?? [];
  // headings[0] is the document title; only a section heading below it titles a group of points.
  const section = headings.length > 1 ? plainText(headings[headings.length - 1]!) : undefined;
  return {
    aspect,
    source: chunk.source,
    paragraph: chunk.paragraph,
    ...(chunk.page ? { page: chunk.page } : {}),
    quote: chunk.text,
    attribution: attribute(chunk.text),
    ...(section ? { section } : {}),
  };
}

/** The document's title as written (without markup), or its file name when it has none. */
export function documentTitle(bot: Briefbot, source: string): string {
  const title = bot.paragraphs.find((p) => p.source === source && p.kind === "title");
  return title ? plainText(title.text) || source : source;
}

/**
 * The document's own date, if it states one: the first absolute date in its title, else in its
 * first block after the title (a dateline, a standfirst, the opening paragraph).
 */
export function documentDate(bot: Briefbot, source: string): string | null {
  const blocks = bot.paragraphs.filter((p) => p.source === source);
  const title = blocks.find((p) => p.kind === "title");
  const first = blocks.find((p) => p.kind !== "title" && p.kind !== "heading");
  for (const block of [title, first]) {
    const date = block ? findDate(block.text) : null;
    if (date && !date.relative) return date.text;
  }
  return null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** A written date ("3–9 May 2017", "August 2014") as the first day it names, for sorting; null without a year. */
export function dateValue(text: string | null): Date | null {
  const year = text ? /\b((?:19|20)\d\d)\b/u.exec(text) : null;
  if (!text || !year) return null;
  const month = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\b/u.exec(text);
  const day = /\b(\d{1,2})\b(?!\s*:)/u.exec(text.replace(year[1]!, ""));
  const m = month ? MONTHS.indexOf(month[1]!.toLowerCase()) : 0;
  return new Date(Date.UTC(Number(year[1]), m, month && day ? Number(day[1]) : 1));
}

/** The document's quotable sentences in reading order. */
export function documentSentences(bot: Briefbot, source: string): Chunk[] {
  return bot.chunks.filter((c) => c.source === source && isQuotableSentence(c));
}

/**
 * What the document opens with: its first body sentence that is typical of the whole (not among
 * the quarter of its sentences furthest from their mean), so a standfirst about the
 * document itself ("Entries are listed newest first.") is passed over.
 */
export function leadSentence(bot: Briefbot, sentences: Chunk[]): Chunk | undefined {
  if (sentences.length < 3) return sentences[0];
  const vectors = sentences.map((c) => bot.vectors.vector(c.id));
  const mean = new Float32Array(vectors[0]!.length);
  for (const v of vectors) for (let i = 0; i < v.length; i++) mean[i]! += v[i]! / vectors.length;
  const closeness = vectors.map((v) => cosine(normalize(mean), v));
  const quartile = [...closeness].sort((a, b) => a - b)[Math.floor(closeness.length / 4)]!;
  return sentences.find((_, i) => closeness[i]! >= quartile);
}

export function leadPoint(bot: Briefbot, sentences: Chunk[]): BriefingPoint | null {
  const lead = leadSentence(bot, sentences);
  return lead ? toPoint(bot, lead, "what happened") : null;
}
