import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chunkDocuments, embeddingInput, MAX_EMBEDDED_CHARS } from "../src/core/ingest/chunker.js";
import { DEFAULT_CORPUS_DIR } from "../src/core/briefbot.js";

const MARKDOWN = [
  "# Attacks in the north: a digest",
  "",
  "*Compiled from official statements.*",
  "",
  "## 4 May 2021 — market, Kora",
  "",
  "A bomb went off in the market at Kora. Nine people died, a child among them.",
  "",
  "1. **Kora, 4 May.** Police blamed a local cell.",
  "2. **Dara, 6 May.** Two guards were wounded",
  "   when gunmen fired on the post.",
  "",
  "| Date | Location | Killed |",
  "|---|---|---|",
  "| 4 May 2021 | Kora \\| market | 9 |",
  "",
  "```",
  "code is never quoted",
  "```",
].join("\r\n");

describe("structure-aware reading", () => {
  it("keeps offsets that reproduce the shipped brief exactly", async () => {
    const text = await readFile(join(DEFAULT_CORPUS_DIR, "iran-taliban-iskp.txt"), "utf8");
    const { paragraphs, chunks } = chunkDocuments([{ source: "brief.txt", text }]);
    expect(paragraphs.length).toBe(11);
    expect(paragraphs[0]!.kind).toBe("title");
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

  it("reads Markdown headings, lead-ins, lists, tables and notes with exact offsets", () => {
    const { paragraphs, chunks } = chunkDocuments([{ source: "digest.md", text: MARKDOWN }]);
    for (const c of chunks) expect(MARKDOWN.slice(c.start, c.end)).toBe(c.text);
    expect(paragraphs.map((p) => p.kind)).toEqual(["title", "note", "heading", "paragraph", "listItem", "listItem", "heading", "tableRow"]);
    const byText = (t: string) => chunks.find((c) => c.text.startsWith(t))!;
    // Headings are context; the sentence after a heading carries it.
    expect(byText("Attacks in the north").kind).toBe("title");
    expect(byText("Nine people died").context).toBe("Attacks in the north: a digest › 4 May 2021 — market, Kora");
    expect(embeddingInput(byText("Nine people died"))).toContain("4 May 2021 — market, Kora. Nine people died");
    // A bold lead-in is the item's label, never part of a quote; list markers are never quoted.
    expect(byText("Police blamed").context).toMatch(/› Kora, 4 May$/);
    expect(chunks.some((c) => /^\*\*|^\d+\.|^-/.test(c.text))).toBe(false);
    // A sentence broken across lines stays one sentence.
    expect(byText("Two guards").text).toBe("Two guards were wounded\r\n   when gunmen fired on the post.");
    // A table row is one unit, quoted as written between its outer pipes, read with its headers.
    const row = chunks.find((c) => c.kind === "row")!;
    expect(row.text).toBe("4 May 2021 | Kora \\| market | 9");
    expect(paragraphs.find((p) => p.kind === "tableRow")!.cells!.map((c) => c.header)).toEqual(["Date", "Location", "Killed"]);
    // Whole-emphasis lines are notes without their markers; code is skipped.
    expect(byText("Compiled from").kind).toBe("note");
    expect(byText("Compiled from").text).toBe("Compiled from official statements.");
    expect(chunks.some((c) => c.text.includes("never quoted"))).toBe(false);
  });

  it("reads plain text: a first line that is not a sentence is the title, bullets are items", () => {
    const text = "Weekly security note\n\nFirst para. Second sentence here!\n\nArrests\n\n- Six were held in Kora.\n- Two were freed.\n";
    const { paragraphs, chunks } = chunkDocuments([{ source: "x.txt", text }]);
    expect(paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ["title", "Weekly security note"],
      ["paragraph", "First para. Second sentence here!"],
      ["heading", "Arrests"],
      ["listItem", "Six were held in Kora."],
      ["listItem", "Two were freed."],
    ]);
    expect(chunks.find((c) => c.text === "Two were freed.")!.context).toBe("Weekly security note › Arrests");
  });

  it("returns nothing for a whitespace-only file", () => {
    expect(chunkDocuments([{ source: "e.txt", text: " \n\n \t\n" }])).toEqual({ paragraphs: [], chunks: [] });
  });
});

describe("inputs that would stall or crash the readers", () => {
  it("reads Markdown nested thousands deep as plain text instead of overflowing the parser's stack", () => {
    const text = `${">".repeat(4000)} Nine people were killed in Velmora.\n\nA second paragraph about Kestrel.\n`;
    const { chunks } = chunkDocuments([{ source: "deep.md", text }]);
    const sentences = chunks.filter((c) => c.kind === "sentence");
    expect(sentences.map((c) => c.text)).toContain("A second paragraph about Kestrel.");
    for (const c of chunks) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it("embeds at most MAX_EMBEDDED_CHARS of a sentence, however long (a line with no full stop)", () => {
    const line = Array.from({ length: 20_000 }, (_, i) => `word${i % 50}`).join(" ");
    const { chunks } = chunkDocuments([{ source: "dump.txt", text: line }]);
    expect(chunks.length).toBeGreaterThan(0);
    for (const c of chunks) expect(embeddingInput(c).length).toBeLessThanOrEqual(MAX_EMBEDDED_CHARS);
    expect(chunks.some((c) => c.text.length > MAX_EMBEDDED_CHARS)).toBe(true);
  });
});
