/**
 * npm run bench: cold start, index build, embedding throughput, incremental updates, warm answer
 * latency, HNSW recall and latency at 50,000 chunks, cold start and serving memory at 50,000
 * sentences, peak RSS. Prints a Markdown table for the README and writes bench-results/latest.json.
 *
 * BENCH_SKIP_50K=1 skips the heavy 50,000-sentence parts; BENCH_INDEXING_ONLY=1 runs only the
 * indexing parts (throughput, incremental add, 50k cold start and memory); BENCH_50K_ONLY=1 only the
 * 50,000-sentence cold start, memory and warm answers; BENCH_QUALITY_ONLY=1 only answer quality.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { rmSync } from "node:fs";
import { join } from "node:path";
import hnswlib from "hnswlib-node";
import { Briefbot, PROJECT_ROOT } from "../src/core/briefbot.js";
import { normalize } from "../src/core/index/embedder.js";
import { loadEmbedder } from "../src/core/index/load-embedder.js";
import { EMBED_BATCH, embedInBatches, type EmbedBatchOptions } from "../src/core/index/embed-batches.js";
import { EmbedWorkers, workerCount } from "../src/core/index/embed-workers.js";
import type { Embedder } from "../src/core/index/embedder.js";
import { ChunkCache } from "../src/core/index/chunk-cache.js";
import { embeddingInput } from "../src/core/ingest/chunker.js";
import { loadCorpus } from "../src/core/ingest/corpus.js";
import { HNSW_EF_SEARCH, VectorIndex, VectorStore } from "../src/core/index/vector-index.js";
import { ANSWERABLE, HELD_OUT, OFF_TOPIC } from "../test/fixtures/questions.js";
import { nodeFlagsOf } from "./node-flags.js";
import { embeddingLikeVectors, generator, seedVectorCache, writeSyntheticCorpus } from "./synthetic-corpus.js";

const SYNTHETIC_CHUNKS = Number(process.env.BENCH_CHUNKS ?? 50_000);
const SKIP_50K = Boolean(process.env.BENCH_SKIP_50K);
const QUERIES = 200;

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The CLI as `npm run ask` runs it (scripts/launch.mjs with the script's Node options): compiled
 * JavaScript when `npm run build` has made an up-to-date dist/, else TypeScript through tsx.
 */
function cliCommand(): string[] {
  return [...nodeFlagsOf("ask"), join(PROJECT_ROOT, "scripts/launch.mjs"), "cli"];
}

let coldStartRunner = "compiled JavaScript (dist/)";
const noteRunner = (stderr: string) => {
  if (/running the TypeScript through tsx/.test(stderr)) coldStartRunner = "tsx (TypeScript compiled at start)";
};

function coldStart(cacheDir: string, corpusArgs: string[] = []): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [...cliCommand(), "ask", "--json", ...corpusArgs, "How many people were killed at the Seh Dokan Mosque?"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, BRIEFBOT_CACHE_DIR: cacheDir },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`cold start run failed: ${run.stderr}`);
  noteRunner(run.stderr);
  return ms(start);
}

/**
 * Reports the child's peak RSS on exit (Node gives no rusage for children). On Linux it is VmHWM, the
 * peak of the process image itself: getrusage's maxRSS also counts the forked copy of this benchmark
 * before exec, so once the benchmark had grown past ~370 MB every child "peaked" at the parent's size.
 */
const REPORT_MAX_RSS =
  "data:text/javascript," +
  encodeURIComponent(
    'import { readFileSync } from "node:fs";' +
      'process.on("exit", () => { let kB = 0; try { kB = Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0); } catch {}' +
      ' process.stderr.write("maxrss:" + (kB || process.resourceUsage().maxRSS) + "\\n"); });',
  );

/**
 * One `ask --json -` process answering `questions` from a cached corpus: time to its first answer
 * (cold start), then its peak RSS once all are answered (serving memory).
 */
