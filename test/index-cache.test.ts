import { appendFile, cp, mkdir, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Briefbot, DEFAULT_CORPUS_DIR, defaultCacheDir } from "../src/core/briefbot.js";
import { loadEmbedder } from "../src/core/index/load-embedder.js";
import { BriefbotError } from "../src/core/errors.js";
import { corpusCapBytes, loadCorpus } from "../src/core/ingest/corpus.js";
import { LEXICAL_FILE } from "../src/core/index/lexical-cache.js";
import { UseEmbedder } from "../src/core/index/use-embedder.js";
import { realEmbedder, tempDir } from "./helpers/bot.js";

async function freshCorpus() {
  const dir = await tempDir();
  await cp(DEFAULT_CORPUS_DIR, join(dir, "corpus"), { recursive: true });
  return { corpusDir: join(dir, "corpus"), cacheDir: join(dir, "cache") };
}

describe("persisted HNSW index", () => {
  it("is built once, reused, and rebuilt when the corpus changes", async () => {
    const paths = await freshCorpus();
    const embedder = await realEmbedder();
    const first = await Briefbot.open({ ...paths, embedder });
    expect(first.indexStatus.action).toBe("built");
    const second = await Briefbot.open({ ...paths, embedder });
    expect(second.indexStatus.action).toBe("loaded");
    expect(second.vectors.size).toBe(first.chunks.length);

    await writeFile(join(paths.corpusDir, "update.md"), "Field update\n\nA new checkpoint opened at Islam Qala on the border with Iran.\n");
    const third = await Briefbot.open({ ...paths, embedder });
    // Only the new file's two sentences are embedded; the rest come from the cache.
    expect(third.indexStatus).toMatchObject({ action: "updated", embedded: 2 });
    const answer = await third.ask("Where did a new checkpoint open?");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]).toMatchObject({ source: "update.md", paragraph: 2 });
  });

  it("embeds only new sentences when a brief is added, changed or removed, and reuses cached vectors on undo", async () => {
    const paths = await freshCorpus();
    const embedder = await realEmbedder();
    const original = await Briefbot.open({ ...paths, embedder });
    const update = join(paths.corpusDir, "update.md");
    await writeFile(update, "Field update\n\nA new checkpoint opened at Islam Qala on the border with Iran.\n\nThe checkpoint closes at dusk.\n");
    const added = await original.refresh();
    expect(added.indexStatus).toMatchObject({ action: "updated", embedded: 3, changes: { added: ["update.md"], changed: [], removed: [] } });
    expect((await added.ask("Where did a new checkpoint open?")).citations[0]).toMatchObject({ source: "update.md", paragraph: 2 });

    // One sentence edited: only it is embedded; the old wording is never quoted again.
    await writeFile(update, "Field update\n\nA new checkpoint opened at Torkham on the border with Pakistan.\n\nThe checkpoint closes at dusk.\n");
    const changed = await added.refresh();
    expect(changed.indexStatus).toMatchObject({ embedded: 1, changes: { changed: ["update.md"] } });
    const answer = await changed.ask("Where did a new checkpoint open?");
    expect(answer.citations[0]!.quote).toBe("A new checkpoint opened at Torkham on the border with Pakistan.");
    expect(JSON.stringify(await changed.ask("What opened at Islam Qala?"))).not.toContain("Islam Qala on the border");

    // Removed: its sentences leave both indexes; putting the old text back embeds nothing.
    await rm(update);
    const removed = await changed.refresh();
    expect(removed.indexStatus).toMatchObject({ embedded: 0, changes: { removed: ["update.md"] } });
    expect(removed.chunks.some((c) => c.source === "update.md")).toBe(false);
    expect(removed.vectors.store.liveCount).toBe(new Set(removed.chunks.map((c) => c.text)).size);
    // The index before the removal may still be answering a question in flight: its retired sentences still have vectors.
    const retired = changed.chunks.find((c) => c.source === "update.md")!;
    expect(changed.vectors.vector(retired.id)).toHaveLength(512);
    expect(changed.vectors.search(changed.vectors.vector(retired.id), 3).map((h) => changed.chunks[h.id]!.source)).not.toContain("update.md");
    await writeFile(update, "Field update\n\nA new checkpoint opened at Islam Qala on the border with Iran.\n\nThe checkpoint closes at dusk.\n");
    const restored = await removed.refresh();
    expect(restored.indexStatus).toMatchObject({ action: "updated", embedded: 0 });
    expect((await restored.ask("Where did a new checkpoint open?")).citations[0]!.quote).toContain("Islam Qala");

    // A new process finds everything cached.
    const reopened = await Briefbot.open({ ...paths, embedder });
    expect(reopened.indexStatus).toMatchObject({ action: "loaded", embedded: 0 });
    expect(reopened.vectors.size).toBe(restored.chunks.length);
    // Every save wrote new files and removed the ones it replaced.
    expect((await readdir(paths.cacheDir)).filter((f) => /\.(hnsw|f32|bin|tmp)$/.test(f))).toEqual([
      expect.stringMatching(/^graph-.*\.hnsw$/),
      expect.stringMatching(/^slots-.*\.bin$/),
      expect.stringMatching(/^vectors-.*\.f32$/),
    ]);
  });

  it("keeps the shipped model's graph projected, and rebuilds a graph made for another projection from its cached vectors, embedding nothing", async () => {
    const paths = await freshCorpus();
    const embedder = await realEmbedder();
    const first = await Briefbot.open({ ...paths, embedder });
    const manifestFile = join(paths.cacheDir, "manifest.json");
    const manifest = JSON.parse(await readFile(manifestFile, "utf8"));
    expect(manifest).toMatchObject({ format: "slots-v3", dimension: 512, graphDimension: 128, projection: expect.stringMatching(/pca128/) });
    const before = await first.ask("How many people were killed at the Seh Dokan Mosque?");
    await writeFile(manifestFile, JSON.stringify({ ...manifest, projection: "an-older-projection" }));
    const logged: string[] = [];
    const rebuilt = await Briefbot.open({ ...paths, embedder, log: (m) => logged.push(m) });
    expect(logged).toContainEqual(expect.stringMatching(/Rebuilt the index graph from cached vectors: the index graph was made for another projection/));
    expect(rebuilt.indexStatus).toMatchObject({ action: "loaded", embedded: 0 });
    expect(await rebuilt.ask("How many people were killed at the Seh Dokan Mosque?")).toEqual(before);
    // It was saved: the next start loads it as it is.
    expect(JSON.parse(await readFile(manifestFile, "utf8")).projection).toBe(manifest.projection);
    const quiet: string[] = [];
    await Briefbot.open({ ...paths, embedder, log: (m) => quiet.push(m) });
    expect(quiet.filter((m) => /Rebuilt/.test(m))).toEqual([]);
  });

  it("embeds a sentence that appears twice only once", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "c"));
    await writeFile(join(dir, "c", "a.md"), "Alpha\n\nThe bridge at Kunduz reopened.\n");
    await writeFile(join(dir, "c", "b.md"), "Beta\n\nThe bridge at Kunduz reopened.\n");
    const bot = await Briefbot.open({ corpusDir: join(dir, "c"), cacheDir: join(dir, "cache"), embedder: await realEmbedder() });
    expect(bot.chunks).toHaveLength(4);
    expect(bot.indexStatus.embedded).toBe(3);
    const hits = bot.vectors.search(bot.vectors.vector(1), 4);
    expect(hits.slice(0, 2).map((h) => h.id).sort()).toEqual([1, 3]);
  });

  it("rebuilds a corrupt index file instead of using it", async () => {
    const paths = await freshCorpus();
    const embedder = await realEmbedder();
    await Briefbot.open({ ...paths, embedder });
    const files = await readdir(paths.cacheDir);
    const indexFile = join(paths.cacheDir, files.find((f) => f.endsWith(".hnsw"))!);
    await appendFile(indexFile, "garbage");
    const logs: string[] = [];
    const bot = await Briefbot.open({ ...paths, embedder, log: (m) => logs.push(m) });
    expect(bot.indexStatus.action).toBe("built");
    expect(logs.join("\n")).toMatch(/index files do not match the sizes in their manifest/);
    expect((await bot.ask("Who is Balkhi?")).answered).toBe(true);

    await writeFile(join(paths.cacheDir, "manifest.json"), "{not json");
    const again = await Briefbot.open({ ...paths, embedder, log: () => {} });
    expect(again.indexStatus.action).toBe("built");

    // Bytes damaged inside the graph without changing its size (what a crash leaves): hnswlib would crash
    // the process on a link to nowhere (0xFF) or fail every search on zeroed labels (0x00); it is rebuilt instead.
    for (const fill of [0xff, 0x00]) {
      const graph = join(paths.cacheDir, JSON.parse(await readFile(join(paths.cacheDir, "manifest.json"), "utf8")).graphFile);
      const bytes = await readFile(graph);
      // 2 KB over the 4th node's links (0xFF), or ending just past the 6th node's label (zeros).
      const element = Number(bytes.readBigUInt64LE(24));
      const from = fill === 0xff ? 96 + 3 * element : 96 + 6 * element - 2048;
      bytes.fill(fill, from, from + 2048);
      await writeFile(graph, bytes);
      const messages: string[] = [];
      const rebuilt = await Briefbot.open({ ...paths, embedder, log: (m) => messages.push(m) });
      expect(messages.join("\n")).toMatch(/index graph is damaged/);
      expect((await rebuilt.ask("Who is Balkhi?")).answered).toBe(true);
    }

    // Valid JSON of the wrong shape (a field missing or of another type) is a damaged cache too, not a crash.
    const manifest = JSON.parse(await readFile(join(paths.cacheDir, "manifest.json"), "utf8"));
    for (const damaged of [{ ...manifest, graphFile: 5 }, { ...manifest, slotsFile: undefined }, { ...manifest, count: "many" }]) {
      await writeFile(join(paths.cacheDir, "manifest.json"), JSON.stringify(damaged));
      const messages: string[] = [];
      const reopened = await Briefbot.open({ ...paths, embedder, log: (m) => messages.push(m) });
      expect(reopened.indexStatus.action).toBe("built");
      expect(messages.join("\n")).toMatch(/index manifest is damaged/);
      expect((await reopened.ask("Who is Balkhi?")).answered).toBe(true);
    }
  });

  it("reloads chunking and the BM25 index from the cache, and rebuilds either when its file is damaged", async () => {
    const paths = await freshCorpus();
    const embedder = await realEmbedder();
    const first = await Briefbot.open({ ...paths, embedder });
    expect(first.indexStatus).toMatchObject({ reusedFiles: 0, lexical: "built" });
    const second = await Briefbot.open({ ...paths, embedder });
    expect(second.indexStatus).toMatchObject({ action: "loaded", reusedFiles: 1, lexical: "loaded" });
    expect(second.chunks).toEqual(first.chunks);
    expect(second.paragraphs).toEqual(first.paragraphs);
    expect(await second.ask("How many people were killed at the Seh Dokan Mosque?")).toEqual(await first.ask("How many people were killed at the Seh Dokan Mosque?"));

    const saved = await readFile(join(paths.cacheDir, LEXICAL_FILE));
    await writeFile(join(paths.cacheDir, LEXICAL_FILE), saved.subarray(0, saved.length - 7));
    await writeFile(join(paths.cacheDir, "chunks.json"), "[1,2");
    const third = await Briefbot.open({ ...paths, embedder });
    expect(third.indexStatus).toMatchObject({ action: "loaded", embedded: 0, reusedFiles: 0, lexical: "built" });
    expect(third.chunks).toEqual(first.chunks);
    // A file's record of another shape (null chunks, keys that do not match) is split again.
    const saved2 = JSON.parse(await readFile(join(paths.cacheDir, "chunks.json"), "utf8"));
    for (const record of Object.values(saved2.files) as { chunks: unknown; keys: string[] }[]) record.chunks = null;
    await writeFile(join(paths.cacheDir, "chunks.json"), JSON.stringify(saved2));
    const fourth = await Briefbot.open({ ...paths, embedder });
    expect(fourth.indexStatus).toMatchObject({ embedded: 0, reusedFiles: 0 });
    expect(fourth.chunks).toEqual(first.chunks);
    expect((await third.ask("How many people were killed at the Seh Dokan Mosque?")).citations[0]!.quote).toContain("Seh Dokan Mosque");
  });

  it("reads a link to a brief, and names the folders and broken links it does not read", async () => {
    const dir = await tempDir();
    const corpusDir = join(dir, "corpus");
    await mkdir(join(corpusDir, "archive"), { recursive: true });
    await writeFile(join(dir, "outside.md"), "# Velmora\n\nA bomb in Velmora killed 12 people.\n");
    await writeFile(join(corpusDir, "archive", "old.md"), "# Old\n\nAn older brief.\n");
    await writeFile(join(corpusDir, "kestrel.md"), "# Kestrel\n\nTwo convoys reached Kestrel.\n");
    await symlink(join(dir, "outside.md"), join(corpusDir, "linked.md"));
    await symlink(join(dir, "missing.md"), join(corpusDir, "dangling.md"));
    const corpus = await loadCorpus(corpusDir);
    expect(corpus.documents.map((d) => d.source)).toEqual(["kestrel.md", "linked.md"]);
    expect(Object.fromEntries(corpus.skipped.map((s) => [s.source, s.reason]))).toEqual({
      "archive/": expect.stringMatching(/a folder/),
      "dangling.md": expect.stringMatching(/target is missing/),
    });
  });

  it("treats an empty BRIEFBOT_CACHE_DIR as unset and refuses an unknown BRIEFBOT_EMBEDDER", async () => {
    const before = process.env.BRIEFBOT_CACHE_DIR;
    try {
      process.env.BRIEFBOT_CACHE_DIR = "";
      expect(defaultCacheDir("/tmp/velmora")).toContain(join(".cache", "index"));
    } finally {
      if (before === undefined) delete process.env.BRIEFBOT_CACHE_DIR;
      else process.env.BRIEFBOT_CACHE_DIR = before;
    }
    await expect(loadEmbedder("nonsense")).rejects.toThrow(/BRIEFBOT_EMBEDDER must be "use"/);
  });

  it("keeps a second corpus folder apart with its own index", async () => {
    const dir = await tempDir();
    const other = join(dir, "other");
    await mkdir(other);
    await writeFile(
      join(other, "port-report.md"),
      "# Port report\n\nThe harbour at Gwadar handled 41 ships in March.\n\nCustoms officers seized 300 kilograms of contraband at the eastern gate.\n",
    );
    const embedder = await realEmbedder();
    const bot = await Briefbot.open({ corpusDir: other, cacheDir: join(dir, "cache-other"), embedder });
    const answer = await bot.ask("How many ships did the harbour handle?");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]).toMatchObject({ source: "port-report.md", paragraph: 2 });
    expect((await bot.ask("What did Iran's Foreign Minister claim?")).answered).toBe(false);
  });

  it("leaves out briefs beyond the total corpus cap, with a message naming them", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "c"));
    await writeFile(join(dir, "c", "a.md"), "Alpha\n\nThe bridge at Kunduz reopened.\n");
    await writeFile(join(dir, "c", "b.md"), "Beta\n\nThe road to Herat closed.\n");
    const size = Buffer.byteLength("Alpha\n\nThe bridge at Kunduz reopened.\n");
    const corpus = await loadCorpus(join(dir, "c"), { maxTotalBytes: size + 10 });
    expect(corpus.documents.map((d) => d.source)).toEqual(["a.md"]);
    expect(corpus.skipped).toEqual([{ source: "b.md", reason: expect.stringMatching(/^the corpus cap of 0 MiB would be exceeded \(set BRIEFBOT_MAX_CORPUS_MB higher/) }]);
    expect(corpusCapBytes({ BRIEFBOT_MAX_CORPUS_MB: "1.5" })).toBe(1.5 * 1024 * 1024);
    const GiB = 1024 ** 3;
    expect(corpusCapBytes({ BRIEFBOT_MAX_CORPUS_MB: "lots" }, 4 * GiB)).toBe(200 * 1024 * 1024);
    // A heap too small for 200 MiB of briefs (the npm scripts' 1 GiB) caps the corpus below it, not the process.
    expect(corpusCapBytes({}, 1 * GiB)).toBe(85 * 1024 * 1024);
    expect(corpusCapBytes({ BRIEFBOT_MAX_CORPUS_MB: "150" }, 1 * GiB)).toBe(150 * 1024 * 1024);
  });

  it("explains an empty or unreadable corpus and a missing model folder", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "empty"));
    const embedder = await realEmbedder();
    await expect(Briefbot.open({ corpusDir: join(dir, "empty"), embedder })).rejects.toThrow(/no readable brief \(\.md, \.txt, \.pdf, \.docx, \.html, \.htm\)/);

    await mkdir(join(dir, "mixed"));
    await writeFile(join(dir, "mixed", "bad.txt"), Buffer.from([0xff, 0xfe, 0x00, 0xd8]));
    await writeFile(join(dir, "mixed", "good.txt"), "Good brief\n\nThe convoy reached Herat on Tuesday.\n");
    const logs: string[] = [];
    const bot = await Briefbot.open({ corpusDir: join(dir, "mixed"), cacheDir: join(dir, "c"), embedder, log: (m) => logs.push(m) });
    expect(bot.corpus.documents.map((d) => d.source)).toEqual(["good.txt"]);
    expect(logs.join("\n")).toMatch(/Skipped bad\.txt: not valid UTF-8/);

    const error = await UseEmbedder.load(join(dir, "no-such-model")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefbotError);
    expect((error as Error).message).toMatch(/embedding model is missing.*npm install/);
  });
});
