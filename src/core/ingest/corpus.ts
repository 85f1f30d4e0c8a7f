import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { getHeapStatistics } from "node:v8";
import { BriefbotError } from "../errors.js";
import { pruneExtractedTexts, readDocumentCached } from "./formats/extraction-cache.js";
import { type PageRange, UnreadableDocument } from "./formats/extracted-document.js";
import { BRIEF_EXTENSIONS, isBriefFile } from "./formats/read-document.js";

/** One file of the brief: its text exactly as on disk (decoded as UTF-8), or as extracted from a PDF, DOCX or HTML file. */
export interface SourceDocument {
  source: string;
  text: string;
  /** For paged formats (PDF): each page's character range in `text`. */
  pages?: PageRange[];
}

export interface LoadCorpusOptions {
  /** Where extracted text of PDF, DOCX and HTML files is kept (see extraction-cache.ts); unset: extract every time. */
  extractedDir?: string;
  /** The total size of briefs indexed (default: BRIEFBOT_MAX_CORPUS_MB). */
  maxTotalBytes?: number;
}

export interface Corpus {
  dir: string;
  documents: SourceDocument[];
  /** Hash over file names and contents: changes whenever the brief changes. */
  hash: string;
  /** Files that were skipped, each with the reason, so nothing is lost silently. */
  skipped: { source: string; reason: string }[];
}

const TEXT_FILE = /\.(md|txt)$/i;
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const MIB = 1024 * 1024;
/**
 * JavaScript heap per byte of brief text once it is indexed and served: the benchmark's 4 MiB corpus
 * of 50,000 sentences holds ~47 MiB of heap beyond what the process holds with the shipped brief.
 */
const HEAP_PER_TEXT_BYTE = 12;

/**
 * The total size of briefs indexed, from BRIEFBOT_MAX_CORPUS_MB: bounds memory and indexing time.
 * By default 200 MiB, or less when this process's JavaScript heap could not hold that much (the npm
 * scripts cap old space at 1 GiB, `--max-old-space-size`, a heap limit of ~1036 MiB: ~86 MiB of
 * briefs): briefs beyond the cap are skipped with a message instead of the process running out of memory.
 */
export function corpusCapBytes(env: NodeJS.ProcessEnv = process.env, heapLimit = getHeapStatistics().heap_size_limit): number {
  const mib = Number(env.BRIEFBOT_MAX_CORPUS_MB);
  if (Number.isFinite(mib) && mib > 0) return mib * MIB;
  return Math.min(200 * MIB, Math.floor(heapLimit / HEAP_PER_TEXT_BYTE / MIB) * MIB);
}

export async function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<Corpus> {
  const maxTotalBytes = options.maxTotalBytes ?? corpusCapBytes();
  const absolute = resolve(dir);
  let names: string[];
  const skipped: Corpus["skipped"] = [];
  try {
    const entries = (await readdir(absolute, { withFileTypes: true })).filter((entry) => !entry.name.startsWith("."));
    names = [];
    for (const entry of entries) {
      if (entry.isFile()) {
        if (isBriefFile(entry.name)) names.push(entry.name);
      } else if (entry.isDirectory()) {
        skipped.push({ source: `${entry.name}/`, reason: "a folder (briefs are read only directly in the corpus folder)" });
      } else if (entry.isSymbolicLink() && isBriefFile(entry.name)) {
        // A link to a brief is read like the brief; a link to anything else, or to nothing, is named.
        const target = await stat(join(absolute, entry.name)).catch(() => null);
        if (target?.isFile()) names.push(entry.name);
        else skipped.push({ source: entry.name, reason: target ? "a link to something that is not a file" : "a link whose target is missing" });
      } else if (entry.isSymbolicLink()) {
        skipped.push({ source: entry.name, reason: "a link (only links to brief files are read)" });
      }
    }
    names.sort();
  } catch (error) {
    throw new BriefbotError(
      `Cannot read the corpus folder ${absolute}: ${(error as NodeJS.ErrnoException).code ?? String(error)}. ` +
        `Pass an existing folder of briefs (${BRIEF_EXTENSIONS.join(", ")}) with --corpus DIR.`,
      "CORPUS",
    );
  }

  const documents: SourceDocument[] = [];
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let totalBytes = 0;
  for (const name of names) {
    try {
      // Size first: a huge file is skipped without being read into memory.
      const size = (await stat(join(absolute, name))).size;
      if (size > MAX_FILE_BYTES) {
        skipped.push({ source: name, reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB` });
        continue;
      }
      // Files are taken in name order, so the same ones are left out on every run.
      if (totalBytes + size > maxTotalBytes) {
        const cap = Math.round((maxTotalBytes / 1024 / 1024) * 10) / 10;
        skipped.push({
          source: name,
          reason: `the corpus cap of ${cap} MiB would be exceeded (set BRIEFBOT_MAX_CORPUS_MB higher and give node a heap of about twelve times as many MB, --max-old-space-size in package.json's scripts, or remove older briefs)`,
        });
        continue;
      }
      totalBytes += size;
      const bytes = await readFile(join(absolute, name));
      if (!TEXT_FILE.test(name)) {
        const { text, pages } = await readDocumentCached(name, bytes, options.extractedDir);
        documents.push(pages ? { source: name, text, pages } : { source: name, text });
        continue;
      }
      const text = decoder.decode(bytes).replace(/^\uFEFF/, "");
      if (text.trim() === "") {
        skipped.push({ source: name, reason: "the file is empty" });
        continue;
      }
      documents.push({ source: name, text });
    } catch (error) {
      const reason =
        error instanceof UnreadableDocument ? error.message : error instanceof TypeError ? "not valid UTF-8 text" : `unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
      skipped.push({ source: name, reason });
    }
  }

  await pruneExtractedTexts(options.extractedDir, names);

  if (documents.length === 0) {
    const why = skipped.length ? ` (skipped: ${skipped.map((s) => `${s.source}: ${s.reason}`).join("; ")})` : "";
    throw new BriefbotError(
      `The corpus folder ${absolute} has no readable brief (${BRIEF_EXTENSIONS.join(", ")})${why}. Drop a brief into it and try again.`,
      "CORPUS",
    );
  }

  const hash = createHash("sha256");
  for (const doc of documents) hash.update(doc.source).update("\0").update(doc.text).update("\0");
  return { dir: absolute, documents, hash: hash.digest("hex"), skipped };
}
