import { describe, expect, it } from "vitest";
import { EMBED_BATCH, embedInBatches, type EmbedProgress } from "../src/core/index/embed-batches.js";
import { EmbedWorkers, workerCount } from "../src/core/index/embed-workers.js";
import type { Embedder } from "../src/core/index/embedder.js";
import { realEmbedder } from "./helpers/bot.js";

const texts = Array.from({ length: 40 }, (_, i) => `Customs officers in Zaranj recorded ${i + 3} grain shipments on day ${i % 28}.`);

describe("embedding in batches, on worker threads too", () => {
  it("a worker thread runs the same model: same vectors, in order, with progress to 100 %", async () => {
    const main = await realEmbedder();
    const expected = await main.embed(texts);
    const workers = await EmbedWorkers.start(1, main);
    try {
      expect(workers.embedders).toHaveLength(1);
      expect(workers.embedders[0]!.id).toBe(main.id);
      const progress: EmbedProgress[] = [];
      const got = await embedInBatches([main, ...workers.embedders], texts, (p) => progress.push(p));
      expect(got).toHaveLength(texts.length);
      got.forEach((v, i) => expect(Array.from(v)).toEqual(Array.from(expected[i]!)));
      expect(progress[0]).toEqual({ done: 0, total: 40 });
      expect(progress.at(-1)).toEqual({ done: 40, total: 40 });
      expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    } finally {
      await workers.close();
    }
  });

  it("redoes a failed worker's batch on the main embedder", async () => {
    const main = await realEmbedder();
    const broken: Embedder = { id: main.id, dimension: main.dimension, embed: async () => Promise.reject(new Error("worker died")) };
    const got = await embedInBatches([main, broken], texts);
    expect(got.every((v) => v instanceof Float32Array && v.length === 512)).toBe(true);
    // The broken worker took the second batch; the main embedder redid it as one batch.
    const second = texts.slice(EMBED_BATCH, 2 * EMBED_BATCH);
    expect(Array.from(got[EMBED_BATCH + 1]!)).toEqual(Array.from((await main.embed(second))[1]!));
  });

  it("BRIEFBOT_EMBED_WORKERS sets the number of workers; unset or invalid means none", () => {
    expect(workerCount({})).toBe(0);
    expect(workerCount({ BRIEFBOT_EMBED_WORKERS: "many" })).toBe(0);
    expect(workerCount({ BRIEFBOT_EMBED_WORKERS: "1" })).toBe(1);
  });
});
