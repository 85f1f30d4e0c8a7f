import { normalizeTerm, tokenize } from "../index/terms.js";
import { casualtyKindOfWord, isCasualtyWord, kindBits } from "../extract/casualty-lexicon.js";
import { isAppositiveAge, NUMBER_PATTERN } from "../extract/numbers.js";
import { isRevision } from "../extract/revisions.js";
import { BoundedMemo } from "../index/bounded-memo.js";
import { findMentions, findVagueMentions, SITE_DEATHS, siteFigures } from "../extract/casualty-mentions.js";
import { CALENDAR_WORD, DAYS, findDate, findPlaces, MONTHS } from "../extract/place-and-date.js";
import { AGE, AMOUNT, endsPhrase, phraseAfter, type QuestionAnalysis } from "./question-analysis.js";
import { canNameGroup, canNamePerson, canNamePlace, isCommonWord, isInflectedVerb, isPersonNoun, isUnitOfMeasure, isVerbFirst, nounClass } from "../index/wordnet.js";
import { createRequire } from "node:module";

const DATE = new RegExp(
  String.raw`\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTHS})\b|(?:${MONTHS})\s+\d{1,2}(?:st|nd|rd|th)?\b|(?:${MONTHS})\s+(?:19|20)\d\d|(?:${DAYS})\b|(?:19|20)\d\d\b|\d{1,2}[:.]\d\d\b|\d{1,2}\s*[ap]\.?m\.?|(?:yesterday|today|tonight|overnight|midnight|dawn|dusk)\b|(?:the\s+)?(?:next|following|previous)\s+(?:day|morning|week|month|year)|(?:days?|weeks?|months?|hours?|minutes?|years?)\s+(?:later|earlier|after|before)|(?:in|by|since|until)\s+(?:early|mid|late)\b)`,
  "iu",
);
const NUMBER = new RegExp(String.raw`(?:^|[^\p{L}\p{N}])(${NUMBER_PATTERN}|dozens|scores|hundreds|thousands)(?=$|[^\p{L}\p{N}])`, "giu");
const MEASURE = /^(?:-|\s)?(?:years?[-\s]old|year|hours?|days?|weeks?|months?|minutes?|seconds?|km|kilomet|miles?|metres?|meters?|per\s*cent|percent|%|billion|million\s+(?:dollars|euros|pounds))/iu;
const YEAR_OR_DATE_NUMBER = new RegExp(String.raw`^(?:1[89]|20)\d\d$`, "u");
/** A sentence without a causal cue can still give the reason ("This makes it difficult for Iran to ..."). */
export const TYPE_DEFAULTS = { whyWithoutCue: 0.2 };
const RANKING_WHY_WITHOUT_CUE_REF = TYPE_DEFAULTS;
const REASON = /\b(?:because|since|as\s+a\s+result|due\s+to|owing\s+to|in\s+(?:retaliation|response|revenge|reprisal)|punish\w*|to\s+(?:punish|avenge|protest)|so\s+that|in\s+order\s+to|aim\w*|reason|motive|revenge|retaliation|retribution|reprisal|punishment|response|protest|after\b(?!\s+(?:\d|midnight|noon|dawn|dusk|nightfall|sunset|sunrise))|following\b|for\s+\w+ing|blamed|led\s+to|caused|meant|counted|look\s+like|seen\s+as|explain\w*)\b/iu;
/** "… to celebrate", "… to attend": "to" before a word WordNet knows as a verb more than as a noun (not "to hospital"). */
function purposeInfinitive(text: string): boolean {
  for (const m of text.matchAll(/\bto\s+([a-z]+)\b/gu)) if (isVerbFirst(m[1]!)) return true;
  return false;
}
const ASKS_STATED_REASON = /\b(?:say|said|says|claim|claimed|explain|explained|give|gave|justify|justified)\b/iu;
// Someone giving a reason: a reporting verb in the sentence.
const REPORTED = /\b(?:said|says|told|tells|claimed|claims|stated|described|describing|called|calling|announced|declared|explained|warned|justified)\b/iu;
const PLACE_PREPOSITION = /\b(?:in|at|near|outside|inside|from|to|into|across|of)\s+(?:the\s+)?\p{Lu}/u;
const GROUP_WORD = /\b(?:group|movement|militia|militants?|insurgents?|forces?|army|government|ministry|police|state|faction|organi[sz]ation|network|front|brigade|province|cell)\b/iu;

