// Checks: every any_of string occurs (scorer normalisation) in exactly the intended brief and no other;
// gold keys occur in the corpus text; counts of questions; word counts.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
const norm = (s) => String(s ?? '').replaceAll('\u2019', "'").replace(/\s+/g, ' ').trim().toLowerCase();
const B = '/work/main/eval-own';
let bad = 0;
for (const set of ['tune', 'heldout']) {
  const dir = path.join(B, set, 'corpus');
  const docs = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
  const nd = Object.fromEntries(Object.entries(docs).map(([f, t]) => [f, norm(t)]));
  const intended = JSON.parse(readFileSync(path.join(B, 'tools', `${set}-intended.json`), 'utf8'));
  const qa = readFileSync(path.join(B, set, 'qa.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const ids = new Set();
  for (const q of qa) {
    if (ids.has(q.id)) { console.log('dup id', q.id); bad++; }
    ids.add(q.id);
    if (!q.answerable) continue;
    for (const a of q.any_of) {
      const where = Object.keys(nd).filter((f) => nd[f].includes(norm(a)));
      if (where.length !== 1 || where[0] !== intended[q.id]) { console.log(`BAD ${set} ${q.id} "${a}" found in`, where, 'intended', intended[q.id]); bad++; }
    }
  }
  const ans = qa.filter((q) => q.answerable).length;
  console.log(`${set}: ${qa.length} questions, ${ans} answerable, ${qa.length - ans} unanswerable`);
  const gold = JSON.parse(readFileSync(path.join(B, set, 'casualties.json'), 'utf8'));
  let fields = 0;
  for (const g of gold) {
    for (const f of ['killed', 'injured', 'killed_and_injured']) if (f in g) fields++;
    for (const k of g.keys) {
      const where = Object.keys(nd).filter((f) => nd[f].includes(norm(k)));
      if (!where.length) { console.log(`BAD key ${set} "${k}" (${g.incident}) not in corpus`); bad++; }
      if (/\d/.test(k) && !/\b(19|20)\d\d\b|\b\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(k)) { console.log('key with figure?', k); }
    }
  }
  console.log(`${set}: ${gold.length} gold incidents, ${fields} fields`);
  for (const [f, t] of Object.entries(docs)) console.log(`  ${f}: ${t.split(/\s+/).filter(Boolean).length} words, curly=${(t.match(/\u2019/g) || []).length}`);
}
console.log(bad ? `${bad} problems` : 'all checks passed');
