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

/** Where one file's chunking sits in the arrays a `chunk()` call returned. */
interface FileSpan {
  sha256: string;
  paragraphs: { from: number; to: number };
  chunks: { from: number; to: number };
}

/**
 * Per-file chunking and embedding keys, so a restart or a refresh re-splits and re-hashes only
 * the files whose text changed. Keyed by the file's content hash, the chunker version and the model.
 *
 * A cache that `chunk()` returns keeps no records of its own: it points into the paragraphs, chunks
 * and keys it returned (which the index keeps anyway) and rebuilds a file's record from them when it
 * is saved or reused. Separate records were a second copy of every chunk, ~7 MB of a serving
 * process's live heap at 50,000 sentences, which V8 lets grow several times over between collections.
 */
export class ChunkCache {
  private constructor(
    private readonly model: string,
    private readonly files: Map<string, FileRecord | FileSpan>,
    /** What the spans point into. */
    private readonly from?: ChunkedWithKeys,
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
    const files = new Map<string, FileSpan>();
    let reused = 0;
    for (const doc of documents) {
      const hash = sha256(doc.text);
      let record = this.recordOf(doc.source);
      if (record?.sha256 === hash && !options.plainText) reused++;
      else record = this.record(doc, hash, options.plainText);
      // Object.assign onto a literal is ~20x faster than object spread here (50,000 chunks on every start).
      const { source, text } = doc;
      // Block numbers are per file in the record and corpus-wide in the chunks.
      const blockOffset = out.paragraphs.length;
      const chunkOffset = out.chunks.length;
      for (const p of record.paragraphs) out.paragraphs.push(Object.assign({ source, text: text.slice(p.start, p.end) }, p) as Paragraph);
      for (const c of record.chunks) out.chunks.push(Object.assign({ source, text: text.slice(c.start, c.end), id: out.chunks.length }, c, { block: c.block + blockOffset }) as Chunk);
      out.keys.push(...record.keys);
      files.set(doc.source, { sha256: hash, paragraphs: { from: blockOffset, to: out.paragraphs.length }, chunks: { from: chunkOffset, to: out.chunks.length } });
    }
    return { ...out, cache: new ChunkCache(this.model, files, out), reused };
  }

  /** A file's record: as loaded, or rebuilt from the arrays a span points into (page numbers are added after chunking, so left out). */
  private recordOf(source: string): FileRecord | undefined {
    const file = this.files.get(source);
    if (!file || Array.isArray(file.chunks)) return file as FileRecord | undefined;
    const span = file as FileSpan;
    const { paragraphs, chunks, keys } = this.from!;
    const blockOffset = span.paragraphs.from;
    return {
      sha256: span.sha256,
      paragraphs: paragraphs.slice(span.paragraphs.from, span.paragraphs.to).map(({ source: _s, text: _t, page: _p, ...rest }) => rest),
      chunks: chunks.slice(span.chunks.from, span.chunks.to).map(({ source: _s, text: _t, id: _i, page: _p, ...rest }) => Object.assign(rest, { block: rest.block - blockOffset })),
      keys: keys.slice(span.chunks.from, span.chunks.to),
    };
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
    const files = Object.fromEntries([...this.files.keys()].map((source) => [source, this.recordOf(source)!]));
    const saved: SavedChunkCache = { chunkerVersion: CHUNKER_VERSION, model: this.model, files };
    const tmp = join(dir, `${CHUNKS_FILE}.${process.pid}.tmp`);
    await writeFile(tmp, JSON.stringify(saved));
    await rename(tmp, join(dir, CHUNKS_FILE));
  }
}