function serve(cacheDir: string, corpusDir: string, questions: string[]): Promise<{ firstAnswerMs: number; maxRssMiB: number; answerGapsMs: number[] }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ["--import", REPORT_MAX_RSS, ...cliCommand(), "ask", "--json", "--corpus", corpusDir, "-"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, BRIEFBOT_CACHE_DIR: cacheDir },
    });
    let firstAnswerMs = 0;
    let stderr = "";
    // Questions are all on stdin at once, so the time between answer lines is one warm answer each.
    const lineTimes: number[] = [];
    child.stdout.on("data", (d: Buffer) => {
      firstAnswerMs ||= ms(start);
      for (const _ of d.toString().matchAll(/\n/g)) lineTimes.push(ms(start));
    });
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => {
      const rss = Number(/maxrss:(\d+)/.exec(stderr)?.[1]);
      noteRunner(stderr);
      if (code !== 0 || !rss) reject(new Error(`serving run failed (${code}): ${stderr}`));
      else resolve({ firstAnswerMs, maxRssMiB: rss / 1024, answerGapsMs: lineTimes.slice(1).map((t, i) => t - lineTimes[i]!) });
    });
    child.stdin.end(questions.join("\n") + "\n");
  });
}

async function folderMiB(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size;
  return total / 2 ** 20;
}

/** Sentences/s embedding distinct sentences of the shipped brief, batch by batch, on `embedders`. */
async function throughput(embedders: Embedder[], sentences: string[], count: number, batch?: number, options?: EmbedBatchOptions): Promise<number> {
  const texts = Array.from({ length: count }, (_, i) => `${sentences[i % sentences.length]} (${i})`);
  const start = process.hrtime.bigint();
  if (batch) for (let i = 0; i < texts.length; i += batch) await embedders[0]!.embed(texts.slice(i, i + batch));
  else await embedInBatches(embedders, texts, undefined, options);
  return texts.length / (ms(start) / 1000);
}

/** Up to `count` distinct embedding inputs from the briefs under eval-own/ (sentences of many styles and lengths). */
async function mixedBriefInputs(count: number): Promise<string[]> {
  const root = join(PROJECT_ROOT, "eval-own");
  const inputs = new Set<string>();
  for (const set of (await readdir(root)).sort()) {
    const corpus = await loadCorpus(join(root, set, "corpus")).catch(() => null);
    if (!corpus) continue;
    for (const chunk of ChunkCache.empty("bench").chunk(corpus.documents).chunks) inputs.add(embeddingInput(chunk));
    if (inputs.size >= count) break;
  }
  return [...inputs].slice(0, count);
}

/** Every question of this project's own question sets (the qa.jsonl of each eval-own folder). */
async function ownQuestions(): Promise<string[]> {
  const root = join(PROJECT_ROOT, "eval-own");
  const out: string[] = [];
  for (const set of (await readdir(root)).sort()) {
    const text = await readFile(join(root, set, "qa.jsonl"), "utf8").catch(() => "");
    for (const line of text.split("\n")) if (line.trim()) out.push((JSON.parse(line) as { q: string }).q);
  }
  return out;
}

/**
 * Recall of the store's search as the shipped model uses it (a projected graph re-ranked on the full
 * vectors, vector-index.ts) against exact search, on real embeddings: the inputs of this project's
 * own briefs plus generated report sentences (near-duplicates, the hard case), queried with its
 * own questions. The synthetic vectors elsewhere in the bench have no reason to share the model's
 * principal directions, so they measure the graph alone.
 */
