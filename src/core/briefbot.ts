import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import { mkdir } from "node:fs/promises";
import { PROJECT_ROOT } from "./project-root.js";
import { type Chunk, embeddingInput, type Paragraph } from "./ingest/chunker.js";
import { type Corpus, loadCorpus } from "./ingest/corpus.js";
import { type CorpusChanges, diffCorpora } from "./ingest/corpus-changes.js";
import { assignPages } from "./ingest/pages.js";
import { StructureIndex } from "./answer/evidence.js";
import { embedInBatches, type EmbedProgress } from "./index/embed-batches.js";
import type { Embedder } from "./index/embedder.js";
import { EmbedWorkers, WORKER_MIN_TEXTS, workerCount } from "./index/embed-workers.js";
import { ChunkCache } from "./index/chunk-cache.js";
import type { LexicalIndex } from "./index/lexical-index.js";
import { openLexicalIndex } from "./index/lexical-cache.js";
import { openVectorCache, saveVectorCache } from "./index/vector-cache.js";
import { VectorIndex, VectorStore } from "./index/vector-index.js";
import { loadProjection } from "./index/projection.js";
import { type Answer, answerQuestion, type AskOptions } from "./answer/answer.js";
import { type Candidate, retrieve } from "./answer/retrieval.js";

export { PROJECT_ROOT };
export const DEFAULT_CORPUS_DIR = join(PROJECT_ROOT, "corpus");

/** Each corpus folder gets its own cache folder, keyed by its absolute path. */
export function defaultCacheDir(corpusDir: string): string {
  // An empty value (as `cp .env.example .env` leaves it) means unset, not the current folder.
  const root = process.env.BRIEFBOT_CACHE_DIR || join(PROJECT_ROOT, ".cache", "index");
  const key = createHash("sha256").update(resolve(corpusDir)).digest("hex").slice(0, 16);
  return join(root, key);
}

export interface OpenOptions {
  corpusDir?: string;
  cacheDir?: string;
  embedder: Embedder;
  /** Ignore any cached vectors and embed everything again. */
  rebuild?: boolean;
  /** Read every file as plain text, ignoring Markdown structure (the ablation study's switch). */
  plainText?: boolean;
  /** Progress and warnings for humans (stderr in the CLI). */
  log?: (message: string) => void;
  /** Called as new sentences are embedded (not called when every vector is cached). */
  onProgress?: (progress: EmbedProgress) => void;
}

export interface IndexStatus {
  /** loaded: every vector came from the cache; built: from nothing; updated: some sentences were embedded or retired. */
  action: "loaded" | "built" | "updated";
  reason?: string;
  cacheDir: string;
  chunks: number;
  /** Distinct embedding inputs embedded by this open (duplicates and cached ones are not). */
  embedded: number;
  /** Files added, changed and removed since the corpus this one was refreshed from (empty on open). */
  changes: CorpusChanges;
  /** Files whose chunking and keys came from the cache (the rest were split and hashed again). */
  reusedFiles: number;
  /** Whether the BM25 index was loaded from the cache or built. */
  lexical: "loaded" | "built";
}

/** New vectors are saved after every this many, so an interrupted long index loses at most this much work. */
const CHECKPOINT_EVERY = 4096;

/** Cached vectors that no sentence uses any more are dropped once they outnumber the live ones (and this many). */
const COMPACT_AFTER_DELETED = 1024;

/**
 * Embedders for a job of `count` new sentences: the main thread's model alone, or for a big job
 * worker threads, one per core, started once for the whole job. The main thread then only hands
 * out batches, two per worker: the model runs synchronously, so a main thread embedding too cannot
 * feed the workers, and main + 1 worker measured no faster than main alone, while 2 workers ran
 * 1.7× (README "Benchmark"). If no worker starts, the main thread does it all.
 */
async function startEmbedding(options: OpenOptions, count: number): Promise<{ embed: (texts: string[], onProgress?: (p: EmbedProgress) => void) => Promise<Float32Array[]>; close: () => Promise<void> }> {
  const wanted = count >= WORKER_MIN_TEXTS ? workerCount() : 0;
  const workers = wanted > 0 ? await EmbedWorkers.start(wanted, options.embedder, options.log) : null;
  const embedders = workers?.embedders.length ? workers.embedders : [options.embedder];
  const inFlight = workers?.embedders.length ? 2 : 1;
  return {
    embed: (texts, onProgress) => embedInBatches(embedders, texts, onProgress, { fallback: options.embedder, inFlight }),
    close: async () => {
      await workers?.close();
    },
  };
}

