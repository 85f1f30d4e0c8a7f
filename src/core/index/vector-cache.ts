import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { z } from "zod";
import { checkGraphFile } from "./graph-file-check.js";
import { GraphFileVectors } from "./graph-file-vectors.js";
import { Projection } from "./projection.js";
import { VectorFile } from "./vector-file.js";
import { VectorStore } from "./vector-index.js";

/** Bump when the files below change shape, so an older cache is rebuilt instead of misread. */
export const CACHE_FORMAT = "slots-v3";

export interface CacheManifest {
  format: string;
  model: string;
  dimension: number;
  /** Slots in the graph, deleted ones included. */
  count: number;
  /** The projection the graph's vectors went through (projection.ts), or null when it holds full vectors. */
  projection: string | null;
  graphDimension: number;
  /** The files of this version (new names on every save, so a reader never pairs a new graph with old slots). */
  graphFile: string;
  vectorsFile: string;
  slotsFile: string;
  /** Sizes and sha256 of the files, taken after they were written: a load checks sizes (cheap), `verify: "full"` the hashes. */
  graphBytes: number;
  graphSha256: string;
  vectorsBytes: number;
  vectorsSha256: string;
  slotsBytes: number;
  slotsSha256: string;
  savedAt: string;
}

/** The fields of the older format's manifest a migration reads. */
const OldManifestSchema = z.object({
  model: z.string(),
  dimension: z.number().int().positive(),
  count: z.number().int().nonnegative(),
  graphFile: z.string().min(1),
  slotsFile: z.string().min(1),
  graphBytes: z.number().int().nonnegative(),
  slotsBytes: z.number().int().nonnegative(),
});

/** What a manifest must hold to be read at all: valid JSON of another shape is a damaged cache, rebuilt, not a crash. */
const ManifestSchema = z.object({
  format: z.string(),
  model: z.string(),
  dimension: z.number().int().positive(),
  count: z.number().int().nonnegative(),
  projection: z.string().nullable(),
  graphDimension: z.number().int().positive(),
  graphFile: z.string().min(1),
  vectorsFile: z.string().min(1),
  slotsFile: z.string().min(1),
  graphBytes: z.number().int().nonnegative(),
  graphSha256: z.string(),
  vectorsBytes: z.number().int().nonnegative(),
  vectorsSha256: z.string(),
  slotsBytes: z.number().int().nonnegative(),
  slotsSha256: z.string(),
  savedAt: z.string(),
});

export const MANIFEST_FILE = "manifest.json";
const KEY_BYTES = 16;

/** `regraphed`: the graph was rebuilt from cached vectors (an older format or another projection), not re-embedded; the store should be saved. */
export type CacheState = { status: "fresh"; store: VectorStore; regraphed?: string } | { status: "missing" | "stale" | "corrupt"; reason: string };

/** The format before vector files: the graph held the full vectors (read back with GraphFileVectors). */
const GRAPH_VECTORS_FORMAT = "slots-v2";

async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Slot keys (16 bytes each) followed by one deleted flag per slot. */
function encodeSlots(store: VectorStore): Buffer {
  const out = Buffer.alloc(store.slotCount * (KEY_BYTES + 1));
  store.keys.forEach((key, slot) => out.write(key, slot * KEY_BYTES, KEY_BYTES, "hex"));
  out.set(store.deletedFlags(), store.slotCount * KEY_BYTES);
  return out;
}

function decodeSlots(bytes: Buffer, count: number): { keys: string[]; deleted: Uint8Array } {
  const keys = new Array<string>(count);
  for (let slot = 0; slot < count; slot++) keys[slot] = bytes.toString("hex", slot * KEY_BYTES, (slot + 1) * KEY_BYTES);
  return { keys, deleted: new Uint8Array(bytes.subarray(count * KEY_BYTES, count * (KEY_BYTES + 1))) };
}

