/**
 * `npx tsx scripts/casualty-quality.ts [--verbose] [SET_DIR ...]`: the casualty scorer's field score
 * (the same rule as ../shared/eval-dev/score-casualties.mjs) plus what it does not count: incidents
 * that match no gold incident (false tolls) and aggregates. Default sets: the development set and
 * the tuning sets; the held-out sets (`OWN_SETS` in quality.ts) are scored only with --heldout, and
 * their misses are never listed.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PROJECT_ROOT } from "../src/core/briefbot.js";
import { extractCasualtiesFrom, type Incident } from "../src/core/extract/casualties.js";
import { chunkDocuments } from "../src/core/ingest/chunker.js";
import { loadCorpus } from "../src/core/ingest/corpus.js";
import { incidentJson } from "../src/cli/casualties.js";
import { OWN_SETS, ownSetDir } from "./quality.js";

interface Gold {
  incident: string;
  keys: string[];
  killed?: number;
  injured?: number;
  killed_and_injured?: number;
}

const norm = (s: string) => s.toLowerCase().replace(/’/gu, "'").replace(/\s+/gu, " ").trim();

export interface CasualtyScore {
  fields: number;
  good: number;
  reported: number;
  aggregates: number;
  /** Single incidents whose JSON matches no gold incident's keys. */
  unmatched: number;
  misses: string[];
  unmatchedSummaries: string[];
}

export async function scoreCasualties(dir: string): Promise<CasualtyScore> {
  const gold = JSON.parse(readFileSync(join(dir, "casualties.json"), "utf8")) as Gold[];
  const corpus = await loadCorpus(join(dir, "corpus"));
  const incidents: Incident[] = extractCasualtiesFrom(chunkDocuments(corpus.documents));
  const searchable = incidents.map((i) => norm(JSON.stringify(incidentJson(i))));
  const score: CasualtyScore = { fields: 0, good: 0, reported: incidents.length, aggregates: incidents.filter((i) => i.aggregate).length, unmatched: 0, misses: [], unmatchedSummaries: [] };
  const matched = new Set<number>();
  for (const g of gold) {
    const keys = g.keys.map(norm);
    const candidates = incidents.map((_, n) => n).filter((n) => keys.some((k) => searchable[n]!.includes(k)));
    candidates.forEach((n) => matched.add(n));
    for (const [field, goldField] of [["killed", "killed"], ["injured", "injured"], ["killedOrInjured", "killed_and_injured"]] as const) {
      const want = g[goldField];
      if (want === undefined) continue;
      score.fields++;
      if (candidates.some((n) => incidents[n]![field]?.count === want)) score.good++;
      else score.misses.push(`${g.incident} ${field}=${want} got ${candidates.map((n) => incidents[n]![field]?.count ?? "—").join(", ") || "no incident"}`);
    }
  }
  incidents.forEach((i, n) => {
    if (!i.aggregate && !matched.has(n)) {
      score.unmatched++;
      score.unmatchedSummaries.push(i.summary);
    }
  });
  return score;
}

async function main() {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose");
  const sets = args.filter((a) => !a.startsWith("--"));
  const tuned = [...OWN_SETS.fit, ...OWN_SETS.tunedOnly].map(ownSetDir);
  // Never tuned on (or not yet): scored only with --heldout, and their misses are never listed.
  const heldOut = OWN_SETS.heldOut.map(ownSetDir);
  const dirs = sets.length ? sets : [join(PROJECT_ROOT, "..", "shared", "eval-dev"), ...tuned, ...(args.includes("--heldout") ? heldOut : [])];
  for (const dir of dirs.filter((d) => existsSync(join(d, "casualties.json")))) {
    const s = await scoreCasualties(dir);
    console.log(`${dir}: fields ${s.good}/${s.fields} (${Math.round((100 * s.good) / s.fields)} %), incidents ${s.reported} (aggregates ${s.aggregates}), matching no gold incident ${s.unmatched}`);
    if (verbose && !heldOut.includes(resolve(dir))) {
      for (const m of s.misses) console.log(`  miss: ${m}`);
      for (const u of s.unmatchedSummaries) console.log(`  unmatched: ${u}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
