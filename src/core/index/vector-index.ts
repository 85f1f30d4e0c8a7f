import { createHash } from "node:crypto";
import hnswlib from "hnswlib-node";
import { cosine } from "./embedder.js";
import { GraphFileVectors } from "./graph-file-vectors.js";

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

export interface Neighbour {
  id: number;
  similarity: number;
}

/** HNSW parameters: M=16, efConstruction=200, ef=200 keep recall@10 >= 0.99 at 50k embedding-like chunks (see `npm run bench`). */
export const HNSW_M = 16;
export const HNSW_EF_CONSTRUCTION = 200;
export const HNSW_EF_SEARCH = 200;

/**
 * Names a vector by what was embedded and by which model: 128 bits of sha256 over both. A
 * sentence whose embedding input (context header included) changes gets a new key, so it is
 * re-embedded; everything else is reused.
 */
export function inputKey(model: string, input: string): string {
  return createHash("sha256").update(model).update("\0").update(input).digest("hex").slice(0, 32);
}

// A store read from disk holds its graph file open for vector reads, until it is replaced (closeFile, a
// newer save) or the store is garbage-collected.
const closeWhenCollected = new FinalizationRegistry<GraphFileVectors>((reader) => reader.close());

/**
 * Every vector ever embedded for a corpus, in one cosine HNSW graph labelled by slot. A slot
 * holds one distinct embedding input; slots no sentence uses any more are marked deleted (kept
 * as a cache, so an undo costs no embedding) until they outnumber the live ones.
 * Slots are never reused in place: a view made earlier may still map them to its own chunks.
 */
export class VectorStore {
  private readonly slotByKey = new Map<string, number>();
  private deletedCount = 0;
  /** The graph file this store was read from, for fast vector reads (see GraphFileVectors). */
  private fileVectors: GraphFileVectors | null = null;

  private constructor(
    private readonly hnsw: Hnsw,
    readonly model: string,
    readonly dimension: number,
    /** Slot to input key. */
    readonly keys: string[],
    /** 1 where the slot is marked deleted in the graph. */
    private deleted: Uint8Array,
  ) {
    keys.forEach((key, slot) => this.slotByKey.set(key, slot));
    for (let slot = 0; slot < keys.length; slot++) this.deletedCount += deleted[slot]!;
  }

  static create(model: string, dimension: number, capacity = 1024): VectorStore {
    const hnsw = new HierarchicalNSW("cosine", dimension);
    hnsw.initIndex({ maxElements: Math.max(1, capacity), m: HNSW_M, efConstruction: HNSW_EF_CONSTRUCTION, randomSeed: 100 });
    hnsw.setEf(HNSW_EF_SEARCH);
    return new VectorStore(hnsw, model, dimension, [], new Uint8Array(Math.max(1, capacity)));
  }

  /** A store read back from disk: the graph file plus its slot keys and deleted flags. */
  static async fromFile(file: string, model: string, dimension: number, keys: string[], deleted: Uint8Array): Promise<VectorStore> {
    const hnsw = new HierarchicalNSW("cosine", dimension);
    // Read on libuv's thread pool: start-up parses the other caches meanwhile.
    await hnsw.readIndex(file);
    hnsw.setEf(HNSW_EF_SEARCH);
    if (hnsw.getCurrentCount() !== keys.length) throw new Error(`the index holds ${hnsw.getCurrentCount()} vectors, its slot list ${keys.length}`);
    const flags = new Uint8Array(Math.max(1, hnsw.getMaxElements(), keys.length));
    flags.set(deleted.subarray(0, keys.length));
    const store = new VectorStore(hnsw, model, dimension, keys, flags);
    store.useFile(GraphFileVectors.open(file, dimension, keys.length));
    return store;
  }

  /** Slots in the graph, deleted ones included. */
  get slotCount(): number {
    return this.keys.length;
  }

  get liveCount(): number {
    return this.keys.length - this.deletedCount;
  }

  get deletedSlots(): number {
    return this.deletedCount;
  }

  slot(key: string): number | undefined {
    return this.slotByKey.get(key);
  }

  isDeleted(slot: number): boolean {
    return this.deleted[slot] === 1;
  }

  /** Adds vectors for new keys, growing the graph (doubling) as needed. Returns their slots. */
  add(entries: { key: string; vector: Float32Array }[]): number[] {
    const needed = this.keys.length + entries.length;
    if (needed > this.hnsw.getMaxElements()) {
      const capacity = Math.max(needed, this.hnsw.getMaxElements() * 2);
      this.hnsw.resizeIndex(capacity);
      const grown = new Uint8Array(capacity);
      grown.set(this.deleted);
      this.deleted = grown;
    }
    return entries.map(({ key, vector }) => {
      const existing = this.slotByKey.get(key);
      if (existing !== undefined) return existing;
      const slot = this.keys.length;
      this.hnsw.addPoint(Array.from(vector), slot);
      this.keys.push(key);
      this.slotByKey.set(key, slot);
      return slot;
    });
  }

  /** Makes exactly `live` searchable: deleted slots in it come back, live slots outside it are marked deleted. */
  retain(live: Set<number>): { revived: number; retired: number } {
    let revived = 0;
    let retired = 0;
    for (let slot = 0; slot < this.keys.length; slot++) {
      const wanted = live.has(slot);
      if (wanted && this.deleted[slot]) {
        this.hnsw.unmarkDelete(slot);
        this.deleted[slot] = 0;
        this.deletedCount--;
        revived++;
      } else if (!wanted && !this.deleted[slot]) {
        this.hnsw.markDelete(slot);
        this.deleted[slot] = 1;
        this.deletedCount++;
        retired++;
      }
    }
    return { revived, retired };
  }

