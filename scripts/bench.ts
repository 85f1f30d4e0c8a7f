/**
 * npm run bench: cold start, index build, warm answer latency, HNSW recall and latency at
 * 50,000 chunks, peak RSS. Prints a Markdown table for the README and writes bench-results/latest.json.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import hnswlib from "hnswlib-node";
import { Briefbot, PROJECT_ROOT } from "../src/core/briefbot.js";
import { normalize } from "../src/core/index/embedder.js";
import { loadEmbedder } from "../src/core/index/load-embedder.js";
import { HNSW_EF_SEARCH, VectorIndex } from "../src/core/index/vector-index.js";
import { ANSWERABLE, HELD_OUT, OFF_TOPIC } from "../test/fixtures/questions.js";

const SYNTHETIC_CHUNKS = Number(process.env.BENCH_CHUNKS ?? 50_000);
const QUERIES = 200;

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function coldStart(cacheDir: string): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"), join(PROJECT_ROOT, "src/cli/main.ts"), "ask", "--json", "How many people were killed at the Seh Dokan Mosque?"], {
    env: { ...process.env, BRIEFBOT_CACHE_DIR: cacheDir },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`cold start run failed: ${run.stderr}`);
  return ms(start);
}

function generator(seed: number) {
  let state = seed;
  const uniform = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  // Sum of uniforms: close enough to a Gaussian, deterministic across runs.
  const gauss = () => (uniform() + uniform() + uniform() + uniform() + uniform() + uniform()) / 2;
  return { uniform, gauss };
}

/**
 * Embedding-like unit vectors: sentence embeddings occupy a low-dimensional subspace with a
 * decaying spectrum, so vectors are mixtures of 128 fixed directions (weights ~ 1/sqrt(rank))
 * plus isotropic noise. Deterministic, so every run measures the same cloud.
 */
