import { extractCasualtiesFrom, formatFigure, type Incident, incidentName } from "../core/extract/casualties.js";
import { join } from "node:path";
import { loadCorpus } from "../core/ingest/corpus.js";
import { chunkDocuments } from "../core/ingest/chunker.js";
import { DEFAULT_CORPUS_DIR, defaultCacheDir } from "../core/briefbot.js";
import { assignPages } from "../core/ingest/pages.js";
import { citationLabel } from "../core/answer/answer.js";
import { type CliOptions, log } from "./context.js";

/** The JSON contract: {summary, place, when, killed, injured, killedOrInjured, citation}, plus perpetrator and aggregate. */
export function incidentJson(i: Incident) {
  return {
    summary: i.summary,
    place: i.place,
    target: i.target,
    when: i.when,
    killed: i.killed,
    injured: i.injured,
    killedOrInjured: i.killedOrInjured,
    citation: i.citation,
    perpetrator: i.perpetrator,
    aggregate: i.aggregate,
    whenRelative: i.whenRelative,
    ...(i.whenAsWritten ? { whenAsWritten: i.whenAsWritten } : {}),
    attackersKilled: i.attackersKilled,
    vague: i.vague,
    history: i.history,
    citations: i.citations,
  };
}

/** Casualty extraction needs no model: it reads the sentences of the corpus directly. */
export async function casualtiesCommand(options: CliOptions): Promise<number> {
  const dir = options.corpus ?? DEFAULT_CORPUS_DIR;
  // The same extracted text (of PDFs, DOCX, HTML) as `ask` quotes from.
  const corpus = await loadCorpus(dir, { extractedDir: join(defaultCacheDir(dir), "extracted") });
  for (const skip of corpus.skipped) log(`Skipped ${skip.source}: ${skip.reason}.`);
  const chunked = chunkDocuments(corpus.documents);
  assignPages(corpus.documents, chunked.chunks);
  assignPages(corpus.documents, chunked.paragraphs);
  const incidents = extractCasualtiesFrom(chunked);
  if (options.json) {
    process.stdout.write(JSON.stringify(incidents.map(incidentJson), null, 2) + "\n");
    return 0;
  }
  if (incidents.length === 0) {
    console.log("The brief reports no casualty figures.");
    return 0;
  }
  for (const group of [incidents.filter((i) => !i.aggregate), incidents.filter((i) => i.aggregate)]) {
    if (group.length === 0) continue;
    console.log(group[0]!.aggregate ? "\nAggregates (totals over many attacks; not added to the incidents above):" : "Incidents:");
    for (const i of group) {
      console.log(`- ${incidentName({ ...i, aggregate: false })}${i.perpetrator ? `, ${i.perpetrator}` : ""}`);
      console.log(`  killed: ${formatFigure(i.killed)}  injured: ${formatFigure(i.injured)}  killed or injured: ${formatFigure(i.killedOrInjured)}`);
      console.log(`  > ${i.citation.quote.replace(/\s+/g, " ")} ${citationLabel(i.citation)}`);
    }
  }
  return 0;
}
