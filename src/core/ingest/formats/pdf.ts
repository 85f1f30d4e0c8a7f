import { extractTextItems, getDocumentProxy, type StructuredTextItem } from "unpdf";
import { type ExtractedText, type PageRange, UnreadableDocument } from "./extracted-document.js";

interface Line {
  text: string;
  y: number;
  size: number;
}

/** Items on one baseline joined into lines; a space goes in where the PDF leaves a visible gap. */
function toLines(items: StructuredTextItem[]): Line[] {
  const lines: Line[] = [];
  let current: (Line & { endX: number }) | undefined;
  let breakBefore = true;
  for (const item of items) {
    const size = Math.max(item.fontSize || item.height, 1);
    if (item.str !== "") {
      if (!current || breakBefore || Math.abs(item.y - current.y) > size / 2) {
        current = { text: item.str, y: item.y, size, endX: item.x + item.width };
        lines.push(current);
      } else {
        const gap = item.x - current.endX > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str);
        current.text += (gap ? " " : "") + item.str;
        current.endX = item.x + item.width;
        current.size = Math.max(current.size, size);
      }
    }
    breakBefore = item.hasEOL;
  }
  return lines.map(({ text, y, size }) => ({ text: text.replace(/\s+/g, " ").trim(), y, size })).filter((l) => l.text);
}

/**
 * Lines grouped into paragraphs: a new one starts after a vertical gap wider than a line and a half,
 * at a change of font size (a heading), or when the text jumps up (a new column). Lines of one
 * paragraph are joined with a space, so a sentence wrapped over two lines stays one sentence.
 */
function toParagraphs(lines: Line[]): string[] {
  const paragraphs: string[] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    const size = Math.max(line.size, previous?.size ?? 0);
    const gap = previous ? previous.y - line.y : 0;
    const sameParagraph = previous && gap > 0 && gap <= size * 1.5 && Math.abs(line.size - previous.size) <= size * 0.15;
    if (sameParagraph) paragraphs[paragraphs.length - 1] += (paragraphs.at(-1)!.endsWith("-") ? "" : " ") + line.text;
    else paragraphs.push(line.text);
    previous = line;
  }
  return paragraphs;
}

/**
 * A PDF's text layer as paragraphs separated by blank lines, page after page, with each page's
 * character range so citations can name the page. A PDF without any text (a scan) is refused:
 * there is nothing to quote until it is run through OCR.
 */
export async function extractPdf(bytes: Uint8Array): Promise<ExtractedText> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may take over the buffer it is given, so it gets a copy; verbosity 0 keeps its warnings off stderr.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch (error) {
    const name = (error as Error).name;
    if (name === "PasswordException") throw new UnreadableDocument("the PDF is password-protected; add an unprotected copy");
    throw new UnreadableDocument(`not a readable PDF (${(error as Error).message}); export it again as PDF and add it again`);
  }
  try {
    const { items } = await extractTextItems(pdf);
    let text = "";
    const pages: PageRange[] = [];
    items.forEach((pageItems, index) => {
      const pageText = toParagraphs(toLines(pageItems)).join("\n\n");
      if (text && pageText) text += "\n\n";
      pages.push({ page: index + 1, start: text.length, end: text.length + pageText.length });
      text += pageText;
    });
    if (!text.trim()) {
      throw new UnreadableDocument(`the PDF has no text layer on any of its ${pages.length} page(s) (a scanned document?); run OCR on it and add the searchable PDF`);
    }
    return { text, pages };
  } catch (error) {
    if (error instanceof UnreadableDocument) throw error;
    throw new UnreadableDocument(`the PDF's text could not be read (${(error as Error).message}); export it again as PDF and add it again`);
  } finally {
    await pdf.destroy().catch(() => {});
  }
}
