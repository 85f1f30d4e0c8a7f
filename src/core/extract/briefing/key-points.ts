import nlp from "compromise";
import type { Briefbot } from "../../briefbot.js";
import { cosine } from "../../index/embedder.js";
import type { Chunk } from "../../ingest/chunker.js";
import { attribute } from "../../answer/attribution.js";
import { findDate } from "../place-and-date.js";
import { leadSentence, toPoint } from "./document-facts.js";
import { ASPECTS, type Aspect, type BriefingPoint } from "./types.js";

/**
 * Generic cues for each kind of point: a sentence must show one of the words to qualify, and the
 * qualifying sentences are ranked by meaning against the cue phrase. Nothing here comes from one brief.
 */
const CUES: Partial<Record<Aspect, { words: RegExp; phrase: string }>> = {
  "positions and concerns": {
    words: /\b(?:said|says|stated|claimed|denied|rejected|accused|blamed|insisted|warned|called for|urged|condemned|demanded|held .{1,40} responsible|concerns?|fears?|feared|worr(?:y|ied)|threat|risk)\b/iu,
    phrase: "the government said it rejected the accusation and warned of the threat; concerns and fears",
  },
  "actions taken": {
    words: /\b(?:arrest(?:ed|s)?|detain(?:ed)?|charged|convicted|sentenced|deployed|sent|launched|dismissed|ordered|banned|imposed|declared|closed|suspended|evacuated|raided|raids?|offensive|sanctions?|resigned|pledged|tightened|reviewed|inquiry|investigation)\b/iu,
    phrase: "authorities arrested suspects, deployed troops, launched an operation and ordered an inquiry",
  },
  outlook: {
    words: /\b(?:will|likely|unlikely|expect(?:s|ed)?|anticipated?|we (?:judge|assess)|further attacks?|remains? (?:a|an|the|likely|high|active|capable|exposed|vulnerable)|continues? to|future|outlook|coming (?:months|weeks|year)|risk of)\b/iu,
    phrase: "the group is likely to remain a threat and attacks are expected to continue in the coming months",
  },
};

// "The blast claimed nine lives" reports a toll, not a claim.
const NOT_A_POSITION = /\bclaimed\s+(?:\S+\s+){0,3}lives\b/iu;
// A position is best shown where the brief says whose it is.
const ATTRIBUTED_BONUS = 0.2;

// A place named after a locative preposition: the "where" of a sentence.
const PLACE = /\b(?:in|at|near|outside|inside|on)\s+(?:the\s+)?\p{Lu}\p{L}/u;

// Cue phrases are embedded once per embedder, not per briefing.
const cueVectors = new WeakMap<object, Promise<Map<Aspect, Float32Array>>>();

function vectorsFor(bot: Briefbot): Promise<Map<Aspect, Float32Array>> {
  let vectors = cueVectors.get(bot.embedder);
  if (!vectors) {
    const aspects = Object.keys(CUES) as Aspect[];
    vectors = bot.embedder.embed(aspects.map((a) => CUES[a]!.phrase)).then((v) => new Map(aspects.map((a, i) => [a, v[i]!])));
    cueVectors.set(bot.embedder, vectors);
  }
  return vectors;
}

// People, organisations and acronyms; places are left out, since a sentence listing places is not about who acts.
// Tagging a sentence's names depends on the sentence alone; a chunk object lives as long as its corpus.
const namesCache = new WeakMap<Chunk, Set<string>>();

function namesIn(chunk: Chunk): Set<string> {
  let names = namesCache.get(chunk);
  if (!names) {
    const doc = nlp(chunk.text);
    const found = [...doc.people().out("array"), ...doc.organizations().out("array"), ...(chunk.text.match(/\b[A-Z]{2,}(?:-[A-Z]{2,})?\b/gu) ?? [])];
    names = new Set(found.map((n: string) => n.replace(/[’']s$/u, "").replace(/[^\p{L}\p{N}-]+$/u, "").trim()).filter(Boolean));
    namesCache.set(chunk, names);
  }
  return names;
}

// Words that say a sentence is about who acts: perpetrators, groups, forces.
const ACTOR_WORDS = /\b(?:responsib\w*|blamed|group|militias?|insurgen\w*|militants?|forces|gunmen|bombers?|attackers?|fighters|perpetrat\w*|affiliate\w*|linked|led by|members?|leader)\b/iu;

/**
 * The sentence naming the most of the document's recurring actors (names in two sentences or
 * more), a sentence about who acts counting one more; it must score at least two.
 */
function whoSentence(sentences: Chunk[], pool: Chunk[]): Chunk | undefined {
  const counts = new Map<string, number>();
  for (const c of sentences) for (const n of namesIn(c)) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best: Chunk | undefined;
  let bestScore = 1;
  for (const c of pool) {
    const named = [...namesIn(c)].filter((name) => (counts.get(name) ?? 0) >= 2).length;
    const score = named + (named > 0 && ACTOR_WORDS.test(c.text) ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best;
}

export interface KeyPointOptions {
  /** The document's quotable sentences (the actors are counted over all of them). */
  sentences: Chunk[];
  /** The sentences points may be drawn from (all of them, or those on a topic). */
  pool: Chunk[];
  /** A topic's vector: among qualifying sentences, those closer to it rank higher. */
  topicVector?: Float32Array;
}

/**
 * The key points of one document, each a different sentence: what happened (its first sentence),
 * who, where and when, stated positions and concerns, actions taken, outlook. An aspect no
 * sentence qualifies for is left out rather than filled with a weak match.
 */
export async function keyPoints(bot: Briefbot, { sentences, pool, topicVector }: KeyPointOptions): Promise<BriefingPoint[]> {
  const cues = await vectorsFor(bot);
  const used = new Set<number>();
  const points: BriefingPoint[] = [];
  const add = (aspect: Aspect, chunk: Chunk | undefined) => {
    if (!chunk || used.has(chunk.id)) return;
    used.add(chunk.id);
    points.push(toPoint(bot, chunk, aspect));
  };
  const free = () => pool.filter((c) => !used.has(c.id));
  const topicScore = (c: Chunk) => (topicVector ? cosine(topicVector, bot.vectors.vector(c.id)) : 0);

  add("what happened", topicVector ? [...pool].sort((a, b) => topicScore(b) - topicScore(a))[0] : leadSentence(bot, sentences));
  add("who", whoSentence(sentences, free()));
  add("where and when", free().find((c) => findDate(c.text)?.relative === false && PLACE.test(c.text)));
  for (const aspect of ["positions and concerns", "actions taken", "outlook"] as const) {
    const cue = CUES[aspect]!;
    const vector = cues.get(aspect)!;
    const ranked = free()
      .filter((c) => cue.words.test(c.text) && !NOT_A_POSITION.test(c.text))
      .map((c) => ({ c, score: cosine(vector, bot.vectors.vector(c.id)) + topicScore(c) + (aspect === "positions and concerns" && attribute(c.text).speaker ? ATTRIBUTED_BONUS : 0) }))
      .sort((a, b) => b.score - a.score);
    add(aspect, ranked[0]?.c);
  }
  return points.sort((a, b) => ASPECTS.indexOf(a.aspect) - ASPECTS.indexOf(b.aspect));
}
