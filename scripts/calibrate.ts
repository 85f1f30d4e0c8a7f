/**
 * `npm run calibrate`: fits the refusal model (a logistic regression over the answerer's evidence)
 * on labelled question sets, reports cross-validated accuracy, and writes the weights to
 * src/core/answer/refusal-model.json. `-- --report` only measures; `-- --ablate` adds the
 * ablation table (each part of the answerer switched off in turn); `-- --verbose` lists misses.
 *
 * Fitting sets: ../shared/eval-dev (the development set), eval-own/tune to tune6 and the shipped
 * brief's own questions. eval-own/tune7 to tune12 are measured and their misses listed, but not
 * fitted on; eval-own/heldout, heldout2 and heldout3 are measured and never tuned on.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Briefbot, PROJECT_ROOT } from "../src/core/briefbot.js";
import { loadEmbedder } from "../src/core/index/load-embedder.js";
import { type Ablation, RANKING } from "../src/core/answer/answer.js";
import { LEVELS } from "../src/core/answer/evidence.js";
import { TYPE_DEFAULTS } from "../src/core/answer/answer-types.js";
import { RELATION_WEIGHT } from "../src/core/answer/question-analysis.js";
import { FEATURE_NAMES, type RefusalModel } from "../src/core/answer/refusal.js";
import { fitLogistic, predictLogistic } from "../src/core/answer/logistic.js";
import { ANSWERABLE, OFF_TOPIC } from "../test/fixtures/questions.js";
import { formatSummary, OWN_SETS, ownSetDir, ownSetLabel, type QuestionResult, type QuestionSet, readQuestionSet, runQuestion, summarise } from "./quality.js";

const args = new Set(process.argv.slice(2));
const MODEL_FILE = join(PROJECT_ROOT, "src/core/answer/refusal-model.json");
// l2 chosen by leave-one-set-out cross-validation (`--select`).
const FIT_OPTIONS = { l2: 0.3, steps: 20000, rate: 0.2 };
const cacheRoot = process.env.BRIEFBOT_CACHE_DIR || join(PROJECT_ROOT, ".cache", "index");

function questionSets(): { fit: QuestionSet[]; tunedOnly: QuestionSet[]; heldOut: QuestionSet[] } {
  const shipped: QuestionSet = {
    name: "shipped brief",
    corpus: join(PROJECT_ROOT, "corpus"),
    questions: [
      ...ANSWERABLE.map((q, i) => ({ id: `s${i + 1}`, q: q.question, answerable: true, any_of: [q.mustQuote], paragraph: q.paragraph })),
      ...OFF_TOPIC.map((q, i) => ({ id: `s-off${i + 1}`, q, answerable: false })),
    ],
  };
  const dev = readQuestionSet("dev (eval-dev)", join(PROJECT_ROOT, "..", "shared", "eval-dev"));
  const own = (names: string[]) => names.map((n) => readQuestionSet(ownSetLabel(n), ownSetDir(n)));
  const present = (sets: (QuestionSet | null)[]) => sets.filter((s): s is QuestionSet => s !== null);
  return {
    fit: present([dev, ...own(OWN_SETS.fit), shipped]),
    // Tuned on (their misses are read) but not in the refusal fit: a refit with them answered less on dev
    // and the held-out sets (README "Quality"), so the committed model stays the one these sets reproduce.
    tunedOnly: present(own(OWN_SETS.tunedOnly)),
    heldOut: present(own(OWN_SETS.heldOut)),
  };
}

async function run(set: QuestionSet, ablate: Ablation = {}, plainText = false): Promise<QuestionResult[]> {
  const embedder = await loadEmbedder();
  const bot = await Briefbot.open({ corpusDir: set.corpus, embedder, plainText, cacheDir: join(cacheRoot, `calibrate-${set.name.replace(/\W+/gu, "-")}${plainText ? "-plain" : ""}`) });
  const results: QuestionResult[] = [];
  for (const q of set.questions) results.push(await runQuestion(bot, q, ablate));
  return results;
}

/** Features left out of the fit (`--select` tries each; the answerer's model always lists all). */
const dropped = new Set<string>(process.env.BRIEFBOT_DROP?.split(",").filter(Boolean) ?? []);
const row = (r: QuestionResult) => FEATURE_NAMES.map((f) => (dropped.has(f) ? 0 : r.features![f]));
/**
 * The label: 1 when the best quote holds the fact, 0 for a question the briefs do not answer.
 * Answerable questions whose best quote is wrong are left out of the fit: whether they are
 * answered or refused, they are misses, so they say nothing about where to draw the line.
 */
