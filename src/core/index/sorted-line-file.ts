import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/** Bytes of the file between two remembered line starts: one positioned read per lookup. */
const BLOCK = 4096;
/** Read at a block boundary to find the next line start and its word (most of WordNet's index lines are shorter). */
const PROBE = 512;

/**
 * A text file of lines sorted by their first space-separated word, searched on disk: only the
 * first word of every ~4 KB block is kept in memory (a few thousand short strings), and a lookup
 * reads the one block its word can be in. WordNet's noun index is 4.8 MB; held whole in memory it
 * was 6 MB of the bot's resident memory for lookups that take microseconds either way.
 *
 * Lines that start with a space (WordNet's licence header) sort before every word.
 */
export class SortedLineFile {
  private readonly fd: number;
  private readonly size: number;
  /** Where each block starts (always at a line start) and the first word there; `starts` ends with the file size. */
  private readonly starts: number[] = [];
  private readonly firstWords: string[] = [];
  private buffer = Buffer.allocUnsafe(BLOCK * 2);

  constructor(path: string) {
    this.fd = openSync(path, "r");
    this.size = fstatSync(this.fd).size;
    try {
      this.remember(0);
      for (let boundary = BLOCK; boundary < this.size; boundary += BLOCK) {
        if (!this.rememberFromProbe(boundary)) {
          const start = this.lineStartFrom(boundary);
          if (start > this.starts[this.starts.length - 1]! && start < this.size) this.remember(start);
        }
      }
      this.starts.push(this.size);
    } catch (error) {
      closeSync(this.fd);
      throw error;
    }
  }

  /** The line whose first word is `word`, or null. */
  line(word: string): string | null {
    // The last block whose first word is not after `word`.
    let lo = 0;
    let hi = this.firstWords.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.firstWords[mid]! <= word) lo = mid;
      else hi = mid - 1;
    }
    const text = this.read(this.starts[lo]!, this.starts[lo + 1]!);
    for (let at = 0; at < text.length; ) {
      let end = text.indexOf("\n", at);
      if (end < 0) end = text.length;
      const space = text.indexOf(" ", at);
      if (space === at + word.length && text.startsWith(word, at)) return text.slice(at, end);
      at = end + 1;
    }
    return null;
  }

  close(): void {
    closeSync(this.fd);
  }

  private remember(start: number): void {
    const head = this.read(start, Math.min(this.size, start + PROBE));
    const end = head.search(/[ \n]/u);
    const word = head.startsWith(" ") ? "" : end < 0 ? head : head.slice(0, end);
    // Only the file's first block may start with no word (a header, a blank line): the words must stay in order.
    if (word === "" && this.starts.length > 0) return;
    this.starts.push(start);
    this.firstWords.push(word);
  }

  /** Remembers the first line after `boundary` from one short read, when the line starts and its word ends within it. */
  private rememberFromProbe(boundary: number): boolean {
    const read = readSync(this.fd, this.buffer, 0, PROBE, boundary - 1);
    const newline = this.buffer.subarray(0, read).indexOf(0x0a);
    if (newline < 0 || newline + 1 >= read) return false;
    let end = newline + 1;
    while (end < read && this.buffer[end] !== 0x20 && this.buffer[end] !== 0x0a) end++;
    if (end >= read || this.buffer[newline + 1] === 0x20) return false;
    // A blank line has no word to order it by: the block before runs on over it.
    if (end === newline + 1) return true;
    if (boundary + newline > this.starts[this.starts.length - 1]!) {
      this.starts.push(boundary + newline);
      this.firstWords.push(this.buffer.toString("utf8", newline + 1, end));
    }
    return true;
  }

  /** The first line start at or after `position` (the file size when there is none). */
  private lineStartFrom(position: number): number {
    for (let from = position - 1; from < this.size; from += PROBE) {
      const read = readSync(this.fd, this.buffer, 0, PROBE, from);
      const newline = this.buffer.subarray(0, read).indexOf(0x0a);
      if (newline >= 0) return from + newline + 1;
      if (read < PROBE) break;
    }
    return this.size;
  }

  /** The bytes between two offsets, decoded alone (a slice of a larger string would keep it alive). */
  private read(from: number, to: number): string {
    const length = to - from;
    if (this.buffer.length < length) this.buffer = Buffer.allocUnsafe(length);
    const read = readSync(this.fd, this.buffer, 0, length, from);
    return this.buffer.toString("utf8", 0, read);
  }
}