/** Flushes a file (or a folder's entries) to disk. */
async function syncFile(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function sizeOf(file: string): Promise<number | undefined> {
  return stat(file).then(
    (s) => s.size,
    () => undefined,
  );
}

/**
 * Opens the vector cache in `dir` when it was made by this model and its files are the ones its
 * manifest describes. The check is cheap (sizes; the graph's own count) unless `verify` is "full".
 */
export async function openVectorCache(dir: string, expected: Expected, verify: "sizes" | "full" = "sizes"): Promise<CacheState> {
  const state = await readVectorCache(dir, expected, verify);
  // Another process may have saved a newer version and removed these files between our reads: read once more.
  return state.status === "corrupt" && state.vanished ? readVectorCache(dir, expected, verify) : state;
}

/** What the cache must have been made for; `projection` defaults to the one shipped for the model. */
export interface Expected {
  model: string;
  dimension: number;
  projection?: Projection | null;
}

async function readVectorCache(dir: string, expected: Expected, verify: "sizes" | "full"): Promise<CacheState & { vanished?: boolean }> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(dir, MANIFEST_FILE), "utf8"));
  } catch (error) {
    // No file, or a path that is not a folder (then writing will fail too, and say so): nothing cached.
    if (["ENOENT", "ENOTDIR"].includes((error as NodeJS.ErrnoException).code ?? "")) return { status: "missing", reason: "no index built yet" };
    return { status: "corrupt", reason: "the index manifest is not valid JSON" };
  }
  const format = (raw as Partial<CacheManifest> | null)?.format;
  const projection = expected.projection === undefined ? Projection.forModel(expected.model, expected.dimension) : expected.projection;
  if (format === GRAPH_VECTORS_FORMAT) return migrateGraphVectors(dir, raw, expected, projection);
  if (format !== CACHE_FORMAT) return { status: "stale", reason: "the index was written by an older briefbot" };
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) return { status: "corrupt", reason: `the index manifest is damaged (${parsed.error.issues[0]?.path.join(".") || "shape"})` };
  const manifest: CacheManifest = parsed.data;
  if (manifest.model !== expected.model || manifest.dimension !== expected.dimension) return { status: "stale", reason: "the embedding model changed since the index was built" };
  const graphFile = join(dir, basename(manifest.graphFile));
  const vectorsFile = join(dir, basename(manifest.vectorsFile));
  const slotsFile = join(dir, basename(manifest.slotsFile));
  const [graphBytes, vectorsBytes, slotsBytes] = [await sizeOf(graphFile), await sizeOf(vectorsFile), await sizeOf(slotsFile)];
  if (graphBytes === undefined || vectorsBytes === undefined || slotsBytes === undefined) return { status: "corrupt", reason: "the index files named in the manifest are missing", vanished: true };
  if (graphBytes !== manifest.graphBytes || vectorsBytes !== manifest.vectorsBytes || slotsBytes !== manifest.slotsBytes) {
    return { status: "corrupt", reason: "the index files do not match the sizes in their manifest (checksum not verified)" };
  }
  if (vectorsBytes !== manifest.count * manifest.dimension * 4) return { status: "corrupt", reason: "the vector file does not hold one vector per slot" };
  if (
    verify === "full" &&
    ((await sha256File(graphFile)) !== manifest.graphSha256 || (await sha256File(vectorsFile)) !== manifest.vectorsSha256 || (await sha256File(slotsFile)) !== manifest.slotsSha256)
  ) {
    return { status: "corrupt", reason: "the index files do not match their manifest checksum" };
  }
  let slots: { keys: string[]; deleted: Uint8Array };
  try {
    slots = decodeSlots(await readFile(slotsFile), manifest.count);
  } catch (error) {
    return { status: "corrupt", reason: `the slot list could not be read (${(error as Error).message})` };
  }
  // Opened once: the graph is rebuilt from it, or it is checked and the store reads from it.
  const vectors = VectorFile.open(vectorsFile, manifest.dimension, manifest.count);
  let adopted = false;
  try {
    // Vectors made for another projection (or none) are still good: only the graph is built again.
    if (manifest.projection !== (projection?.id ?? null)) {
      if (!vectors) return { status: "corrupt", reason: "the vector file could not be read" };
      return regraph(manifest, projection, slots, (slot) => vectors.read(slot), "the index graph was made for another projection");
    }
    // hnswlib trusts the graph file, and a damaged link crashes the process: its structure is checked first.
    const damage = await checkGraphFile(graphFile, manifest.count, manifest.graphDimension);
    if (damage) return { status: "corrupt", reason: `the index graph is damaged (${damage})` };
    const vectorDamage = vectors ? vectors.damage() : "it could not be read";
    if (vectorDamage || !vectors) return { status: "corrupt", reason: `the vector file is damaged (${vectorDamage})` };
    try {
      const store = await VectorStore.fromFiles(graphFile, vectors, manifest.model, projection, slots.keys, slots.deleted);
      adopted = true;
      return { status: "fresh", store };
    } catch (error) {
      return { status: "corrupt", reason: `hnswlib could not read the index (${(error as Error).message})` };
    }
  } finally {
    if (!adopted) vectors?.close();
  }
}

