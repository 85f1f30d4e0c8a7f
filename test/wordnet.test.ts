import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WordNetFiles } from "../src/core/index/wordnet.js";

/** A data.noun line in WordNet's format: offset, lexicographer file, pos, word count (hex), words, pointers, gloss. */
function dataLine(offset: number, words: string[], gloss: string): string {
  const count = words.length.toString(16).padStart(2, "0");
  return `${String(offset).padStart(8, "0")} 18 n ${count} ${words.map((w) => `${w} 0`).join(" ")} 001 @ 00000000 n 0000 | ${gloss}\n`;
}

describe("WordNet's data files", () => {
  it("reads a synset line longer than one read, and a short one after it without the long one's bytes", async () => {
    const dir = await mkdtemp(join(tmpdir(), "briefbot-wordnet-"));
    const many = Array.from({ length: 1500 }, (_, i) => `kestrel_warden_${i}`);
    const long = dataLine(0, many, "a very long synset");
    const short = dataLine(Buffer.byteLength(long), ["velmoran"], "a short one");
    expect(Buffer.byteLength(long)).toBeGreaterThan(16384);
    await writeFile(join(dir, "data.noun"), long + short);
    const files = new WordNetFiles(dir);
    try {
      const first = files.synset(0, "noun");
      expect(first.words).toHaveLength(1500);
      expect(first.words.at(-1)).toBe("kestrel_warden_1499");
      expect(first.pointers).toEqual([{ symbol: "@", offset: 0, pos: "noun", target: 0 }]);
      const second = files.synset(Buffer.byteLength(long), "noun");
      expect(second.words).toEqual(["velmoran"]);
      expect(second.lexFile).toBe(18);
    } finally {
      files.close();
    }
  });
});
