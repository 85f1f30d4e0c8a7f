import type { SourceDocument } from "./corpus.js";

/** Bump when chunk boundaries change, so cached indexes are rebuilt. */
export const CHUNKER_VERSION = "sentences-v1";

/** A span of a source file: `text === file.slice(start, end)` always holds. */
export interface Span {
  source: string;
  start: number;
  end: number;
  text: string;
  /** The page the span starts on, for paged formats (PDF); set by assignPages. */
  page?: number;
}

export interface Paragraph extends Span {
  /** 1-based, counting every non-blank block of the file (the title included). */
  paragraph: number;
}

/** The unit we index and quote: one sentence with the paragraph it belongs to. */
export interface Chunk extends Span {
  id: number;
  paragraph: number;
  /** 0-based position of the sentence inside its paragraph. */
  sentence: number;
}

/** The text the embedding model and the lexical index see for a chunk (the quote itself never changes). */
export function embeddingInput(chunk: Chunk): string {
  return chunk.text;
}

const BLANK_LINE = /\n[ \t\u00a0]*\r?\n/g;

/** Trims a [start, end) window of `text` to its non-whitespace content. */
function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}

export function splitParagraphs(doc: SourceDocument): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let cursor = 0;
  const push = (from: number, to: number) => {
    const [start, end] = trimSpan(doc.text, from, to);
    if (end > start) {
      paragraphs.push({ source: doc.source, paragraph: paragraphs.length + 1, start, end, text: doc.text.slice(start, end) });
    }
  };
  for (const match of doc.text.matchAll(BLANK_LINE)) {
    push(cursor, match.index);
    cursor = match.index + match[0].length;
  }
  push(cursor, doc.text.length);
  return paragraphs;
}

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

export function splitSentences(paragraph: Paragraph): Span[] {
  const sentences: Span[] = [];
  for (const segment of segmenter.segment(paragraph.text)) {
    const from = paragraph.start + segment.index;
    const [start, end] = trimSpan(paragraph.text, segment.index, segment.index + segment.segment.length);
    if (end > start) {
      sentences.push({ source: paragraph.source, start: from - segment.index + start, end: from - segment.index + end, text: paragraph.text.slice(start, end) });
    }
  }
  return sentences;
}

export interface ChunkedCorpus {
  paragraphs: Paragraph[];
  chunks: Chunk[];
}

export function chunkDocuments(documents: SourceDocument[]): ChunkedCorpus {
  const paragraphs: Paragraph[] = [];
  const chunks: Chunk[] = [];
  for (const doc of documents) {
    for (const paragraph of splitParagraphs(doc)) {
      paragraphs.push(paragraph);
      splitSentences(paragraph).forEach((span, sentence) => {
        chunks.push({ ...span, id: chunks.length, paragraph: paragraph.paragraph, sentence });
      });
    }
  }
  return { paragraphs, chunks };
}
