import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Briefbot, DEFAULT_CORPUS_DIR } from "../../src/core/briefbot.js";
import type { Embedder } from "../../src/core/index/embedder.js";
import { UseEmbedder } from "../../src/core/index/use-embedder.js";

let shared: Promise<Embedder> | undefined;
/** The real shipped model, loaded once per test file. */
export function realEmbedder(): Promise<Embedder> {
  shared ??= UseEmbedder.load();
  return shared;
}

const created: string[] = [];

/** Removes the temp folders (corpora, caches, model folders) made so far; run after each test file. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export async function tempDir(prefix = "briefbot-test-"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** The shipped brief copied to a fresh folder, with its own fresh cache. */
export async function openShippedBrief(): Promise<Briefbot> {
  const dir = await tempDir();
  await cp(DEFAULT_CORPUS_DIR, join(dir, "corpus"), { recursive: true });
  return Briefbot.open({ corpusDir: join(dir, "corpus"), cacheDir: join(dir, "cache"), embedder: await realEmbedder() });
}
