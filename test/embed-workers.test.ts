import { describe, expect, it } from "vitest";
import { EMBED_BATCH, embedInBatches, type EmbedProgress, LENGTH_WINDOW } from "../src/core/index/embed-batches.js";
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
      // Batched with other neighbours than in `expected` (by length), the floats move in the 7th digit.
      got.forEach((v, i) => v.forEach((x, d) => expect(x).toBeCloseTo(expected[i]![d]!, 5)));
      expect(progress[0]).toEqual({ done: 0, total: 40 });
      expect(progress.at(-1)).toEqual({ done: 40, total: 40 });
      expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    } finally {
      await workers.close();
    }
  });

  it("embeds sentences of about one length together, shortest first, and returns the vectors in the order given", async () => {
    const batches: string[][] = [];
    // A stand-in model whose vector is the sentence's length, so the order of the output can be checked.
    const recording: Embedder = { id: "lengths", dimension: 1, embed: async (batch) => (batches.push(batch), batch.map((t) => Float32Array.of(t.length))) };
    const mixed = Array.from({ length: 3 * EMBED_BATCH }, (_, i) => "x".repeat(((i * 37) % 50) + 1));
    const got = await embedInBatches(recording, mixed, undefined, { batch: EMBED_BATCH });
    expect(got.map((v) => v[0])).toEqual(mixed.map((t) => t.length));
    const lengths = batches.map((b) => b.map((t) => t.length));
    expect(lengths.flat()).toEqual(mixed.map((t) => t.length).sort((a, b) => a - b));
    expect(batches.every((b) => b.length === EMBED_BATCH)).toBe(true);
  });

  it("sorts by the model's own input length (tokens) when the main embedder can measure it", async () => {
    const batches: string[][] = [];
    // A stand-in whose "tokens" run against characters: a long word of one token, short words of many.
    const tokens = (t: string) => (t.startsWith("x") ? 1 : t.length);
    const main: Embedder = { id: "tokens", dimension: 1, inputLength: tokens, embed: async (b) => b.map((t) => Float32Array.of(t.length)) };
    const worker: Embedder = { id: "tokens", dimension: 1, embed: async (b) => (batches.push(b), b.map((t) => Float32Array.of(t.length))) };
    const texts = Array.from({ length: 2 * EMBED_BATCH }, (_, i) => (i % 2 ? "x".repeat(40 + i) : "a b".repeat(1 + (i % 5))));
    const got = await embedInBatches([worker], texts, undefined, { fallback: main });
    expect(got.map((v) => v[0])).toEqual(texts.map((t) => t.length));
    expect(batches.flat().map(tokens)).toEqual(texts.map(tokens).sort((a, b) => a - b));
    const real = await realEmbedder();
    expect(real.inputLength!("Customs officers in Zaranj recorded 12 grain shipments.")).toBeGreaterThan(real.inputLength!("Customs officers."));
    expect(real.inputLength!("  ")).toBe(1);
  });

  it("measures a long job a window at a time, so the first batch goes out before every input is measured", async () => {
    let measured = 0;
    let measuredAtFirstBatch = -1;
    const main: Embedder = {
      id: "window",
      dimension: 1,
      inputLength: (t) => (measured++, t.length),
      embed: async (b) => ((measuredAtFirstBatch = measuredAtFirstBatch < 0 ? measured : measuredAtFirstBatch), b.map((t) => Float32Array.of(t.length))),
    };
    const texts = Array.from({ length: 3 * LENGTH_WINDOW }, (_, i) => "y".repeat((i * 7919) % 97 + 1));
    const got = await embedInBatches(main, texts);
    expect(measuredAtFirstBatch).toBe(LENGTH_WINDOW);
    expect(measured).toBe(texts.length);
    expect(got.map((v) => v[0])).toEqual(texts.map((t) => t.length));
  });

  it("redoes a failed worker's batch on the main embedder", async () => {
    const main = await realEmbedder();
    const broken: Embedder = { id: main.id, dimension: main.dimension, embed: async () => Promise.reject(new Error("worker died")) };
    const got = await embedInBatches([main, broken], texts);
    expect(got.every((v) => v instanceof Float32Array && v.length === 512)).toBe(true);
    // The broken worker took the second batch (of the texts by the model's tokens); the main embedder redid it as one batch.
    const byLength = texts.map((_, i) => i).sort((a, b) => main.inputLength!(texts[a]!) - main.inputLength!(texts[b]!) || a - b);
    const second = byLength.slice(EMBED_BATCH, 2 * EMBED_BATCH);
    expect(Array.from(got[second[1]!]!)).toEqual(Array.from((await main.embed(second.map((i) => texts[i]!)))[1]!));
  });

  it("hands batches to workers only, two at a time each, and finishes on the main embedder when every worker fails", async () => {
    const main = await realEmbedder();
    const calls: string[] = [];
    let busy = 0;
    let mostBusy = 0;
    const worker: Embedder = {
      id: main.id,
      dimension: main.dimension,
      embed: async (batch) => {
        calls.push("worker");
        mostBusy = Math.max(mostBusy, ++busy);
        await new Promise((r) => setTimeout(r, 5));
        busy--;
        if (calls.length > 3) throw new Error("worker died");
        return main.embed(batch);
      },
    };
    const counted: Embedder = { id: main.id, dimension: main.dimension, embed: (batch) => (calls.push("main"), main.embed(batch)) };
    const got = await embedInBatches([worker], texts, undefined, { fallback: counted, inFlight: 2 });
    expect(mostBusy).toBe(2);
    expect(calls.slice(0, 3)).toEqual(["worker", "worker", "worker"]);
    expect(calls).toContain("main");
    expect(got.every((v) => v instanceof Float32Array && v.length === 512)).toBe(true);
    // The last sentence came from the main embedder once the worker had failed (batching moves floats in the 7th digit).
    const alone = (await main.embed(texts.slice(-1)))[0]!;
    got.at(-1)!.forEach((x, i) => expect(x).toBeCloseTo(alone[i]!, 5));
  });

  it("stops handing out batches once the fallback itself fails", async () => {
    const main = await realEmbedder();
    let workerCalls = 0;
    const failing: Embedder = { id: main.id, dimension: main.dimension, embed: async () => Promise.reject(new Error("model gone")) };
    const slow: Embedder = {
      id: main.id,
      dimension: main.dimension,
      embed: async (batch) => (workerCalls++, await new Promise((r) => setTimeout(r, 5)), main.embed(batch)),
    };
    await expect(embedInBatches([failing, slow], texts, undefined, { fallback: failing })).rejects.toThrow("model gone");
    await new Promise((r) => setTimeout(r, 100));
    // Without the stop, the worker would go on through all ten batches after the job had failed.
    expect(workerCalls).toBeLessThanOrEqual(2);
  });

  it("BRIEFBOT_EMBED_WORKERS sets the number of workers; unset means one per core (none on one core), 0 none", () => {
    expect(workerCount({}, 2)).toBe(2);
    expect(workerCount({}, 16)).toBe(4);
    expect(workerCount({}, 1)).toBe(0);
    expect(workerCount({ BRIEFBOT_EMBED_WORKERS: "many" }, 2)).toBe(2);
    expect(workerCount({ BRIEFBOT_EMBED_WORKERS: "0" }, 2)).toBe(0);
    expect(workerCount({ BRIEFBOT_EMBED_WORKERS: "1" }, 2)).toBe(1);
    expect(workerCount({ BRIEFBOT_EMBED_WORKERS: "8" }, 2)).toBe(2);
  });
});
