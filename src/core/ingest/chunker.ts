import { type Block, type Span, trimSpan } from "./blocks.js";
import type { SourceDocument } from "./corpus.js";
import { markdownBlocks } from "./markdown-blocks.js";
import { textBlocks } from "./text-blocks.js";

export type { Span } from "./blocks.js";

/** Bump when chunk boundaries or embedding inputs change, so cached indexes are rebuilt. */
export const CHUNKER_VERSION = "structure-v2";

/** A block of a brief, the unit a citation's ¶ number names. */
export type Paragraph = Block;

/** The section a paragraph sits in, as a key: its file and its headings. */
export function sectionKey(p: Paragraph): string {
  return `${p.source}\u0000${p.headings.join("\u0000")}`;
}

/** What a chunk is: only sentences and table rows are quoted as answers; the rest is context. */
export type ChunkKind = "sentence" | "row" | "title" | "heading" | "note";

/** The unit we index and quote: one sentence (or table row) with where it sits in the brief. */
export interface Chunk extends Span {
  id: number;
  kind: ChunkKind;
  paragraph: number;
  /** 0-based position of the sentence inside its block. */
  sentence: number;
  /** Document title, section headings and the block's lead-in: where this sentence sits. */
  context: string;
  /** Index of the chunk's block in the corpus's paragraph list. */
  block: number;
}

/** Whether a chunk may be quoted as an answer; titles and headings are context only. */
export function isQuotable(c: Pick<Chunk, "kind">): boolean {
  return c.kind === "sentence" || c.kind === "row" || c.kind === "note";
}

/**
 * At most this many characters of a chunk are embedded. The shipped model reads at most ~128 tokens
 * (its vector stopped changing between 117 and 243 tokens of input), which ordinary prose reaches in
 * well under 1,000 characters; a "sentence" of megabytes (a line with no full stop) would otherwise
 * cost its tokenizer minutes.
 */
export const MAX_EMBEDDED_CHARS = 2000;

/** The text the embedding model sees for a chunk: its section and lead-in, then the sentence itself (the quote never changes). */
export function embeddingInput(chunk: Chunk): string {
  return (chunk.context ? `${chunk.context}. ${chunk.text}` : chunk.text).slice(0, MAX_EMBEDDED_CHARS);
}

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Sentences of `text[from, to)`, with offsets into `text`; a line break inside a paragraph is not a sentence end. */
export function splitSentences(source: string, text: string, from: number, to: number): Span[] {
  const body = text.slice(from, to).replace(/\r?\n/gu, (m) => " ".repeat(m.length));
  const sentences: Span[] = [];
  for (const segment of segmenter.segment(body)) {
    let [start, end] = trimSpan(body, segment.index, segment.index + segment.segment.length);
    const slice = body.slice(start, end);
    const lead = /^[*_]+(?=\S)/u.exec(slice)?.[0].length ?? 0;
    const tail = /(?<=\S)[*_]+$/u.exec(slice)?.[0].length ?? 0;
    // Keep markers that open and close inside the sentence ("a **new** toll").
    const count = (slice.match(/\*\*|__/gu) ?? []).length;
    if (count % 2 === 1 || lead !== tail) {
      if (lead && !slice.slice(lead).includes(slice.slice(0, lead))) start += lead;
      if (tail && !slice.slice(0, slice.length - tail).includes(slice.slice(slice.length - tail))) end -= tail;
    }
    [start, end] = trimSpan(body, start, end);
    if (end > start && /[\p{L}\p{N}]/u.test(body.slice(start, end))) {
      sentences.push({ source, start: from + start, end: from + end, text: text.slice(from + start, from + end) });
    }
  }
  return sentences;
}


/**
 * Markdown files, and web pages and Word files (their extracted text is Markdown: see
 * formats/html.ts), are read by their Markdown structure; plain text and PDF text by layout.
 */
export function readBlocks(doc: SourceDocument): Block[] {
  if (!/\.(?:md|markdown|html?|docx)$/iu.test(doc.source)) return textBlocks(doc.source, doc.text);
  try {
    return markdownBlocks(doc.source, doc.text);
  } catch (error) {
    // Markdown nested thousands deep ("> > > …") overflows the parser's stack: the file is read as plain text instead, losing nothing.
    if (error instanceof RangeError) return textBlocks(doc.source, doc.text);
    throw error;
  }
}

/** Where a block sits: title, then section headings, then its lead-in. */
function contextOf(block: Block): string {
  return [...block.headings, ...(block.lead ? [block.lead] : [])].join(" › ");
}

export interface ChunkedCorpus {
  paragraphs: Paragraph[];
  chunks: Chunk[];
}

export function chunkDocuments(documents: SourceDocument[], options: { plainText?: boolean } = {}): ChunkedCorpus {
  const paragraphs: Paragraph[] = [];
  const chunks: Chunk[] = [];
  for (const doc of documents) {
    for (const block of options.plainText ? textBlocks(doc.source, doc.text) : readBlocks(doc)) {
      const index = paragraphs.length;
      paragraphs.push(block);
      const context = contextOf(block);
      const add = (span: Span, kind: ChunkKind, sentence: number) =>
        chunks.push({ ...span, id: chunks.length, kind, paragraph: block.paragraph, sentence, context, block: index });
      if (block.kind === "title" || block.kind === "heading") add(block, block.kind, 0);
      else if (block.kind === "tableRow") add(block, "row", 0);
      else {
        const kind = block.kind === "note" ? "note" : "sentence";
        splitSentences(doc.source, doc.text, block.bodyStart, block.end).forEach((span, i) => add(span, kind, i));
      }
    }
  }
  return { paragraphs, chunks };
}
