import { createHash } from "node:crypto";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Chunk, CHUNKER_VERSION, chunkDocuments, embeddingInput, type Paragraph } from "./ingest/chunker.js";
import { type Corpus, loadCorpus } from "./ingest/corpus.js";
import { assignPages } from "./ingest/pages.js";
import type { Embedder } from "./index/embedder.js";
import { LexicalIndex } from "./index/lexical-index.js";
import { type Answer, answerQuestion, type AskOptions } from "./answer/answer.js";
import { type Candidate, retrieve } from "./answer/retrieval.js";
import { StructureIndex } from "./answer/evidence.js";
import { openCachedIndex, saveIndex, VectorIndex } from "./index/vector-index.js";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const DEFAULT_CORPUS_DIR = join(PROJECT_ROOT, "corpus");

/** Each corpus folder gets its own cache folder, keyed by its absolute path. */
export function defaultCacheDir(corpusDir: string): string {
  const root = process.env.BRIEFBOT_CACHE_DIR ?? join(PROJECT_ROOT, ".cache", "index");
  const key = createHash("sha256").update(resolve(corpusDir)).digest("hex").slice(0, 16);
  return join(root, key);
}

export interface OpenOptions {
  corpusDir?: string;
  cacheDir?: string;
  embedder: Embedder;
  /** Ignore any cached index and build a new one. */
  rebuild?: boolean;
  /** Read every file as plain text, ignoring Markdown structure (the ablation study's switch). */
  plainText?: boolean;
  /** Progress and warnings for humans (stderr in the CLI). */
  log?: (message: string) => void;
}

export interface IndexStatus {
  action: "loaded" | "built";
  reason?: string;
  cacheDir: string;
  chunks: number;
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
  ) {
    this.structure = new StructureIndex(chunks, paragraphs);
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
    const corpusDir = options.corpusDir ?? DEFAULT_CORPUS_DIR;
    const cacheDir = options.cacheDir ?? defaultCacheDir(corpusDir);
    const corpus = await loadCorpus(corpusDir, { extractedDir: join(cacheDir, "extracted") });
    for (const skip of corpus.skipped) log(`Skipped ${skip.source}: ${skip.reason}.`);
    const { paragraphs, chunks } = chunkDocuments(corpus.documents, { plainText: options.plainText });
    assignPages(corpus.documents, paragraphs);
    assignPages(corpus.documents, chunks);
    const identity = {
      corpusHash: corpus.hash,
      model: options.embedder.id,
      dimension: options.embedder.dimension,
      chunkerVersion: options.plainText ? `${CHUNKER_VERSION}-plain` : CHUNKER_VERSION,
    };

    let vectors: VectorIndex;
    let status: IndexStatus;
    const cached = options.rebuild ? { status: "missing" as const, reason: "rebuild requested" } : await openCachedIndex(cacheDir, identity);
    if (cached.status === "fresh") {
      vectors = cached.index;
      status = { action: "loaded", cacheDir, chunks: chunks.length };
    } else {
      if (cached.status !== "missing") log(`Rebuilding the index: ${cached.reason}.`);
      const embeddings = await options.embedder.embed(chunks.map(embeddingInput));
      vectors = VectorIndex.build(embeddings, options.embedder.dimension);
      // A read-only or full cache folder costs a rebuild at the next start, not this one: serve from memory.
      await saveIndex(cacheDir, vectors, identity).catch((error: Error) => log(`Could not cache the index in ${cacheDir} (${error.message}); using it from memory.`));
      status = { action: "built", reason: cached.reason, cacheDir, chunks: chunks.length };
    }
    return new Briefbot(corpus, paragraphs, chunks, options.embedder, vectors, new LexicalIndex(chunks), status);
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
