import { existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { BriefbotError } from "../errors.js";
import { type Embedder, normalize } from "./embedder.js";

/**
 * A sentence-embedding model in transformers.js layout (config.json, tokenizer.json,
 * onnx/model.onnx or onnx/model_quantized.onnx) read from a local folder. Remote
 * loading is switched off, so a missing file is an error here, never a download.
 */
export class TransformersEmbedder implements Embedder {
  private constructor(
    private readonly extract: (texts: string[], options: object) => Promise<{ dims: number[]; data: Float32Array }>,
    readonly id: string,
    readonly dimension: number,
  ) {}

  static async load(modelDir: string, options: { quantized?: boolean } = {}): Promise<TransformersEmbedder> {
    const dir = resolve(modelDir);
    const quantized = options.quantized ?? existsSync(join(dir, "onnx", "model_quantized.onnx"));
    const weights = join(dir, "onnx", quantized ? "model_quantized.onnx" : "model.onnx");
    for (const file of [join(dir, "config.json"), join(dir, "tokenizer.json"), weights]) {
      if (!existsSync(file)) {
        throw new BriefbotError(`The embedding model folder ${dir} is incomplete: ${file} is missing.`, "MODEL");
      }
    }
    const { env, pipeline } = await import("@xenova/transformers");
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = dirname(dir) + "/";
    env.useBrowserCache = false;
    try {
      const extractor = await pipeline("feature-extraction", basename(dir), { quantized });
      const probe = (await extractor(["probe"], { pooling: "mean", normalize: true })) as { dims: number[] };
      return new TransformersEmbedder(
        extractor as unknown as TransformersEmbedder["extract"],
        `transformers.js:${basename(dir)}${quantized ? ":q8" : ""}`,
        probe.dims[1]!,
      );
    } catch (error) {
      throw new BriefbotError(`The embedding model in ${dir} could not be loaded: ${(error as Error).message}`, "MODEL");
    }
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const output = await this.extract(texts, { pooling: "mean", normalize: true });
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i++) {
      out.push(normalize(output.data.subarray(i * this.dimension, (i + 1) * this.dimension)));
    }
    return out;
  }
}