  /** A new store holding only the live vectors (copied from the graph, never re-embedded). */
  compacted(): VectorStore {
    const live = this.keys.map((_, slot) => slot).filter((slot) => !this.deleted[slot]);
    const next = VectorStore.create(this.model, this.dimension, live.length);
    next.add(live.map((slot) => ({ key: this.keys[slot]!, vector: this.point(slot) })));
    return next;
  }

  search(query: Float32Array, k: number): { slot: number; similarity: number }[] {
    const n = Math.min(k, this.liveCount, this.hnsw.getMaxElements());
    if (n <= 0) return [];
    const { neighbors, distances } = this.hnsw.searchKnn(Array.from(query), n);
    return neighbors.map((slot, i) => ({ slot, similarity: 1 - distances[i]! }));
  }

  /**
   * The stored (unit-length) vector of a slot, deleted ones included: an older view answering
   * during a swap may still ask for a sentence just retired. hnswlib refuses deleted labels, so
   * the mark is lifted and restored around the read (synchronously: no search sees it lifted).
   */
  /** Cosine similarity of a slot's vector to a unit-length query (both unit-length, so their dot product). */
  similarity(slot: number, query: Float32Array): number {
    return this.fileVectors?.dot(slot, query) ?? cosine(query, this.point(slot));
  }

  point(slot: number): Float32Array {
    const fromFile = this.fileVectors?.read(slot);
    if (fromFile) return fromFile;
    if (!this.deleted[slot]) return Float32Array.from(this.hnsw.getPoint(slot));
    this.hnsw.unmarkDelete(slot);
    try {
      return Float32Array.from(this.hnsw.getPoint(slot));
    } finally {
      this.hnsw.markDelete(slot);
    }
  }

  /** Flags of the first `slotCount` slots, for persistence. */
  deletedFlags(): Uint8Array {
    return this.deleted.subarray(0, this.keys.length);
  }

  /**
   * How many points the HNSW file at `file` holds, read back with hnswlib: its writer ignores write
   * errors (a full disk leaves a truncated file), so a save is checked this way before its manifest.
   */
  static pointsInFile(file: string, dimension: number): number {
    const hnsw = new HierarchicalNSW("cosine", dimension);
    hnsw.readIndexSync(file);
    return hnsw.getCurrentCount();
  }

  writeGraph(file: string): void {
    this.hnsw.writeIndexSync(file);
  }

  /** Reads vectors from a graph file of this store's first `count` slots from now on (the one it just saved). */
  readVectorsFrom(file: string, count: number): void {
    const next = GraphFileVectors.open(file, this.dimension, count);
    if (next) this.useFile(next);
  }

  /** Whether vectors are read from a graph file (see GraphFileVectors) rather than through hnswlib. */
  get readsFromFile(): boolean {
    return this.fileVectors?.isOpen ?? false;
  }

  /** Stops reading vectors from the graph file (a store replaced by its compacted copy); hnswlib still answers. */
  closeFile(): void {
    this.useFile(null);
  }

  private useFile(reader: GraphFileVectors | null): void {
    if (this.fileVectors) {
      closeWhenCollected.unregister(this.fileVectors);
      this.fileVectors.close();
    }
    this.fileVectors = reader;
    // A store that is simply dropped closes its file when it is collected.
    if (reader) closeWhenCollected.register(this, reader, reader);
  }
}

/**
 * The search index one loaded corpus answers from: chunk ids over a shared `VectorStore`.
 * Several chunks may share a slot (the same sentence twice); slots added after this view was
 * made belong to a newer corpus and are ignored.
 */
export class VectorIndex {
  /** First chunk of each slot (-1: none), then the next chunk sharing it: a linked list in two arrays. */
  private readonly firstChunk: Int32Array;
  private readonly nextChunk: Int32Array;

  constructor(
    readonly store: VectorStore,
    /** Chunk id to slot. */
    private readonly chunkSlots: Int32Array,
  ) {
    this.firstChunk = new Int32Array(store.slotCount).fill(-1);
    this.nextChunk = new Int32Array(chunkSlots.length).fill(-1);
    for (let id = chunkSlots.length - 1; id >= 0; id--) {
      const slot = chunkSlots[id]!;
      this.nextChunk[id] = this.firstChunk[slot]!;
      this.firstChunk[slot] = id;
    }
  }

  /** A standalone index over `vectors`, chunk i in slot i (benchmarks and tests). */
  static build(vectors: Float32Array[], dimension: number): VectorIndex {
    const store = VectorStore.create("vectors", dimension, vectors.length);
    const slots = store.add(vectors.map((vector, i) => ({ key: String(i), vector })));
    return new VectorIndex(store, Int32Array.from(slots));
  }

  get dimension(): number {
    return this.store.dimension;
  }

  get size(): number {
    return this.chunkSlots.length;
  }

  search(query: Float32Array, k: number): Neighbour[] {
    const out: Neighbour[] = [];
    for (const hit of this.store.search(query, k)) {
      if (hit.slot >= this.firstChunk.length) continue;
      for (let id = this.firstChunk[hit.slot]!; id !== -1 && out.length < k; id = this.nextChunk[id]!) out.push({ id, similarity: hit.similarity });
    }
    return out;
  }

  /** The stored (unit-length) vector of a chunk. */
  vector(id: number): Float32Array {
    return this.store.point(this.chunkSlots[id]!);
  }

  /** Cosine similarity of a chunk's stored vector to a unit-length query, without copying the vector out. */
  similarity(id: number, query: Float32Array): number {
    return this.store.similarity(this.chunkSlots[id]!, query);
  }
}
