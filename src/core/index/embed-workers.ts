import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { PROJECT_ROOT } from "../project-root.js";
import type { Embedder } from "./embedder.js";

/** Workers started when BRIEFBOT_EMBED_WORKERS is unset: one per core, at most this many (each holds its own ~80 MB model). */
const DEFAULT_MAX_WORKERS = 4;

/**
 * Worker threads for a big embedding job, from BRIEFBOT_EMBED_WORKERS: unset (or not a number)
 * means one per core up to 4, and none on a one-core machine, where a worker only adds a model
 * load; 0 turns them off. The main thread then only hands out batches (see `embedAll`).
 */
export function workerCount(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const configured = Number(env.BRIEFBOT_EMBED_WORKERS);
  if (env.BRIEFBOT_EMBED_WORKERS !== undefined && env.BRIEFBOT_EMBED_WORKERS.trim() !== "" && Number.isInteger(configured) && configured >= 0) {
    return Math.min(configured, cores);
  }
  return cores > 1 ? Math.min(cores, DEFAULT_MAX_WORKERS) : 0;
}

/** Below this many new sentences a worker's model load (~0.5 s) costs more than it saves. */
export const WORKER_MIN_TEXTS = 256;

/** Set by `npm run build` (scripts/build.mjs): the worker's file in the bundle, relative to the project folder. */
declare const __BRIEFBOT_EMBED_WORKER__: string | undefined;

/**
 * Compiled JavaScript runs the worker file directly. From TypeScript sources (tsx, vitest) the
 * worker first registers tsx's loader itself: Node 20 does not pass `--import` hooks to workers.
 */
function newWorker(): Worker {
  const fromSource = import.meta.url.endsWith(".ts");
  const bundled = typeof __BRIEFBOT_EMBED_WORKER__ === "string" ? __BRIEFBOT_EMBED_WORKER__ : undefined;
  const script = bundled ? pathToFileURL(join(PROJECT_ROOT, bundled)) : new URL(`./embed-worker.${fromSource ? "ts" : "js"}`, import.meta.url);
  if (!fromSource) return new Worker(script);
  const tsxDir = dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  const tsxApi = pathToFileURL(join(tsxDir, "dist/esm/api/index.mjs")).href;
  return new Worker(`import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); });`, { eval: true });
}

interface Pending {
  resolve: (vectors: Float32Array[]) => void;
  reject: (error: Error) => void;
}

/** One worker thread running its own copy of the embedding model (TF.js-WASM uses one core per model). */
class EmbedWorker implements Embedder {
  private seq = 0;
  private readonly pending = new Map<number, Pending>();

  private constructor(
    private readonly worker: Worker,
    readonly id: string,
    readonly dimension: number,
  ) {
    worker.on("message", (m: { type: string; seq: number; vectors?: Float32Array[]; message?: string }) => {
      const p = this.pending.get(m.seq);
      if (!p) return;
      this.pending.delete(m.seq);
      if (m.type === "vectors") p.resolve(m.vectors!);
      else p.reject(new Error(m.message));
    });
    worker.on("error", (error) => this.failAll(error));
    worker.on("exit", () => this.failAll(new Error("the embedding worker stopped")));
  }

  static start(dimension: number): Promise<EmbedWorker> {
    const worker = newWorker();
    return new Promise((resolve, reject) => {
      worker.once("message", (m: { type: string; id?: string; message?: string }) => {
        if (m.type === "ready") resolve(new EmbedWorker(worker, m.id!, dimension));
        else reject(new Error(m.message));
      });
      worker.once("error", reject);
    });
  }

  embed(texts: string[]): Promise<Float32Array[]> {
    const seq = this.seq++;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.worker.postMessage({ seq, texts });
    });
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/**
 * Extra embedders on other cores for a big indexing job, started for it and stopped after
 * (each holds its own ~80 MB model). A worker that fails to start, or runs another model, is left out.
 */
export class EmbedWorkers {
  private constructor(readonly embedders: EmbedWorker[]) {}

  static async start(count: number, main: Embedder, log: (message: string) => void = () => {}): Promise<EmbedWorkers> {
    const started = await Promise.allSettled(Array.from({ length: count }, () => EmbedWorker.start(main.dimension)));
    const usable: EmbedWorker[] = [];
    for (const result of started) {
      if (result.status === "rejected") log(`an embedding worker could not start (${(result.reason as Error).message}); continuing without it`);
      else if (result.value.id !== main.id) void result.value.terminate();
      else usable.push(result.value);
    }
    return new EmbedWorkers(usable);
  }

  async close(): Promise<void> {
    await Promise.all(this.embedders.map((e) => e.terminate()));
  }
}
