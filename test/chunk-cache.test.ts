import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../src/core/briefbot.js";
import { ChunkCache, CHUNKS_FILE } from "../src/core/index/chunk-cache.js";
import { loadCorpus, type SourceDocument } from "../src/core/ingest/corpus.js";
import { assignPages } from "../src/core/ingest/pages.js";
import { tempDir } from "./helpers/bot.js";

/** A corpus of real briefs plus a paged document, chunked as the index does it (pages added after chunking). */
async function documents(): Promise<SourceDocument[]> {
  const { documents } = await loadCorpus(join(PROJECT_ROOT, "eval-own", "tune11", "corpus"));
  const paged = "First page, first sentence. It goes on.\n\nSecond page: the toll rose to 12.\n";
  const split = paged.indexOf("Second");
  return [...documents, { source: "paged.pdf", text: paged, pages: [{ page: 1, start: 0, end: split }, { page: 2, start: split, end: paged.length }] }];
}

function chunkAsIndexed(cache: ChunkCache, docs: SourceDocument[]) {
  const out = cache.chunk(docs);
  assignPages(docs, out.paragraphs);
  assignPages(docs, out.chunks);
  return out;
}

describe("chunk cache", () => {
  it("saves, from the chunks it returned, the records it was made from, and reuses them as they were", async () => {
    const docs = await documents();
    const dir = await tempDir("chunk-cache-");
    const first = chunkAsIndexed(ChunkCache.empty("m"), docs);
    expect(first.reused).toBe(0);
    expect(first.chunks.some((c) => c.page === 2)).toBe(true);
    await mkdir(join(dir, "a"));
    await mkdir(join(dir, "b"));
    await first.cache.save(join(dir, "a"));
    const saved = await readFile(join(dir, "a", CHUNKS_FILE), "utf8");
    // Page numbers come from the document at each start, not from the cache.
    expect(saved).not.toContain('"page"');

    // Reused from the saved file and from the cache in memory: the same chunks, nothing split again.
    const fromFile = chunkAsIndexed(await ChunkCache.load(join(dir, "a"), "m"), docs);
    const fromMemory = chunkAsIndexed(first.cache, docs);
    for (const again of [fromFile, fromMemory]) {
      expect(again.reused).toBe(docs.length);
      expect(again.chunks).toEqual(first.chunks);
      expect(again.paragraphs).toEqual(first.paragraphs);
      expect(again.keys).toEqual(first.keys);
    }
    // A cache made from reused files saves the same file again.
    await fromMemory.cache.save(join(dir, "b"));
    expect(await readFile(join(dir, "b", CHUNKS_FILE), "utf8")).toBe(saved);

    // An edited file is split again; the others keep their chunking, renumbered after it.
    const edited = docs.map((d, i) => (i === 0 ? { ...d, text: `A new first sentence.\n\n${d.text}` } : d));
    const after = chunkAsIndexed(fromMemory.cache, edited);
    expect(after.reused).toBe(docs.length - 1);
    const fresh = chunkAsIndexed(ChunkCache.empty("m"), edited);
    expect(after.chunks).toEqual(fresh.chunks);
    expect(after.keys).toEqual(fresh.keys);
  });
});
