import { readFile } from "node:fs/promises";
import { join } from "node:path";
import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { DEFAULT_CORPUS_DIR, PROJECT_ROOT } from "../src/core/briefbot.js";
import { type Chunk, chunkDocuments } from "../src/core/ingest/chunker.js";
import { loadCorpus } from "../src/core/ingest/corpus.js";
import { decodeLexical, encodeLexical } from "../src/core/index/lexical-cache.js";
import { CONTEXT_BOOST, LexicalIndex, topPositions } from "../src/core/index/lexical-index.js";
import { indexTokens, normalizeTerm } from "../src/core/index/terms.js";

/** The BM25 index briefbot used before its own: MiniSearch with the same fields, tokens and boosts. */
function miniSearchOver(chunks: Chunk[]) {
  const search = new MiniSearch<{ id: number; text: string; context: string }>({
    fields: ["text", "context"],
    tokenize: indexTokens,
    processTerm: (term: string) => normalizeTerm(term) ?? null,
  });
  search.addAll(chunks.map((c) => ({ id: c.id, text: c.text, context: c.context })));
  return (text: string, k: number) =>
    search
      .search(text, { combineWith: "OR", prefix: false, fuzzy: false, boost: { text: 1, context: CONTEXT_BOOST } })
      .slice(0, k)
      .map((r) => ({ id: r.id as number, score: r.score, terms: r.terms }));
}

async function chunksOf(dir: string): Promise<Chunk[]> {
  return chunkDocuments((await loadCorpus(dir)).documents).chunks;
}

/** Questions of the eval sets plus hostile and repetitive ones. */
async function queries(): Promise<string[]> {
  const out: string[] = [];
  for (const set of ["tune", "tune2", "heldout"]) {
    const lines = (await readFile(join(PROJECT_ROOT, "eval-own", set, "qa.jsonl"), "utf8")).split("\n").filter(Boolean);
    for (const line of lines) out.push((JSON.parse(line) as { q: string }).q);
  }
  return [...out, "", "the the the", "killed killed Kabul 2021 31 2,000", "IS-KP al-Shabaab Côte d’Ivoire Utøya", "x".repeat(10_000), "\u200b\u202e@everyone"];
}

describe("lexical index", () => {
  it("ranks and scores exactly as MiniSearch did, on real briefs and odd questions", async () => {
    const questions = await queries();
    for (const dir of [DEFAULT_CORPUS_DIR, join(PROJECT_ROOT, "eval-own/tune/corpus"), join(PROJECT_ROOT, "eval-own/heldout/corpus")]) {
      const chunks = await chunksOf(dir);
      const ours = new LexicalIndex(chunks);
      const theirs = miniSearchOver(chunks);
      for (const q of questions) {
        expect(ours.query(q, 40), q).toEqual(theirs(q, 40));
        expect(ours.query(q, 1e9).length, q).toBe(theirs(q, 1e9).length);
      }
    }
  });

  it("keeps the corpus statistics the answerer reads", async () => {
    const chunks = await chunksOf(DEFAULT_CORPUS_DIR);
    const index = new LexicalIndex(chunks);
    expect(index.chunkCount).toBe(chunks.length);
    const kill = normalizeTerm("killed")!;
    expect(index.documentFrequency.get(kill)).toBe(chunks.filter((c) => indexTokens(c.text).some((t) => normalizeTerm(t) === kill)).length);
    expect(index.has(kill)).toBe(true);
    expect(index.has("zzzz")).toBe(false);
    expect(index.isName(normalizeTerm("Balkhi")!)).toBe(true);
    expect(index.isName(kill)).toBe(false);
    expect(index.words.has("killed")).toBe(true);
    expect(index.idf("zzzz")).toBeGreaterThan(index.idf(kill));
  });

  it("finds the first and last sentence in a range that uses a term, as the sentences' own terms say", async () => {
    const chunks = await chunksOf(join(PROJECT_ROOT, "eval-own/tune/corpus"));
    const index = new LexicalIndex(chunks);
    const own = chunks.map((c) => new Set(indexTokens(c.text).map(normalizeTerm)));
    const terms = [...new Set(chunks.flatMap((c) => indexTokens(c.text).map(normalizeTerm)))].filter((t): t is string => !!t);
    let checked = 0;
    for (const term of terms.filter((_, i) => i % 7 === 0)) {
      for (let from = 0; from < chunks.length; from += 13) {
        for (const to of [from, from + 1, from + 9, chunks.length - 1]) {
          const using = chunks.slice(from, to + 1).filter((c) => own[c.id]!.has(term)).map((c) => c.id);
          expect(index.firstUse(term, from, to), `${term} ${from}..${to}`).toBe(using[0] ?? -1);
          expect(index.lastUse(term, from, to), `${term} ${from}..${to}`).toBe(using.at(-1) ?? -1);
          if (using.length) checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(index.firstUse("zzzz", 0, chunks.length - 1)).toBe(-1);
  });

  it("saves and loads to the same index, and refuses a damaged or foreign file", async () => {
    const chunks = await chunksOf(DEFAULT_CORPUS_DIR);
    const built = new LexicalIndex(chunks);
    const bytes = encodeLexical(built.data, "hash-1");
    const loaded = new LexicalIndex(chunks, decodeLexical(bytes, "hash-1", chunks.length));
    for (const q of await queries()) expect(loaded.query(q, 20)).toEqual(built.query(q, 20));
    expect([...loaded.documentFrequency]).toEqual([...built.documentFrequency]);
    expect([...loaded.surface]).toEqual([...built.surface]);
    expect(decodeLexical(bytes, "hash-2", chunks.length)).toBeUndefined();
    expect(decodeLexical(bytes, "hash-1", chunks.length + 1)).toBeUndefined();
    expect(decodeLexical(bytes.subarray(0, bytes.length - 4), "hash-1", chunks.length)).toBeUndefined();
    expect(decodeLexical(Buffer.alloc(2), "hash-1", chunks.length)).toBeUndefined();
    // Terms made by another normaliser (here, one that did not stem): rebuilt, since evidence reads sentences' terms from the file.
    const unstemmed = { ...built.data, terms: built.data.terms.map((t, i) => built.data.surface[i] ?? t) };
    expect(unstemmed.terms).not.toEqual(built.data.terms);
    expect(decodeLexical(encodeLexical(unstemmed, "hash-1"), "hash-1", chunks.length)).toBeUndefined();
    // A posting that names a document past the end.
    const damaged = Buffer.from(bytes);
    damaged.writeInt32LE(chunks.length + 5, damaged.length - 4 * (chunks.length + 1));
    expect(() => decodeLexical(damaged, "hash-1", chunks.length)).not.toThrow();
  });

  it("keeps the k best positions in the order a stable sort by score gives, ties included", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 300; round++) {
      const count = Math.floor(random() * 60);
      // Few distinct scores, so ties are common and their order is tested; k mostly below count, so the heap is full.
      const scores = Array.from({ length: count }, () => Math.floor(random() * 6) / 2);
      const k = round % 5 === 0 ? Math.floor(random() * 70) : Math.floor(random() * count);
      const expected = scores.map((score, position) => ({ score, position })).sort((a, b) => b.score - a.score).slice(0, k).map((x) => x.position);
      expect(topPositions(count, k, (p) => scores[p]!)).toEqual(expected);
    }
  });
});