const label = (r: QuestionResult) => (r.bestCorrect ? 1 : 0);
const informative = (r: QuestionResult) => r.features !== null && (r.bestCorrect || !r.question.answerable);

/** The threshold that makes the most right decisions: answer when the best quote is right, refuse when the briefs do not answer. */
function bestThreshold(p: number[], y: number[]): number {
  let best = 0.5;
  let bestRight = -1;
  for (let t = 0.05; t <= 0.95; t += 0.01) {
    const right = p.reduce((n, pi, i) => n + ((pi >= t) === (y[i] === 1) ? 1 : 0), 0);
    if (right > bestRight) {
      bestRight = right;
      best = t;
    }
  }
  return Math.round(best * 100) / 100;
}

function crossValidate(results: QuestionResult[], folds = 5): number {
  let right = 0;
  for (let k = 0; k < folds; k++) {
    const train = results.filter((_, i) => i % folds !== k);
    const test = results.filter((_, i) => i % folds === k);
    const fit = fitLogistic(train.map(row), train.map(label), FIT_OPTIONS);
    const t = bestThreshold(train.map((r) => predictLogistic(fit, row(r))), train.map(label));
    right += test.filter((r) => (predictLogistic(fit, row(r)) >= t) === (label(r) === 1)).length;
  }
  return right / results.length;
}

/**
 * Leave-one-set-out cross-validation: each set is a different corpus, so this estimates how the
 * refusal model does on briefs it was not fitted on, which is what the hidden sets measure.
 * Counted as the scorers count: an answerable question scores when answered with the right quote,
 * an unanswerable one when refused.
 */
function leaveOneSetOut(sets: QuestionResult[][], l2: number, wrongAsNegative: boolean): { hits: number; refused: number; answerable: number; unanswerable: number } {
  const usable = (r: QuestionResult) => r.features !== null && (wrongAsNegative || informative(r));
  const out = { hits: 0, refused: 0, answerable: 0, unanswerable: 0 };
  for (let k = 0; k < sets.length; k++) {
    const train = sets.filter((_, i) => i !== k).flat().filter(usable);
    const model = fitLogistic(train.map(row), train.map(label), { ...FIT_OPTIONS, l2 });
    const t = bestThreshold(train.map((r) => predictLogistic(model, row(r))), train.map(label));
    for (const r of sets[k]!) {
      const answers = r.features !== null && predictLogistic(model, row(r)) >= t;
      if (r.question.answerable) {
        out.answerable++;
        if (answers && r.bestCorrect) out.hits++;
      } else {
        out.unanswerable++;
        if (!answers) out.refused++;
      }
    }
  }
  return out;
}

/** `--select`: the fitting options compared by leave-one-set-out cross-validation. */
function selectModel(sets: QuestionResult[][]): void {
  console.log("| l2 | wrong best quotes as negatives | hit | refused | right decisions |\n|---|---|---|---|---|");
  for (const l2 of [0.001, 0.01, 0.1, 0.3, 1]) {
    for (const wrong of [false, true]) {
      const o = leaveOneSetOut(sets, l2, wrong);
      console.log(`| ${l2} | ${wrong ? "yes" : "no"} | ${o.hits}/${o.answerable} | ${o.refused}/${o.unanswerable} | ${o.hits + o.refused}/${o.answerable + o.unanswerable} |`);
    }
  }
  console.log("\n| feature left out (l2 0.3) | hit | refused | right decisions |\n|---|---|---|---|");
  for (const f of FEATURE_NAMES) {
    dropped.add(f);
    const o = leaveOneSetOut(sets, 0.3, false);
    dropped.delete(f);
    console.log(`| ${f} | ${o.hits}/${o.answerable} | ${o.refused}/${o.unanswerable} | ${o.hits + o.refused}/${o.answerable + o.unanswerable} |`);
  }
}

function byType(results: QuestionResult[]): string {
  const types = ["killed", "injured", "count", "who", "where", "when", "why", "yesno", "other"] as const;
  const lines = ["| question type | answerable | hit | top1 | unanswerable | refused |", "|---|---|---|---|---|---|"];
  for (const type of types) {
    const rs = results.filter((r) => r.type === type);
    if (!rs.length) continue;
    const s = summarise(rs);
    lines.push(`| ${type} | ${s.answerable} | ${s.hit} | ${s.top1} | ${s.unanswerable} | ${s.refused} |`);
  }
  return lines.join("\n");
}

