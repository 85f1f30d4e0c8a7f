/**
 * `npx tsx scripts/briefing-quality.ts [--verbose] [CORPUS_DIR ...]`: for each document of each
 * corpus, its /brief document briefing is checked for what a team relies on:
 *   - own document: every quote and citation is from that document;
 *   - verbatim: every quote is an exact slice of a body block (never a title or heading);
 *   - no markup: no quote carries a list marker, emphasis, table pipe or link syntax;
 *   - casualty figures: its main casualty figures (the casualty extractor's single incidents for
 *     that document, the three largest by killed) are in the briefing's table as extracted.
 * Also counts which kinds of point each briefing found, whether a topic briefing on each brief's
 * own title puts that brief first, and whether topics from outside every brief are refused. Default corpora: the development set and
 * eval-own/tune and tune2 (never eval-own/heldout).
 */
import { join, relative } from "node:path";
import { Briefbot, PROJECT_ROOT } from "../src/core/briefbot.js";
import { buildBriefing } from "../src/core/extract/briefing/build-briefing.js";
import { briefingMarkdown } from "../src/core/extract/briefing/markdown.js";
import { markupFragment } from "../src/core/extract/briefing/quotable.js";
import { ASPECTS, type DocumentBriefing } from "../src/core/extract/briefing/types.js";
import { extractCasualties, formatFigure, type Incident } from "../src/core/extract/casualties.js";
import { loadEmbedder } from "../src/core/index/load-embedder.js";

const verbose = process.argv.includes("--verbose");
const dirs = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const corpora = dirs.length ? dirs : [join(PROJECT_ROOT, "../shared/eval-dev/corpus"), join(PROJECT_ROOT, "eval-own/tune/corpus"), join(PROJECT_ROOT, "eval-own/tune2/corpus")];
const MAIN_INCIDENTS = 3;
// Subjects none of these security briefs discusses.
const OFF_TOPICS = ["cryptocurrency regulation", "tennis championship", "vaccine trial results", "stock market prices", "wheat harvest yields"];

/** The incidents whose figures a briefing must carry: the largest single incidents by killed (then injured). */
function mainIncidents(incidents: Incident[]): Incident[] {
  const size = (i: Incident) => (i.killed?.count ?? 0) * 1e6 + (i.injured?.count ?? 0);
  return incidents.filter((i) => !i.aggregate && (i.killed || i.injured)).sort((a, b) => size(b) - size(a)).slice(0, MAIN_INCIDENTS);
}

const embedder = await loadEmbedder();
const rows: string[] = [];
for (const dir of corpora) {
  const bot = await Briefbot.open({ corpusDir: dir, embedder });
  const tally = { titleFirst: 0, offRefused: 0, documents: 0, ownOnly: 0, quotes: 0, verbatim: 0, clean: 0, withCasualties: 0, figuresIn: 0, aspects: new Map<string, number>() };
  for (const doc of bot.corpus.documents) {
    const briefing = await buildBriefing(bot, { document: doc.source });
    const brief = briefing.documents[0] as DocumentBriefing;
    tally.documents++;
    const quotes = [...brief.points.map((p) => ({ ...p, kind: "point" })), ...brief.casualties.flatMap((l) => (l.citation.quote ? [{ ...l.citation, quote: l.citation.quote, kind: "casualty" }] : []))];
    const sources = new Set([...brief.points.map((p) => p.source), ...brief.casualties.map((l) => l.citation.source)]);
    if (sources.size === 0 || (sources.size === 1 && sources.has(doc.source))) tally.ownOnly++;
    else console.log(`  ${doc.source}: cites ${[...sources].join(", ")}`);
    for (const q of quotes) {
      tally.quotes++;
      const block = bot.paragraphs.find((b) => b.source === q.source && b.paragraph === q.paragraph);
      const body = block && block.kind !== "title" && block.kind !== "heading" && doc.text.slice(block.start, block.end).includes(q.quote);
      if (body) tally.verbatim++;
      else console.log(`  ${doc.source}: not a verbatim body quote: ${q.quote.slice(0, 80)}`);
      const markup = markupFragment(q.quote);
      if (markup === null) tally.clean++;
      else console.log(`  ${doc.source}: markup “${markup}” in ${q.quote.slice(0, 80)}`);
    }
    for (const p of brief.points) tally.aspects.set(p.aspect, (tally.aspects.get(p.aspect) ?? 0) + 1);
    const main = mainIncidents(extractCasualties(bot.chunks.filter((c) => c.source === doc.source), bot.paragraphs));
    if (main.length) {
      tally.withCasualties++;
      const markdown = briefingMarkdown(briefing);
      const carried = main.filter((i) => markdown.includes(`| ${formatFigure(i.killed)} | ${formatFigure(i.injured)} |`));
      if (carried.length === main.length) tally.figuresIn++;
      else console.log(`  ${doc.source}: missing ${main.filter((i) => !carried.includes(i)).map((i) => i.summary).join("; ")}`);
    }
    if (verbose) console.log(briefingMarkdown(briefing));
    const onTitle = await buildBriefing(bot, { topic: brief.title.slice(0, 200) });
    if (onTitle.documents[0]?.source === doc.source) tally.titleFirst++;
    else console.log(`  ${doc.source}: topic “${brief.title}” lists ${onTitle.documents.map((d) => d.source).join(", ") || "nothing"}`);
  }
  for (const topic of OFF_TOPICS) {
    const off = await buildBriefing(bot, { topic });
    if (!off.covered) tally.offRefused++;
    else console.log(`  off-topic “${topic}” answered from ${off.documents.map((d) => d.source).join(", ")}`);
  }
  const pct = (n: number, d: number) => `${n}/${d}`;
  const aspects = ASPECTS.map((a) => `${a} ${tally.aspects.get(a) ?? 0}`).join(", ");
  rows.push(
    `| ${relative(PROJECT_ROOT, dir)} | ${tally.documents} | ${pct(tally.ownOnly, tally.documents)} | ${pct(tally.verbatim, tally.quotes)} | ${pct(tally.clean, tally.quotes)} | ${pct(tally.figuresIn, tally.withCasualties)} | ${aspects} | ${pct(tally.titleFirst, tally.documents)} | ${pct(tally.offRefused, OFF_TOPICS.length)} |`,
  );
}
console.log("\n| corpus | documents | quotes only its document | quotes verbatim from body text | quotes free of markup | main casualty figures carried (documents with casualties) | points found, by kind | topic = its title: brief listed first | off-corpus topics refused |");
console.log("|---|---|---|---|---|---|---|---|---|");
for (const row of rows) console.log(row);
