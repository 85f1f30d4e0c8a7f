import { type Attribution, attribute } from "./attribution.js";
import type { Briefbot } from "../briefbot.js";
import { type Chunk, isQuotable, sectionKey } from "../ingest/chunker.js";
import { validateQuestion } from "./question.js";
import { analyseQuestion, type QuestionAnalysis } from "./question-analysis.js";
import { candidatePool, type Candidate } from "./retrieval.js";
import { coverage, type Coverage } from "./evidence.js";
import { AMONG_VICTIMS, answerPresent, countsFocus, countsIn, focusEvidence, typeEvidence } from "./answer-types.js";
import { labelledReading } from "../extract/labelled-figures.js";
import { isProvisional, isRevision } from "../extract/revisions.js";
import { DAYS, findDate } from "../extract/place-and-date.js";
import { findMentions } from "../extract/casualty-mentions.js";
import { parseNumber } from "../extract/numbers.js";
import { answerProbability, type AnswerFeatures } from "./refusal.js";
import { explainRefusal } from "./refusal-message.js";

export interface Citation {
  source: string;
  paragraph: number;
  /** The page the quote starts on, for paged formats (PDF). */
  page?: number;
  /** Exact slice of the source file: corpus text.slice(start, end). */
  quote: string;
  /** Cosine similarity between question and quote. */
  score: number;
  start: number;
  end: number;
  /** Who the quote attributes its statement to, or the brief's own analysis. */
  attribution: Attribution;
}

export interface Answer {
  question: string;
  answered: boolean;
  answer: string;
  citations: Citation[];
  /** Estimated probability that the first quote answers the question (the refusal model's output). */
  confidence?: number;
}

export interface AskOptions {
  /** Earlier questions of the same conversation, oldest first, for follow-ups like "and how many were injured there?". */
  history?: string[];
  /** Answer when the refusal model's confidence is at least this (default 0.5, its calibrated threshold). */
  minConfidence?: number;
  /** Parts of the answerer to switch off, for the ablation study (`npm run calibrate -- --ablate`). */
  ablate?: Ablation;
}

/** The parts of the answerer that an ablation can switch off, one at a time. */
export interface Ablation {
  structure?: boolean;
  context?: boolean;
  answerType?: boolean;
  lexicon?: boolean;
  calibration?: boolean;
}

/** Ranking weights, tuned on the development set (`npm run calibrate` reports the result). */
export const RANKING = {
  similarity: 1,
  /** For questions whose answer has no recognisable type (why, how, what happened), meaning counts for more. */
  similarityOpen: 1.5,
  coverage: 1.2,
  subject: 1.0,
  relation: 0.5,
  answerType: 0.7,
  lexical: 0.25,
  revision: 0.25,
  /** Taken off a toll that a later toll of the same section replaces. */
  superseded: 0.1,
  /** Taken off a figure for part of the victims ("two of its engineers were among the dead") when the whole is asked for. */
  partial: 0.15,
  latest: 0.3,
  /** How far a later revised toll in the leader's section is put ahead of it for "final toll" questions. */
  latestInStory: 0.05,
  /** Added to the largest (or smallest) figure of its section when the question asks for it. */
  extreme: 0.5,
  /** How strictly the revision bonus is tied to the question's subject being present (0: not at all). */
  revisionSubjectPower: 1,
  note: -0.3,
  /** A second quote must score at least this share of the first. */
  secondShare: 0.88,
  /** A candidate holding the asked kind of answer that the best lacks is shown beside it down to this share of its score … */
  holderShare: 0.8,
  /** … among this many next candidates. */
  holderDepth: 4,
  /** A short answer sentence is quoted with the sentence before it when that one names the subject. */
  shortSentence: 110,
  maxQuoteChars: 420,
};

/** "[file ¶n]", or "[file.pdf p.3 ¶n]" when the source has pages; ¶n counts paragraphs over the whole file, as /source does. */
export function citationLabel(c: { source: string; paragraph: number; page?: number }): string {
  return `[${c.source}${c.page ? ` p.${c.page}` : ""} ¶${c.paragraph}]`;
}

// "and how many were injured there?", "what about the school?": a question that leans on the one before.
const FOLLOW_UP = /^(?:and|but|also|so|then|what about|how about)\b|\b(?:there|it|its|they|them|their|that|this|those|these|he|she|him|his|her)\b/iu;

