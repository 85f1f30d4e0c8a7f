/**
 * A large corpus for benchmarks: the shipped brief plus generated report files of varied,
 * distinct sentences, and a vector cache seeded for them with synthetic embedding-like vectors
 * (embedding 50,000 sentences for real would take the bench tens of minutes). Sentences added
 * afterwards are embedded by the real model, so incremental timings are real.
 */
import { cp, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFAULT_CORPUS_DIR } from "../src/core/briefbot.js";
import { chunkDocuments, embeddingInput } from "../src/core/ingest/chunker.js";
import { loadCorpus } from "../src/core/ingest/corpus.js";
import { normalize } from "../src/core/index/embedder.js";
import { saveVectorCache } from "../src/core/index/vector-cache.js";
import { inputKey, VectorStore } from "../src/core/index/vector-index.js";

export function generator(seed: number) {
  let state = seed;
  const uniform = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  // Sum of uniforms: close enough to a Gaussian, deterministic across runs.
  const gauss = () => (uniform() + uniform() + uniform() + uniform() + uniform() + uniform()) / 2;
  const pick = <T>(items: T[]) => items[Math.floor(((uniform() + 1) / 2) * items.length) % items.length]!;
  return { uniform, gauss, pick };
}

/**
 * Embedding-like unit vectors: sentence embeddings occupy a low-dimensional subspace with a
 * decaying spectrum, so vectors are mixtures of 128 fixed directions (weights ~ 1/sqrt(rank))
 * plus isotropic noise. Deterministic, so every run measures the same cloud.
 */
export function embeddingLikeVectors(count: number, dimension: number, seed: number): Float32Array[] {
  const basisRng = generator(1);
  const basis = Array.from({ length: 128 }, () => Float32Array.from({ length: dimension }, basisRng.gauss));
  const { gauss } = generator(seed);
  return Array.from({ length: count }, () => {
    const v = new Float32Array(dimension);
    basis.forEach((direction, r) => {
      const w = gauss() / Math.sqrt(r + 1);
      for (let d = 0; d < dimension; d++) v[d]! += w * direction[d]!;
    });
    for (let d = 0; d < dimension; d++) v[d]! += 0.1 * gauss();
    return normalize(v);
  });
}

const PLACES = ["Herat", "Kandahar", "Kunduz", "Jalalabad", "Mazar-i Sharif", "Ghazni", "Bamyan", "Farah", "Zaranj", "Khost", "Gardez", "Faizabad"];
const ACTORS = ["The provincial council", "A local militia", "Border police", "The ministry", "Aid workers", "Tribal elders", "A convoy escort", "Customs officers"];
const VERBS = ["reported", "denied", "confirmed", "disputed", "announced", "investigated", "recorded", "questioned"];
const OBJECTS = ["a checkpoint closure", "new fuel prices", "a water dispute", "the arrest of smugglers", "a clinic opening", "damaged roads", "a school reopening", "grain shipments"];

/** `sentences` generated sentences in files of `perFile`, paragraphs of four sentences. */
export async function writeSyntheticCorpus(dir: string, sentences: number, perFile = 500): Promise<void> {
  await mkdir(dir, { recursive: true });
  await cp(DEFAULT_CORPUS_DIR, dir, { recursive: true });
  const { pick, uniform } = generator(42);
  for (let file = 0; file * perFile < sentences; file++) {
    const lines = [`Regional report ${file + 1}`];
    let paragraph: string[] = [];
    for (let i = file * perFile; i < Math.min(sentences, (file + 1) * perFile); i++) {
      const day = 1 + Math.floor(((uniform() + 1) / 2) * 28);
      paragraph.push(`${pick(ACTORS)} in ${pick(PLACES)} ${pick(VERBS)} ${pick(OBJECTS)} on day ${day} (entry ${i}).`);
      if (paragraph.length === 4) lines.push(paragraph.splice(0).join(" "));
    }
    if (paragraph.length) lines.push(paragraph.join(" "));
    await writeFile(join(dir, `report-${String(file + 1).padStart(4, "0")}.md`), lines.join("\n\n") + "\n");
  }
}

/** Fills the vector cache of `corpusDir` with synthetic vectors under the real keys of its sentences. */
export async function seedVectorCache(corpusDir: string, cacheDir: string, model: string, dimension: number): Promise<number> {
  const { chunks } = chunkDocuments((await loadCorpus(corpusDir)).documents);
  const keys = [...new Set(chunks.map((chunk) => inputKey(model, embeddingInput(chunk))))];
  const vectors = embeddingLikeVectors(keys.length, dimension, 7);
  const store = VectorStore.create(model, dimension, keys.length);
  store.add(keys.map((key, i) => ({ key, vector: vectors[i]! })));
  await saveVectorCache(cacheDir, store);
  return chunks.length;
}
