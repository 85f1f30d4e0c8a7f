import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalize } from "../src/core/index/embedder.js";
import { openVectorCache, saveVectorCache } from "../src/core/index/vector-cache.js";
import { GraphFileVectors } from "../src/core/index/graph-file-vectors.js";
import { inputKey, VectorIndex, VectorStore } from "../src/core/index/vector-index.js";
import { tempDir } from "./helpers/bot.js";

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

  it("reads stored vectors from the graph file it was loaded from, exactly as hnswlib holds them", async () => {
    const dir = await tempDir();
    const file = join(dir, "graph.hnsw");
    const store = VectorStore.create("m", 8, 4);
    store.add(Array.from({ length: 6 }, (_, i) => ({ key: `k${i}`, vector: axis(i) })));
    store.retain(new Set([0, 1, 2, 3, 5]));
    store.writeGraph(file);
    const keys = Array.from({ length: 6 }, (_, i) => `k${i}`);
    const loaded = await VectorStore.fromFile(file, "m", 8, keys, Uint8Array.from([0, 0, 0, 0, 1, 0]));
    expect(loaded.readsFromFile).toBe(true);
    const reader = GraphFileVectors.open(file, 8, 6)!;
    expect(reader).not.toBeNull();
    for (let slot = 0; slot < 6; slot++) {
      expect(Array.from(reader.read(slot)!)).toEqual(Array.from(store.point(slot)));
      expect(reader.dot(slot, axis(1))).toBeCloseTo(Array.from(store.point(slot)).reduce((sum, x, i) => sum + x * axis(1)[i]!, 0), 6);
      expect(loaded.similarity(slot, axis(1))).toBeCloseTo(reader.dot(slot, axis(1))!, 6);
      expect(Array.from(loaded.point(slot))).toEqual(Array.from(store.point(slot)));
    }
    // A slot added after the save is not in the file: the store reads it from the graph instead.
    expect(reader.read(6)).toBeNull();
    loaded.add([{ key: "k6", vector: axis(6) }]);
    expect(Array.from(loaded.point(6))).toEqual(Array.from(axis(6)).map((x) => Math.fround(x)));
    // A file of another shape is refused rather than misread.
    expect(GraphFileVectors.open(file, 16, 6)).toBeNull();
    expect(GraphFileVectors.open(file, 4, 6)).toBeNull();
    expect(GraphFileVectors.open(file, 8, 5)).toBeNull();
    await writeFile(join(dir, "junk.hnsw"), "not a graph");
    expect(GraphFileVectors.open(join(dir, "junk.hnsw"), 8, 6)).toBeNull();
    reader.close();
    // After a save the store reads from the file it wrote, new slots included.
    const saved = join(dir, "saved.hnsw");
    loaded.writeGraph(saved);
    loaded.readVectorsFrom(saved, loaded.slotCount);
    expect(loaded.readsFromFile).toBe(true);
    const savedReader = GraphFileVectors.open(saved, 8, 7)!;
    expect(savedReader.read(6)).not.toBeNull();
    savedReader.close();
    expect(savedReader.isOpen).toBe(false);
    expect(Array.from(loaded.point(6))).toEqual(Array.from(axis(6)).map((x) => Math.fround(x)));
    // Once its file is closed (a store replaced by its compacted copy) it still answers, from the graph.
    loaded.closeFile();
    expect(loaded.readsFromFile).toBe(false);
    expect(Array.from(loaded.point(2))).toEqual(Array.from(store.point(2)));
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
    const graph = join(dir, (await readdir(dir)).find((f) => f.endsWith(".hnsw"))!);
    await writeFile(graph, (await readFile(graph)).subarray(0, 100));
    expect(await openVectorCache(dir, { model: "m", dimension: 8 })).toMatchObject({ status: "corrupt", reason: expect.stringMatching(/sizes/) });
  });
});
