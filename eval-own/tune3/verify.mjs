// Checks tune3: any_of strings occur verbatim in exactly the intended brief; casualty keys occur in their brief.
import fs from 'node:fs';
import path from 'node:path';
const dir = path.dirname(new URL(import.meta.url).pathname);
const norm = s => s.toLowerCase().replace(/\u2019/g, "'").replace(/\s+/g, ' ').trim();
const corpus = {};
for (const f of fs.readdirSync(path.join(dir, 'corpus'))) corpus[f] = norm(fs.readFileSync(path.join(dir, 'corpus', f), 'utf8'));
const intended = JSON.parse(fs.readFileSync(path.join(dir, 'intended.json'), 'utf8'));
let errors = 0, nA = 0, nU = 0;
const err = m => { errors++; console.log('ERROR: ' + m); };
const qa = fs.readFileSync(path.join(dir, 'qa.jsonl'), 'utf8').trim().split('\n').map(l => JSON.parse(l));
const ids = new Set();
for (const q of qa) {
  if (ids.has(q.id)) err(`duplicate id ${q.id}`); ids.add(q.id);
  if (!q.answerable) { nU++; if (q.any_of) err(`${q.id} unanswerable with any_of`); if (intended.qa[q.id]) err(`${q.id} unanswerable but has intended doc`); continue; }
  nA++;
  const want = intended.qa[q.id];
  if (!want) { err(`${q.id} no intended doc`); continue; }
  for (const a of q.any_of) {
    const docs = Object.keys(corpus).filter(f => corpus[f].includes(norm(a)));
    if (docs.length !== 1 || docs[0] !== want) err(`${q.id} "${a}" found in [${docs.join(', ')}], intended ${want}`);
  }
}
const gold = JSON.parse(fs.readFileSync(path.join(dir, 'casualties.json'), 'utf8'));
let fields = 0;
for (const g of gold) {
  const doc = intended.casualties[g.incident];
  if (!doc) { err(`no doc for ${g.incident}`); continue; }
  for (const k of g.keys) if (!corpus[doc].includes(norm(k))) err(`key "${k}" of "${g.incident}" not in ${doc}`);
  for (const f of ['killed', 'injured', 'killed_and_injured']) if (f in g) fields++;
}
const words = Object.fromEntries(Object.entries(corpus).map(([f, t]) => [f, t.split(' ').length]));
console.log('words', words);
console.log(`questions ${qa.length} (answerable ${nA}, unanswerable ${nU}); gold incidents ${gold.length}, fields ${fields}; errors ${errors}`);
process.exit(errors ? 1 : 0);
