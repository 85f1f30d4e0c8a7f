import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import hnswlib from "hnswlib-node";

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

export interface IndexManifest {
  corpusHash: string;
  model: string;
  dimension: number;
  chunkerVersion: string;
  count: number;
  /** sha256 of the index file, so a truncated or corrupt file is caught before hnswlib reads it. */
  indexSha256: string;
  builtAt: string;
}

export interface Neighbour {
  id: number;
  similarity: number;
}

/** HNSW parameters: M=16, efConstruction=200, ef=200 keep recall@10 >= 0.99 at 50k embedding-like chunks (see `npm run bench`). */
export const HNSW_M = 16;
export const HNSW_EF_CONSTRUCTION = 200;
export const HNSW_EF_SEARCH = 200;

/** Cosine-space HNSW over unit vectors, labelled by chunk id. */
export class VectorIndex {
  private constructor(
    private readonly hnsw: Hnsw,
    readonly dimension: number,
  ) {}

  static build(vectors: Float32Array[], dimension: number): VectorIndex {
    const hnsw = new HierarchicalNSW("cosine", dimension);
    hnsw.initIndex({ maxElements: Math.max(1, vectors.length), m: HNSW_M, efConstruction: HNSW_EF_CONSTRUCTION, randomSeed: 100 });
    vectors.forEach((v, id) => hnsw.addPoint(Array.from(v), id));
    hnsw.setEf(HNSW_EF_SEARCH);
    return new VectorIndex(hnsw, dimension);
  }

  static read(file: string, dimension: number): VectorIndex {
    const hnsw = new HierarchicalNSW("cosine", dimension);
    hnsw.readIndexSync(file);
    hnsw.setEf(HNSW_EF_SEARCH);
    return new VectorIndex(hnsw, dimension);
  }

  get size(): number {
    return this.hnsw.getCurrentCount();
  }

  search(query: Float32Array, k: number): Neighbour[] {
    const n = Math.min(k, this.size);
    if (n === 0) return [];
    const { neighbors, distances } = this.hnsw.searchKnn(Array.from(query), n);
    return neighbors.map((id, i) => ({ id, similarity: 1 - distances[i]! }));
  }

  /** The stored (unit-length) vector of a chunk. */
  vector(id: number): Float32Array {
    return Float32Array.from(this.hnsw.getPoint(id));
  }

  write(file: string): void {
    this.hnsw.writeIndexSync(file);
  }
}

export type CacheState = { status: "fresh"; index: VectorIndex } | { status: "missing" | "stale" | "corrupt"; reason: string };

const INDEX_FILE = "vectors.hnsw";
const MANIFEST_FILE = "manifest.json";

async function sha256File(file: string): Promise<string> {
  return createHash("sha256").update(await readFile(file)).digest("hex");
}

/**
 * Opens the cached index in `dir` if and only if its manifest matches what we would build now
 * (same corpus, model, dimension and chunker) and its file hash checks out.
 */
export async function openCachedIndex(dir: string, expected: Omit<IndexManifest, "indexSha256" | "builtAt" | "count">): Promise<CacheState> {
  const manifestFile = join(dir, MANIFEST_FILE);
  const indexFile = join(dir, INDEX_FILE);
  if (!existsSync(manifestFile) || !existsSync(indexFile)) return { status: "missing", reason: "no index built yet" };
  let manifest: IndexManifest;
  try {
    manifest = JSON.parse(await readFile(manifestFile, "utf8")) as IndexManifest;
  } catch {
    return { status: "corrupt", reason: "the index manifest is not valid JSON" };
  }
  for (const key of ["corpusHash", "model", "dimension", "chunkerVersion"] as const) {
    if (manifest[key] !== expected[key]) return { status: "stale", reason: `${key} changed since the index was built` };
  }
  if ((await sha256File(indexFile)) !== manifest.indexSha256) {
    return { status: "corrupt", reason: "the index file does not match its manifest checksum" };
  }
  try {
    const index = VectorIndex.read(indexFile, expected.dimension);
    if (index.size !== manifest.count) return { status: "corrupt", reason: "the index holds the wrong number of vectors" };
    return { status: "fresh", index };
  } catch (error) {
    return { status: "corrupt", reason: `hnswlib could not read the index (${(error as Error).message})` };
  }
}

/**
 * Writes index then manifest, each through a temp file + rename, so a crash never leaves a half-written
 * pair that looks valid. hnswlib's writer ignores write errors (a full disk gives a truncated file), so
 * the written file is read back and checked before any manifest vouches for it. Temp files never stay.
 */
export async function saveIndex(dir: string, index: VectorIndex, manifest: Omit<IndexManifest, "indexSha256" | "builtAt" | "count">): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tmpIndex = join(dir, `${INDEX_FILE}.${process.pid}.tmp`);
  const tmpManifest = join(dir, `${MANIFEST_FILE}.${process.pid}.tmp`);
  try {
    index.write(tmpIndex);
    let written: VectorIndex;
    try {
      written = VectorIndex.read(tmpIndex, index.dimension);
    } catch (error) {
      throw new Error(`the index file did not write completely (disk full?): ${(error as Error).message}`);
    }
    if (written.size !== index.size) throw new Error(`the written index holds ${written.size} of ${index.size} vectors (disk full?)`);
    const full: IndexManifest = { ...manifest, count: index.size, indexSha256: await sha256File(tmpIndex), builtAt: new Date().toISOString() };
    await rename(tmpIndex, join(dir, INDEX_FILE));
    await writeFile(tmpManifest, JSON.stringify(full, null, 2));
    await rename(tmpManifest, join(dir, MANIFEST_FILE));
  } finally {
    await Promise.all([rm(tmpIndex, { force: true }), rm(tmpManifest, { force: true })]);
  }
}
