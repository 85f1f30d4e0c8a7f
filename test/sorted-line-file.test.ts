import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SortedLineFile } from "../src/core/index/sorted-line-file.js";

async function fileOf(text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "briefbot-sorted-")), "index.noun");
  await writeFile(path, text);
  return path;
}

describe("a sorted line file searched on disk", () => {
  it("finds every line by its first word across many blocks, lines longer than a block, a header and no final newline", async () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${String(i).padStart(5, "0")}${i % 7 === 0 ? "_kestrel" : ""}`).sort();
    // Every 500th line is 6 KB long: a block boundary falls inside it and its neighbours.
    const lines = words.map((w, i) => `${w} n ${i} ${i % 500 === 3 ? "x".repeat(6000) : "00000001"}`);
    const header = "  1 This is a licence line.\n  2 And another.\n";
    const path = await fileOf(header + lines.join("\n"));
    const file = new SortedLineFile(path);
    try {
      for (const [i, w] of words.entries()) expect(file.line(w), w).toBe(lines[i]);
      for (const missing of ["a", "w", "w00001x", "w0000", "w02999z", "zzz", "w00003 n"]) expect(file.line(missing), missing).toBeNull();
    } finally {
      file.close();
    }
  });

  it("keeps its block words in order when a block boundary falls before a blank line or a last line with no space", async () => {
    const words = Array.from({ length: 400 }, (_, i) => `w${String(i).padStart(4, "0")}`);
    const lines = words.map((w) => `${w} n 1 00000001`);
    // A long last line with no space crosses a block boundary, and the file ends in a blank line.
    const text = `${lines.join("\n")}\nzz${"y".repeat(6000)}\n\n`;
    const file = new SortedLineFile(await fileOf(text));
    try {
      for (const [i, w] of words.entries()) expect(file.line(w), w).toBe(lines[i]);
      expect(file.line("zz")).toBeNull();
    } finally {
      file.close();
    }
  });

  it("answers null for every word of an empty file and of a header alone", async () => {
    for (const text of ["", "  1 licence\n"]) {
      const file = new SortedLineFile(await fileOf(text));
      try {
        expect(file.line("anything")).toBeNull();
      } finally {
        file.close();
      }
    }
  });
});
