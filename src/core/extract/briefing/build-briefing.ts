import { termCoverage, unknownSubjects } from "../../answer/coverage.js";
import { validateQuestion } from "../../answer/question.js";
import type { Briefbot } from "../../briefbot.js";
import { BriefbotError } from "../../errors.js";
import { cosine } from "../../index/embedder.js";
import { contentTerms } from "../../index/terms.js";
import type { Chunk } from "../../ingest/chunker.js";
import { casualtyLines, documentIncidents } from "./casualty-lines.js";
import { dateValue, documentDate, documentSentences, documentTitle, leadPoint } from "./document-facts.js";
import { documentTimes } from "./file-times.js";
import { findDocument } from "./find-document.js";
import { keyPoints } from "./key-points.js";
import { parseSince } from "./since.js";
import type { Briefing, BriefingRequest, DocumentBriefing, IndexEntry } from "./types.js";

/** At most this many documents in a topic briefing, the ones that discuss it most; the rest are counted. */
export const MAX_TOPIC_DOCUMENTS = 5;
// A sentence is on a topic when it carries all the topic's words, or is close to it in meaning, or
// carries its weightier words (IDF-weighted) and is somewhat close: one shared word of two is not enough.
const FULL_COVERAGE = 0.99;
const MIN_TOPIC_SIMILARITY = 0.5;
const PARTIAL_COVERAGE = 0.5;
const PARTIAL_SIMILARITY = 0.35;
const TOP_SENTENCES = 3;

function indexEntry(bot: Briefbot, source: string, modified: Date): IndexEntry {
  return { source, title: documentTitle(bot, source), date: documentDate(bot, source), modified: modified.toISOString(), lead: leadPoint(bot, documentSentences(bot, source)) };
}

/**
 * Newest first: by the day the file came in, then by the date the document states (undated last),
 * so briefs added together are ordered by what they report.
 */
function newestFirst<T extends { date: string | null; modified: string; title: string }>(entries: T[]): T[] {
  const stated = (e: T) => dateValue(e.date)?.getTime() ?? -Infinity;
  return [...entries].sort((a, b) => b.modified.slice(0, 10).localeCompare(a.modified.slice(0, 10)) || stated(b) - stated(a) || a.title.localeCompare(b.title));
}

async function corpusIndex(bot: Briefbot): Promise<Briefing> {
  const times = await documentTimes(bot);
  const documents = newestFirst(bot.corpus.documents.map((d) => indexEntry(bot, d.source, times.get(d.source)!)));
  return { kind: "index", covered: documents.length > 0, message: `${documents.length} brief${documents.length === 1 ? "" : "s"}, newest first`, documents };
}

async function documentBriefing(bot: Briefbot, source: string): Promise<Briefing> {
  const times = await documentTimes(bot);
  const sentences = documentSentences(bot, source);
  const points = await keyPoints(bot, { sentences, pool: sentences });
  const lead = points.find((p) => p.aspect === "what happened") ?? null;
  const document: DocumentBriefing = {
    ...indexEntry(bot, source, times.get(source)!),
    lead,
    points,
    casualties: casualtyLines(documentIncidents(bot, source)),
  };
  return { kind: "document", covered: true, message: `Briefing: ${document.title}`, documents: [document] };
}

function validateTopic(raw: string): string {
  try {
    return validateQuestion(raw);
  } catch (error) {
    if (error instanceof BriefbotError) throw new BriefbotError(error.message.replace(/\bquestion\b/gu, "topic").replace(/ask something/u, "name something"), "BAD_INPUT");
    throw error;
  }
}

