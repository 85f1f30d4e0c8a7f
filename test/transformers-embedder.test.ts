import { cp, rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Briefbot, DEFAULT_CORPUS_DIR } from "../src/core/briefbot.js";
import { cosine } from "../src/core/index/embedder.js";
import { BriefbotError } from "../src/core/errors.js";
import { loadCorpus } from "../src/core/ingest/corpus.js";
import { TransformersEmbedder } from "../src/core/index/transformers-embedder.js";
import { tempDir } from "./helpers/bot.js";
import { writeTinyModel } from "./helpers/tiny-model.js";

// No hub model is reachable here, so the transformers.js path runs on a small ONNX model
// the test writes itself (tokenizer + graph), loaded with remote models switched off.
describe("transformers.js embedder (local folder, remote loading off)", () => {
  it("loads a local ONNX sentence model and embeds deterministically", async () => {
    const dir = await tempDir();
    const corpus = await loadCorpus(DEFAULT_CORPUS_DIR);
    await writeTinyModel(join(dir, "tiny-bert"), corpus.documents[0]!.text.match(/[\p{L}\p{N}]+/gu)!);
    const embedder = await TransformersEmbedder.load(join(dir, "tiny-bert"));
    const { env } = await import("@xenova/transformers");
    expect(env.allowRemoteModels).toBe(false);
    expect(embedder.dimension).toBe(32);

    const [a, b, c] = await embedder.embed(["Iran and the Taliban", "Iran and the Taliban", "suicide bombing in Kabul"]);
    expect(cosine(a!, b!)).toBeCloseTo(1, 5);
    expect(cosine(a!, c!)).toBeLessThan(0.99);
    expect(Math.hypot(...a!)).toBeCloseTo(1, 5);

    // The whole pipeline runs on it: index, retrieval, verbatim quotes.
    await cp(DEFAULT_CORPUS_DIR, join(dir, "corpus"), { recursive: true });
    const bot = await Briefbot.open({ corpusDir: join(dir, "corpus"), cacheDir: join(dir, "cache"), embedder });
    expect(bot.indexStatus.action).toBe("built");
    const answer = await bot.ask("How many Afghan migrants did Iran deport?");
    expect(answer.citations[0]?.quote).toContain("4,700");
  });

  it("fails with a clear error, never a download, when the folder is incomplete", async () => {
    const dir = await tempDir();
    await writeTinyModel(join(dir, "broken"), ["iran"]);
    await rm(join(dir, "broken", "onnx"), { recursive: true });
    const error = await TransformersEmbedder.load(join(dir, "broken")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefbotError);
    expect((error as Error).message).toMatch(/incomplete: .*model\.onnx is missing/);
  });
});