/** Whether a question continues the previous one and needs it as context for retrieval. */
export function isFollowUp(question: string): boolean {
  return FOLLOW_UP.test(question);
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface ScoredCandidate {
  candidate: Candidate;
  coverage: Coverage;
  type: number;
  score: number;
}

/** Scores one candidate sentence for a question: meaning, the question's words around it, the kind of answer it holds. */
export function scoreCandidate(bot: Briefbot, q: QuestionAnalysis, candidate: Candidate, best: { lexical: number }, ablate: Ablation = {}): ScoredCandidate {
  const chunk = candidate.chunk;
  const cov = coverage(bot.structure, chunk, q, { sentenceOnly: ablate.context });
  let type = ablate.answerType ? 0.5 : typeEvidence(chunk.text, q);
  // A table row holds its figures under its column headers ("| 8 | 31 |" under "Dead | Wounded"), a fact its label ("**Killed:** eight").
  const labelled = ablate.answerType || ablate.structure ? null : labelledReading(chunk, bot.paragraphs[chunk.block]!);
  if (labelled) type = Math.max(type, typeEvidence(labelled, q));
  // A timeline item's lead-in dates or times every sentence of the item ("**06:40.** Gunmen reach the gate …").
  const lead = bot.paragraphs[chunk.block]!.lead;
  // So does a fact sheet's label give the kind of answer a fact is ("- **Motive:** …" for why).
  if ((q.type === "when" || q.type === "why") && type < 1 && lead && !ablate.answerType && !ablate.structure) type = Math.max(type, typeEvidence(lead, q));
  const counting = q.type === "killed" || q.type === "injured" || q.type === "count";
  const open = q.type === "other" || q.type === "why" || q.type === "yesno";
  let score =
    (open ? RANKING.similarityOpen : RANKING.similarity) * candidate.similarity +
    RANKING.coverage * cov.all +
    RANKING.subject * cov.subject +
    RANKING.relation * cov.relation +
    RANKING.answerType * type +
    RANKING.lexical * (best.lexical > 0 ? candidate.lexicalScore / best.lexical : 0);
  // A revised figure beats the earlier one only where the question's subject is discussed.
  if (counting && !ablate.answerType && type > 0.5) {
    let revision = 0;
    if (isRevision(chunk.text)) revision += RANKING.revision + (q.wantsLatest ? RANKING.latest : 0);
    if (q.wantsLatest && isProvisional(chunk.text)) revision -= RANKING.latest;
    if (q.wantsFirst && isProvisional(chunk.text)) revision += RANKING.latest;
    score += revision * cov.subject ** RANKING.revisionSubjectPower;
  }
  if (chunk.kind === "note") score += RANKING.note;
  return { candidate, coverage: cov, type, score };
}

/** The features the refusal model reads, from the best candidate and the runner-up. */
export function answerFeatures(bot: Briefbot, q: QuestionAnalysis, best: ScoredCandidate, second: ScoredCandidate | undefined): AnswerFeatures {
  const next = bot.structure.siblings(best.candidate.chunk).find((c) => c.sentence === best.candidate.chunk.sentence + 1);
  const here = coverage(bot.structure, best.candidate.chunk, q, { sentenceOnly: true }).relation;
  const quote = quoteText(bot, best, q);
  const labelled = labelledReading(best.candidate.chunk, bot.paragraphs[best.candidate.chunk.block]!);
  let present = Math.max(answerPresent(quote, q), labelled ? answerPresent(labelled, q) : 0);
  // A timeline entry answers "when" with its day heading or time label, which the answer quotes too.
  if (present === 0 && q.type === "when" && dateLabel(bot, best, { quote, score: 0 }, asksForTime(q))) present = 1;
  // "What time …" is answered by a clock time ("At 21:40, two bombs went off").
  if (present === 0 && asksForTime(q) && CLOCK.test(quote)) present = 1;
  return {
    relationNext: Math.max(here, next ? coverage(bot.structure, next, q, { sentenceOnly: true }).relation : 0),
    similarity: best.candidate.similarity,
    coverage: best.coverage.all,
    subject: best.coverage.subject,
    relation: best.coverage.relation,
    missing: best.coverage.missing,
    answerType: best.type,
    margin: best.score - (second?.score ?? 0),
    focus: Math.max(focusEvidence(quote, q), labelled ? focusEvidence(labelled, q) : 0),
    present,
    typedAbsent: CHECKABLE_TYPES.has(q.type) && present === 0 ? 1 : 0,
  };
}

// A sentence that leans on the one before ("The raid looks like reprisal for that move").
const ANAPHORA = /^(?:this|that|these|those|it|its|they|their|he|she|his|her|there|such|the\s+(?:attack|bombing|killings?|blast|group|figure|toll|incident|raid|strike|move|decision)s?)\b|\b(?:that|this|these|those)\s+(?:act|attack|bombing|incident|figure|decision|move|raid|strike|killings?)\b/iu;

/**
 * The quote for a chosen sentence, widened to a neighbour in the same paragraph when that one is
 * needed: the sentence before, for a short or anaphoric sentence ("Four guards were killed."); the
 * sentence after, when it holds more of what was asked ("... at Velmora airport." + "None of the
 * delegates on board was hurt").
 */
function quoteSpan(bot: Briefbot, best: ScoredCandidate, q: QuestionAnalysis, ablate: Ablation): { start: number; end: number } {
  const chunk = best.candidate.chunk;
  let start = chunk.start;
  let end = chunk.end;
  if (ablate.context) return { start, end };
  const siblings = bot.structure.siblings(chunk);
  const previous = siblings.find((c) => c.sentence === chunk.sentence - 1);
  const next = siblings.find((c) => c.sentence === chunk.sentence + 1);
  // A short sentence is widened only when the subject it answers about is named before it ("Four guards were killed.").
  const lacksSubject = () => coverage(bot.structure, chunk, q, { sentenceOnly: true }).subject < coverage(bot.structure, chunk, q).subject;
  // Asked for one figure among several ("the highest toll"), the quote leaves out neighbours with figures of their own.
  const competes = (c: { text: string }) => q.wantsExtreme !== null && !ablate.answerType && typeEvidence(c.text, q) >= 0.8;
  if (previous && !competes(previous) && ((chunk.text.length < RANKING.shortSentence && lacksSubject()) || ANAPHORA.test(chunk.text)) && chunk.end - previous.start <= RANKING.maxQuoteChars) {
    start = previous.start;
  }
  if (next && !competes(next)) {
    const here = coverage(bot.structure, chunk, q, { sentenceOnly: true });
    const there = coverage(bot.structure, next, q, { sentenceOnly: true });
    const typeHere = ablate.answerType ? 0 : best.type;
    const typeThere = ablate.answerType ? 0 : typeEvidence(next.text, q);
    if (end - start + next.text.length > quoteRoom(typeHere, typeThere)) return { start, end };
    // A short follow-on sentence of the same kind is cheap to include and often completes the answer
    // ("... killed at least 9 rebels." + "One Velmoran soldier was slightly hurt.").
    const shortFollowOn = next.text.length < RANKING.shortSentence && typeThere >= typeHere && typeThere > 0.5;
    if (typeThere > typeHere || (typeThere === typeHere && there.relation > here.relation + 0.15) || shortFollowOn) end = next.end;
  }
  return { start, end };
}

/** The text the answer would quote for a candidate (the sentence with any neighbour it needs). */
function quoteText(bot: Briefbot, best: ScoredCandidate, q: QuestionAnalysis, ablate: Ablation = {}): string {
  const { start, end } = quoteSpan(bot, best, q, ablate);
  return bot.text(best.candidate.chunk.source).slice(start, end);
}

// A figure for part of the victims ("two of its engineers were among the dead") does not replace the toll.
const PARTIAL = /\b(?:among\s+(?:the|them)|of\s+them|of\s+whom|including|of\s+its|of\s+the\s+dead|one\s+of)\b/iu;

/** The document section a candidate sits in. */
const sectionOf = (bot: Briefbot, s: ScoredCandidate) => sectionKey(bot.paragraphs[s.candidate.chunk.block]!);

/**
 * A toll followed later in the same section by another toll of the same kind has been superseded
 * (ACLED's rule: keep the latest report), unless the question asks for the first figure.
 */
function penaliseSuperseded(bot: Briefbot, q: QuestionAnalysis, ranked: ScoredCandidate[]): void {
  // "The highest toll given" asks for one of the figures, not the latest.
  if ((q.type !== "killed" && q.type !== "injured") || q.wantsFirst || q.wantsExtreme) return;
  const partial = (s: ScoredCandidate) => PARTIAL.test(s.candidate.chunk.text);
  // A part of the victims answers only a question that counts that part ("how many of its engineers").
  for (const s of ranked) if (s.type >= 0.5 && AMONG_VICTIMS.test(s.candidate.chunk.text) && !countsFocus(s.candidate.chunk.text, q)) s.score -= RANKING.partial;
  const tolls = ranked.filter((s) => s.type >= 0.8 && !partial(s)).map((s) => ({ s, section: sectionOf(bot, s) }));
  // The last toll of each section; every earlier one there is superseded.
  const last = new Map<string, number>();
  for (const { s, section } of tolls) last.set(section, Math.max(last.get(section) ?? -1, s.candidate.chunk.id));
  for (const { s, section } of tolls) if (last.get(section)! > s.candidate.chunk.id) s.score -= RANKING.superseded;
}

/** The largest figure of the asked-for kind in a sentence ("buried 58 bodies" → 58). */
function figureOf(text: string, q: QuestionAnalysis): number | null {
  const kinds = q.type === "killed" || q.type === "injured" ? [q.type, "killedOrInjured"] : null;
  const values = kinds
    ? findMentions(text).filter((m) => kinds.includes(m.kind) && !m.aggregate).map((m) => m.figure.count)
    : countsIn(text).map((c) => parseNumber(c.value)).filter((n): n is number => n !== null);
  return values.length ? Math.max(...values) : null;
}

/**
 * "The highest death toll given", "the fewest": among the figures given in the leading answer's
 * section, the extreme one is preferred.
 */
function preferExtreme(bot: Briefbot, q: QuestionAnalysis, ranked: ScoredCandidate[]): void {
  if (!q.wantsExtreme || !(q.type === "killed" || q.type === "injured" || q.type === "count")) return;
  const all = ranked
    .filter((s) => s.type >= 0.8)
    .map((s) => ({ s, value: figureOf(s.candidate.chunk.text, q) }))
    .filter((f): f is { s: ScoredCandidate; value: number } => f.value !== null);
  if (!all.length) return;
  const leader = all.reduce((a, b) => (b.s.score > a.s.score ? b : a)).s;
  const figures = all.filter((f) => sectionOf(bot, f.s) === sectionOf(bot, leader));
  if (figures.length < 2) return;
  const pick = q.wantsExtreme === "max" ? Math.max(...figures.map((f) => f.value)) : Math.min(...figures.map((f) => f.value));
  for (const f of figures) if (f.value === pick) f.s.score += RANKING.extreme;
}

/**
 * The story a candidate belongs to: its section, except that a run of sections headed by clock times
 * or dates ("## 23:10 Friday", "## 04:30 Saturday") is one story told update by update, as in a sitrep.
 */
function storyOf(bot: Briefbot, s: ScoredCandidate): string {
  const block = bot.paragraphs[s.candidate.chunk.block]!;
  const heading = block.headings[block.headings.length - 1];
  if (block.headings.length < 2 || !heading || !isTimeLabel(heading)) return sectionKey(block);
  return sectionKey({ ...block, headings: [...block.headings.slice(0, -1), "\u0001updates"] });
}

/** A heading that is only a time or a date, perhaps with a weekday ("23:10 Friday", "Monday 3 May"). */
function isTimeLabel(heading: string): boolean {
  const date = findDate(heading);
  if (!date && !CLOCK.test(heading)) return false;
  const rest = heading.replace(CLOCK, " ").replace(date?.text ?? "\u0000", " ");
  return !/\p{L}{2,}/u.test(rest.replace(new RegExp(String.raw`\b(?:${DAYS})\b`, "giu"), " "));
}

/** Whether a chunk sits under a heading that says it revises ("Correction", "Updated figures"). */
function correctsUnderHeading(bot: Briefbot, chunk: Chunk): boolean {
  const headings = bot.paragraphs[chunk.block]!.headings;
  return headings.length > 1 && CORRECTION_HEADING.test(headings[headings.length - 1]!);
}

// Not every revision word heads a correction: "Final assessment" and "Updated outlook" do not.
const CORRECTION_HEADING = /\b(?:correct(?:ion|ions|ed|s)?|errat(?:um|a)|amended|amendment)\b/iu;

/** Whether a sentence, or the block it sits in up to it, marks its figure as a revision ("Correction: … The number killed is 31."). */
function revisedInBlock(bot: Briefbot, chunk: Chunk): boolean {
  return isRevision(chunk.text) || bot.structure.siblings(chunk).some((c) => c.sentence < chunk.sentence && isRevision(c.text));
}

/**
 * How long a quote may grow to take in the next sentence: the usual length, or twice it when the
 * sentence sets the scene without the asked-for kind of answer and the next one gives it ("A man
 * with a crossbow walked through the market in Velmora, …" + "Four were killed and two wounded.").
 */
export function quoteRoom(typeHere: number, typeNext: number): number {
  return typeHere < 0.5 && typeNext >= 0.8 ? 2 * RANKING.maxQuoteChars : RANKING.maxQuoteChars;
}

/**
 * "The final toll", "after the recount": a revised figure told later in the leading answer's section,
 * where the story goes on without naming its subject again ("Later that week the authorities lowered
 * the toll to …"), is preferred to the leader.
 */
function preferLatest(bot: Briefbot, q: QuestionAnalysis, ranked: ScoredCandidate[]): void {
  if (!q.wantsLatest || !(q.type === "killed" || q.type === "injured")) return;
  const tolls = ranked.filter((s) => s.type >= 0.8);
  if (!tolls.length) return;
  const leader = tolls.reduce((a, b) => (b.score > a.score ? b : a));
  const revised = (s: ScoredCandidate) => {
    if (sectionOf(bot, s) === sectionOf(bot, leader)) return isRevision(s.candidate.chunk.text);
    // Across a sitrep's updates, or in a correction at the end of the brief, only a plain toll (not a mere
    // mention of the dead) revised in its own update or under a heading that says it corrects.
    const correction = s.candidate.chunk.source === leader.candidate.chunk.source && correctsUnderHeading(bot, s.candidate.chunk);
    return (storyOf(bot, s) === storyOf(bot, leader) || correction) && s.type >= 1 && (correction || revisedInBlock(bot, s.candidate.chunk));
  };
  const later = tolls.filter((s) => s.candidate.chunk.id > leader.candidate.chunk.id && s.coverage.subject >= 0.5 && revised(s));
  const last = later.reduce<ScoredCandidate | null>((a, b) => (!a || b.candidate.chunk.id > a.candidate.chunk.id ? b : a), null);
  if (last) last.score = Math.max(last.score, leader.score + RANKING.latestInStory);
}

/** A "when" question a clock time answers ("What time …", "at what hour …"), not a day. */
const asksForTime = (q: QuestionAnalysis) => q.type === "when" && /\b(?:time|hour)\b/iu.test(q.text);
const CLOCK = /\b\d{1,2}[:.]\d\d\b|\b\d{1,2}\s*[ap]\.?m\.?(?![\p{L}])/iu;

/**
 * For "when" questions: the date a timeline gives in a heading or lead-in ("## Friday 12 March 2021",
 * "**Velmora, 9 May 2018.**") when the quoted sentence itself has none; for "what time" questions,
 * the clock time of its lead-in ("**06:40.**"). It is quoted as its own citation, an exact slice like every other.
 */
function dateLabel(bot: Briefbot, best: ScoredCandidate, first: Pick<Citation, "quote" | "score">, time = false): Citation | null {
  if (time ? CLOCK.test(first.quote) : findDate(first.quote)) return null;
  const chunk = best.candidate.chunk;
  const text = bot.text(chunk.source);
  const block = bot.paragraphs[chunk.block]!;
  const spans: { start: number; end: number; paragraph: number }[] = [];
  if (block.lead && block.bodyStart > block.start) spans.push({ start: block.start, end: block.bodyStart, paragraph: block.paragraph });
  for (let i = chunk.block - 1; i >= 0; i--) {
    const p = bot.paragraphs[i]!;
    if (p.source !== chunk.source) break;
    if (p.kind === "heading" || p.kind === "title") spans.push({ start: p.start, end: p.end, paragraph: p.paragraph });
  }
  for (const span of spans) {
    let { start, end } = span;
    // Quote the label without its emphasis markers and closing punctuation.
    while (start < end && /[*_\s]/u.test(text[start]!)) start++;
    while (end > start && /[*_\s.:—–-]/u.test(text[end - 1]!)) end--;
    const quote = text.slice(start, end);
    if (time) {
      if (!CLOCK.test(quote)) continue;
    } else {
      const date = findDate(quote);
      if (!date || date.relative) continue;
    }
    return { source: chunk.source, paragraph: span.paragraph, quote, score: first.score, start, end, attribution: attribute(quote) };
  }
  return null;
}

export interface Ranked {
  analysis: QuestionAnalysis;
  ranked: ScoredCandidate[];
}

/** Every candidate sentence for a question, best first. */
export async function rankAnswers(bot: Briefbot, question: string, options: AskOptions = {}): Promise<Ranked> {
  const previous = options.history?.length && isFollowUp(question) ? options.history[options.history.length - 1] : undefined;
  const text = previous ? `${previous} ${question}` : question;
  const ablate = options.ablate ?? {};
  const analysis = analyseQuestion(text, bot.lexical, { lexicon: !ablate.lexicon });
  const pool = await candidatePool(bot, text, analysis);
  const best = { lexical: Math.max(0, ...pool.map((c) => c.lexicalScore)) };
  const ranked = pool
    .filter((c) => isQuotable(c.chunk))
    .filter((c) => !ablate.structure || c.chunk.kind !== "row")
    .map((c) => scoreCandidate(bot, analysis, c, best, ablate));
  if (!ablate.answerType) {
    penaliseSuperseded(bot, analysis, ranked);
    preferExtreme(bot, analysis, ranked);
    preferLatest(bot, analysis, ranked);
  }
  ranked.sort((a, b) => b.score - a.score);
  return { analysis, ranked };
}

/** Question types whose answer a quote can be checked for (a toll, a count, a date, a place, a name). */
const CHECKABLE_TYPES = new Set(["killed", "injured", "count", "when", "where", "who"]);

/** The first of the next few candidates, nearly as good as the best, that holds the asked kind of answer the best lacks. */
function answerHolder(bot: Briefbot, q: QuestionAnalysis, ranked: ScoredCandidate[], best: ScoredCandidate, span: { start: number; end: number }): ScoredCandidate | undefined {
  if (!CHECKABLE_TYPES.has(q.type)) return undefined;
  if (answerPresent(bot.text(best.candidate.chunk.source).slice(span.start, span.end), q) > 0) return undefined;
  return ranked.slice(1, 1 + RANKING.holderDepth).find((s) => {
    if (s.score < best.score * RANKING.holderShare) return false;
    const c = s.candidate.chunk;
    if (c.source === best.candidate.chunk.source && c.start >= span.start && c.end <= span.end) return false;
    return answerPresent(s.candidate.chunk.text, q) > 0;
  });
}

export async function answerQuestion(bot: Briefbot, rawQuestion: string, options: AskOptions = {}): Promise<Answer> {
  const question = validateQuestion(rawQuestion);
  const { analysis, ranked } = await rankAnswers(bot, question, options);
  const best = ranked[0];
  const confidence = best ? answerProbability(answerFeatures(bot, analysis, best, ranked[1]), options.ablate?.calibration) : 0;
  if (!best || confidence < (options.minConfidence ?? 0.5)) {
    return { question, answered: false, answer: explainRefusal(bot, analysis, best), citations: [], confidence };
  }

  // A second quote only when it is nearly as good and comes from elsewhere (another paragraph).
  const second = ranked.find((s) => s !== best && s.candidate.chunk.block !== best.candidate.chunk.block);
  const chosen = second && second.score >= best.score * RANKING.secondShare ? [best, second] : [best];
  const ablate = options.ablate ?? {};
  const bestSpan = quoteSpan(bot, best, analysis, ablate);
  // A best sentence that tells of the event but not the kind of answer asked for ("Gunmen opened fire on
  // tourists …" for "how many were killed") is shown with the nearly as good one that holds it.
  if (chosen.length === 1 && !ablate.answerType) {
    const holder = answerHolder(bot, analysis, ranked, best, bestSpan);
    if (holder) chosen.push(holder);
  }
  const citations: Citation[] = chosen.map((scored) => {
    const { chunk, similarity } = scored.candidate;
    const { start, end } = scored === best ? bestSpan : quoteSpan(bot, scored, analysis, ablate);
    const quote = bot.text(chunk.source).slice(start, end);
    return {
      source: chunk.source,
      paragraph: chunk.paragraph,
      quote,
      score: Math.round(similarity * 1000) / 1000,
      start,
      end,
      attribution: attribute(quote),
      ...(chunk.page ? { page: chunk.page } : {}),
    };
  });
  // A day heading answers "when"; a time label ("**06:40.**") answers "what time".
  const dated = analysis.type === "when" && !options.ablate?.structure ? dateLabel(bot, best, citations[0]!, asksForTime(analysis)) : null;
  if (dated) citations.unshift(dated);
  const answer = citations.map((c) => `${capitalize(c.attribution.label)}: “${c.quote}” ${citationLabel(c)}`).join("\n");
  return { question, answered: true, answer, citations, confidence: Math.round(confidence * 1000) / 1000 };
}
