/**
 * `npx tsx scripts/many-briefs.ts [--heldout]`: the labelled questions answered from one corpus that
 * holds every brief of several question sets, as a team's corpus holds many briefs. Each set's
 * briefs are the others' same-domain distractors, and the corpus is large enough (2,500 sentences
 * for the tuning sets) for the answerer's candidate pool rather than scoring every sentence.
 * Reports hit, first quote and refusals as the per-set report counts them (quote text only: the
 * paragraph numbers of a merged corpus are not the sets'), and the answer time per question.
 *
 * Default: the development set and eval-own/tune to tune11. --heldout: eval-own/heldout to heldout3,
 * which are measured and never tuned on.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Briefbot, PROJECT_ROOT } from "../src/core/briefbot.js";
import { loadEmbedder } from "../src/core/index/load-embedder.js";
import { answerQuestion } from "../src/core/answer/answer.js";
import { normalise, readQuestionSet, type QuestionSet } from "./quality.js";

const heldOut = process.argv.includes("--heldout");
const own = (name: string) => readQuestionSet(name, join(PROJECT_ROOT, "eval-own", name));
const names = heldOut ? ["heldout", "heldout2", "heldout3"] : ["tune", "tune2", "tune3", "tune4", "tune5", "tune6", "tune7", "tune8", "tune9", "tune10", "tune11"];
const sets = [...(heldOut ? [] : [readQuestionSet("dev", join(PROJECT_ROOT, "..", "shared", "eval-dev"))]), ...names.map(own)].filter((s): s is QuestionSet => s !== null);

const scratch = mkdtempSync(join(tmpdir(), "briefbot-many-"));
try {
  const corpus = join(scratch, "corpus");
  // Each file under its set's name: two sets may hold files of the same name.
  for (const set of sets) for (const file of readdirSync(set.corpus)) cpSync(join(set.corpus, file), join(corpus, `${set.name}--${file}`));
  const bot = await Briefbot.open({ corpusDir: corpus, cacheDir: join(scratch, "cache"), embedder: await loadEmbedder() });
  let answerable = 0, hit = 0, top1 = 0, unanswerable = 0, refused = 0;
  const times: number[] = [];
  for (const set of sets) {
    for (const q of set.questions) {
      const started = process.hrtime.bigint();
      const answer = await answerQuestion(bot, q.q);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      const holds = (quote: string) => (q.any_of ?? []).some((a) => normalise(quote).includes(normalise(a)));
      if (!q.answerable) {
        unanswerable++;
        if (!answer.answered) refused++;
        continue;
      }
      answerable++;
      if (answer.answered && answer.citations.some((c) => holds(c.quote))) hit++;
      if (answer.answered && holds(answer.citations[0]?.quote ?? "")) top1++;
    }
  }
  const sorted = times.sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!.toFixed(0);
  console.log(`${sets.length} sets, ${readdirSync(corpus).length} briefs, ${bot.chunks.length} sentences in one corpus`);
  console.log(`hit ${hit}/${answerable}, top1 ${top1}/${answerable}, refused ${refused}/${unanswerable}; answer time p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
