import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Briefbot, DEFAULT_CORPUS_DIR } from "../../src/core/briefbot.js";
import type { Embedder } from "../../src/core/embedder.js";
import { UseEmbedder } from "../../src/core/use-embedder.js";

let shared: Promise<Embedder> | undefined;
/** The real shipped model, loaded once per test file. */
export function realEmbedder(): Promise<Embedder> {
  shared ??= UseEmbedder.load();
  return shared;
}

export async function tempDir(prefix = "briefbot-test-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** The shipped brief copied to a fresh folder, with its own fresh cache. */
export async function openShippedBrief(): Promise<Briefbot> {
  const dir = await tempDir();
  await cp(DEFAULT_CORPUS_DIR, join(dir, "corpus"), { recursive: true });
  return Briefbot.open({ corpusDir: join(dir, "corpus"), cacheDir: join(dir, "cache"), embedder: await realEmbedder() });
}