/** The loaded brief: its text, its sentences, and both indexes over them. */
export class Briefbot {
  private constructor(
    readonly corpus: Corpus,
    readonly paragraphs: Paragraph[],
    readonly chunks: Chunk[],
    readonly embedder: Embedder,
    readonly vectors: VectorIndex,
    readonly lexical: LexicalIndex,
    readonly indexStatus: IndexStatus,
    private readonly cacheDir: string,
    private readonly chunkCache: ChunkCache,
  ) {
    this.structure = new StructureIndex(chunks, paragraphs, lexical);
    this.texts = new Map(corpus.documents.map((d) => [d.source, d.text]));
  }

  /** Term sets of every sentence, paragraph, section and document: the context answers are scored in. */
  readonly structure: StructureIndex;
  private readonly texts: Map<string, string>;

  /** The full text of one file of the corpus, the string every quote is a slice of. */
  text(source: string): string {
    return this.texts.get(source) ?? "";
  }

  static async open(options: OpenOptions): Promise<Briefbot> {
    const log = options.log ?? (() => {});
    const corpusDir = resolve(options.corpusDir ?? DEFAULT_CORPUS_DIR);
    const cacheDir = options.cacheDir ?? defaultCacheDir(corpusDir);
    const { projection, problem } = loadProjection(options.embedder.id, options.embedder.dimension);
    if (problem) log(problem);
    const expected = { model: options.embedder.id, dimension: options.embedder.dimension, projection };
    // The three reads overlap: the graph loads on the thread pool while the corpus and chunk cache are parsed.
    const [corpus, cached, savedChunks] = await Promise.all([
      loadCorpus(corpusDir, { extractedDir: join(cacheDir, "extracted") }),
      options.rebuild ? { status: "missing" as const, reason: "rebuild requested" } : openVectorCache(cacheDir, expected),
      options.rebuild ? undefined : ChunkCache.load(cacheDir, expected.model),
    ]);
    for (const skip of corpus.skipped) log(`Skipped ${skip.source}: ${skip.reason}.`);
    if (cached.status === "stale" || cached.status === "corrupt") log(`Rebuilding the index: ${cached.reason}.`);
    const store = cached.status === "fresh" ? cached.store : VectorStore.create(expected.model, expected.dimension, undefined, projection);
    if (cached.status === "fresh" && cached.regraphed) {
      log(`Rebuilt the index graph from cached vectors: ${cached.regraphed}.`);
      await saveVectorCache(cacheDir, store).catch((error: Error) => log(`Could not cache the index in ${cacheDir} (${error.message}); using it from memory.`));
    }
    const reason = cached.status === "fresh" ? undefined : cached.reason;
    const chunkCache = cached.status === "fresh" && savedChunks ? savedChunks : ChunkCache.empty(expected.model);
    return Briefbot.index(corpus, store, chunkCache, cacheDir, options, reason, { added: [], changed: [], removed: [] });
  }

  /**
   * Reads the corpus folder again and returns a new Briefbot over it, embedding only sentences
   * whose embedding input is new. This one keeps answering meanwhile (it shares the vector
   * store, whose additions it ignores) until the caller swaps to the new one.
   */
  async refresh(options: Pick<OpenOptions, "log" | "onProgress"> = {}): Promise<Briefbot> {
    const log = options.log ?? (() => {});
    const corpus = await loadCorpus(this.corpus.dir, { extractedDir: join(this.cacheDir, "extracted") });
    for (const skip of corpus.skipped) log(`Skipped ${skip.source}: ${skip.reason}.`);
    const changes = diffCorpora(this.corpus, corpus);
    return Briefbot.index(corpus, this.vectors.store, this.chunkCache, this.cacheDir, { ...options, embedder: this.embedder }, undefined, changes);
  }

