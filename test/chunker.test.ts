import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chunkDocuments, splitParagraphs } from "../src/core/ingest/chunker.js";
import { DEFAULT_CORPUS_DIR } from "../src/core/briefbot.js";

describe("chunker", () => {
  it("keeps offsets that reproduce the shipped brief exactly", async () => {
    const text = await readFile(join(DEFAULT_CORPUS_DIR, "iran-taliban-iskp.txt"), "utf8");
    const { paragraphs, chunks } = chunkDocuments([{ source: "brief.txt", text }]);
    expect(paragraphs.length).toBe(11);
    expect(chunks.length).toBeGreaterThan(25);
    for (const p of paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
    for (const c of chunks) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      expect(c.text).toBe(c.text.trim());
      const paragraph = paragraphs.find((p) => p.paragraph === c.paragraph)!;
      expect(c.start).toBeGreaterThanOrEqual(paragraph.start);
      expect(c.end).toBeLessThanOrEqual(paragraph.end);
    }
    // Every non-space character of every paragraph lands in exactly one sentence.
    const covered = chunks.map((c) => c.text.replace(/\s+/g, "")).join("");
    expect(covered).toBe(paragraphs.map((p) => p.text.replace(/\s+/g, "")).join(""));
  });

  it("numbers paragraphs by blank lines and handles CRLF, indentation and unicode", () => {
    const text = "Title\r\n\r\n  First para. Second sentence here!\r\n   \r\nThird – para with “quotes”? Yes.\n\n\n";
    const { paragraphs, chunks } = chunkDocuments([{ source: "x.md", text }]);
    expect(paragraphs.map((p) => p.text)).toEqual(["Title", "First para. Second sentence here!", "Third – para with “quotes”? Yes."]);
    expect(chunks.map((c) => [c.paragraph, c.text])).toEqual([
      [1, "Title"],
      [2, "First para."],
      [2, "Second sentence here!"],
      [3, "Third – para with “quotes”?"],
      [3, "Yes."],
    ]);
    for (const c of chunks) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it("returns nothing for a whitespace-only file", () => {
    expect(splitParagraphs({ source: "e.txt", text: " \n\n \t\n" })).toEqual([]);
  });
});
