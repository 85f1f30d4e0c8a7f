import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { VectorStore } from "./vector-index.js";

/** Bump when the files below change shape, so an older cache is rebuilt instead of misread. */
export const CACHE_FORMAT = "slots-v1";

export interface CacheManifest {
  format: string;
  model: string;
  dimension: number;
  /** Slots in the graph, deleted ones included. */
  count: number;
  /** Sizes and sha256 of both files, taken after they were written: a load checks sizes (cheap), `verify: "full"` the hashes. */
  graphBytes: number;
  graphSha256: string;
  slotsBytes: number;
  slotsSha256: string;
  savedAt: string;
}

export const GRAPH_FILE = "vectors.hnsw";
export const SLOTS_FILE = "slots.bin";
export const MANIFEST_FILE = "manifest.json";
const KEY_BYTES = 16;

export type CacheState = { status: "fresh"; store: VectorStore } | { status: "missing" | "stale" | "corrupt"; reason: string };

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
export async function openVectorCache(dir: string, expected: { model: string; dimension: number }, verify: "sizes" | "full" = "sizes"): Promise<CacheState> {
  let manifest: CacheManifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), "utf8")) as CacheManifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { status: "missing", reason: "no index built yet" };
    return { status: "corrupt", reason: "the index manifest is not valid JSON" };
  }
  if (manifest.format !== CACHE_FORMAT) return { status: "stale", reason: "the index was written by an older briefbot" };
  if (manifest.model !== expected.model || manifest.dimension !== expected.dimension) return { status: "stale", reason: "the embedding model changed since the index was built" };
  const graphFile = join(dir, GRAPH_FILE);
  const slotsFile = join(dir, SLOTS_FILE);
  if ((await sizeOf(graphFile)) !== manifest.graphBytes || (await sizeOf(slotsFile)) !== manifest.slotsBytes) {
    return { status: "corrupt", reason: "the index files do not match the sizes in their manifest (checksum not verified)" };
  }
  if (verify === "full" && ((await sha256File(graphFile)) !== manifest.graphSha256 || (await sha256File(slotsFile)) !== manifest.slotsSha256)) {
    return { status: "corrupt", reason: "the index files do not match their manifest checksum" };
  }
  try {
    const { keys, deleted } = decodeSlots(await readFile(slotsFile), manifest.count);
    return { status: "fresh", store: VectorStore.fromFile(graphFile, manifest.model, manifest.dimension, keys, deleted) };
  } catch (error) {
    return { status: "corrupt", reason: `hnswlib could not read the index (${(error as Error).message})` };
  }
}

/**
 * Writes graph, slots, then manifest, each through a temp file + rename; the manifest records
 * sizes and hashes of what is on disk, so a crash or a truncated file is caught on the next load.
 */
export async function saveVectorCache(dir: string, store: VectorStore): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tmp = (name: string) => join(dir, `${name}.${process.pid}.tmp`);
  try {
    store.writeGraph(tmp(GRAPH_FILE));
    await writeFile(tmp(SLOTS_FILE), encodeSlots(store));
    const manifest: CacheManifest = {
      format: CACHE_FORMAT,
      model: store.model,
      dimension: store.dimension,
      count: store.slotCount,
      graphBytes: (await stat(tmp(GRAPH_FILE))).size,
      graphSha256: await sha256File(tmp(GRAPH_FILE)),
      slotsBytes: (await stat(tmp(SLOTS_FILE))).size,
      slotsSha256: await sha256File(tmp(SLOTS_FILE)),
      savedAt: new Date().toISOString(),
    };
    // The old manifest goes first: between the renames no manifest describes a half-replaced pair.
    await rm(join(dir, MANIFEST_FILE), { force: true });
    await rename(tmp(GRAPH_FILE), join(dir, GRAPH_FILE));
    await rename(tmp(SLOTS_FILE), join(dir, SLOTS_FILE));
    await writeFile(tmp(MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    await rename(tmp(MANIFEST_FILE), join(dir, MANIFEST_FILE));
  } finally {
    await Promise.all([GRAPH_FILE, SLOTS_FILE, MANIFEST_FILE].map((name) => rm(tmp(name), { force: true })));
  }
}