/** A store holding `read(slot)` for every slot, deleted flags kept: the graph rebuilt, nothing re-embedded. */
function regraph(
  manifest: { model: string; dimension: number; count: number },
  projection: Projection | null,
  slots: { keys: string[]; deleted: Uint8Array },
  read: (slot: number) => Float32Array | null,
  why: string,
): CacheState {
  const store = VectorStore.create(manifest.model, manifest.dimension, Math.max(1, manifest.count), projection);
  for (let slot = 0; slot < manifest.count; slot++) {
    const vector = read(slot);
    if (!vector) return { status: "corrupt", reason: `${why}, and its vector ${slot} could not be read` };
    if (store.add([{ key: slots.keys[slot]!, vector }])[0] !== slot) return { status: "corrupt", reason: `${why}, and its slot list names one sentence twice` };
  }
  const live = new Set<number>();
  for (let slot = 0; slot < manifest.count; slot++) if (!slots.deleted[slot]) live.add(slot);
  store.retain(live);
  return { status: "fresh", store, regraphed: why };
}

/** A cache of the format before vector files: its graph holds the full vectors, read back to build the new files without re-embedding. */
async function migrateGraphVectors(dir: string, raw: unknown, expected: Expected, projection: Projection | null): Promise<CacheState> {
  const parsed = OldManifestSchema.safeParse(raw);
  if (!parsed.success) return { status: "stale", reason: "the index was written by an older briefbot" };
  const old = parsed.data;
  if (old.model !== expected.model || old.dimension !== expected.dimension) return { status: "stale", reason: "the embedding model changed since the index was built" };
  const graphFile = join(dir, basename(old.graphFile));
  const slotsFile = join(dir, basename(old.slotsFile));
  if ((await sizeOf(graphFile)) !== old.graphBytes || (await sizeOf(slotsFile)) !== old.slotsBytes) return { status: "stale", reason: "the older index's files do not match its manifest" };
  const reader = GraphFileVectors.open(graphFile, old.dimension, old.count);
  if (!reader) return { status: "stale", reason: "the older index's graph could not be read" };
  try {
    const slots = decodeSlots(await readFile(slotsFile), old.count);
    return regraph(old, projection, slots, (slot) => reader.read(slot), "the index was written by an older briefbot (its vectors are kept)");
  } catch (error) {
    return { status: "stale", reason: `the older index could not be read (${(error as Error).message})` };
  } finally {
    reader.close();
  }
}

/** The files an existing manifest points at (none if it is missing or unreadable). */
async function filesNamedBy(manifestFile: string): Promise<string[]> {
  try {
    const old = JSON.parse(await readFile(manifestFile, "utf8")) as Partial<CacheManifest>;
    return [old.graphFile, old.vectorsFile, old.slotsFile].filter((f): f is string => typeof f === "string").map((f) => basename(f));
  } catch {
    return [];
  }
}

/** Files of any version of the cache, this format's and older ones'. */
const VERSION_FILE = /^(graph-.*\.hnsw|vectors-.*\.(hnsw|f32)|slots-.*\.bin|vectors\.hnsw|slots\.bin)$/;

