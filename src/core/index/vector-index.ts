import { createHash } from "node:crypto";
import hnswlib from "hnswlib-node";
import { cosine } from "./embedder.js";
import { Projection } from "./projection.js";
import { VectorFile } from "./vector-file.js";

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

// A store read from disk holds its vector file open for reads, until a newer save replaces it or
// the store is garbage-collected (an older view may still be answering from it).
const closeWhenCollected = new FinalizationRegistry<VectorFile>((reader) => reader.close());

/**
 * How many candidates a projected graph gives for k asked: 3k + 300, re-ranked by exact similarity.
 * On real embeddings with many near-duplicates, recall@10 and @50 against exact search are 0.998
 * (2k + 100: 0.991; README "Benchmark").
 */
const shortlist = (k: number) => 3 * k + 300;

/**
 * Every vector ever embedded for a corpus, in one cosine HNSW graph labelled by slot. A slot
 * holds one distinct embedding input; slots no sentence uses any more are marked deleted (kept
 * as a cache, so an undo costs no embedding) until they outnumber the live ones.
 * Slots are never reused in place: a view made earlier may still map them to its own chunks.
 *
 * With a projection (the shipped model has one), the graph holds projected vectors and finds
 * candidates; the full vectors live in a vector file (VectorFile) once saved, and in memory
 * until then, and every similarity the store returns is exact.
 */
export class VectorStore {
  private readonly slotByKey = new Map<string, number>();
  private deletedCount = 0;
  /** Full vectors of the slots the last save wrote. */
  private vectorFile: VectorFile | null = null;
  /** Full vectors of slots added since the last save. */
  private readonly unsaved = new Map<number, Float32Array>();

  private constructor(
    private readonly hnsw: Hnsw,
    readonly model: string,
    readonly dimension: number,
    readonly projection: Projection | null,
    /** Slot to input key. */
    readonly keys: string[],
    /** 1 where the slot is marked deleted in the graph. */
    private deleted: Uint8Array,
  ) {
    keys.forEach((key, slot) => this.slotByKey.set(key, slot));
    for (let slot = 0; slot < keys.length; slot++) this.deletedCount += deleted[slot]!;
  }

  /** A new, empty store; `projection` defaults to the one shipped for `model` (none for others). */
  static create(model: string, dimension: number, capacity = 1024, projection = Projection.forModel(model, dimension)): VectorStore {
    const hnsw = new HierarchicalNSW("cosine", projection?.to ?? dimension);
    hnsw.initIndex({ maxElements: Math.max(1, capacity), m: HNSW_M, efConstruction: HNSW_EF_CONSTRUCTION, randomSeed: 100 });
    hnsw.setEf(HNSW_EF_SEARCH);
    return new VectorStore(hnsw, model, dimension, projection, [], new Uint8Array(Math.max(1, capacity)));
  }

  /** A store read back from disk: the graph file, the open vector file (the store reads from it from now on), and its slot keys and deleted flags. */
  static async fromFiles(graphFile: string, vectors: VectorFile, model: string, projection: Projection | null, keys: string[], deleted: Uint8Array): Promise<VectorStore> {
    if (vectors.count !== keys.length) throw new Error(`the vector file holds ${vectors.count} vectors, the slot list ${keys.length}`);
    const hnsw = new HierarchicalNSW("cosine", projection?.to ?? vectors.dimension);
    // Read on libuv's thread pool: start-up parses the other caches meanwhile.
    await hnsw.readIndex(graphFile);
    hnsw.setEf(HNSW_EF_SEARCH);
    if (hnsw.getCurrentCount() !== keys.length) throw new Error(`the index holds ${hnsw.getCurrentCount()} vectors, its slot list ${keys.length}`);
    const flags = new Uint8Array(Math.max(1, hnsw.getMaxElements(), keys.length));
    flags.set(deleted.subarray(0, keys.length));
    const store = new VectorStore(hnsw, model, vectors.dimension, projection, keys, flags);
    store.useFile(vectors);
    return store;
  }

