import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cp, mkdir, readdir, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Conversations } from "../src/bot/conversations.js";
import { openDatabase } from "../src/bot/storage/database.js";
import { MemoryFeedback, SqliteFeedback } from "../src/bot/storage/feedback-store.js";
import type { Answer } from "../src/core/answer/answer.js";
import { Briefbot, DEFAULT_CORPUS_DIR } from "../src/core/briefbot.js";
import { loadCorpus } from "../src/core/ingest/corpus.js";
import { VectorStore } from "../src/core/index/vector-index.js";
import { saveVectorCache } from "../src/core/index/vector-cache.js";
import { realEmbedder, tempDir } from "./helpers/bot.js";

const answer: Answer = { question: "Who is Balkhi?", answered: true, answer: "quoted", citations: [] };
const exchange = (question: string, askerId = "400000000000000001") => ({ asker: "analyst", askerId, question, answer: { ...answer, question }, at: new Date() });
const vote = (user: string, v: "up" | "down") => ({ at: new Date().toISOString(), user, vote: v, question: "Who is Balkhi?", messageId: "500000000000000001" });

describe("thread history and votes in SQLite", () => {
  it("a restart (a new connection to the file) keeps every thread; a second process sees the first one's writes", async () => {
    const file = join(await tempDir(), "cache", "briefbot.sqlite");
    const first = openDatabase(file, () => {})!;
    const second = openDatabase(file, () => {})!;
    const a = new Conversations(first);
    const b = new Conversations(second);
    a.start("t1");
    a.record("t1", exchange("What happened at the school?"));
    b.record("t1", exchange("and how many were injured there?"));
    expect(a.history("t1")).toEqual(["What happened at the school?", "and how many were injured there?"]);
    first.close();
    second.close();

    const restarted = new Conversations(openDatabase(file, () => {})!);
    expect(restarted.has("t1")).toBe(true);
    expect(restarted.has("t2")).toBe(false);
    expect(restarted.exchanges("t1").map((e) => [e.question, e.askerId, e.answer.question])).toEqual([
      ["What happened at the school?", "400000000000000001", "What happened at the school?"],
      ["and how many were injured there?", "400000000000000001", "and how many were injured there?"],
    ]);
  });

  it("a vote per user per answer counts once, across processes", async () => {
    const file = join(await tempDir(), "briefbot.sqlite");
    const one = new SqliteFeedback(openDatabase(file, () => {})!, () => {});
    const two = new SqliteFeedback(openDatabase(file, () => {})!, () => {});
    expect(one.record(vote("u1", "up"))).toBe("recorded");
    expect(two.record(vote("u1", "up"))).toBe("unchanged");
    expect(two.record(vote("u1", "down"))).toBe("changed");
    expect(one.record(vote("u2", "up"))).toBe("recorded");
    expect(one.votes().map((v) => [v.user, v.vote])).toEqual([
      ["u1", "down"],
      ["u2", "up"],
    ]);
  });

  it("migrations run once: the schema version is stored in the file", async () => {
    const file = join(await tempDir(), "briefbot.sqlite");
    openDatabase(file, () => {})!.close();
    const db = openDatabase(file, () => {})!;
    expect(db.pragma("user_version", { simple: true })).toBe(1);
    expect((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name)).toEqual(
      expect.arrayContaining(["exchanges", "threads", "votes"]),
    );
  });

  it("an unwritable folder degrades to memory with a warning; a write the database refuses keeps the thread in memory", async () => {
    const blocker = join(await tempDir(), "not-a-folder");
    await writeFile(blocker, "a file where the cache folder should be");
    const warnings: string[] = [];
    const log = (message: string, error?: unknown) => warnings.push(`${message}: ${String(error)}`);
    expect(openDatabase(join(blocker, "briefbot.sqlite"), log)).toBeNull();
    expect(warnings[0]).toMatch(/kept in memory only until restart/);

    const votes = new MemoryFeedback();
    expect(votes.record(vote("u1", "up"))).toBe("kept-in-memory");
    expect(votes.record(vote("u1", "up"))).toBe("unchanged");

    const inMemory = new Conversations(null, log);
    inMemory.record("t", exchange("Who is Balkhi?"));
    expect(inMemory.history("t")).toEqual(["Who is Balkhi?"]);

    const db = openDatabase(":memory:", () => {})!;
    const full = new Conversations(db, log);
    full.record("t", exchange("first"));
    db.pragma(`max_page_count = ${db.pragma("page_count", { simple: true })}`);
    for (let i = 0; i < 30; i++) full.record("t", exchange(`question ${i} ${"x".repeat(300)}`));
    expect(full.history("t")).toHaveLength(31);
    expect(full.history("t")[0]).toBe("first");
    expect(warnings.some((w) => /could not save thread history.*full/.test(w))).toBe(true);
  });
});

describe("index cache faults", () => {
  it("a write that fails silently inside hnswlib (disk full) is caught before a manifest vouches for it, and no temp file stays", async () => {
    const dir = await tempDir();
    const store = VectorStore.create("m", 8);
    store.add(Array.from({ length: 20 }, (_, i) => ({ key: String(i), vector: Float32Array.from({ length: 8 }, (_, j) => Math.sin(i * 8 + j)) })));
    // hnswlib's writer ignores ENOSPC: what a full disk leaves is the start of the file.
    store.writeGraph = (file: string) => {
      const full = `${file}.whole`;
      VectorStore.prototype.writeGraph.call(store, full);
      const bytes = readFileSync(full);
      writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
      rmSync(full);
    };
    await expect(saveVectorCache(dir, store)).rejects.toThrow(/did not write completely/);
    expect(await readdir(dir)).toEqual([]);
  });

  it("a cache folder that cannot be written: the brief is served from memory, with a warning", async () => {
    const root = await tempDir();
    await cp(DEFAULT_CORPUS_DIR, join(root, "corpus"), { recursive: true });
    await writeFile(join(root, "cache"), "a file where the cache folder should be");
    const warnings: string[] = [];
    const bot = await Briefbot.open({ corpusDir: join(root, "corpus"), cacheDir: join(root, "cache", "index"), embedder: await realEmbedder(), log: (m) => warnings.push(m) });
    expect(warnings).toEqual([expect.stringMatching(/Could not cache the index .* using it from memory/)]);
    expect((await bot.ask("How many Afghan migrants did Iran deport?")).answer).toContain("4,700");
  });

  it("a file over the size limit is skipped without being read (its size is checked first)", async () => {
    const dir = join(await tempDir(), "corpus");
    await mkdir(dir);
    await writeFile(join(dir, "brief.md"), "A short brief.\n");
    await writeFile(join(dir, "huge.txt"), "");
    await truncate(join(dir, "huge.txt"), 21 * 1024 * 1024); // sparse: no 21 MiB written or read
    const corpus = await loadCorpus(dir);
    expect(corpus.documents.map((d) => d.source)).toEqual(["brief.md"]);
    expect(corpus.skipped).toEqual([{ source: "huge.txt", reason: "larger than 20 MiB" }]);
    expect(existsSync(join(dir, "huge.txt"))).toBe(true);
  });
});
