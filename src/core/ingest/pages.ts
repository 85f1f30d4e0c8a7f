import type { Span } from "./chunker.js";
import type { SourceDocument } from "./corpus.js";
import { pageAt } from "./formats/extracted-document.js";

/** Marks each span of a paged document (PDF) with the page it starts on, so citations can name it. */
export function assignPages(documents: SourceDocument[], spans: Span[]): void {
  const pagesOf = new Map(documents.filter((d) => d.pages?.length).map((d) => [d.source, d.pages]));
  if (pagesOf.size === 0) return;
  for (const span of spans) {
    const page = pageAt(pagesOf.get(span.source), span.start);
    if (page !== undefined) span.page = page;
  }
}