  /** The dimension of the vectors in the graph (the projection's, else the model's). */
  get graphDimension(): number {
    return this.projection?.to ?? this.dimension;
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
      if (vector.length !== this.dimension) throw new Error(`a vector of ${vector.length} dimensions cannot join a store of ${this.dimension}`);
      const slot = this.keys.length;
      this.hnsw.addPoint(Array.from(this.projection ? this.projection.apply(vector) : vector), slot);
      this.unsaved.set(slot, vector);
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

  /** A new store holding only the live vectors (copied, never re-embedded). */
  compacted(): VectorStore {
    const live = this.keys.map((_, slot) => slot).filter((slot) => !this.deleted[slot]);
    const next = VectorStore.create(this.model, this.dimension, live.length, this.projection);
    next.add(live.map((slot) => ({ key: this.keys[slot]!, vector: this.point(slot) })));
    return next;
  }

  /** The k live slots most similar to a unit-length query, with exact cosine similarities, best first. */
  search(query: Float32Array, k: number): { slot: number; similarity: number }[] {
    const n = Math.min(k, this.liveCount, this.hnsw.getMaxElements());
    if (n <= 0) return [];
    if (!this.projection) {
      const { neighbors, distances } = this.hnsw.searchKnn(Array.from(query), n);
      return neighbors.map((slot, i) => ({ slot, similarity: 1 - distances[i]! }));
    }
    // The projected graph ranks roughly; a wider shortlist re-ranked on the full vectors ranks exactly.
    const wide = Math.min(shortlist(n), this.liveCount);
    this.hnsw.setEf(Math.max(HNSW_EF_SEARCH, wide));
    const { neighbors } = this.hnsw.searchKnn(Array.from(this.projection.apply(query)), wide);
    return neighbors
      .map((slot) => ({ slot, similarity: this.similarity(slot, query) }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, n);
  }

  /** Cosine similarity of a slot's vector to a unit-length query (both unit-length, so their dot product). */
  similarity(slot: number, query: Float32Array): number {
    const unsaved = this.unsaved.get(slot);
    if (unsaved) return cosine(query, unsaved);
    return this.vectorFile?.dot(slot, query) ?? cosine(query, this.point(slot));
  }

  /** The stored (unit-length) full vector of a slot, deleted ones included: an older view answering during a swap may still ask for a sentence just retired. */
  point(slot: number): Float32Array {
    const vector = this.unsaved.get(slot) ?? this.vectorFile?.read(slot);
    if (vector) return vector;
    throw new Error(`no vector is stored for slot ${slot}${this.vectorFile && !this.vectorFile.isOpen ? " (its vector file could not be read)" : ""}`);
  }

  /** Flags of the first `slotCount` slots, for persistence. */
  deletedFlags(): Uint8Array {
    return this.deleted.subarray(0, this.keys.length);
  }

  /**
   * How many points the HNSW file at `file` holds, read back with hnswlib: its writer ignores write
   * errors (a full disk leaves a truncated file), so a save is checked this way before its manifest.
   */
  static pointsInFile(file: string, graphDimension: number): number {
    const hnsw = new HierarchicalNSW("cosine", graphDimension);
    hnsw.readIndexSync(file);
    return hnsw.getCurrentCount();
  }

  writeGraph(file: string): void {
    this.hnsw.writeIndexSync(file);
  }

  /** Writes every slot's full vector to `file` (VectorFile's layout). */
  writeVectors(file: string): void {
    VectorFile.write(file, this.dimension, this.slotCount, (slot) => this.point(slot));
  }

  /**
   * Reads saved vectors from `reader` (the file a save just wrote) from now on, and lets the
   * in-memory copies of the slots it holds go. A file holding fewer slots than the current one (an
   * older save finishing late) is closed and ignored.
   */
  useSavedVectors(reader: VectorFile): void {
    if (reader.dimension !== this.dimension || reader.count > this.slotCount || (this.vectorFile?.isOpen && reader.count < this.vectorFile.count)) {
      reader.close();
      return;
    }
    this.useFile(reader);
    for (const slot of [...this.unsaved.keys()]) if (slot < reader.count) this.unsaved.delete(slot);
  }

  /** Whether saved vectors are read from a vector file (false for a store never saved). */
  get readsFromFile(): boolean {
    return this.vectorFile?.isOpen ?? false;
  }

  /** Full vectors held in memory because no save has written them yet. */
  get unsavedCount(): number {
    return this.unsaved.size;
  }

  private useFile(reader: VectorFile): void {
    if (this.vectorFile) {
      closeWhenCollected.unregister(this.vectorFile);
      this.vectorFile.close();
    }
    this.vectorFile = reader;
    // A store that is simply dropped closes its file when it is collected.
    closeWhenCollected.register(this, reader, reader);
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
