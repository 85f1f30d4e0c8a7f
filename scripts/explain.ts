/**
 * `npx tsx scripts/explain.ts --corpus DIR "question"`: the answerer's top candidates with every
 * part of their score, for reading why it chose what it chose.
 */
import { Briefbot } from "../src/core/briefbot.js";
import { loadEmbedder } from "../src/core/index/load-embedder.js";
import { rankAnswers } from "../src/core/answer/answer.js";

const args = process.argv.slice(2);
const at = args.indexOf("--corpus");
const corpusDir = at >= 0 ? args.splice(at, 2)[1] : undefined;
const bot = await Briefbot.open({ corpusDir, embedder: await loadEmbedder() });
for (const question of args) {
  const { analysis, ranked } = await rankAnswers(bot, question);
  console.log(`\n${question}\n  type=${analysis.type} focus=${analysis.focus} latest=${analysis.wantsLatest}`);
  console.log(`  slots: ${analysis.slots.map((s) => `${s.word}${s.isSubject ? "*" : ""}${s.missing ? "?" : ""}[${[...s.matches].map(([t, w]) => `${t}:${w}`).join(",")}]`).join(" ")}`);
  for (const s of ranked.slice(0, Number(process.env.EXPLAIN_TOP ?? 6))) {
    const c = s.coverage;
    console.log(
      `  ${s.score.toFixed(2)} sim=${s.candidate.similarity.toFixed(2)} all=${c.all.toFixed(2)} subj=${c.subject.toFixed(2)} rel=${c.relation.toFixed(2)} type=${s.type.toFixed(2)} lex=${s.candidate.lexicalScore.toFixed(1)} [${s.candidate.chunk.source} ¶${s.candidate.chunk.paragraph}] ${s.candidate.chunk.text.slice(0, 90)}`,
    );
  }
}
