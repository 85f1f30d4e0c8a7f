// Checks one evaluation set: every any_of string occurs (scorer normalisation) in exactly the intended
// brief and no other; any_of strings are 2-8 words; casualty keys occur in their brief; ids, counts and
// brief lengths are as designed. Does not run briefbot. Exits 1 on any error.
import fs from 'node:fs';
import path from 'node:path';

// An .html brief's visible text: comments, <style> and <script> dropped, tags replaced by spaces, character references decoded.
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', mdash: '—', ndash: '–', hellip: '…' };
const decode = s => s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
  if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  return NAMED[e.toLowerCase()] ?? m;
});
function htmlText(src) {
  return decode(src
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(style|script)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' '));
}
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
function htmlNesting(src) {
  const problems = [], stack = [];
  const body = src.replace(/<!--[\s\S]*?-->/g, '').replace(/<(style|script)\b([^>]*)>[\s\S]*?<\/\1\s*>/gi, '');
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>/g)) {
    const [, close, rawName, selfClose] = m, name = rawName.toLowerCase();
    if (VOID.has(name) || selfClose) continue;
    if (!close) { stack.push(name); continue; }
    const top = stack.pop();
    if (top !== name) { problems.push(`</${name}> closes <${top ?? 'nothing'}>`); if (top) stack.push(top); }
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(', ')}`);
  if (!/^<!DOCTYPE html>/i.test(src.trim())) problems.push('no <!DOCTYPE html>');
  return problems;
}


/**
 * @param {string} dir the set's folder (corpus/, qa.jsonl, casualties.json, intended.json)
 * @param {{ idPrefix: string, briefs: number, words: [number, number], questions: [number, number, number], gold?: { total: [number, number], perBrief: [number, number] } }} o
 */
export function verifySet(dir, o) {
  // Same comparison form as /work/shared/eval-dev/scorer-common.mjs: ’ -> ', whitespace runs -> one space, trim, lower-case.
  const norm = s => String(s).replace(/\u2019/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
  const corpus = {}, raw = {};
  let errors = 0, nA = 0, nU = 0;
  const err = m => { errors++; console.log('ERROR: ' + m); };
  for (const f of fs.readdirSync(path.join(dir, 'corpus')).sort()) {
    const source = fs.readFileSync(path.join(dir, 'corpus', f), 'utf8');
    // An .html brief is checked on its visible text (tags would count as words and split phrases), and for nesting.
    if (f.endsWith('.html')) {
      raw[f] = htmlText(source);
      for (const p of htmlNesting(source)) err(`${f}: ${p}`);
    } else raw[f] = source;
    corpus[f] = norm(raw[f]);
  }
  const intended = JSON.parse(fs.readFileSync(path.join(dir, 'intended.json'), 'utf8'));

  const qa = fs.readFileSync(path.join(dir, 'qa.jsonl'), 'utf8').trim().split('\n').map(l => JSON.parse(l));
  const ids = new Set();
  qa.forEach((q, i) => {
    if (q.id !== `${o.idPrefix}${i + 1}`) err(`line ${i + 1}: id ${q.id}, expected ${o.idPrefix}${i + 1}`);
    if (ids.has(q.id)) err(`duplicate id ${q.id}`);
    ids.add(q.id);
    if (typeof q.q !== 'string' || !q.q.trim()) err(`${q.id} has no question text`);
    const keys = Object.keys(q).sort().join(',');
    if (q.answerable === true) {
      if (keys !== 'answerable,any_of,id,q') err(`${q.id} fields ${keys}`);
    } else if (q.answerable === false) {
      if (keys !== 'answerable,id,q') err(`${q.id} fields ${keys}`);
    } else err(`${q.id} answerable is not a boolean`);
    if (!q.answerable) {
      nU++;
      if (intended.qa[q.id]) err(`${q.id} unanswerable but has intended doc`);
      return;
    }
    nA++;
    const want = intended.qa[q.id];
    if (!want) { err(`${q.id} no intended doc`); return; }
    if (!corpus[want]) { err(`${q.id} intended doc ${want} not in corpus`); return; }
    if (!Array.isArray(q.any_of) || !q.any_of.length) { err(`${q.id} empty any_of`); return; }
    for (const a of q.any_of) {
      const words = norm(a).split(' ').length;
      if (words < 2 || words > 8) err(`${q.id} "${a}" has ${words} words (want 2-8)`);
      const docs = Object.keys(corpus).filter(f => corpus[f].includes(norm(a)));
      if (docs.length !== 1 || docs[0] !== want) err(`${q.id} "${a}" found in [${docs.join(', ')}], intended ${want}`);
    }
  });
  for (const id of Object.keys(intended.qa)) if (!ids.has(id)) err(`intended.json names unknown question ${id}`);

  const gold = JSON.parse(fs.readFileSync(path.join(dir, 'casualties.json'), 'utf8'));
  let fields = 0;
  const names = new Set();
  for (const g of gold) {
    if (names.has(g.incident)) err(`duplicate incident ${g.incident}`);
    names.add(g.incident);
    const doc = intended.casualties[g.incident];
    if (!doc) { err(`no doc for ${g.incident}`); continue; }
    if (!corpus[doc]) { err(`doc ${doc} of ${g.incident} not in corpus`); continue; }
    if (!Array.isArray(g.keys) || !g.keys.length) err(`${g.incident} has no keys`);
    for (const k of g.keys ?? []) {
      if (!corpus[doc].includes(norm(k))) err(`key "${k}" of "${g.incident}" not in ${doc}`);
      if (/\d/.test(k) && /^\s*\d[\d,]*\s*$/.test(k)) err(`key "${k}" of "${g.incident}" is a bare figure`);
    }
    let n = 0;
    for (const f of ['killed', 'injured', 'killed_and_injured']) if (f in g) {
      n++; fields++;
      if (!Number.isInteger(g[f]) || g[f] < 0) err(`${g.incident} ${f} is not a non-negative integer`);
    }
    if (!n) err(`${g.incident} has no scored field`);
    for (const f of Object.keys(g)) if (!['incident', 'keys', 'killed', 'injured', 'killed_and_injured', 'qualifier'].includes(f)) err(`${g.incident} unknown field ${f}`);
  }
  for (const name of Object.keys(intended.casualties)) if (!names.has(name)) err(`intended.json names unknown incident ${name}`);

  const words = Object.fromEntries(Object.entries(raw).map(([f, t]) => [f, t.split(/\s+/).filter(Boolean).length]));
  for (const [f, n] of Object.entries(words)) if (n < o.words[0] || n > o.words[1]) err(`${f} has ${n} words (want ${o.words[0]}-${o.words[1]})`);
  if (o.gold) {
    if (gold.length < o.gold.total[0] || gold.length > o.gold.total[1]) err(`gold has ${gold.length} incidents, want ${o.gold.total.join('-')}`);
    for (const f of Object.keys(corpus)) {
      const n = Object.values(intended.casualties).filter(d => d === f).length;
      if (n < o.gold.perBrief[0] || n > o.gold.perBrief[1]) err(`${f} has ${n} gold rows, want ${o.gold.perBrief.join('-')}`);
    }
  }
  if (Object.keys(corpus).length !== o.briefs) err(`corpus has ${Object.keys(corpus).length} briefs, want ${o.briefs}`);
  const [total, answerable, unanswerable] = o.questions;
  if (qa.length !== total || nA !== answerable || nU !== unanswerable) err(`want ${total} questions (${answerable} answerable, ${unanswerable} unanswerable), got ${qa.length} (${nA}, ${nU})`);
  console.log('words', words);
  console.log(`questions ${qa.length} (answerable ${nA}, unanswerable ${nU}); gold incidents ${gold.length}, fields ${fields}; errors ${errors}`);
  process.exit(errors ? 1 : 0);
}