/** Figures of a sentence that are counts: years, dates and times are not. */
export function countsIn(text: string): readonly { value: string; index: number }[] {
  const cached = countsCache.get(text);
  if (cached) return cached;
  const out: { value: string; index: number }[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const value = m[1]!;
    const index = m.index + m[0].indexOf(value);
    if (YEAR_OR_DATE_NUMBER.test(value)) continue;
    const before = text.slice(Math.max(0, index - 12), index);
    const after = text.slice(index + value.length, index + value.length + 16);
    // A day of a date or a time: "3 May", "May 3", "07:58".
    if (DAY_AFTER.test(after) || DAY_BEFORE.test(before) || /^[:.]\d\d/u.test(after) || /\d[:.]$/u.test(before)) continue;
    if (/^(?:a|an|one)$/iu.test(value)) continue;
    // Ages, durations, distances, money and shares are measures, not counts of people or things.
    if (MEASURE.test(after) || /[$€£]\s*$/u.test(text.slice(Math.max(0, index - 2), index))) continue;
    if (isAppositiveAge(text, index, value.length)) continue;
    out.push({ value, index });
  }
  // Every candidate sentence is typed for every question: remember the last few thousand.
  if (countsCache.size >= 5000) countsCache.delete(countsCache.keys().next().value!);
  countsCache.set(text, out);
  return out;
}

const countsCache = new Map<string, readonly { value: string; index: number }[]>();
const DAY_AFTER = new RegExp(String.raw`^\s+(?:${MONTHS})\b`, "iu");
const DAY_BEFORE = new RegExp(String.raw`\b(?:${MONTHS})\s+$`, "iu");

const words = (text: string) => tokenize(text);
const TALLY = /\b(?:figure|count|tally|total|number|toll)s?\b/iu;

/** "One border guard", "a policeman", "his driver": one person, named by a noun WordNet files under people. */
function singleVictim(text: string): boolean {
  const tokens = words(text);
  return tokens.some((t, i) => /^(?:one|a|an|his|her)$/iu.test(t) && tokens.slice(i + 1, i + 4).some((w) => !/^\p{Lu}/u.test(w) && nounClass(w) === "people"));
}

const KILLED_BY_SECURITY = /\b(?:police(?:men)?|officers?|soldiers|troops|snipers?|(?:security|special)\s+forces|commandos)\s+(?:\w+\s+){0,2}?(?:shot|killed)\s+(?:all\s+|both\s+)?(?:\w+\s+)?(?:of\s+)?(?:the\s+)?(?:him|her|them|attackers?|gunm[ae]n|assailants?|bombers?|militants|three|two|four|five|six|seven)\b/iu;
const COMPARISON = /\b(?:deadliest|worst|bloodiest|biggest|largest)\b[^.;]*\bsince\b/iu;

/** "Among the dead were …": some of the victims, named or counted, rather than the toll. */
export const AMONG_VICTIMS = /\bamong\s+the\s+(?:dead|victims|killed|casualties|wounded|injured)\b/iu;

