import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { PROJECT_ROOT } from "../project-root.js";

/** Where projections for the shipped models live (`npm run fit-projection` writes them). */
export const PROJECTIONS_DIR = join(PROJECT_ROOT, "models");

const ProjectionMeta = z.object({
  model: z.string(),
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  /** What the components were fitted on. */
  fittedOn: z.string(),
  /** The share of that data's second moment the components keep. */
  kept: z.number(),
});

/** A file name for a model id ("use-lite-512@…" → "use-lite-512-energetic-ai-…"). */
export function projectionName(model: string): string {
  return model.replace(/[^A-Za-z0-9.]+/gu, "-").replace(/^-|-$/gu, "");
}

/**
 * A linear map from a model's vectors to fewer dimensions: the leading principal components of
 * the model's embeddings of general English (WordNet glosses, not any brief). The HNSW graph holds
 * only projected vectors, which keeps it a quarter of the size in memory; it finds candidates, and
 * their exact similarities come from the full vectors on disk (vector-file.ts), so rankings and
 * printed scores are the full model's.
 */
export class Projection {
  private constructor(
    /** Names the projection in the index manifest: a different one rebuilds the graph (from cached vectors). */
    readonly id: string,
    readonly from: number,
    readonly to: number,
    /** `to` rows of `from` floats. */
    private readonly rows: Float32Array,
  ) {}

  /** A projection from rows given in code (tests). */
  static of(id: string, from: number, rows: Float32Array): Projection {
    if (rows.length === 0 || rows.length % from !== 0) throw new Error(`a projection from ${from} dimensions needs a multiple of ${from} floats, not ${rows.length}`);
    return new Projection(id, from, rows.length / from, rows);
  }

  /** The projection shipped for `model`, or null (see loadProjection). */
  static forModel(model: string, dimension: number, dir = PROJECTIONS_DIR): Projection | null {
    return loadProjection(model, dimension, dir).projection;
  }

  apply(vector: Float32Array): Float32Array {
    const out = new Float32Array(this.to);
    for (let r = 0; r < this.to; r++) {
      let sum = 0;
      const row = r * this.from;
      for (let i = 0; i < this.from; i++) sum += this.rows[row + i]! * vector[i]!;
      out[r] = sum;
    }
    return out;
  }
}

const loaded = new Map<string, { projection: Projection | null; problem?: string }>();

/**
 * The projection shipped for `model` in `dir`, read once per process: null when none was fitted
 * for it (the graph then holds full vectors), and null with `problem` when its files are damaged,
 * so a broken install costs memory, not answers.
 */
export function loadProjection(model: string, dimension: number, dir = PROJECTIONS_DIR): { projection: Projection | null; problem?: string } {
  const key = `${dir}\0${model}\0${dimension}`;
  if (!loaded.has(key)) loaded.set(key, readProjection(model, dimension, dir));
  return loaded.get(key)!;
}

function readProjection(model: string, dimension: number, dir: string): { projection: Projection | null; problem?: string } {
  const base = join(dir, projectionName(model));
  if (!existsSync(`${base}.json`) && !existsSync(`${base}.f32`)) return { projection: null };
  const damaged = (why: string) => ({ projection: null, problem: `the projection ${base}.f32/.json is unusable (${why}); the index graph holds full vectors instead. Run \`npm run fit-projection\` or restore the files` });
  try {
    const meta = ProjectionMeta.safeParse(JSON.parse(readFileSync(`${base}.json`, "utf8")));
    if (!meta.success) return damaged(`its .json lacks ${meta.error.issues[0]?.path.join(".") || "fields"}`);
    if (meta.data.model !== model || meta.data.from !== dimension) return { projection: null };
    const bytes = readFileSync(`${base}.f32`);
    if (bytes.length !== meta.data.from * meta.data.to * 4) return damaged(`${bytes.length} bytes, not ${meta.data.from * meta.data.to * 4}`);
    const rows = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    if (!rows.every(Number.isFinite)) return damaged("it holds values that are not numbers");
    // Named by its content too: a refitted projection must not pass for the one a cached graph was built with.
    const digest = createHash("sha256").update(bytes).digest("hex").slice(0, 12);
    return { projection: Projection.of(`${projectionName(model)}-pca${meta.data.to}-${digest}`, meta.data.from, rows) };
  } catch (error) {
    return damaged((error as Error).message);
  }
}