async function realVectorRecall(results: Record<string, number | string>, embedder: Embedder, scratch: string): Promise<void> {
  const generated = join(scratch, "recall-corpus");
  await writeSyntheticCorpus(generated, 3_000);
  const inputs = new Set(await mixedBriefInputs(Infinity));
  for (const chunk of ChunkCache.empty("bench").chunk((await loadCorpus(generated)).documents).chunks) inputs.add(embeddingInput(chunk));
  const texts = [...inputs];
  const workers = await EmbedWorkers.start(workerCount(), embedder);
  const vectors = await embedInBatches(workers.embedders.length ? workers.embedders : [embedder], texts, undefined, { fallback: embedder, inFlight: 2 });
  await workers.close();
  const queries = await embedder.embed(await ownQuestions());
  const store = VectorStore.create(embedder.id, embedder.dimension, vectors.length);
  store.add(vectors.map((vector, i) => ({ key: String(i), vector })));
  results.realVectors = vectors.length;
  results.realVectorsProjection = store.projection ? `${store.dimension} → ${store.graphDimension} dimensions` : "none";
  // Exact search as the other recall measures here do it: hnswlib's brute force over the full vectors.
  const exact = new hnswlib.BruteforceSearch("cosine", embedder.dimension);
  exact.initIndex(vectors.length);
  vectors.forEach((v, i) => exact.addPoint(Array.from(v), i));
  for (const k of [10, 50]) {
    let hits = 0;
    for (const q of queries) {
      const truth = new Set(exact.searchKnn(Array.from(q), k).neighbors);
      hits += store.search(q, k).filter((h) => truth.has(h.slot)).length;
    }
    results[`searchRecallAt${k}RealVectors`] = round(hits / (queries.length * k), 4);
  }
}

/** A 64-sentence brief about a place and things the synthetic corpus never mentions. */
function newBrief(): string {
  const { pick } = generator(3);
  const lines = ["# Salang tunnel update", ""];
  const things = ["avalanche barriers", "ventilation fans", "snow ploughs", "toll booths", "tunnel lights", "drainage pumps", "fuel tankers", "rescue teams"];
  for (let p = 0; p < 16; p++) {
    const sentences = Array.from({ length: 4 }, (_, i) => `Engineers at the Salang tunnel inspected ${pick(things)} in section ${p * 4 + i + 1} before the winter convoy season.`);
    if (p === 0) sentences[0] = "The Salang tunnel reopened after engineers cleared 312 tonnes of snow from its northern entrance.";
    lines.push(sentences.join(" "), "");
  }
  return lines.join("\n");
}

/** Indexing: throughput, batch sizes, workers, adding one brief to a 10,000-sentence corpus. */
async function indexingParts(results: Record<string, number | string>, embedder: Embedder, scratch: string): Promise<void> {
  const shipped = await Briefbot.open({ embedder, cacheDir: join(scratch, "throughput-brief") });
  const sentences = shipped.chunks.map((c) => c.text);
  for (const batch of [1, 4, 16, 32]) results[`embedSentencesPerS_batch${batch}`] = round(await throughput([embedder], sentences, 128, batch), 0);
  results.embedBatchUsed = EMBED_BATCH;
  results.embedSentencesPerS_mainThread = round(await throughput([embedder], sentences, 256), 0);
  // What indexing does for a job of 256+ sentences (briefbot.ts embedAll): one worker per core, the main thread only handing out batches.
  const workers = await EmbedWorkers.start(workerCount(), embedder);
  results.embedWorkers = workers.embedders.length;
  if (workers.embedders.length) {
    await Promise.all(workers.embedders.map((w) => w.embed(sentences.slice(0, EMBED_BATCH))));
    results.embedSentencesPerS = round(await throughput(workers.embedders, sentences, 768, undefined, { fallback: embedder, inFlight: 2 }), 0);
    // The same on distinct sentences of every length, as indexing embeds them (context header included):
    // this project's own tuning briefs, so sorting by length meets real padding.
    const mixed = await mixedBriefInputs(768);
    const mixedStart = process.hrtime.bigint();
    await embedInBatches(workers.embedders, mixed, undefined, { fallback: embedder, inFlight: 2 });
    results.embedSentencesPerS_mixedBriefs = round(mixed.length / (ms(mixedStart) / 1000), 0);
    const [first] = workers.embedders;
    results.embedSentencesPerS_mainPlus1Worker = round(await throughput([embedder, first!], sentences, 256), 0);
  } else results.embedSentencesPerS = results.embedSentencesPerS_mainThread;
  await workers.close();

  // Adding one 64-sentence brief to a 10,000-sentence corpus whose index is cached.
  const corpusDir = join(scratch, "corpus-10k");
  const cacheDir = join(scratch, "cache-10k");
  await writeSyntheticCorpus(corpusDir, 10_000 - shipped.chunks.length);
  await seedVectorCache(corpusDir, cacheDir, embedder.id, embedder.dimension);
  const before = await Briefbot.open({ corpusDir, cacheDir, embedder });
  results.corpusSentencesBeforeAdd = before.chunks.length;
  await writeFile(join(corpusDir, "salang.md"), newBrief());
  const start = process.hrtime.bigint();
  const after = await before.refresh();
  const answer = await after.ask("How many tonnes of snow were cleared from the Salang tunnel?");
  results.addOneBriefUntilAnswerableMs = round(ms(start), 0);
  results.addOneBriefEmbedded = after.indexStatus.embedded;
  if (answer.citations[0]?.source !== "salang.md") throw new Error(`the added brief was not answerable: ${JSON.stringify(answer)}`);
  // The same, from a new process (what `npm run index` after dropping a file in costs).
  await rm(join(corpusDir, "salang.md"));
  await before.refresh();
  await writeFile(join(corpusDir, "salang.md"), newBrief().replace("312 tonnes", "313 tonnes"));
  const reopenStart = process.hrtime.bigint();
  const reopened = await Briefbot.open({ corpusDir, cacheDir, embedder });
  await reopened.ask("How many tonnes of snow were cleared from the Salang tunnel?");
  results.addOneBriefNewProcessOpenMs = round(ms(reopenStart), 0);
  results.hnswRecallAt10AfterChurn10k = recallAfterChurn(embedder.dimension);
}