  private static async index(
    corpus: Corpus,
    store: VectorStore,
    chunkCache: ChunkCache,
    cacheDir: string,
    options: OpenOptions,
    reason: string | undefined,
    changes: CorpusChanges,
  ): Promise<Briefbot> {
    // Unchanged files keep their chunking and keys; only new or edited ones are split and hashed.
    const { paragraphs, chunks, keys, cache: nextChunkCache, reused } = chunkCache.chunk(corpus.documents, { plainText: options.plainText });
    assignPages(corpus.documents, paragraphs);
    assignPages(corpus.documents, chunks);
    const wasEmpty = store.slotCount === 0;

    // A read-only or full cache folder costs a rebuild at the next start, not this one: serve from memory.
    const log = options.log ?? (() => {});
    let cacheWritable = true;
    const writeCache = async (write: () => Promise<void>): Promise<boolean> => {
      try {
        await mkdir(cacheDir, { recursive: true });
        await write();
        return true;
      } catch (error) {
        log(`Could not cache the index in ${cacheDir} (${(error as Error).message}); using it from memory.`);
        return false;
      }
    };

    // Embed each distinct input the store has not seen, once.
    const missing = new Map<string, string>();
    chunks.forEach((chunk, id) => {
      if (store.slot(keys[id]!) === undefined && !missing.has(keys[id]!)) missing.set(keys[id]!, embeddingInput(chunk));
    });
    const texts = [...missing.values()];
    const newKeys = [...missing.keys()];
    // A long job is saved as it goes, so an interrupted first index resumes where it stopped.
    const embedding = texts.length ? await startEmbedding(options, texts.length) : null;
    try {
      for (let start = 0; start < texts.length; start += CHECKPOINT_EVERY) {
        const part = texts.slice(start, start + CHECKPOINT_EVERY);
        const onProgress = options.onProgress && ((p: EmbedProgress) => options.onProgress!({ done: start + p.done, total: texts.length }));
        const vectors = await embedding!.embed(part, onProgress);
        store.add(part.map((_, i) => ({ key: newKeys[start + i]!, vector: vectors[i]! })));
        if (start + CHECKPOINT_EVERY < texts.length && cacheWritable) {
          cacheWritable = await writeCache(() => saveVectorCache(cacheDir, store));
        }
      }
    } finally {
      await embedding?.close();
    }

    const chunkSlots = Int32Array.from(keys, (key) => store.slot(key)!);
    const { revived, retired } = store.retain(new Set(chunkSlots));
    let current = store;
    if (store.deletedSlots > Math.max(COMPACT_AFTER_DELETED, store.liveCount)) {
      // Views over the old store still answer from it: its vector file stays open (a replaced file
      // stays readable on POSIX) until the store is collected.
      current = store.compacted();
      chunkSlots.set(Int32Array.from(keys, (key) => current.slot(key)!));
    }
    // The chunk cache keeps the store's key strings, not a second copy of them read from chunks.json (~2 MB at 50,000 sentences).
    for (let id = 0; id < keys.length; id++) {
      const key = current.keys[chunkSlots[id]!];
      if (key !== undefined && key === keys[id]) keys[id] = key;
    }
    const changed = texts.length > 0 || revived > 0 || retired > 0 || current !== store || wasEmpty;
    if (changed && cacheWritable) cacheWritable = await writeCache(() => saveVectorCache(cacheDir, current));
    if ((reused < corpus.documents.length || changed) && cacheWritable) cacheWritable = await writeCache(() => nextChunkCache.save(cacheDir));
    const lexical = await openLexicalIndex(cacheDir, corpus.hash, chunks, cacheWritable ? log : () => {});

    const status: IndexStatus = {
      action: wasEmpty ? "built" : changed ? "updated" : "loaded",
      reason,
      cacheDir,
      chunks: chunks.length,
      embedded: texts.length,
      changes,
      reusedFiles: reused,
      lexical: lexical.loaded ? "loaded" : "built",
    };
    return new Briefbot(corpus, paragraphs, chunks, options.embedder, new VectorIndex(current, chunkSlots), lexical.index, status, cacheDir, nextChunkCache);
  }

  /** Answers from the brief alone, quoting it; `answered` is false when the brief does not cover the question. */
  ask(question: string, options?: AskOptions): Promise<Answer> {
    return answerQuestion(this, question, options);
  }

  retrieve(query: string): Promise<Candidate[]> {
    return retrieve(this, query);
  }

  /** The paragraph numbered `n` in `source` (default: the first file of the corpus). */
  paragraph(n: number, source?: string): Paragraph | undefined {
    const file = source ?? this.corpus.documents[0]!.source;
    return this.paragraphs.find((p) => p.source === file && p.paragraph === n);
  }
}
