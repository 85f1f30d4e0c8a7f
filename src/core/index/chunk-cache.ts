import { createHash } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Chunk, CHUNKER_VERSION, chunkDocuments, embeddingInput, type Paragraph } from "../ingest/chunker.js";
import type { SourceDocument } from "../ingest/corpus.js";
import { inputKey } from "./vector-index.js";

/** One file's chunking, stored without texts (they are slices of the file) or global ids. */
interface FileRecord {
  sha256: string;
  paragraphs: Omit<Paragraph, "text" | "source">[];
  chunks: Omit<Chunk, "text" | "source" | "id">[];
  /** Vector-cache key of each chunk's embedding input. */
  keys: string[];
}

interface SavedChunkCache {
  chunkerVersion: string;
  model: string;
  files: Record<string, FileRecord>;
}

export const CHUNKS_FILE = "chunks.json";

const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
const isSpan = (x: { start?: unknown; end?: unknown }) => isCount(x.start) && isCount(x.end) && x.start <= x.end;

/**
 * Whether a saved file record has the shape this reader needs. Checked by hand, not with a schema
 * library: a schema's parse copies all 50,000 chunks of a large corpus and raised the serving
 * process's peak memory by ~30 MB.
 */
function isFileRecord(r: Partial<FileRecord> | null | undefined): r is FileRecord {
  if (!r || typeof r.sha256 !== "string" || !Array.isArray(r.paragraphs) || !Array.isArray(r.chunks) || !Array.isArray(r.keys)) return false;
  if (r.keys.length !== r.chunks.length || !r.keys.every((k) => typeof k === "string")) return false;
  const blocks = r.paragraphs.length;
  return (
    r.paragraphs.every((p) => p && isSpan(p) && isCount(p.bodyStart) && Array.isArray(p.headings) && typeof p.kind === "string") &&
    r.chunks.every((c) => c && isSpan(c) && isCount(c.block) && c.block < blocks && typeof c.context === "string" && typeof c.kind === "string")
  );
}

export interface ChunkedWithKeys {
  paragraphs: Paragraph[];
  chunks: Chunk[];
  keys: string[];
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * Per-file chunking and embedding keys, so a restart or a refresh re-splits and re-hashes only
 * the files whose text changed. Keyed by the file's content hash, the chunker version and the model.
 */
export class ChunkCache {
  private constructor(
    private readonly model: string,
    private readonly files: Map<string, FileRecord>,
  ) {}

  static empty(model: string): ChunkCache {
    return new ChunkCache(model, new Map());
  }

  /** The saved cache in `dir`, or an empty one when there is none or it was made by another chunker or model. */
  static async load(dir: string, model: string): Promise<ChunkCache> {
    try {
      const saved = JSON.parse(await readFile(join(dir, CHUNKS_FILE), "utf8")) as SavedChunkCache;
      if (saved.chunkerVersion !== CHUNKER_VERSION || saved.model !== model) return ChunkCache.empty(model);
      // A record of another shape, or one whose offsets do not fit its file, is dropped: that file is split again.
      const files = Object.entries(saved.files ?? {}).filter(([, record]) => isFileRecord(record));
      return new ChunkCache(model, new Map(files));
    } catch {
      return ChunkCache.empty(model);
    }
  }

  /** Chunks `documents` (ids in document order), reusing every unchanged file's record; returns the cache for exactly these files. */
  chunk(documents: SourceDocument[], options: { plainText?: boolean } = {}): ChunkedWithKeys & { cache: ChunkCache; reused: number } {
    const out: ChunkedWithKeys = { paragraphs: [], chunks: [], keys: [] };
    const files = new Map<string, FileRecord>();
    let reused = 0;
    for (const doc of documents) {
      const hash = sha256(doc.text);
      let record = this.files.get(doc.source);
      if (record?.sha256 === hash && !options.plainText) reused++;
      else record = this.record(doc, hash, options.plainText);
      files.set(doc.source, record);
      // Object.assign onto a literal is ~20x faster than object spread here (50,000 chunks on every start).
      const { source, text } = doc;
      // Block numbers are per file in the record and corpus-wide in the chunks.
      const blockOffset = out.paragraphs.length;
      for (const p of record.paragraphs) out.paragraphs.push(Object.assign({ source, text: text.slice(p.start, p.end) }, p) as Paragraph);
      for (const c of record.chunks) out.chunks.push(Object.assign({ source, text: text.slice(c.start, c.end), id: out.chunks.length }, c, { block: c.block + blockOffset }) as Chunk);
      out.keys.push(...record.keys);
    }
    return { ...out, cache: new ChunkCache(this.model, files), reused };
  }

  private record(doc: SourceDocument, hash: string, plainText = false): FileRecord {
    const { paragraphs, chunks } = chunkDocuments([doc], { plainText });
    const strip = <T extends { text: string; source: string }>({ text: _t, source: _s, ...rest }: T) => rest;
    return {
      sha256: hash,
      paragraphs: paragraphs.map(strip),
      chunks: chunks.map(({ id: _id, ...c }) => strip(c)),
      keys: chunks.map((c) => inputKey(this.model, embeddingInput(c))),
    };
  }

  async save(dir: string): Promise<void> {
    const saved: SavedChunkCache = { chunkerVersion: CHUNKER_VERSION, model: this.model, files: Object.fromEntries(this.files) };
    const tmp = join(dir, `${CHUNKS_FILE}.${process.pid}.tmp`);
    await writeFile(tmp, JSON.stringify(saved));
    await rename(tmp, join(dir, CHUNKS_FILE));
  }
}
