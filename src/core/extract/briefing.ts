import nlp from "compromise";
import { type Attribution, attribute } from "../answer/attribution.js";
import type { Briefbot } from "../briefbot.js";
import type { Chunk } from "../ingest/chunker.js";
import { termCoverage, unknownSubjects } from "../answer/coverage.js";
import { cosine } from "../index/embedder.js";
import { validateQuestion } from "../answer/question.js";
import { contentTerms } from "../index/terms.js";

export type Aspect = "main dispute" | "actors" | "stated concerns" | "actions taken" | "outlook";

export interface BriefingPoint {
  aspect: Aspect;
  source: string;
  paragraph: number;
  /** The page the quote starts on, for paged formats (PDF). */
  page?: number;
  quote: string;
  attribution: Attribution;
}

export interface Briefing {
  topic: string | null;
  covered: boolean;
  message: string;
  points: BriefingPoint[];
}

/** Generic cue words for each aspect of a briefing; nothing here is specific to one brief. */
// Ordered so that the most distinctive cues pick first ("will continue" before "concerns").
const ASPECT_QUERIES: [Aspect, string][] = [
  ["main dispute", "disagreements dispute between rejected the claim tension conflict over"],
  ["outlook", "will continue future remain expected likely outlook"],
  ["actions taken", "arrested raids carried out intensified efforts against operations launched"],
  ["stated concerns", "concerns fears threat risk poses worried security challenge"],
];
const MIN_TOPIC_SIMILARITY = 0.4;
const MIN_WORDS = 8;
const MIN_SIMILARITY = 0.2;

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
// Headings and sign-offs ("Editorial Team") end without sentence punctuation.
const isSentence = (text: string) => /[.!?]["”’)]*$/u.test(text) && wordCount(text) >= MIN_WORDS;

interface CorpusEntities {
  perChunk: Map<number, Set<string>>;
  /** Names that occur in at least two sentences: the brief's actors. */
  recurring: Set<string>;
}

function entitiesOf(text: string): Set<string> {
  const doc = nlp(text);
  const names = [...doc.people().out("array"), ...doc.organizations().out("array"), ...doc.places().out("array"), ...(text.match(/\b[A-Z]{2,}(?:-[A-Z]{2,})?\b/g) ?? [])];
  return new Set(names.map((n: string) => n.replace(/[’']s$/u, "").replace(/[^\p{L}\p{N}-]+$/u, "").trim()).filter(Boolean));
}

// Tagging every sentence depends on the corpus alone, so it is done once per loaded corpus, not per /brief.
const entityCache = new WeakMap<Chunk[], CorpusEntities>();

function corpusEntities(chunks: Chunk[]): CorpusEntities {
  let cached = entityCache.get(chunks);
  if (!cached) {
    const perChunk = new Map(chunks.map((c) => [c.id, entitiesOf(c.text)]));
    const counts = new Map<string, number>();
    for (const set of perChunk.values()) for (const e of set) counts.set(e, (counts.get(e) ?? 0) + 1);
    cached = { perChunk, recurring: new Set([...counts].filter(([, n]) => n >= 2).map(([e]) => e)) };
    entityCache.set(chunks, cached);
  }
  return cached;
}

/** The sentence naming the most of the brief's recurring actors (people, organisations, places, acronyms). */
function actorsSentence(chunks: Chunk[], pool: Chunk[]): Chunk | undefined {
  const { perChunk, recurring } = corpusEntities(chunks);
  let best: Chunk | undefined;
  let bestCount = 1;
  for (const chunk of pool) {
    const n = [...perChunk.get(chunk.id)!].filter((e) => recurring.has(e)).length;
    if (n > bestCount) [best, bestCount] = [chunk, n];
  }
  return best;
}

/**
 * A briefing in a few bullets, each a verbatim sentence with its citation and attribution:
 * the main dispute, the actors, the stated concerns, the actions taken, the outlook.
 * With a topic, only sentences about that topic are used.
 */
export async function buildBriefing(bot: Briefbot, rawTopic?: string): Promise<Briefing> {
  const topic = rawTopic?.trim() ? validateQuestion(rawTopic) : null;
  if (topic) {
    const unknown = unknownSubjects(topic, bot.lexical);
    if (unknown.length) {
      return { topic, covered: false, message: `The brief does not cover this topic: it never mentions ${unknown.map((u) => `“${u}”`).join(", ")}.`, points: [] };
    }
  }
  const topicTerms = topic ? contentTerms(topic) : [];
  const [topicVector] = topic ? await bot.embedder.embed([topic]) : [undefined];
  const onTopic = (chunk: Chunk) =>
    !topicVector || termCoverage(topicTerms, chunk.text, bot.lexical) > 0 || cosine(topicVector, bot.vectors.vector(chunk.id)) >= MIN_TOPIC_SIMILARITY;
  const pool = bot.chunks.filter((c) => isSentence(c.text) && onTopic(c));

  const used = new Set<number>();
  const points: BriefingPoint[] = [];
  const add = (aspect: Aspect, chunk: Chunk | undefined) => {
    if (!chunk || used.has(chunk.id)) return;
    used.add(chunk.id);
    points.push({ aspect, source: chunk.source, paragraph: chunk.paragraph, quote: chunk.text, attribution: attribute(chunk.text), ...(chunk.page ? { page: chunk.page } : {}) });
  };
  const poolIds = new Set(pool.map((c) => c.id));
  for (const [aspect, cue] of ASPECT_QUERIES) {
    const candidates = await bot.retrieve(topic ? `${topic} ${cue}` : cue);
    add(aspect, candidates.find((c) => poolIds.has(c.chunk.id) && !used.has(c.chunk.id) && c.similarity >= MIN_SIMILARITY)?.chunk);
    if (aspect === "main dispute") add("actors", actorsSentence(bot.chunks, pool.filter((c) => !used.has(c.id))));
  }
  if (points.length === 0) {
    return { topic, covered: false, message: "The brief does not cover this topic.", points };
  }
  const order: Aspect[] = ["main dispute", "actors", "stated concerns", "actions taken", "outlook"];
  points.sort((a, b) => order.indexOf(a.aspect) - order.indexOf(b.aspect));
  return { topic, covered: true, message: topic ? `Briefing on “${topic}”` : "Briefing", points };
}
