import { describe, expect, it } from "vitest";
import { BlockFindings, coverage, LEVELS, StructureIndex } from "../src/core/answer/evidence.js";
import { analyseQuestion } from "../src/core/answer/question-analysis.js";
import { chunkDocuments } from "../src/core/ingest/chunker.js";
import { LexicalIndex } from "../src/core/index/lexical-index.js";

// An invented brief: the middle sentence of the first paragraph is flanked by sentences naming Velmora.
const TEXT = [
  "# Weekly report",
  "",
  "Shelling hit Velmora on Monday. The toll rose to twelve. Velmora's mayor asked for help.",
  "",
  "A convoy left Kestrel on Tuesday.",
  "",
].join("\n");

function setting() {
  const { chunks, paragraphs } = chunkDocuments([{ source: "report.md", text: TEXT }]);
  const lexical = new LexicalIndex(chunks);
  const structure = new StructureIndex(chunks, paragraphs, lexical);
  const middle = chunks.find((c) => c.text.startsWith("The toll"))!;
  const convoy = chunks.find((c) => c.text.startsWith("A convoy"))!;
  return { structure, lexical, middle, convoy };
}

describe("structure evidence", () => {
  it("counts a question word where it occurs around a sentence: earlier in its paragraph, in the paragraph before, not in the sentence itself", () => {
    const { structure, lexical, middle, convoy } = setting();
    const q = analyseQuestion("What happened in Velmora?", lexical);
    const share = (level: number) => coverage(structure, middle, q).all / level;
    // "Velmora" is the question's one content word here, so coverage is its level around the sentence.
    expect(share(LEVELS.before)).toBeCloseTo(1, 5);
    // The convoy paragraph follows the one naming Velmora in the same section.
    expect(coverage(structure, convoy, q).all).toBeCloseTo(LEVELS.previous, 5);
    expect(coverage(structure, middle, q, { sentenceOnly: true }).all).toBe(0);
  });

  it("takes the better side when the word is both before and after the sentence, whatever the weights", () => {
    const { structure, lexical, middle } = setting();
    const saved = { ...LEVELS };
    try {
      // Calibration runs may weigh "after" above "before".
      LEVELS.after = 0.97;
      expect(coverage(structure, middle, analyseQuestion("What happened in Velmora?", lexical)).all).toBeCloseTo(0.97, 5);
      LEVELS.before = 0;
      LEVELS.after = 0.6;
      expect(coverage(structure, middle, analyseQuestion("What happened in Velmora?", lexical)).all).toBeCloseTo(0.6, 5);
    } finally {
      Object.assign(LEVELS, saved);
    }
  });

  it("keeps every block's findings where it put them as its arrays grow, the unasked levels unset", () => {
    const findings = new BlockFindings(3);
    const offsets: number[] = [];
    for (let block = 0; block < 300; block++) {
      const at = findings.add(block * 7, `header ${block}`);
      offsets.push(at);
      for (let t = 0; t < 3; t++) {
        findings.firstUse[at + t] = block * 10 + t;
        findings.heading[at + t] = block + t / 10;
      }
    }
    offsets.forEach((at, block) => {
      expect(findings.offsetOf(block * 7)).toBe(at);
      expect(findings.contextAt(at)).toBe(`header ${block}`);
      expect([...findings.firstUse.subarray(at, at + 3)]).toEqual([block * 10, block * 10 + 1, block * 10 + 2]);
      expect(findings.heading[at + 2]).toBeCloseTo(block + 0.2);
      expect(Number.isNaN(findings.beyond[at + 1]!)).toBe(true);
    });
    expect(findings.offsetOf(1)).toBeUndefined();
    // Without terms each block still has its own offset and header.
    const none = new BlockFindings(0);
    none.add(10, "A");
    none.add(11, "B");
    expect(none.contextAt(none.offsetOf(11)!)).toBe("B");
  });
});