/**
 * Writes a new graph, vector and slots file under fresh names, checks and hashes what is on disk,
 * then points the manifest at them with one rename, and only then removes the files it replaced.
 * A reader (or a crash) at any moment sees the old complete version or the new one, never a mix.
 */
export async function saveVectorCache(dir: string, store: VectorStore): Promise<void> {
  await mkdir(dir, { recursive: true });
  const version = `${Date.now().toString(36)}-${process.pid}-${randomBytes(3).toString("hex")}`;
  const graphFile = `graph-${version}.hnsw`;
  const vectorsFile = `vectors-${version}.f32`;
  const slotsFile = `slots-${version}.bin`;
  const tmpManifest = join(dir, `${MANIFEST_FILE}.${version}.tmp`);
  const files = [graphFile, vectorsFile, slotsFile];
  let replaced: string[] = [];
  let saved: VectorFile | null = null;
  let committed = false;
  try {
    // Both written synchronously, back to back: they hold the same slots.
    store.writeGraph(join(dir, graphFile));
    store.writeVectors(join(dir, vectorsFile));
    let written = -1;
    try {
      written = VectorStore.pointsInFile(join(dir, graphFile), store.graphDimension);
    } catch {
      // An unreadable file is as incomplete as a short one.
    }
    if (written !== store.slotCount) throw new Error(`the index file did not write completely (${written < 0 ? "unreadable" : `${written} of ${store.slotCount} points`}); is the disk full?`);
    saved = VectorFile.open(join(dir, vectorsFile), store.dimension, written);
    if (!saved) throw new Error("the vector file did not write completely; is the disk full?");
    await writeFile(join(dir, slotsFile), encodeSlots(store));
    // Every file on disk before the manifest names it (hnswlib's writer does not sync; the vector file syncs itself).
    await Promise.all([graphFile, slotsFile].map((name) => syncFile(join(dir, name))));
    const manifest: CacheManifest = {
      format: CACHE_FORMAT,
      model: store.model,
      dimension: store.dimension,
      count: store.slotCount,
      projection: store.projection?.id ?? null,
      graphDimension: store.graphDimension,
      graphFile,
      vectorsFile,
      slotsFile,
      graphBytes: (await stat(join(dir, graphFile))).size,
      graphSha256: await sha256File(join(dir, graphFile)),
      vectorsBytes: (await stat(join(dir, vectorsFile))).size,
      vectorsSha256: await sha256File(join(dir, vectorsFile)),
      slotsBytes: (await stat(join(dir, slotsFile))).size,
      slotsSha256: await sha256File(join(dir, slotsFile)),
      savedAt: new Date().toISOString(),
    };
    if (manifest.graphBytes === 0) throw new Error("hnswlib wrote an empty index file");
    replaced = await filesNamedBy(join(dir, MANIFEST_FILE));
    await writeFile(tmpManifest, JSON.stringify(manifest, null, 2));
    await syncFile(tmpManifest);
    await rename(tmpManifest, join(dir, MANIFEST_FILE));
    // From here on the new files are the cache: nothing below may remove them.
    committed = true;
    store.useSavedVectors(saved);
    await syncFile(dir).catch(() => {});
  } catch (error) {
    if (!committed) {
      saved?.close();
      await Promise.all(files.map((name) => rm(join(dir, name), { force: true })));
      throw error;
    }
  } finally {
    await rm(tmpManifest, { force: true });
  }
  // The version replaced goes now; leftovers of an interrupted save once they are an hour old
  // (a younger one may be another process's save in progress).
  const current = new Set(files);
  for (const name of await readdir(dir)) {
    if (current.has(name) || !VERSION_FILE.test(name)) continue;
    const stale = replaced.includes(name) || name === "vectors.hnsw" || name === "slots.bin" || Date.now() - (await stat(join(dir, name)).then((s) => s.mtimeMs, () => Date.now())) > 3_600_000;
    if (stale) await rm(join(dir, name), { force: true });
  }
}