/**
 * Recall@10 of the in-place-updated graph: 10,000 vectors, then 20 % retired (marked deleted)
 * and as many new ones added, against exact search over the live set.
 */
function recallAfterChurn(dimension: number): number {
  const n = 10_000;
  const churn = 2_000;
  const all = embeddingLikeVectors(n + churn, dimension, 11);
  const store = VectorStore.create("bench", dimension, n);
  store.add(all.slice(0, n).map((vector, i) => ({ key: String(i), vector })));
  const { uniform } = generator(5);
  const retired = new Set<number>();
  while (retired.size < churn) retired.add(Math.floor(((uniform() + 1) / 2) * n) % n);
  store.add(all.slice(n).map((vector, i) => ({ key: String(n + i), vector })));
  const live = new Set(Array.from({ length: n + churn }, (_, i) => i).filter((i) => !retired.has(i)));
  store.retain(live);
  const exact = new hnswlib.BruteforceSearch("cosine", dimension);
  exact.initIndex(live.size);
  for (const i of live) exact.addPoint(Array.from(all[i]!), i);
  let hits = 0;
  const queries = embeddingLikeVectors(QUERIES, dimension, 99);
  for (const q of queries) {
    const truth = new Set(exact.searchKnn(Array.from(q), 10).neighbors);
    hits += store.search(q, 10).filter((h) => truth.has(h.slot)).length;
  }
  return round(hits / (queries.length * 10), 4);
}