// "Sentenced seven men to death", "life imprisonment": a court's sentence. A few words at most lie
// between the verb and "to death", so "condemned the attack in which 12 were hacked to death" stays a toll.
const JUDICIAL_DEATH = /\b(?:sentenced(?:\s+[\p{L}\d’'-]+){0,4}?\s+to\s+death|death\s+(?:sentences?|penalty|penalties|row)|life\s+(?:imprisonment|sentences?|terms?)|(?:jailed|imprisoned)\s+for\s+life)\b/giu;

/** Whether a sentence gives only some of the victims: "Among the dead were …" with no toll before it ("Nine were killed; among the dead …" holds the toll). */
function amongVictimsOnly(text: string): boolean {
  const among = AMONG_VICTIMS.exec(text);
  return among !== null && !findMentions(text).some((m) => m.start < among.index);
}

/** The kinds of harm a sentence's words speak of (bit 1 deaths, bit 2 injuries), a court's death sentence aside. */
function readHarmBits(text: string): number {
  let bits = 0;
  for (const t of words(text.replace(JUDICIAL_DEATH, " "))) bits |= kindBits(t);
  return bits;
}
// Every candidate sentence is read for harm on every casualty question: once per sentence is enough.
const harmBits = new BoundedMemo<string, number>(20_000);

/** A count close to a word of harm: "Thirty people died", "killing at least 14", "None of the ministers ... was hurt". */
function casualtyEvidence(text: string, kind: "killed" | "injured"): number {
  // "the deadliest attack since the car bomb that killed more than a hundred": that toll is another event's;
  // "Armed officers shot all three dead": the attackers' deaths, not the victims'.
  if (COMPARISON.test(text) || (kind === "killed" && KILLED_BY_SECURITY.test(text))) return 0.5;
  // "A court sentenced seven men to death": a sentence passed, not deaths.
  const harm = (harmBits.get(text, readHarmBits) & (kind === "killed" ? 1 : 2)) !== 0;
  // "corrects the figure downward ... to about 253": a revised figure is a toll even without a word of harm.
  if (!harm) return countsIn(text).length && TALLY.test(text) ? (isRevision(text) ? 0.8 : 0.5) : 0;
  if (countsIn(text).some((c) => !countsThings(text, c))) return 1;
  // A denial or a single victim still answers: "None of the ministers ... was hurt", "One border guard was lightly wounded".
  if (/\b(?:none|no\s+one|nobody)\b/iu.test(text) || singleVictim(text)) return 0.8;
  return 0.4;
}

const AGE_PHRASE = new RegExp(String.raw`\b(?:${NUMBER_PATTERN})[-\s]years?[-\s]old\b|\baged\s+(?:${NUMBER_PATTERN})\b|\bage\s+of\s+(?:${NUMBER_PATTERN})\b`, "iu");

/**
 * Whether a text gives the age of the person a "How old was …?" question asks about: an age ("eight
 * years old", "aged 30", "Ilya Sorin, 34,"). When the question names the person rather than a role
 * ("How old was Karl Brenner?"), the age's nearest name must be the asked one, or no name at all
 * ("He was 22 years old"): "The youngest, Anna Roth, was eight years old" gives Anna Roth's age, not
 * Brenner's. A possessive is read as its name ("Brenner's"), and a sentence's first word is no name.
 * A role ("How old was the gunman?") may be answered by whichever name holds it.
 */
function givesAskedAge(text: string, q: QuestionAnalysis): boolean {
  const ages = [...text.matchAll(new RegExp(AGE_PHRASE.source, "giu"))].map((m) => m.index);
  for (const m of text.matchAll(NUMBER)) {
    const index = m.index + m[0].indexOf(m[1]!);
    if (isAppositiveAge(text, index, m[1]!.length)) ages.push(index);
  }
  if (!ages.length) return false;
  const questionWords = words(q.text);
  if (questionWords.some((w) => isCommonWord(w) && nounClass(w) === "people")) return true;
  const asked = new Set(questionWords.map((w) => w.toLowerCase()));
  const names = [...text.matchAll(/\p{Lu}[\p{L}’'-]+/gu)]
    .map((m) => ({ m, word: m[0].replace(/[’']s$/u, "") }))
    .filter(({ m, word }) => m.index > 0 && !CALENDAR_WORD.test(word) && !isCommonWord(word) && nounClass(word) !== "location")
    .map(({ m, word }) => ({ start: m.index, end: m.index + m[0].length, asked: asked.has(word.toLowerCase()) }));
  return ages.some((age) => {
    const distance = (n: { start: number; end: number }) => (n.end <= age ? age - n.end : n.start - age);
    const nearest = names.reduce<(typeof names)[number] | null>((best, n) => (!best || distance(n) < distance(best) ? n : best), null);
    return !nearest || nearest.asked;
  });
}

// A figure with a unit: "$10 million", "£2m", "500 kg", "two tonnes of fertiliser".
const MONEY = /[$€£¥]\s?\d|\d\s?(?:m|bn|k)\b/u;
const FIGURE = new RegExp(String.raw`(?:^|[^\p{L}\p{N}])(?:${NUMBER_PATTERN})(?=$|[^\p{L}\p{N}])`, "giu");

/** Whether a text gives an amount, as "How much …?" asks: money, or a figure followed by a unit of measure (WordNet's noun.quantity). */
function givesAmount(text: string): boolean {
  if (MONEY.test(text)) return true;
  return [...text.matchAll(FIGURE)].some((m) => {
    // The unit is the word right after the figure, never a preposition ("one in the morning": "in" is also an inch).
    const unit = words(text.slice(m.index + m[0].length, m.index + m[0].length + 30))[0];
    return unit !== undefined && /^\p{L}{2,}$/u.test(unit) && !endsPhrase(unit.toLowerCase(), undefined) && isUnitOfMeasure(unit);
  });
}

/**
 * Whether a question that counts something other than harm ("how many were arrested", "how many
 * hostages were freed") meets a quote whose every count is a toll ("Nine were killed and 40
 * wounded"): a figure, but not of what was asked (see QuestionAnalysis.harm.spoken).
 */
function onlyTollsForOtherCount(quote: string, q: QuestionAnalysis): boolean {
  if (q.type !== "count" || q.harm.spoken) return false;
  const counts = countsIn(quote);
  const tolls = findMentions(quote);
  // Asked to count people ("how many people were held"), a count of things ("three car bombs") is no answer either.
  const word = focusWord(q);
  const people = !q.focus || GENERIC_FOCUS.has(q.focus) || (word !== undefined && nounClass(word) === "people");
  return counts.length > 0 && counts.every((c) => tolls.some((m) => c.index >= m.start && c.index < m.end) || (people && countsThings(quote, c)));
}

/** The question's counted noun and every corpus term that stands for it. */
function focusTerms(q: QuestionAnalysis): Set<string> {
  const slot = q.focus ? q.slots.find((s) => s.term === q.focus) : undefined;
  return new Set([...(q.focus ? [q.focus] : []), ...(slot ? slot.matches.keys() : [])]);
}

/**
 * The words a count may head: at most four after it, up to a verb, a preposition other than "of" or a
 * conjunction ("9 armed raiders", "12 of the raiders"; "four got | through the raiders' lines").
 */
function countedWords(text: string, c: { value: string; index: number }): string[] {
  const after = words(text.slice(c.index + c.value.length, c.index + c.value.length + 40)).slice(0, 4);
  const out: string[] = [];
  for (const [i, w] of after.entries()) {
    const lower = w.toLowerCase();
    const next = after[i + 1];
    // An -ed word before a noun describes it ("armed gunmen"), even a plural WordNet files only by its lemma.
    if (/ed$/u.test(lower) && next && nounClass(next) !== null) continue;
    if (lower !== "of" && lower !== "the" && endsPhrase(lower, next?.toLowerCase())) break;
    out.push(w);
  }
  return out;
}

/** Whether one of `terms` is counted by a figure ("11 lorries", "at least 9 raiders"). */
function countsOneOf(text: string, terms: Set<string>): boolean {
  return countsIn(text).some((c) => countedWords(text, c).some((w) => terms.has(normalizeTerm(w) ?? "")));
}

/**
 * Whether a count is followed by a noun of the same WordNet class as the counted one: "between 54
 * and 40 militiamen" counts persons, as "how many fighters" asks, without being a synonym.
 */
function countsSameClass(text: string, focusWord: string | undefined): boolean {
  const wanted = focusWord ? nounClass(focusWord) : null;
  // Only people: any two kinds of things are artifacts alike ("40 rockets" count no helicopters).
  if (wanted !== "people") return false;
  // The counted noun heads the phrase right after the figure, before any punctuation ("104 dead, the mayor" counts no mayors).
  return countsIn(text).some((c) =>
    words(text.slice(c.index + c.value.length, c.index + c.value.length + 40).split(/[,;:.()]/u)[0]!)
      .slice(0, 3)
      .some((w) => !/^\p{Lu}/u.test(w) && !GENERIC_FOCUS.has(normalizeTerm(w) ?? "") && casualtyKindOfWord(w) === null && nounClass(w) === wanted),
  );
}

/**
 * "Two bombs", "three car bombs": a figure heading a noun WordNet files under artifacts counts things,
 * not victims. The head is the last noun of the words right after the figure, before a stop word
 * ("killed 3 in a car bomb attack" heads nothing).
 */
function countsThings(text: string, c: { value: string; index: number }): boolean {
  let head: string | null = null;
  for (const w of words(text.slice(c.index + c.value.length, c.index + c.value.length + 40).split(/[,;:.()]/u)[0]!).slice(0, 3)) {
    if (normalizeTerm(w) === null || /^\p{Lu}/u.test(w) || casualtyKindOfWord(w) !== null) break;
    if (nounClass(w) === null) {
      if (head) break;
      continue;
    }
    head = w;
  }
  return head !== null && nounClass(head) === "artifact";
}

const focusWord = (q: QuestionAnalysis) => (q.focus ? q.slots.find((s) => s.term === q.focus)?.word : undefined);

/** How many of the focus things: a count right before the counted noun ("17 vehicles", "seven got through"). */
function countEvidence(text: string, q: QuestionAnalysis): number {
  if (q.focus === AGE) return givesAskedAge(text, q) ? 1 : 0;
  if (q.focus === AMOUNT) return givesAmount(text) ? 1 : 0;
  if (!countsIn(text).length) return 0;
  if (!q.focus) return 0.8;
  if (countsOneOf(text, focusTerms(q))) return 1;
  return countsSameClass(text, focusWord(q)) ? 0.8 : 0.6;
}

/** Whether a site's name is one the question names (a subject word of the question, or a corpus term standing for one). */
function siteAsked(site: string, q: QuestionAnalysis): boolean {
  const terms = new Set(q.slots.filter((s) => s.isSubject).flatMap((s) => [...s.matches.keys()]));
  return words(site).some((w) => terms.has(normalizeTerm(w) ?? ""));
}

/** Positions of the words of a text that can name a person or group (see nameEvidence). */
function namePositions(text: string, question: string): number[] {
  const key = (w: string) => w.toLowerCase().replace(/’/gu, "'");
  const questionWords = words(question).map(key);
  const asked = new Set(questionWords);
  // The asked name's initials in capitals are the asked name too ("national thowheeth jama'ath" → NTJ):
  // runs of content words only, so "hit the school" gives no HTS.
  const initials = new Set<string>();
  for (let from = 0; from < questionWords.length; from++) {
    let letters = "";
    for (let to = from; to < Math.min(questionWords.length, from + 6) && normalizeTerm(questionWords[to]!) !== null; to++) {
      letters += questionWords[to]!.charAt(0);
      if (to > from) initials.add(letters);
    }
  }
  const isAsked = (w: string) => asked.has(key(w)) || (/^\p{Lu}{2,6}$/u.test(w) && initials.has(key(w)));
  // A who-answer names a person or a group: not a place WordNet knows ("Lisbon", "Lisbon's"), a month
  // or a day, or a capitalised common word ("the Harbour Hotel"). A nationality may name the group
  // ("Chechen separatists"), so it counts.
  // Nor a name the text itself places something in ("in Velmora", "at the ferry terminal").
  const places = new Set(findPlaces(text).flatMap((p) => p.split(/[\s,-]+/u)));
  const out: number[] = [];
  words(text).forEach((token, i) => {
    const w = token.replace(/['’]s$/u, "");
    if (i > 0 && /^\p{Lu}/u.test(w) && !isAsked(w) && !CALENDAR_WORD.test(w) && !places.has(w) && !isCommonWord(w) && nounClass(w) !== "location") out.push(i);
  });
  return out;
}

/**
 * For "the name of the bomber", "who was the commander": whether the quote names someone next to
 * the asked role (within four words of "bomber", "commander", or a WordNet relative of the role that
 * the corpus uses and that can itself name a person: "attacker" for "gunman", not "bomb" or
 * "bombing" for "bomber"), when the quote speaks of that role at all. A quote that mentions the bomber
 * but names only the shrine's saint does not give the bomber's name. Null when the question asks for
 * no role.
 */
function roleNamed(text: string, q: QuestionAnalysis, role: string | undefined, names: number[]): boolean | null {
  const own = role ? normalizeTerm(role) : null;
  if (!role || !own) return null;
  const slot = q.slots.find((s) => s.word.toLowerCase() === role && !s.missing);
  const terms = new Set([own, ...(slot?.matches.keys() ?? [])]);
  const rolePositions = words(text).flatMap((t, i) => {
    const term = normalizeTerm(t) ?? "";
    return terms.has(term) && (term === own || canNamePerson(t)) ? [i] : [];
  });
  if (!rolePositions.length) return null;
  return rolePositions.some((r) => names.some((n) => Math.abs(n - r) <= 4));
}

/** The role a who-question asks to be named (see askedRole), and whether a person's name must be given for it. */
interface AskedRole {
  word: string;
  person: boolean;
}

/**
 * The role a who-question asks to be named, as a noun: "the name of the suicide bomber …" →
 * bomber, "who was the commander of …" → commander, "which leader …" → leader; null otherwise.
 * A person's name is needed for a role that is first of all a person ("the judge"), and for one asked
 * for by name that can be a person ("the name of the bomber": WordNet's first bomber is an aircraft).
 */
function askedRole(question: string): AskedRole | null {
  const lower = question.toLowerCase();
  const byName = /\bnames?\s+of\s+(?:the\s+|a\s+|an\s+)?(.*)$/u.exec(lower)?.[1];
  const phrase =
    byName ??
    // "Who were the staff killed …" may be answered by what they were ("a guard and an operator"); one person, by a name.
    /^\s*who\s+(?:is|was)\s+(?:the|a|an)\s+(.*)$/u.exec(lower)?.[1] ??
    /^\s*(?:which|what)\s+(.*)$/u.exec(lower)?.[1];
  if (!phrase) return null;
  // "The bomber's group" asks for the group, not the bomber: a possessor is not the role.
  const phraseWords = phraseAfter(phrase.replace(/[\p{L}-]+['’]s?(?=\s)/gu, "").match(/[\p{L}-]+/gu) ?? []).filter((w) => !casualtyKindOfWord(w));
  const head = phraseWords[phraseWords.length - 1];
  if (byName !== undefined && head && canNamePerson(head)) return { word: head, person: true };
  const people = phraseWords.filter((w) => nounClass(w) === "people");
  const word = people[people.length - 1];
  return word ? { word, person: isPersonNoun(word) } : null;
}

/**
 * Whether a text names a person: compromise's person names, or two name words in a row ("Anna
 * Roth"). A lone name word may be a building, a station or a district ("the Aquarium",
 * "Kestrel Central"), so "the name of the bomber" is not given by one.
 */
function namesPerson(text: string, names: number[]): boolean {
  const tokens = words(text);
  if (names.some((n, i) => names[i + 1] === n + 1 && names[i - 1] !== n - 1 && !placedName(text, tokens, n))) return true;
  // compromise reads "the Morgan Big Stop" as a person too: its names are held to the same rule.
  const people = compromise()(text).people().out("array") as string[];
  return people.some((person) => {
    const own = words(person);
    const at = own[0] ? tokens.indexOf(own[0]) : -1;
    if (at < 0) return true;
    // "the Morgan Arena": a capitalised noun of a place or thing right after ends a place's name.
    if (placeNounAt(tokens, at + own.length)) return false;
    return !placedName(text, tokens, at);
  });
}

// Right before a name, these make it a place's or a thing's: "the Morgan Big Stop", "in Orvane Madeni".
const BEFORE_A_PLACE = /^(?:the|a|an|in|at|near|into|onto|outside|inside|around|above)$/u;

/** Whether a word is a common noun of a place or a thing ("capital", "stadium"), not of a person. */
function isPlaceNoun(word: string): boolean {
  const lower = word.toLowerCase();
  return isCommonWord(lower) && canNamePlace(lower) && !canNamePerson(lower);
}

/** Whether token `i` is such a noun, capitalised, ending a name ("the King Orvane Stadium"). */
function placeNounAt(tokens: string[], i: number): boolean {
  const word = tokens[i];
  return word !== undefined && /^\p{Lu}/u.test(word) && isPlaceNoun(word);
}

/**
 * Whether the name starting at token `at` is a place's or a thing's by the word right before it (no
 * punctuation between): an article or a preposition of place, or a common noun of a place or a
 * thing ("the state capital Orvane Madeni", "the village Kolo"). A person's name follows a role, a verb
 * or a comma ("commander Ali Kudra", "said Anna Roth", "the commander, Piet Velik"); a title opens
 * one ("the Sergeant Anna Roth").
 */
function placedName(text: string, tokens: string[], at: number): boolean {
  const before = tokens[at - 1];
  const first = tokens[at]!;
  if (!before) return false;
  // A title opens a person's name ("the Sergeant Anna Roth"), unless the name goes on to a noun of a
  // place or a thing ("the King Orvane Stadium").
  if (isCommonWord(first) && canNamePerson(first)) {
    let next = at + 1;
    while (tokens[next] && /^\p{Lu}/u.test(tokens[next]!) && !isCommonWord(tokens[next]!)) next++;
    return placeNounAt(tokens, next);
  }
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
  if (!new RegExp(String.raw`(?<![\p{L}\p{N}])${escape(before)}\s+${escape(first)}(?![\p{L}\p{N}])`, "u").test(text)) return false;
  return BEFORE_A_PLACE.test(before.toLowerCase()) || isPlaceNoun(before);
}

/**
 * "Which group claimed …", "what faction was …": the question asks for a group by a noun that can
 * name one, followed by its verb; not "which police officer", whose head is the next noun.
 */
function asksForGroup(question: string): boolean {
  const m = /^\s*(?:which|what)\s+([\p{L}-]+)(?:\s+([\p{L}'’-]+))?/iu.exec(question);
  if (!m || !canNameGroup(m[1]!)) return false;
  const next = m[2];
  return next === undefined || normalizeTerm(next) === null || isInflectedVerb(next);
}

/**
 * Whether every name word of a text (positions from namePositions) belongs to a person's name given
 * right after what the person is ("the defence minister, Ali Abbas", "spokesman Abu Musab"): a name
 * after a verb ("police blamed Abu Sayyaf") may be a group's. Read from WordNet's noun.person, not
 * from compromise, which takes such group names for people's (and ~0.3 s and ~15 MB to load).
 */
function onlyPersonNames(text: string, names: number[]): boolean {
  const tokens = words(text);
  const titled = new Set<number>();
  tokens.forEach((t, i) => {
    if (/^\p{Lu}/u.test(t) || !isPersonNoun(t)) return;
    for (let j = i + 1; j < tokens.length && j <= i + 4 && /^\p{Lu}/u.test(tokens[j]!); j++) titled.add(j);
  });
  return names.every((i) => titled.has(i));
}

// compromise takes ~0.3 s to load: it is read on the first question that needs a person's name, not at start-up.
const requireCjs = createRequire(import.meta.url);
let nlp: typeof import("compromise").default | null = null;
const compromise = () => (nlp ??= requireCjs("compromise") as typeof import("compromise").default);

function nameEvidence(text: string, question: string): number {
  const names = namePositions(text, question);
  if (names.length) return 1;
  return GROUP_WORD.test(text) ? 0.6 : 0;
}

const POLARITY = /\b(?:never|none|no\s+one|nobody|not|no|denied|denies|confirmed|did|was|were)\b/iu;

/**
 * A yes/no question about harm ("Was any reporter killed ...?", "Were any ministers hurt ...?")
 * is answered by a sentence that speaks of that harm, or plainly says yes or no.
 */
function yesNoEvidence(text: string, q: QuestionAnalysis): number {
  const harm = q.harm.kinds;
  const tokens = words(text);
  if (harm.size && tokens.some((t) => [...harm].some((k) => isCasualtyWord(t, k)) || casualtyKindOfWord(t) !== null && /casualt/iu.test(q.text))) return 1;
  // "Was the pope hurt?" is answered by "… and was unhurt": WordNet's opposites of the question's words of harm.
  if (harm.size && tokens.some((t) => q.harm.opposites.has(t.toLowerCase()))) return 1;
  return POLARITY.test(text) && /\b(?:never|none|no\s+one|nobody|not|denied)\b/iu.test(text) ? 0.8 : 0.5;
}

// Counted nouns that any noun can stand for: "how many people died" is answered by "Thirty died".
const GENERIC_FOCUS = new Set(["people", "person", "individu", "victim", "on"].map((w) => normalizeTerm(w) ?? w));

/** Whether a question counts something in particular ("how many of its staff") and the sentence counts exactly that. */
export function countsFocus(text: string, q: QuestionAnalysis): boolean {
  return !!q.focus && q.focus !== AGE && q.focus !== AMOUNT && !GENERIC_FOCUS.has(q.focus) && countsOneOf(text, focusTerms(q));
}

/**
 * Whether a sentence counts what a "how many X" question counts: 1 when X (or a WordNet relative)
 * follows one of its figures, 0.5 when X is only elsewhere in the sentence, 0 when X is absent;
 * 1 when the question counts nothing in particular ("people").
 */
export function focusEvidence(text: string, q: QuestionAnalysis): number {
  if (!q.focus || q.focus === AGE || q.focus === AMOUNT || GENERIC_FOCUS.has(q.focus)) return 1;
  const terms = focusTerms(q);
  if (countsOneOf(text, terms)) return 1;
  if (countsSameClass(text, focusWord(q))) return 0.75;
  return words(text).some((w) => terms.has(normalizeTerm(w) ?? "")) ? 0.5 : 0;
}

/**
 * How well a sentence holds the kind of answer a question asks for, from 0 (none) to 1: a death
 * toll for "how many died", a date for "when", a place for "where", a name for "who", a reason
 * for "why". Used as a soft feature, never as a filter (Watson's lesson: type coercion helps, type filters hurt).
 */
export function typeEvidence(text: string, q: QuestionAnalysis): number {
  switch (q.type) {
    case "killed":
    case "injured":
      // "Among the dead were two teachers": a part of the victims, not the toll asked for (unless it counts that part).
      if (amongVictimsOnly(text) && !countsFocus(text, q)) return 0.5;
      return Math.max(casualtyEvidence(text, q.type), 0.5 * countEvidence(text, q));
    case "count":
      return countEvidence(text, q);
    case "when":
      return DATE.test(text) ? 1 : 0;
    case "where":
      return PLACE_PREPOSITION.test(text) ? 1 : 0.2;
    case "who": {
      // "Which diplomat died …": the name must come with the harm asked about.
      const names = nameEvidence(text, q.text);
      return q.harm.asked ? Math.min(names, Math.max(0.5, casualtyEvidence(text, q.harm.asked))) : names;
    }
    case "why":
      // A purpose told by an infinitive ("had flown in from Kolo to celebrate their anniversary") gives a reason too.
      if (!REASON.test(text) && !purposeInfinitive(text)) return RANKING_WHY_WITHOUT_CUE_REF.whyWithoutCue;
      // "Why did the group say it attacked …" asks for a stated reason: one that someone gives.
      return ASKS_STATED_REASON.test(q.text) && !REPORTED.test(text) ? 0.5 : 1;
    case "yesno":
      return yesNoEvidence(text, q);
    case "other":
      return 0.5;
  }
}

/**
 * Whether a quote plainly holds the asked-for answer, read with the casualty extractor and the
 * place and date readers: a death toll for "how many died", a count of the thing counted, a date,
 * a place, a name. 1 yes, 0 no, 0.5 when the question asks for no particular kind of answer.
 */
export function answerPresent(quote: string, q: QuestionAnalysis): number {
  switch (q.type) {
    case "killed":
    case "injured": {
      const kinds = findMentions(quote).filter((m) => !m.aggregate && !m.claimed).map((m) => m.kind);
      if (kinds.includes(q.type) || kinds.includes("killedOrInjured")) return Math.max(0.5, focusEvidence(quote, q));
      // "Eleven of the victims died at the depot and eight at Velmora" answers "how many died at Velmora?".
      if (q.type === "killed" && SITE_DEATHS.test(quote) && siteFigures(quote).some((f) => f.named && siteAsked(f.site, q))) return 1;
      return findVagueMentions(quote).some((v) => v.kind === q.type) ? 0.5 : 0;
    }
    case "count": {
      const focus = focusEvidence(quote, q);
      if (focus < 0.75) return 0;
      const given = q.focus === AGE ? givesAskedAge(quote, q) : q.focus === AMOUNT ? givesAmount(quote) : countsIn(quote).length > 0 && !onlyTollsForOtherCount(quote, q);
      return given ? focus : 0;
    }
    case "when":
      return findDate(quote) ? 1 : 0;
    case "where":
      return findPlaces(quote).length ? 1 : 0;
    case "who": {
      const role = askedRole(q.text);
      const names = namePositions(quote, q.text);
      if (roleNamed(quote, q, role?.word, names) === false) return 0;
      // "The name of the bomber", "who was the judge": a person is asked for, so a person's name must be given.
      if (role?.person && !namesPerson(quote, names)) return 0;
      // "Which group carried out …": a group is asked for, and a person's name alone does not give it.
      if (asksForGroup(q.text) && names.length && onlyPersonNames(quote, names)) return 0;
      // A name of a person or group (nameEvidence's 1).
      return names.length ? 1 : 0;
    }
    case "yesno":
      // A yes/no question about harm is answered by a sentence that speaks of that harm or its opposite.
      return q.harm.kinds.size ? (yesNoEvidence(quote, q) === 1 ? 1 : 0) : 0.5;
    default:
      return 0.5;
  }
}
