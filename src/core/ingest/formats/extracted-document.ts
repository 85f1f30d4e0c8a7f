/** A page of a paged format (PDF): its 1-based number and its [start, end) range in the extracted text. */
export interface PageRange {
  page: number;
  start: number;
  end: number;
}

/** What a format reader makes of a file's bytes: the text quotes are cut from, and its pages if it has any. */
export interface ExtractedText {
  text: string;
  pages?: PageRange[];
}

/**
 * A file that cannot be read as a brief (corrupt, scanned, encrypted, too large once unpacked).
 * The message says what is wrong with the file and what to do; the corpus skips the file with it.
 */
export class UnreadableDocument extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableDocument";
  }
}

/** The 1-based page holding character `offset` of a paged text, or undefined for unpaged text. */
export function pageAt(pages: PageRange[] | undefined, offset: number): number | undefined {
  if (!pages?.length) return undefined;
  let low = 0;
  let high = pages.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (pages[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return pages[low]!.page;
}
