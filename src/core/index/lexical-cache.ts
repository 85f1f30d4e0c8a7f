import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Chunk } from "../ingest/chunker.js";
import { CHUNKER_VERSION } from "../ingest/chunker.js";
import { type LexicalData, LexicalIndex } from "./lexical-index.js";
import { normalizeTerm } from "./terms.js";

export const LEXICAL_FILE = "lexical.postings";
/** The JSON file of earlier versions, removed when the binary one is written. */
const OLD_LEXICAL_FILE = "lexical.json";
/** Bump when LexicalIndex's tokenising, fields or saved shape change. */
export const LEXICAL_FORMAT = "postings-v1";

/**
 * The file: a 4-byte length, a JSON header (format, corpus hash, strings, sizes), padding to a
 * multiple of 4, then the Int32Arrays of `LexicalData` one after the other. Loading is one read and
 * views on it: nothing is tokenised or parsed but the header.
 */
interface Header {
  format: string;
  chunkerVersion: string;
  /** The corpus hash the index was built from: any change to any file rebuilds it. */
  corpusHash: string;
  chunkCount: number;
  terms: string[];
  surface: string[];
  words: string[];
  averageLengths: [number, number];
  /** Element counts of the arrays that follow, in ARRAYS order. */
  sizes: number[];
}

type ArrayName = "ids" | "upper" | "lower" | "start0" | "docs0" | "freqs0" | "lengths0" | "start1" | "docs1" | "freqs1" | "lengths1";
const ARRAYS: ArrayName[] = ["ids", "upper", "lower", "start0", "docs0", "freqs0", "lengths0", "start1", "docs1", "freqs1", "lengths1"];

function arraysOf(data: LexicalData): Record<ArrayName, Int32Array> {
  const [text, context] = data.fields;
  return {
    ids: data.ids,
    upper: data.upper,
    lower: data.lower,
    start0: text.start,
    docs0: text.docs,
    freqs0: text.freqs,
    lengths0: text.lengths,
    start1: context.start,
    docs1: context.docs,
    freqs1: context.freqs,
    lengths1: context.lengths,
  };
}

export function encodeLexical(data: LexicalData, corpusHash: string): Buffer {
  const arrays = arraysOf(data);
  const header: Header = {
    format: LEXICAL_FORMAT,
    chunkerVersion: CHUNKER_VERSION,
    corpusHash,
    chunkCount: data.chunkCount,
    terms: data.terms,
    surface: data.surface,
    words: data.words,
    averageLengths: [data.fields[0].averageLength, data.fields[1].averageLength],
    sizes: ARRAYS.map((name) => arrays[name].length),
  };
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const headerBytes = Math.ceil((4 + json.length) / 4) * 4;
  const parts: Buffer[] = [Buffer.alloc(headerBytes)];
  parts[0]!.writeUInt32LE(json.length, 0);
  json.copy(parts[0]!, 4);
  for (const name of ARRAYS) parts.push(Buffer.from(arrays[name].buffer, arrays[name].byteOffset, arrays[name].byteLength));
  return Buffer.concat(parts);
}

/** The index data in `bytes` if it is a whole, consistent file of this format for this corpus; undefined otherwise. */
export function decodeLexical(bytes: Buffer, corpusHash: string, chunkCount: number): LexicalData | undefined {
  if (bytes.length < 4) return undefined;
  const jsonLength = bytes.readUInt32LE(0);
  if (4 + jsonLength > bytes.length) return undefined;
  const header = JSON.parse(bytes.toString("utf8", 4, 4 + jsonLength)) as Header;
  if (header.format !== LEXICAL_FORMAT || header.chunkerVersion !== CHUNKER_VERSION || header.corpusHash !== corpusHash || header.chunkCount !== chunkCount) return undefined;
  // Int32Array views need 4-byte alignment; a buffer from a pool may not start on one.
  const buffer = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  let offset = Math.ceil((4 + jsonLength) / 4) * 4;
  const arrays = {} as Record<ArrayName, Int32Array>;
  for (const [i, name] of ARRAYS.entries()) {
    const size = header.sizes[i]!;
    if (!Number.isInteger(size) || size < 0 || offset + size * 4 > buffer.length) return undefined;
    arrays[name] = new Int32Array(buffer.buffer, buffer.byteOffset + offset, size);
    offset += size * 4;
  }
  if (offset !== buffer.length) return undefined;
  const terms = header.terms.length;
  if (header.surface.length !== terms || arrays.ids.length !== chunkCount || arrays.upper.length !== terms || arrays.lower.length !== terms) return undefined;
  if (!sameNormaliser(header.terms, header.surface)) return undefined;
  const fields = ([0, 1] as const).map((f) => ({
    start: arrays[`start${f}`],
    docs: arrays[`docs${f}`],
    freqs: arrays[`freqs${f}`],
    lengths: arrays[`lengths${f}`],
    averageLength: header.averageLengths[f],
  }));
  // Postings must stay inside their arrays and name real documents, or a search would read garbage.
  for (const field of fields) {
    if (field.start.length !== terms + 1 || field.lengths.length !== chunkCount || field.freqs.length !== field.docs.length || field.start[0] !== 0 || field.start[terms] !== field.docs.length) return undefined;
    const { start, docs } = field;
    for (let t = 0; t < terms; t++) if (start[t + 1]! < start[t]!) return undefined;
    for (let i = 0; i < docs.length; i++) if (docs[i]! < 0 || docs[i]! >= chunkCount) return undefined;
  }
  return { chunkCount, ids: arrays.ids, terms: header.terms, surface: header.surface, upper: arrays.upper, lower: arrays.lower, words: header.words, fields: fields as LexicalData["fields"] };
}

/**
 * Whether the saved terms are what this version's normaliser makes of their words, on a few hundred
 * evenly spaced ones: the structure evidence reads each sentence's own terms from these postings, so a
 * file written by another stemmer or lemmatiser (a LEXICAL_FORMAT bump forgotten) is rebuilt, not read.
 */
function sameNormaliser(terms: string[], surface: string[], samples = 256): boolean {
  const step = Math.max(1, Math.floor(terms.length / samples));
  for (let t = 0; t < terms.length; t += step) if (normalizeTerm(surface[t]!) !== terms[t]) return false;
  return true;
}

/** The saved lexical index of exactly this corpus, or a new one built (and saved) from its chunks. */
export async function openLexicalIndex(dir: string, corpusHash: string, chunks: Chunk[], log: (message: string) => void = () => {}): Promise<{ index: LexicalIndex; loaded: boolean }> {
  try {
    const data = decodeLexical(await readFile(join(dir, LEXICAL_FILE)), corpusHash, chunks.length);
    if (data) return { index: new LexicalIndex(chunks, data), loaded: true };
  } catch {
    // Missing or unreadable: build it below.
  }
  const index = new LexicalIndex(chunks);
  const tmp = join(dir, `${LEXICAL_FILE}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, encodeLexical(index.data, corpusHash));
    await rename(tmp, join(dir, LEXICAL_FILE));
    await rm(join(dir, OLD_LEXICAL_FILE), { force: true });
  } catch (error) {
    // A cache that cannot be written costs time at the next start, not an answer now.
    log(`Could not cache the lexical index in ${dir} (${(error as Error).message}); using it from memory.`);
    await rm(tmp, { force: true }).catch(() => {});
  }
  return { index, loaded: false };
}