function embeddingLikeVectors(count: number, dimension: number, seed: number): Float32Array[] {
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

/** The worst case for any ANN index: near-isotropic vectors with no low-dimensional structure. */
function isotropicVectors(count: number, dimension: number, seed: number): Float32Array[] {
  const { uniform } = generator(seed);
  return Array.from({ length: count }, () => normalize(Float32Array.from({ length: dimension }, uniform)));
}

function measureHnsw(data: Float32Array[], queries: Float32Array[], dimension: number) {
  let start = process.hrtime.bigint();
  const index = VectorIndex.build(data, dimension);
  const buildS = ms(start) / 1000;
  const exact = new hnswlib.BruteforceSearch("cosine", dimension);
  exact.initIndex(data.length);
  data.forEach((v, i) => exact.addPoint(Array.from(v), i));
  let hits = 0;
  const times: number[] = [];
  for (const q of queries) {
    const truth = new Set(exact.searchKnn(Array.from(q), 10).neighbors);
    start = process.hrtime.bigint();
    const found = index.search(q, 10);
    times.push(ms(start));
    hits += found.filter((f) => truth.has(f.id)).length;
  }
  return { buildS: round(buildS), recall: round(hits / (queries.length * 10), 4), p50: round(percentile(times, 50), 2), p95: round(percentile(times, 95), 2) };
}

async function main() {
  const results: Record<string, number | string> = {};
  const machine = `${cpus()[0]?.model.trim()} (${cpus().length} cores), ${round(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`;
  results.machine = machine;
  const scratch = await mkdtemp(join(tmpdir(), "briefbot-bench-"));

  // 1. Cold start: a new process answering one question, with and without a cached index.
  const coldCache = join(scratch, "cold");
  results.coldStartFirstRunMs = round(coldStart(coldCache), 0);
  results.coldStartCachedIndexMs = round(percentile([coldStart(coldCache), coldStart(coldCache), coldStart(coldCache)], 50), 0);

  // 2. Index build (embedding every sentence + HNSW) for the shipped brief.
  const embedder = await loadEmbedder();
  let start = process.hrtime.bigint();
  const bot = await Briefbot.open({ embedder, cacheDir: join(scratch, "build"), rebuild: true });
  results.indexBuildMs = round(ms(start), 0);
  results.indexedSentences = bot.chunks.length;

  // 3. Warm answers vs one query embedding.
  const questions = [...ANSWERABLE.map((q) => q.question), ...OFF_TOPIC];
  for (const q of questions) await bot.ask(q); // warm-up
  const answerTimes: number[] = [];
  const embedTimes: number[] = [];
  for (let round_ = 0; round_ < 3; round_++) {
    for (const q of questions) {
      start = process.hrtime.bigint();
      await embedder.embed([q]);
      embedTimes.push(ms(start));
      start = process.hrtime.bigint();
      await bot.ask(q);
      answerTimes.push(ms(start));
    }
  }
  results.queryEmbeddingP50Ms = round(percentile(embedTimes, 50));
  results.warmAnswerP50Ms = round(percentile(answerTimes, 50));
  results.warmAnswerP95Ms = round(percentile(answerTimes, 95));
  results.warmP95OverEmbeddingP50 = round(percentile(answerTimes, 95) / percentile(embedTimes, 50), 2);

  // 4. Answer quality on the tuned question set: which retriever finds the right sentence first.
  const correct = { dense: 0, lexical: 0, hybridAnswer: 0 };
  const isRight = (q: (typeof ANSWERABLE)[number], c?: { paragraph: number; text: string }) => c !== undefined && c.paragraph === q.paragraph && c.text.includes(q.mustQuote);
  for (const q of ANSWERABLE) {
    const candidates = await bot.retrieve(q.question);
    if (isRight(q, candidates.find((c) => c.denseRank === 1)?.chunk)) correct.dense++;
    if (isRight(q, candidates.find((c) => c.lexicalRank === 1)?.chunk)) correct.lexical++;
    const top = (await bot.ask(q.question)).citations[0];
    if (isRight(q, top && { paragraph: top.paragraph, text: top.quote })) correct.hybridAnswer++;
  }
  let refused = 0;
  for (const q of OFF_TOPIC) if (!(await bot.ask(q)).answered) refused++;
  results.top1DenseOnly = `${correct.dense}/${ANSWERABLE.length}`;
  results.top1Bm25Only = `${correct.lexical}/${ANSWERABLE.length}`;
  results.top1HybridAnswer = `${correct.hybridAnswer}/${ANSWERABLE.length}`;
  results.offTopicRefused = `${refused}/${OFF_TOPIC.length}`;
  let heldOutRight = 0;
  const heldOutWrong: string[] = [];
  for (const q of HELD_OUT) {
    const answer = await bot.ask(q.question);
    const top = answer.citations[0];
    const right = q.paragraph === null ? !answer.answered : answer.answered && top!.paragraph === q.paragraph && top!.quote.includes(q.mustQuote!);
    if (right) heldOutRight++;
    else heldOutWrong.push(q.question);
  }
  results.heldOutRight = `${heldOutRight}/${HELD_OUT.length}`;
  results.heldOutWrong = heldOutWrong.join(" | ");
  if (process.env.BENCH_QUALITY_ONLY) {
    console.log(results);
    return;
  }

  // 5. HNSW at scale: recall@10 against exact search, build time and query latency.
  const dimension = embedder.dimension;
  results.syntheticChunks = SYNTHETIC_CHUNKS;
  results.hnswEfSearch = HNSW_EF_SEARCH;
  const like = measureHnsw(embeddingLikeVectors(SYNTHETIC_CHUNKS, dimension, 7), embeddingLikeVectors(QUERIES, dimension, 99), dimension);
  results.hnswBuildS = like.buildS;
  results.hnswRecallAt10 = like.recall;
  results.hnswQueryP50Ms = like.p50;
  results.hnswQueryP95Ms = like.p95;
  if (!process.env.BENCH_SKIP_ISOTROPIC) {
    const worst = measureHnsw(isotropicVectors(SYNTHETIC_CHUNKS, dimension, 7), isotropicVectors(QUERIES, dimension, 99), dimension);
    results.isotropicWorstCaseRecallAt10 = worst.recall;
  }
  results.peakRssMiB = round(process.resourceUsage().maxRSS / 1024, 0);

  await mkdir(join(PROJECT_ROOT, "bench-results"), { recursive: true });
  await writeFile(join(PROJECT_ROOT, "bench-results", "latest.json"), JSON.stringify(results, null, 2));
  const commit = (() => {
    try {
      return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: PROJECT_ROOT, encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  })();
  console.log(`| measure | value |\n|---|---|`);
  for (const [k, v] of Object.entries(results)) console.log(`| ${k} | ${v} |`);
  console.log(`\n(commit ${commit}, ${new Date().toISOString().slice(0, 10)})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