/** Cold start to first answer and serving memory with a cached 50,000-sentence index. */
async function fiftyThousandParts(results: Record<string, number | string>, embedder: Embedder, scratch: string): Promise<void> {
  const corpusDir = join(scratch, "corpus-50k");
  const cacheRoot = join(scratch, "cache-50k");
  await writeSyntheticCorpus(corpusDir, SYNTHETIC_CHUNKS - 32);
  // The CLI finds the cache under BRIEFBOT_CACHE_DIR by the corpus folder's path.
  process.env.BRIEFBOT_CACHE_DIR = cacheRoot;
  const { defaultCacheDir } = await import("../src/core/briefbot.js");
  const cacheDir = defaultCacheDir(corpusDir);
  delete process.env.BRIEFBOT_CACHE_DIR;
  results.servedSentences = await seedVectorCache(corpusDir, cacheDir, embedder.id, embedder.dimension);
  const questions = [...ANSWERABLE.map((q) => q.question), ...OFF_TOPIC];
  await serve(cacheRoot, corpusDir, questions.slice(0, 1)); // the first run saves chunking and the BM25 index
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await serve(cacheRoot, corpusDir, questions));
  const firstPass = runs.flatMap((r) => r.answerGapsMs);
  results.coldStart50kFirstAnswerMs = round(percentile(runs.map((r) => r.firstAnswerMs), 50), 0);
  results.servingRss50kMiB = round(percentile(runs.map((r) => r.maxRssMiB), 50), 0);
  results.warmAnswer50kP50Ms = round(percentile(firstPass, 50));
  results.warmAnswer50kP95Ms = round(percentile(firstPass, 95));
  // A fresh process pays on each first question for what it reads and caches on first use (WordNet,
  // sentence terms, JIT). A running bot's steady state: the same questions asked three times, last pass timed.
  const steady = await serve(cacheRoot, corpusDir, [...questions, ...questions, ...questions]);
  const secondPass = steady.answerGapsMs.slice(2 * questions.length - 1);
  results.steadyAnswer50kP50Ms = round(percentile(secondPass, 50));
  results.steadyAnswer50kP95Ms = round(percentile(secondPass, 95));
  results.servingRss50kAfter90AnswersMiB = round(steady.maxRssMiB, 0);
  // The target's yardstick: one query embedding (this process's model, the same questions).
  const embedTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    for (const q of questions) {
      const start = process.hrtime.bigint();
      await embedder.embed([q]);
      embedTimes.push(ms(start));
    }
  }
  results.queryEmbedding50kP50Ms = round(percentile(embedTimes, 50));
  results.warmP95OverEmbedding50k = round(percentile(firstPass, 95) / percentile(embedTimes, 50), 2);
  results.steadyP95OverEmbedding50k = round(percentile(secondPass, 95) / percentile(embedTimes, 50), 2);
  results.cacheOnDisk50kMiB = round(await folderMiB(cacheDir), 1);
  results.coldStartRunner = coldStartRunner;
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
  // Its corpora and caches take ~180 MB; BENCH_KEEP_SCRATCH=1 keeps them for a look afterwards.
  if (process.env.BENCH_KEEP_SCRATCH !== "1") process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

  // 1. Cold start: a new process answering one question, with and without a cached index.
  const coldCache = join(scratch, "cold");
  results.coldStartFirstRunMs = round(coldStart(coldCache), 0);
  results.coldStartCachedIndexMs = round(percentile([coldStart(coldCache), coldStart(coldCache), coldStart(coldCache)], 50), 0);

  const embedder = await loadEmbedder();
  if (process.env.BENCH_50K_ONLY) {
    await fiftyThousandParts(results, embedder, scratch);
    console.log(results);
    return;
  }
  if (process.env.BENCH_INDEXING_ONLY) {
    await indexingParts(results, embedder, scratch);
    await realVectorRecall(results, embedder, scratch);
    if (!SKIP_50K) await fiftyThousandParts(results, embedder, scratch);
    console.log(results);
    return;
  }

  // 2. Index build (embedding every sentence + HNSW) for the shipped brief.
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

  // 5. Indexing: throughput, workers, incremental add; then the 50,000-sentence cold start and memory.
  await indexingParts(results, embedder, scratch);
  await realVectorRecall(results, embedder, scratch);
  if (!SKIP_50K) await fiftyThousandParts(results, embedder, scratch);

  // 6. HNSW at scale: recall@10 against exact search, build time and query latency.
  const dimension = embedder.dimension;
  results.syntheticChunks = SKIP_50K ? "skipped (BENCH_SKIP_50K)" : SYNTHETIC_CHUNKS;
  results.hnswEfSearch = HNSW_EF_SEARCH;
  if (!SKIP_50K) {
    const like = measureHnsw(embeddingLikeVectors(SYNTHETIC_CHUNKS, dimension, 7), embeddingLikeVectors(QUERIES, dimension, 99), dimension);
    results.hnswBuildS = like.buildS;
    results.hnswRecallAt10 = like.recall;
    results.hnswQueryP50Ms = like.p50;
    results.hnswQueryP95Ms = like.p95;
  }
  if (!SKIP_50K && !process.env.BENCH_SKIP_ISOTROPIC) {
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