async function topicBriefing(bot: Briefbot, raw: string): Promise<Briefing> {
  const topic = validateTopic(raw);
  const refuse = (message: string): Briefing => ({ kind: "topic", topic, covered: false, message, documents: [], omitted: 0 });
  const unknown = unknownSubjects(topic, bot.lexical);
  if (unknown.length) return refuse(`No brief discusses “${topic}”: none mentions ${unknown.map((u) => `“${u}”`).join(", ")}.`);
  const terms = contentTerms(topic);
  const [topicVector] = await bot.embedder.embed([topic]);
  // How strongly a sentence is about the topic; zero when it is not on it at all.
  const relevance = (c: Chunk) => {
    const coverage = termCoverage(terms, c.text, bot.lexical);
    const similarity = cosine(topicVector!, bot.vectors.vector(c.id));
    const on = coverage >= FULL_COVERAGE || similarity >= MIN_TOPIC_SIMILARITY || (coverage >= PARTIAL_COVERAGE && similarity >= PARTIAL_SIMILARITY);
    // The topic's own words count double: a sentence that names it beats several that are merely alike.
    return on ? 2 * coverage + similarity : 0;
  };
  // A brief discusses a topic as much as its few most relevant sentences do (not its many passing mentions).
  const discussing = bot.corpus.documents
    .map((d) => {
      const sentences = documentSentences(bot, d.source);
      const scored = sentences.map((c) => ({ c, r: relevance(c) })).filter((x) => x.r > 0);
      const strength = scored.map((x) => x.r).sort((a, b) => b - a).slice(0, TOP_SENTENCES).reduce((a, b) => a + b, 0);
      return { source: d.source, sentences, pool: scored.map((x) => x.c), strength };
    })
    .filter((d) => d.pool.length > 0)
    .sort((a, b) => b.strength - a.strength);
  if (discussing.length === 0) return refuse(`No brief discusses “${topic}”.`);

  const times = await documentTimes(bot);
  const documents: DocumentBriefing[] = [];
  for (const d of discussing.slice(0, MAX_TOPIC_DOCUMENTS)) {
    const points = await keyPoints(bot, { sentences: d.sentences, pool: d.pool, topicVector });
    // Only the incidents stated in sentences about the topic.
    const onTopicParagraphs = new Set(d.pool.map((c) => c.paragraph));
    const incidents = documentIncidents(bot, d.source).filter((i) => i.citations.some((c) => onTopicParagraphs.has(c.paragraph)));
    documents.push({ ...indexEntry(bot, d.source, times.get(d.source)!), lead: points[0] ?? null, points, casualties: casualtyLines(incidents) });
  }
  const omitted = discussing.length - documents.length;
  const count = `${discussing.length} brief${discussing.length === 1 ? "" : "s"}`;
  return { kind: "topic", topic, covered: true, message: `Briefing on “${topic}” from ${count}${omitted ? ` (the ${documents.length} that discuss it most shown)` : ""}`, documents, omitted };
}

async function sinceBriefing(bot: Briefbot, raw: string, now: Date): Promise<Briefing> {
  const since = parseSince(raw, now);
  const times = await documentTimes(bot);
  const fresh = bot.corpus.documents.filter((d) => times.get(d.source)! >= since);
  const documents = [...fresh]
    .sort((a, b) => times.get(b.source)!.getTime() - times.get(a.source)!.getTime())
    .map((d) => ({ ...indexEntry(bot, d.source, times.get(d.source)!), points: [], casualties: casualtyLines(documentIncidents(bot, d.source)) }));
  const when = since.toISOString().replace(/\.000Z$/u, "Z");
  const message = documents.length
    ? `${documents.length} brief${documents.length === 1 ? "" : "s"} added or changed since ${when}`
    : `No brief was added or changed since ${when}.`;
  return { kind: "since", since: since.toISOString(), covered: documents.length > 0, message, documents };
}

/** Refuses, without the corpus, what can never be answered: two options at once, an unreadable time, an empty topic. */
export function checkOptions(request: BriefingRequest, now: Date = new Date()): void {
  const given = (["document", "topic", "since"] as const).filter((k) => request[k] !== undefined);
  if (given.length > 1) throw new BriefbotError(`Choose one of document, topic or since (got ${given.join(" and ")}).`, "BAD_INPUT");
  if (request.since !== undefined) parseSince(request.since, now);
  if (request.topic !== undefined) validateTopic(request.topic);
}

/**
 * Refuses a request that cannot be answered, before any work (checkOptions, and a brief the
 * corpus does not have). Returns the request with the document's exact file name.
 */
export function checkRequest(bot: Briefbot, request: BriefingRequest, now: Date = new Date()): BriefingRequest {
  checkOptions(request, now);
  if (request.document !== undefined) return { document: findDocument(bot.corpus.documents.map((d) => d.source), request.document) };
  return request;
}

/**
 * A team briefing from the corpus: with no option, an index of every brief; with `document`, the
 * key points of that brief; with `topic`, the points about it from every brief that discusses it;
 * with `since`, the briefs that came in since then. Every point quotes a brief verbatim, cited.
 * Bad input (see checkRequest) throws a BriefbotError.
 */
export async function buildBriefing(bot: Briefbot, request: BriefingRequest = {}, now: Date = new Date()): Promise<Briefing> {
  const checked = checkRequest(bot, request, now);
  if (checked.document !== undefined) return documentBriefing(bot, checked.document);
  if (checked.topic !== undefined) return topicBriefing(bot, checked.topic);
  if (checked.since !== undefined) return sinceBriefing(bot, checked.since, now);
  return corpusIndex(bot);
}
