import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ExtractedText, PageRange } from "./extracted-document.js";
import { readDocument } from "./read-document.js";

/** Bump when a reader's output changes, so cached extractions are redone. */
export const EXTRACTOR_VERSION = "formats-v3";

interface CacheEntry {
  extractor: string;
  sha256: string;
  /** Hash of the .txt beside it, so a text file left by an interrupted write is never trusted. */
  textSha256: string;
  pages?: PageRange[];
}

const sha = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

/**
 * Extracted text kept beside the index: `<name>.txt` is exactly the text quotes are cut from (a
 * reader can open it), `<name>.json` says which file bytes and extractor version produced it. The
 * same bytes always give the same text, even if a library upgrade would extract them differently,
 * and a restart does not parse every PDF again.
 */
export async function readDocumentCached(name: string, bytes: Uint8Array, cacheDir: string | undefined): Promise<ExtractedText> {
  if (!cacheDir) return readDocument(name, bytes);
  const sha256 = sha(bytes);
  const textFile = join(cacheDir, `${name}.txt`);
  const metaFile = join(cacheDir, `${name}.json`);
  try {
    const meta = JSON.parse(await readFile(metaFile, "utf8")) as CacheEntry;
    if (meta.extractor === EXTRACTOR_VERSION && meta.sha256 === sha256) {
      const text = await readFile(textFile, "utf8");
      if (sha(text) === meta.textSha256) return meta.pages ? { text, pages: meta.pages } : { text };
    }
  } catch {
    // Missing or damaged cache entry: extract again below.
  }
  const extracted = await readDocument(name, bytes);
  try {
    await mkdir(cacheDir, { recursive: true });
    const entry: CacheEntry = { extractor: EXTRACTOR_VERSION, sha256, textSha256: sha(extracted.text), ...(extracted.pages ? { pages: extracted.pages } : {}) };
    const suffix = `.${process.pid}.${Date.now()}.tmp`;
    await writeFile(textFile + suffix, extracted.text);
    await writeFile(metaFile + suffix, JSON.stringify(entry));
    await rename(textFile + suffix, textFile);
    await rename(metaFile + suffix, metaFile);
  } catch {
    // A read-only cache only costs re-extraction next time.
  }
  return extracted;
}

/** Deletes kept text of files no longer in the corpus, so a removed brief's text does not linger in the cache. */
export async function pruneExtractedTexts(cacheDir: string | undefined, currentNames: string[]): Promise<void> {
  if (!cacheDir) return;
  const keep = new Set(currentNames.flatMap((name) => [`${name}.txt`, `${name}.json`]));
  const entries = await readdir(cacheDir).catch(() => [] as string[]);
  await Promise.all(entries.filter((entry) => !keep.has(entry)).map((entry) => unlink(join(cacheDir, entry)).catch(() => {})));
}
