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
  /** What the components were fitted on, and the share of its second moment they keep. */
  fittedOn: z.string(),
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

  static of(id: string, from: number, rows: Float32Array): Projection {
    if (rows.length === 0 || rows.length % from !== 0) throw new Error(`a projection from ${from} dimensions needs a multiple of ${from} floats, not ${rows.length}`);
    return new Projection(id, from, rows.length / from, rows);
  }

  /** The shipped projection for `model`, or null when none was fitted for it (the graph then holds full vectors). */
  static forModel(model: string, dimension: number, dir = PROJECTIONS_DIR): Projection | null {
    const base = join(dir, projectionName(model));
    if (!existsSync(`${base}.json`) || !existsSync(`${base}.f32`)) return null;
    const meta = ProjectionMeta.parse(JSON.parse(readFileSync(`${base}.json`, "utf8")));
    if (meta.model !== model || meta.from !== dimension) return null;
    const bytes = readFileSync(`${base}.f32`);
    if (bytes.length !== meta.from * meta.to * 4) throw new Error(`${base}.f32 holds ${bytes.length} bytes, not ${meta.from * meta.to * 4}`);
    const rows = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    return new Projection(`${projectionName(model)}-pca${meta.to}`, meta.from, meta.to, rows);
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
