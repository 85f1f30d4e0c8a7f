import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Chunk } from "../ingest/chunker.js";
import { CHUNKER_VERSION } from "../ingest/chunker.js";
import { LexicalIndex, type SavedLexicalIndex } from "./lexical-index.js";

export const LEXICAL_FILE = "lexical.json";
/** Bump when LexicalIndex's tokenising, fields or saved shape change. */
export const LEXICAL_FORMAT = "minisearch-v2-context";

interface SavedFile {
  format: string;
  chunkerVersion: string;
  /** The corpus hash the index was built from: any change to any file rebuilds it. */
  corpusHash: string;
  index: SavedLexicalIndex;
}

/** The saved lexical index of exactly this corpus, or a new one built (and saved) from its chunks. */
export async function openLexicalIndex(dir: string, corpusHash: string, chunks: Chunk[], log: (message: string) => void = () => {}): Promise<{ index: LexicalIndex; loaded: boolean }> {
  try {
    const saved = JSON.parse(await readFile(join(dir, LEXICAL_FILE), "utf8")) as SavedFile;
    if (saved.format === LEXICAL_FORMAT && saved.chunkerVersion === CHUNKER_VERSION && saved.corpusHash === corpusHash && saved.index.chunkCount === chunks.length) {
      return { index: new LexicalIndex(chunks, saved.index), loaded: true };
    }
  } catch {
    // Missing or unreadable: build it below.
  }
  const index = new LexicalIndex(chunks);
  const file: SavedFile = { format: LEXICAL_FORMAT, chunkerVersion: CHUNKER_VERSION, corpusHash, index: index.toJSON() };
  const tmp = join(dir, `${LEXICAL_FILE}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, JSON.stringify(file));
    await rename(tmp, join(dir, LEXICAL_FILE));
  } catch (error) {
    // A cache that cannot be written costs time at the next start, not an answer now.
    log(`Could not cache the lexical index in ${dir} (${(error as Error).message}); using it from memory.`);
    await rm(tmp, { force: true }).catch(() => {});
  }
  return { index, loaded: false };
}