/** `BRIEFBOT_TUNE='{"ranking":{...},"levels":{...}}'` overrides weights for one run, to try settings without editing code. */
function applyOverrides(): void {
  const raw = process.env.BRIEFBOT_TUNE;
  if (!raw) return;
  const o = JSON.parse(raw) as { ranking?: Partial<typeof RANKING>; levels?: Partial<typeof LEVELS>; types?: Partial<typeof TYPE_DEFAULTS>; relations?: Partial<typeof RELATION_WEIGHT> };
  Object.assign(RELATION_WEIGHT, o.relations ?? {});
  Object.assign(RANKING, o.ranking ?? {});
  Object.assign(TYPE_DEFAULTS, o.types ?? {});
  Object.assign(LEVELS, o.levels ?? {});
}

async function main() {
  applyOverrides();
  const { fit, tunedOnly, heldOut } = questionSets();
  const all = new Map<string, QuestionResult[]>();
  const only = process.env.BRIEFBOT_SETS?.split(",");
  for (const set of [...fit, ...tunedOnly, ...heldOut]) if (!only || only.some((o) => set.name.startsWith(o))) all.set(set.name, await run(set));

  if (args.has("--select")) {
    selectModel(fit.map((set) => all.get(set.name)!));
    return;
  }

  if (!args.has("--report")) {
    const train = fit.flatMap((s) => all.get(s.name)!).filter(informative);
    const model = fitLogistic(train.map(row), train.map(label), FIT_OPTIONS);
    const threshold = bestThreshold(train.map((r) => predictLogistic(model, row(r))), train.map(label));
    const out: RefusalModel = { features: FEATURE_NAMES, ...model, threshold };
    writeFileSync(MODEL_FILE, JSON.stringify(out, null, 2) + "\n");
    console.log(`Fitted on ${train.length} questions; 5-fold cross-validated decision accuracy ${(100 * crossValidate(train)).toFixed(1)} %.`);
    console.log(`Weights: ${FEATURE_NAMES.map((f, i) => `${f} ${model.weights[i]!.toFixed(2)}`).join(", ")}; threshold ${threshold}.`);
    console.log("Re-run with --report to measure with the new weights (the answerer reads them at start).");
    return;
  }

  for (const [name, results] of all) {
    console.log(`\n## ${name}: ${formatSummary(summarise(results))}\n`);
    console.log(byType(results));
    // Held-out misses are never listed: looking at them would be tuning on them.
    if (args.has("--verbose") && !heldOut.some((h) => h.name === name)) {
      for (const r of results) {
        const wrong = r.question.answerable ? !r.hit : r.answered;
        if (!wrong) continue;
        const f = r.features ? FEATURE_NAMES.map((k) => `${k}=${r.features![k].toFixed(2)}`).join(" ") : "";
        console.log(`miss ${r.question.id} [${r.type}] ${r.question.q}\n   answered=${r.answered} best="${r.firstQuote.slice(0, 160)}"\n   ${f}`);
      }
    }
  }

  if (args.has("--ablate")) {
    const parts: [string, Ablation, boolean][] = [
      ["everything on", {}, false],
      ["1. structure-aware reading off (Markdown read as plain text)", { structure: true }, true],
      ["2. context off (only the sentence's own words count)", { context: true }, false],
      ["3. answer typing off", { answerType: true }, false],
      ["4. WordNet relatives off", { lexicon: true }, false],
      ["5. calibrated refusal off (cosine ≥ 0.35 instead)", { calibration: true }, false],
    ];
    console.log("\n| configuration | set | hit | top1 | refused | quoted chars | best quote right (before refusal) |\n|---|---|---|---|---|---|---|");
    for (const [label, ablate, plain] of parts) {
      for (const set of [...fit.filter((s) => s.name.startsWith("dev")), ...heldOut]) {
        const s = summarise(await run(set, ablate, plain));
        console.log(`| ${label} | ${set.name} | ${s.hit}/${s.answerable} | ${s.top1}/${s.answerable} | ${s.refused}/${s.unanswerable} | ${s.meanQuotedChars} | ${s.bestCorrect}/${s.answerable} |`);
      }
    }
  }
}

await main();
