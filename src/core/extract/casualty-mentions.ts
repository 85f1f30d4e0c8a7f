import { isAppositiveAge, NUMBER_PATTERN, parseNumber } from "./numbers.js";
import { CALENDAR_WORD, MONTHS } from "./place-and-date.js";
import { FULL_MONTHS } from "../calendar.js";
import { isProvisional, isRevision } from "./revisions.js";
import { isCommonWord, isInflectedVerb, isPersonNoun, isPluralNoun, nounClass } from "../index/wordnet.js";
import { casualtyKindOfWord } from "./casualty-lexicon.js";

export type Bound = "exact" | "at least" | "more than";
export interface Figure {
  count: number;
  bound: Bound;
}

export type Kind = "killed" | "injured" | "killedOrInjured";

/** One statement of a casualty figure inside a sentence. */
export interface Mention {
  kind: Kind;
  figure: Figure;
  start: number;
  end: number;
  /** A party's claim ("the group later asserted that 137 hostages had died"): history, never the toll. */
  claimed: boolean;
  /** An early figure ("Initial reports spoke of four dead"): history unless nothing later replaces it. */
  provisional: boolean;
  /** A figure that revises an earlier one ("the toll later rose to 21"). */
  revision: boolean;
  /** A total over many attacks or a period ("since 2015", "between January 2020 and ..."). */
  aggregate: boolean;
  /** The attacker's own death ("officers killed him"), kept apart from the victims. */
  attacker: boolean;
  /** Parts that were added up ("two men and two women" → [2, 2]). */
  parts?: number[];
  /** Victims counted by their names ("Ilya Sorin and Marek Dosta are killed"): those named, perhaps not all. */
  named?: boolean;
  /** More deaths or injuries beside a toll already told ("the two men in the lorry also died"): never a new figure for that toll. */
  additional?: boolean;
}

/** A vague quantity of harm ("dozens were wounded"): shown as written, never turned into a number. */
export interface VagueMention {
  kind: Kind;
  words: string;
  start: number;
}

const QUALIFIER = String.raw`(?:(at\s+least|no\s+fewer\s+than|a\s+minimum\s+of|more\s+than|over|upwards\s+of|nearly|almost|about|around|some|roughly|approximately|an\s+estimated|up\s+to|as\s+many\s+as|above|in\s+excess\s+of)\s+)?`;
const QTY = String.raw`${QUALIFIER}(${NUMBER_PATTERN})`;
// A noun phrase between a figure and its verb: "eight others", "two Russian staff members", "a child among them".
const NOT_NOUN = String.raw`(?!that\b|which\b|who\b|and\b|in\b|at\b|on\b|of\b|to\b|for\b|from\b|with\b|by\b|had\b|have\b|has\b|were\b|was\b|are\b|is\b)`;
// After its first word the phrase may go on with "of (the)" ("two members of staff", "five members of the security forces").
// It may end in a short phrase of where they were: "all 14 people on board", "20 worshippers inside the hall".
const NOUNS = String.raw`(?:\s+${NOT_NOUN}[\p{L}’'-]+(?:\s+(?:of|the|${NOT_NOUN}[\p{L}’'-]+)){0,4}?(?:\s+(?:on\s+board|aboard|inside|on|in|at)(?:\s+(?:the|a|an))?(?:\s+[\p{L}’'-]+){0,2}?)?)?(?:\s*,[^,.;:]{1,90},)?`;
const BE = String.raw`(?:\s+(?:were|was|have\s+been|has\s+been|had\s+been|are|is|got|being|had|have|has))?`;
const ADVERB = String.raw`(?:\s+(?:being|reportedly|reported|confirmed|feared|believed|said\s+to\s+be|lightly|slightly|seriously|badly|critically|fatally|gravely|also|later|all))*`;
const DEAD = String.raw`(?:killed|dead|died|die|dies|perished|murdered|martyred|lost\s+their\s+lives|shot\s+dead|(?:burned|burnt|hacked|stabbed|beaten|crushed|clubbed)\s+to\s+death|succumbed\s+to\s+(?:their|his|her)\s+(?:injuries|wounds))`;
const HURT = String.raw`(?:injured|wounded|hurt|hospitali[sz]ed|(?:sustained|suffered)\s+(?:\w+\s+)?(?:injuries|wounds)|treated(?:\s+in\s+hospital)?\s+for\s+(?:their\s+)?(?:wounds|injuries|burns)|taken\s+to\s+hospital|admitted\s+to\s+hospital|in\s+hospital)`;
const KILL_VERB = String.raw`(?:killed|killing|kills|kill|shot\s+dead|murdered|massacred|slaughtered|executed|beheaded|claimed\s+the\s+lives\s+of|left)`;
const HURT_VERB = String.raw`(?:injured|injuring|injures|wounded|wounding|wounds|hurt|hurting)`;
const DEATH_NOUNS = String.raw`(?:deaths|dead|bodies|fatalities|lives|corpses)`;
const TOLL = String.raw`(?:toll|figure|count|tally)`;
const TOLL_WORD = new RegExp(String.raw`\b${TOLL}\b`, "iu");
// "toll had climbed to", "put the death toll at", "corrects the figure downward by more than 100, to".
const TOLL_LINK = String.raw`(?:[^.;:]{0,50}?)\s(?:to|at|as|of|was|is|stood\s+at|reached|reaches)`;
// The counted things that follow a figure in a sum: "two men and two women".
// Each part counts people ("two women"), not victims at a site ("thirty-two at the stall and ten at the park": a breakdown by site).
const ENUMERATION = new RegExp(String.raw`^\s*[\p{L}’'-]+(?:\s+[\p{L}’'-]+)?((?:\s*,\s*|\s+and\s+)(?:${NUMBER_PATTERN})\s+(?!(?:at|in|on|near|inside|outside|from)\b)[\p{L}’'-]+(?:\s+[\p{L}’'-]+)?)+`, "iu");

// Who attacks, in one word: their deaths are kept apart from the victims'.
const ATTACKER_NOUNS = String.raw`(?:attackers?|gunm[ae]n|bombers?|assailants?|perpetrators?|militants?|insurgents?|fighters?|hostage-takers?)`;

// Who a "number of …" counts, when the phrase says: "the number of people killed", "the number of civilians wounded".
// Any plural noun, perhaps with a word before it ("the number of Kolo prisoners killed"), but not
// the attackers, whose deaths are counted apart.
const WHOM = String.raw`(?:(?:[\p{L}’'-]+\s+)?(?!${ATTACKER_NOUNS}\b)(?:people|[\p{L}’'-]+s)\s+)?`;

// After "KIA"/"WIA": the end, punctuation, a figure, the other abbreviation or a linking word; not a noun.
const NO_NOUN_AFTER = String.raw`(?!\s+(?!(?:and|or|in|at|near|on|during|after|before|from|by|with|of|to|when|while|as|WIA|KIA)\b)\p{L})`;

/** Patterns, most specific first; each marks the text it used so no figure is counted twice. */
const PATTERNS: { kind: Kind; regex: RegExp; one?: boolean; zero?: boolean; attacker?: boolean; abbreviation?: RegExp }[] = [
  // Nobody: "no one was killed" is a figure of zero.
  { kind: "killed", zero: true, regex: /\b(?:no\s+one|nobody|no\s+(?:people|civilians|lives))\s+(?:was|were|has\s+been|had\s+been|is)\s+(?:killed|lost|dead)\b/giu },
  { kind: "injured", zero: true, regex: /\b(?:no\s+one|nobody|no\s+(?:people|civilians))\s+(?:was|were|has\s+been|had\s+been|is)\s+(?:\w+\s+)?(?:hurt|injured|wounded)\b/giu },
  { kind: "killedOrInjured", regex: new RegExp(String.raw`\b(?:killed|killing)\s+(?:and|or)\s+(?:injured|injuring|wounded|wounding)\s+${QTY}`, "giu") },
  { kind: "killedOrInjured", regex: new RegExp(String.raw`\b${QTY}${NOUNS}${BE}\s+(?:killed|dead)\s+(?:and|or)\s+(?:injured|wounded)\b`, "giu") },
  { kind: "killedOrInjured", regex: new RegExp(String.raw`\b${QTY}\s+(?:casualties|victims)\b`, "giu") },
  // "The toll was first given as twelve but was revised down to ten": the revised figure of the death toll named just before.
  { kind: "killed", regex: new RegExp(String.raw`\b(?:death\s+)?toll\b[^.;:]{0,50}?\b(?:revised|raised|lowered|corrected|reduced|increased|cut)\s+(?:(?:up|down)(?:wards)?\s+)?to\s+${QTY}(?!\s+(?:injured|wounded|hurt))`, "giu") },
  { kind: "killed", regex: new RegExp(String.raw`\b(?:death\s+)?${TOLL}${TOLL_LINK}\s+${QTY}(?!\s+(?:injured|wounded|hurt))`, "giu") },
  // "the final number of dead was 41", "put the number of wounded at 130", "fatalities totalled 41".
  { kind: "killedOrInjured", regex: new RegExp(String.raw`\bnumber\s+of\s+(?:the\s+)?${WHOM}(?:dead|killed)\s+(?:and|or)\s+(?:injured|wounded|hurt)\b${TOLL_LINK}\s+${QTY}`, "giu") },
  // "the number of our killed comrades has risen to 89": a possessive, and a noun after the word of death.
  { kind: "killed", regex: new RegExp(String.raw`\bnumber\s+of\s+(?:the\s+|our\s+|their\s+|its\s+)?${WHOM}(?:dead|killed|deaths|fatalities)\b(?!\s+(?:and|or)\s)(?:\s+[\p{L}-]+)?${TOLL_LINK}\s+${QTY}`, "giu") },
  { kind: "injured", regex: new RegExp(String.raw`\bnumber\s+of\s+(?:the\s+)?${WHOM}(?:injured|wounded|hurt)\b(?!\s+(?:and|or)\s)${TOLL_LINK}\s+${QTY}`, "giu") },
  // A clause may come between the toll and a verb of reaching: "the number of people killed when a lorry bomb
  // struck the depot outside the old port of Velmora has reached 40".
  { kind: "killed", regex: new RegExp(String.raw`\bnumber\s+of\s+(?:the\s+)?${WHOM}(?:dead|killed|deaths|fatalities)\s+(?:when|after|in|as)\b[^.;:]{0,140}?\s(?:has|had|have)\s+(?:reached|risen\s+to|climbed\s+to|grown\s+to|increased\s+to)\s+${QTY}`, "giu") },
  { kind: "killed", regex: new RegExp(String.raw`\b(?:dead|deaths|fatalities)\s+(?:numbered|totall?ed|reached|rose\s+to|stood\s+at)\s+${QTY}`, "giu") },
  { kind: "injured", regex: new RegExp(String.raw`\b(?:wounded|injured)\s+(?:numbered|totall?ed|reached|rose\s+to|stood\s+at)\s+${QTY}`, "giu") },
  // "killing all 170 people on board": "all" before the figure.
  // Not "left 23 people injured": the figure is of the wounded.
  { kind: "killed", regex: new RegExp(String.raw`\b${KILL_VERB}\s+(?:all\s+)?(?!dozens)${QTY}\b(?!\s+(?:attacks|times|bombings))(?!(?:\s+(?!(?:dead|and|or|killed|died)\b)[\p{L}-]+){0,3}\s+(?:injured|wounded|hurt)\b)`, "giu") },
  { kind: "injured", regex: new RegExp(String.raw`\b${HURT_VERB}\s+${QTY}\b`, "giu") },
  { kind: "killed", regex: new RegExp(String.raw`\b${QTY}\s+${DEATH_NOUNS}\b`, "giu") },
  { kind: "injured", regex: new RegExp(String.raw`\b${QTY}\s+injuries\b`, "giu") },
  // "Hospitals treated 57 people for injuries".
  { kind: "injured", regex: new RegExp(String.raw`\btreated\s+${QTY}(?:\s+[\p{L}-]+)?\s+for\s+(?:their\s+)?(?:wounds|injuries|burns)\b`, "giu") },
  // Military reporting's abbreviations, before or after the figure: "KIA 9 WIA 21", "Four KIA, 12 WIA"; in
  // capitals only, and not before a noun ("6 KIA TRUCKS" are vehicles).
  { kind: "killed", abbreviation: /\bKIA\b/u, regex: new RegExp(String.raw`\bKIA:?\s+${QTY}\b`, "giu") },
  { kind: "killed", abbreviation: /\bKIA\b/u, regex: new RegExp(String.raw`\b${QTY}\s+KIA\b${NO_NOUN_AFTER}`, "giu") },
  { kind: "injured", abbreviation: /\bWIA\b/u, regex: new RegExp(String.raw`\bWIA:?\s+${QTY}\b`, "giu") },
  { kind: "injured", abbreviation: /\bWIA\b/u, regex: new RegExp(String.raw`\b${QTY}\s+WIA\b${NO_NOUN_AFTER}`, "giu") },
  { kind: "killed", regex: new RegExp(String.raw`\bclaimed\s+${QTY}\s+lives\b`, "giu") },
  // "80 of the attackers had been killed", "29 of the 32 gunmen died": a part of the attackers is the attackers' deaths.
  { kind: "killed", attacker: true, regex: new RegExp(String.raw`\b${QTY}\s+of\s+(?:the|its|their)\s+(?:\d+\s+)?(?:attackers|gunmen|bombers|assailants|hostage-takers)${BE}${ADVERB}\s+${DEAD}\b`, "giu") },
  { kind: "killed", regex: new RegExp(String.raw`\b${QTY}${NOUNS}${BE}${ADVERB}\s+${DEAD}\b`, "giu") },
  { kind: "injured", regex: new RegExp(String.raw`\b${QTY}${NOUNS}${BE}${ADVERB}\s+${HURT}`, "giu") },
  // One person: "his bodyguard was injured", "killing a soldier", "one of them, who was wounded".
  { kind: "killed", one: true, regex: /\b(?:killed|killing)\s+(?:a|an|one)\s+(?!number\b|few\b|lot\b|total\b|handful\b|couple\b|series\b|dozen\b)[\p{L}-]+/giu },
  { kind: "injured", one: true, regex: /\b(?:injured|injuring|wounded|wounding)\s+(?:a|an|one)\s+(?!number\b|few\b|lot\b|total\b|handful\b|couple\b|series\b|dozen\b)[\p{L}-]+/giu },
  { kind: "killed", one: true, regex: new RegExp(String.raw`\b(?:his|her|their|its|a|an)\s+(?:[\p{L}-]+\s+){0,2}?(?:was|got)\s+(?:killed|shot\s+dead)\b`, "giu") },
  { kind: "injured", one: true, regex: new RegExp(String.raw`\b(?:his|her|their|its|a|an)\s+(?:[\p{L}-]+\s+){0,2}?(?:was|got)${ADVERB}\s+${HURT}`, "giu") },
  { kind: "injured", one: true, regex: /\bone\s+of\s+them,?\s+who\s+was\s+(?:\w+\s+)?(?:wounded|injured|hurt)\b/giu },
  { kind: "killed", one: true, attacker: true, regex: /\b(?:killed|shot\s+dead|shot\s+and\s+killed)\s+(?:him|her)\b/giu },
];

const VAGUE = /\b(dozens|scores|hundreds|thousands|several|many)\s+(?:(?:more|of\s+(?:people|civilians|others|defenceless\s+people|[\p{L}-]+))\s+)?(?:(?:were|had\s+been|have\s+been|are)\s+)?(killed|dead|died|wounded|injured|hurt|treated\s+for)/giu;
const VAGUE_AFTER_VERB = /\b(killed|killing|murdered|wounded|injured|injuring)\s+(dozens|scores|hundreds|thousands)\b/giu;

function bound(qualifier: string | undefined): Bound {
  const q = (qualifier ?? "").toLowerCase().replace(/\s+/g, " ");
  if (["at least", "no fewer than", "a minimum of"].includes(q)) return "at least";
  if (["more than", "over", "upwards of", "above", "in excess of"].includes(q)) return "more than";
  return "exact";
}

// A figure for part of the dead ("68 of them children", "30 of the victims", "among them 31 women").
const PARTIAL_BEFORE = /\b(?:among\s+(?:them|the\s+\w+)|including|of\s+whom|of\s+them)\s*(?:some\s+|about\s+)?$/iu;
const AMONG_BEFORE = /\bamong\s+(?:the\s+)?$/iu;
const PARTIAL_AFTER = /^\s*(?:of\s+(?:them|those|the|whom|its|their)\b|foreign\s+nationals\s+are\s+among|[\p{L}-]+\s+(?:are|were)\s+among)/iu;
const MONTH_AFTER = new RegExp(String.raw`^\s*(?:${MONTHS})\b`, "u");
const NOT_VICTIMS = /\b(?:missing|arrested|detained|displaced|evacuated|rescued|abducted|kidnapped|suspects)\b/iu;
const CLAIM = /\b(?:claimed|claims|asserted|asserts|alleged|alleges|boasted)\b(?!\s+(?:responsibility|the\s+lives|\S+\s+lives|lives))/iu;
const AGGREGATE = new RegExp(
  String.raw`\bsince\s+(?:(?:${FULL_MONTHS})\s+)?(?:19|20)\d\d\b|\bbetween\s+(?:\w+\s+)?(?:19|20)\d\d\s+and\b|\bover\s+the\s+(?:past|last)\s+\w+\s+(?:years|months|decades?)\b|\bin\s+the\s+past\s+\w+\s+years\b|\b(?:more\s+than\s+a\s+decade|over\s+the\s+years|to\s+date|so\s+far\s+this\s+year|each\s+year|a\s+year)\b|\battacks\b|\bbetween\s+(?:${FULL_MONTHS})\b[^.;]*\band\b`,
  "iu",
);
const ATTACKER = new RegExp(String.raw`\b${ATTACKER_NOUNS}\b`, "iu");

/** Whether [start, end) overlaps text a pattern has already used. */
function isTaken(taken: [number, number][], start: number, end: number): boolean {
  return taken.some(([s, e]) => start < e && end > s);
}

/** The text a mention's sentence is judged on for claims, aggregates and revisions: its clause. */
function clauseAround(text: string, start: number, end: number): [number, number] {
  const before = text.slice(0, start);
  const from = Math.max(before.lastIndexOf(";"), before.lastIndexOf(". "), 0);
  const after = text.slice(end);
  const stop = after.search(/[;.](?:\s|$)/u);
  return [from, stop < 0 ? text.length : end + stop];
}

/** Every casualty figure stated in a sentence, in text order, with what kind of statement it is. */
export function findMentions(rawText: string): Mention[] {
  const text = blankRestatedFigures(rawText);
  const taken: [number, number][] = [];
  const mentions: Mention[] = [];
  addEnumeratedVictims(text, mentions, taken);
  for (const { kind, regex, one, zero, attacker, abbreviation } of PATTERNS) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      // The pattern reads number words in any case; the abbreviation itself must be in capitals.
      if (abbreviation && !abbreviation.test(m[0])) continue;
      if (isTaken(taken, start, end)) continue;
      const numberText = m[2] ?? "";
      const numberAt = numberText ? text.indexOf(numberText, start) : start;
      const beforeNumber = text.slice(Math.max(0, numberAt - 24), numberAt);
      if (PARTIAL_BEFORE.test(beforeNumber)) continue;
      const afterNumber = text.slice(numberAt + numberText.length);
      // A part of the victims is no toll; a part of the attackers (a pattern of its own) is their deaths.
      if (!one && !zero && ((!attacker && PARTIAL_AFTER.test(afterNumber)) || MONTH_AFTER.test(afterNumber))) continue;
      if (!one && !zero && /^[-\s]*(?:years?[-\s]old|year|hours?|days?|km|%|per\s*cent)/iu.test(afterNumber)) continue;
      // The hour of a clock time ("the toll logged at 18:30"), or its minutes ("at 18:30 … killed"): a time, not a figure.
      if (!one && !zero && (/^:\d\d\b/u.test(afterNumber) || /\d:$/u.test(text.slice(0, numberAt)))) continue;
      // The same written with a dot ("at 18.30"): an hour followed by its minutes.
      if (!one && !zero && /^\d{1,2}$/u.test(numberText) && Number(numberText) <= 24 && /^\.[0-5]\d(?!\d)/u.test(afterNumber)) continue;
      if (!one && !zero && isAppositiveAge(text, numberAt, numberText.length)) continue;
      if (NOT_VICTIMS.test(m[0])) continue;
      // "12 more dying later in hospital" are deaths, not injuries.
      if (kind === "injured" && /\b(?:dying|died|dead|killed)\b/iu.test(m[0])) continue;
      // "A woman who was among the 70 people wounded died": the figure is the group she was among, and
      // the death is hers; the group's own figure ("70 people wounded") is left for the injury patterns.
      if (kind === "killed" && !one && !zero && AMONG_BEFORE.test(beforeNumber) && /\b(?:wounded|injured|hurt)\b/iu.test(text.slice(numberAt, end))) continue;
      let count = zero ? 0 : one ? 1 : parseNumber(numberText);
      if (count === null || (count <= 0 && !zero)) continue;
      // A bare year is a date, not a figure ("in 2022 that killed"); the figure may follow it ("On 28 April
      // 1996 twenty people were killed"), so the search goes on from just after the year.
      if (!one && !zero && /^(1[89]|20)\d\d$/u.test(numberText) && !/^\s+(?:people|deaths|dead|killed|civilians)/iu.test(afterNumber)) {
        regex.lastIndex = numberAt + numberText.length;
        continue;
      }
      let parts: number[] | undefined;
      let matchEnd = end;
      // "shot dead two men and two women": the figure is the sum of the parts.
      if (!one && !zero) {
        const enumeration = ENUMERATION.exec(afterNumber);
        if (enumeration && /^(?:killed|killing|shot\s+dead|murdered|injured|wounded|injuring|wounding)\b/iu.test(m[0].trim())) {
          parts = [count, ...[...enumeration[0].matchAll(new RegExp(String.raw`(?:,\s*|\band\s+)(${NUMBER_PATTERN})\s+[\p{L}’'-]+`, "giu"))].map((p) => parseNumber(p[1]!) ?? 0)];
          count = parts.reduce((a, b) => a + b, 0);
          matchEnd = Math.max(end, numberAt + numberText.length + enumeration[0].length);
        }
      }
      taken.push([start, matchEnd]);
      const [from, to] = clauseAround(text, start, matchEnd);
      const clause = text.slice(from, to);
      const revision = isRevision(clause);
      mentions.push({
        kind,
        figure: { count, bound: one || zero ? "exact" : bound(m[1]) },
        start,
        end: matchEnd,
        claimed: CLAIM.test(text.slice(from, matchEnd)) && !/\bclaimed\s+\S+\s+lives\b/iu.test(m[0]),
        provisional: isProvisional(clause),
        revision,
        aggregate: AGGREGATE.test(clause),
        // "Soldiers killed all seven attackers": the attackers' deaths, not the victims'.
        attacker: Boolean(attacker) || (kind === "killed" && ATTACKER.test(afterNumber.slice(0, 24)) && /^\s*(?:attackers?|gunm[ae]n|bombers?|assailants?)\b/iu.test(afterNumber)),
        ...(parts ? { parts } : {}),
        // "also died", not "the toll also rose to 25" (a revision).
        ...(/\balso\b/iu.test(m[0]) && !TOLL_WORD.test(m[0]) && !/\bnumber\b/iu.test(m[0]) && !revision ? { additional: true } : {}),
      });
    }
  }
  addNamedVictims(text, mentions, taken);
  addTollChain(text, mentions, taken);
  mentions.sort((a, b) => a.start - b.start);
  addOthersWith(text, mentions, taken);
  addFoundDead(text, mentions, taken);
  addOneMore(text, mentions);
  addTotalInAll(text, mentions, taken);
  return mentions.sort((a, b) => a.start - b.start);
}

const ORDINALS = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"];
// "… and a fifth in hospital": the next ordinal, then what is said of that one, to the clause's end.
const ONE_MORE = new RegExp(String.raw`^[^.;:]{0,60}?\band\s+an?(?:other)?\s+(${ORDINALS.join("|")}|\d+(?:st|nd|rd|th))\b([^.;:,]*)`, "iu");

/**
 * "Four pupils died at the school and a fifth in hospital": the figure goes on by one, when what is
 * said of that one is only where or when, or the same harm ("and a fifth died
 * later"); not "and a third was wounded", "a third escaped", "a third of the market".
 */
function addOneMore(text: string, mentions: Mention[]): void {
  for (const m of mentions) {
    if (m.kind === "killedOrInjured" || m.named || m.attacker) continue;
    const more = ONE_MORE.exec(text.slice(m.end));
    if (!more) continue;
    const word = more[1]!.toLowerCase();
    const ordinal = /^\d/u.test(word) ? parseInt(word, 10) : ORDINALS.indexOf(word) + 2;
    if (ordinal !== m.figure.count + 1) continue;
    const said = more[2]!.match(/[\p{L}’'-]+/gu) ?? [];
    if (said[0]?.toLowerCase() === "of") continue;
    const harm = m.kind;
    // A verb, other than an auxiliary or one of the same harm, tells something else of that one.
    const otherVerb = said.some((w) => isInflectedVerb(w) && !/^(?:was|were|had|has|been)$/iu.test(w) && casualtyKindOfWord(w) !== harm);
    if (otherVerb) continue;
    m.parts = [...(m.parts ?? [m.figure.count]), 1];
    m.figure = { ...m.figure, count: ordinal };
  }
}

const IN_ALL = new RegExp(String.raw`\b${QTY}\s+(?:in\s+all|in\s+total|altogether|all\s+told)\b`, "giu");

/**
 * "40 people died in the hall and three in the yard, 43 in all": a total told
 * after a figure and the bare figures that follow it, equal to their sum, is their total (not
 * "… killed and twelve wounded, sixteen in all", nor "police detained 45 in all").
 */
function addTotalInAll(text: string, mentions: Mention[], taken: [number, number][]): void {
  for (const m of text.matchAll(IN_ALL)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isTaken(taken, start, end)) continue;
    const before = mentions.filter((p) => p.end <= start && !p.attacker && p.kind !== "killedOrInjured").pop();
    const count = parseNumber(m[2]!);
    if (!before || count === null || start - before.end > 120) continue;
    const between = text.slice(before.end, start);
    if (NOT_VICTIMS.test(between) || between.split(/[\s,]+/u).some((w) => casualtyKindOfWord(w) !== null)) continue;
    // "three in the next one": "one" there stands for a place, not a figure.
    const figures = [...between.matchAll(new RegExp(String.raw`\b(${NUMBER_PATTERN})\b`, "giu"))].filter((n) => !/^one$/iu.test(n[1]!));
    // "30 soldiers and a police officer, 31 in all": "and a" adds one.
    const ones = [...between.matchAll(/\band\s+an?\s/giu)].map(() => 1);
    const parts = [before.figure.count, ...figures.map((n) => parseNumber(n[1]!) ?? 0), ...ones];
    if (parts.length < 2 || parts.reduce((a, b) => a + b, 0) !== count) continue;
    taken.push([start, end]);
    mentions.push({ ...before, figure: { count, bound: bound(m[1]) }, start, end, parts, additional: undefined, named: undefined });
  }
}

// "The mayor was killed, together with two others": the one told of, and the others.
const WITH_OTHERS = new RegExp(String.raw`^,?\s+(?:along|together)\s+with\s+${QTY}\s+others\b`, "iu");
const ONE_WITH_OTHERS = new RegExp(String.raw`\b(?:was|got)${ADVERB}\s+(?:(${DEAD})|${HURT}),?\s+(?:along|together)\s+with\s+${QTY}\s+others\b`, "giu");

/**
 * "Two guards were wounded, together with three others" adds the others to the figure; "the mayor
 * was killed along with two others" counts the one and the others, unless that one is an attacker
 * ("the bomber, a foreign militant, was killed, along with six others": six victims).
 */
function addOthersWith(text: string, mentions: Mention[], taken: [number, number][]): void {
  for (const m of mentions) {
    if (m.kind === "killedOrInjured" || m.attacker) continue;
    const others = WITH_OTHERS.exec(text.slice(m.end));
    const count = others ? parseNumber(others[2]!) : null;
    if (!others || count === null) continue;
    m.parts = [...(m.parts ?? [m.figure.count]), count];
    m.figure = { ...m.figure, count: m.figure.count + count };
    taken.push([m.end, m.end + others[0].length]);
  }
  for (const w of text.matchAll(ONE_WITH_OTHERS)) {
    const start = w.index;
    const end = start + w[0].length;
    const count = parseNumber(w[3]!);
    if (count === null || isTaken(taken, start, end)) continue;
    const subject = text.slice(0, start).split(/[.;:]/u).pop()!;
    const one = ATTACKER.test(subject) ? 0 : 1;
    taken.push([start, end]);
    const [from, to] = clauseAround(text, start, end);
    const clause = text.slice(from, to);
    mentions.push({ kind: w[1] ? "killed" : "injured", figure: { count: count + one, bound: bound(w[2]) }, start, end, claimed: false, provisional: isProvisional(clause), revision: isRevision(clause), aggregate: AGGREGATE.test(clause), attacker: false });
  }
}

// "Police found the mayor's brother shot dead at his home": one person, named by a possessive or an article and a noun.
const FOUND_DEAD = /\bfound\s+(?:(?:[\p{Lu}][\p{L}-]*['’]s|his|her|their|its|a|an|the)\s+)(?:[\p{L}’'-]+\s+)?([\p{L}-]+)\s+(?:shot|stabbed|beaten|hacked|strangled)\s+(?:dead|to\s+death)\b/giu;

/** One person found killed: a single person noun ("the couple", "the villagers" are not one; "the gunman" is the attacker). */
function addFoundDead(text: string, mentions: Mention[], taken: [number, number][]): void {
  for (const f of text.matchAll(FOUND_DEAD)) {
    const start = f.index;
    const end = start + f[0].length;
    const noun = f[1]!;
    if (isTaken(taken, start, end) || !isPersonNoun(noun) || isPluralNoun(noun)) continue;
    taken.push([start, end]);
    const [from, to] = clauseAround(text, start, end);
    const clause = text.slice(from, to);
    mentions.push({ kind: "killed", figure: { count: 1, bound: "exact" }, start, end, claimed: false, provisional: isProvisional(clause), revision: false, aggregate: AGGREGATE.test(clause), attacker: ATTACKER.test(noun) });
  }
}

// One part of an enumeration of victims: a figure (or "a", "an") and up to six words ("two foreign engineers").
const PART = String.raw`(?!(?:1[89]|20)\d\d\b|\d{1,2}\s+(?:${MONTHS})\b)(?:${NUMBER_PATTERN}|an?)\s+(?!(?:were|was|are|is|had|have|has)\b)[\p{L}’'-]+(?:\s+(?!(?:were|was|are|is|had|have|has|and)\b)[\p{L}’'-]+){0,5}?`;
const ENUMERATED_VICTIMS = new RegExp(
  String.raw`(?<!\b(?:of|among|including|to|by|with|at|in\s+all|claimed|claiming|left|leaving|kill\w*|injur\w*|wound\w*|hurt\w*)\s+)\b(${PART}(?:\s*,\s*${PART})*\s+and\s+${PART})${BE}${ADVERB}\s+(?:(${DEAD})|${HURT})`,
  "giu",
);
const PART_FIGURE = new RegExp(String.raw`(?:^|,\s*|\band\s+)(${NUMBER_PATTERN}|an?)\s`, "giu");

/**
 * Whether every part of a list is a noun phrase: its figure (PART already refuses a year or a day of
 * a month there) and words with no verb, no determiner but after "of" and no preposition but "of" ("a member of the harbour
 * police"). "Two bombs hit the market and 12 people …" is a clause, not a list. An -ed word describes
 * a common noun right after it ("two wounded officers").
 */
function nounPhrases(list: string): boolean {
  return list.split(/\s*,\s*|\s+and\s+/u).every((part) => {
    const words = part.split(/\s+/u).filter(Boolean);
    return words.slice(1).every((w, i) => {
      const lower = w.toLowerCase();
      const before = words[i]!.toLowerCase();
      const next = words[i + 2];
      if (/^(?:the|a|an|his|her|their|its|this|that|these|those)$/u.test(lower)) return before === "of";
      if (/^(?:in|at|on|near|after|before|from|to|by|with|during|when|while|as|into|off|up)$/u.test(lower)) return false;
      if (/s$/u.test(lower) || !isInflectedVerb(lower)) return true;
      return /ed$/u.test(lower) && next !== undefined && isCommonWord(next) && nounClass(next) !== null;
    });
  });
}

/**
 * Victims counted kind by kind before the verb: "Two Danes, a Pole and a guard were killed",
 * "four soldiers and one member of the coast guard died": the toll is the sum of the parts.
 */
function addEnumeratedVictims(text: string, mentions: Mention[], taken: [number, number][]): void {
  for (const m of text.matchAll(ENUMERATED_VICTIMS)) {
    const start = m.index;
    const end = start + m[0].length;
    // ", and" joins clauses ("Six were killed, two of them nurses, and 40 were injured"), not the parts of a list.
    if (NOT_VICTIMS.test(m[0]) || ATTACKER.test(m[1]!) || /\bof\s+(?:them|whom)\b/iu.test(m[1]!) || PARTIAL_BEFORE.test(text.slice(Math.max(0, start - 24), start))) continue;
    if (!nounPhrases(m[1]!)) continue;
    const parts = [...m[1]!.matchAll(PART_FIGURE)].map((p) => (/^an?$/iu.test(p[1]!) ? 1 : parseNumber(p[1]!) ?? 0));
    if (parts.length < 2 || parts.some((p) => p <= 0)) continue;
    taken.push([start, end]);
    const [from, to] = clauseAround(text, start, end);
    const clause = text.slice(from, to);
    mentions.push({
      kind: m[2] ? "killed" : "injured",
      figure: { count: parts.reduce((a, b) => a + b, 0), bound: "exact" },
      start,
      end,
      claimed: CLAIM.test(text.slice(from, end)),
      provisional: isProvisional(clause),
      revision: isRevision(clause),
      aggregate: AGGREGATE.test(clause),
      attacker: false,
      parts,
    });
  }
}

// A person's name: capitalised words, with name particles ("Anton Velik", "Ilya ibn Sorin").
const PERSON = String.raw`\p{Lu}[\p{L}’'-]+(?:\s+(?:(?:ibn|bin|bint|al|el|de|da|van|von|der|le|la)\s+)?\p{Lu}[\p{L}’'-]+)+`;
// An apposition after it: an age or a short description ("Anton Velik, 31, a border guard at …,").
const APPOSITION = String.raw`(?:,\s*\d{1,3}(?:,\s*[^,;.]{1,80})?,|,\s*\d{1,3},?)?`;
const NAME_IN_LIST = new RegExp(String.raw`(?:^|,\s*|\band\s+)${PERSON}(?=\s*,|\s+and\b|\s+(?:is|was|are|were)\b)`, "gu");
const NAMED_VICTIMS = new RegExp(
  String.raw`(?<![\p{L}’'-]\s?)(${PERSON}${APPOSITION}(?:\s*(?:,|\band\b)\s*${PERSON}${APPOSITION})*)\s+(?:is|was|are|were)${ADVERB}\s+(shot\s+dead|killed|murdered|(?:gravely|seriously|badly|critically|lightly|slightly)?\s*(?:wounded|injured|hurt))\b(?!\s+by\s+(?:the\s+)?(?:police|officers?|security|troops|soldiers|special|a\s+police|an?\s+(?:officer|sniper)))`,
  "gu",
);

/**
 * Victims named one by one ("Corporals Ilya Sorin, 25, and Marek Dosta, 23, are killed"):
 * each name is one person. A person killed by the police is the attacker, not a victim.
 */
function addNamedVictims(text: string, mentions: Mention[], taken: [number, number][]): void {
  for (const m of text.matchAll(NAMED_VICTIMS)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isTaken(taken, start, end)) continue;
    // A name opens the list or follows a comma or "and", and is followed by its age, a comma, "and" or the verb.
    const names = [...(m[1]! + " is").matchAll(NAME_IN_LIST)];
    if (!names.length) continue;
    taken.push([start, end]);
    const kind: Kind = /wounded|injured|hurt/iu.test(m[2]!) ? "injured" : "killed";
    const [from, to] = clauseAround(text, start, end);
    const clause = text.slice(from, to);
    mentions.push({ kind, figure: { count: names.length, bound: "exact" }, start, end, claimed: false, provisional: isProvisional(clause), revision: false, aggregate: false, attacker: false, named: true });
  }
}

export const SITE_DEATHS = /\b(?:died|killed|dead)\b/iu;
// A figure opens the text, a clause ("; eight at …") or a list after a colon, but not a clock time's minutes ("at 18:30 on Sunday").
const SITE_BREAKDOWN = new RegExp(String.raw`(?:^|:\s+|(?<!\d):|[;,]\s*|\band\s+)(${NUMBER_PATTERN})\s+(?:(?:of\s+(?:them|the\s+(?:victims|dead))\s+)?(?:died|were\s+killed|killed)\s+)?(?:at|in|on|near|outside)\s+(?:the\s+([\p{Ll}][\p{L}-]+)\b(?:\s+(?:in|at|near)\s+(?:the\s+)?((?:[\p{Lu}][\p{L}\p{N}’'-]*)(?:\s+[\p{Lu}][\p{L}\p{N}’'-]*)*))?|(?:the\s+)?((?:[\p{Lu}][\p{L}\p{N}’'-]*)(?:\s+[\p{Lu}][\p{L}\p{N}’'-]*)*))`, "gu");

/**
 * Deaths given site by site ("Eleven of the victims died at the depot and eight at Velmora"): each
 * figure with its site as written, a name, or the common noun after "the" (`named` false: "depot"),
 * or that noun with the name that places it ("13 on the bus in Tavistock Square": "bus in Tavistock Square").
 */
export function siteFigures(text: string): { count: number; site: string; named: boolean }[] {
  const out: { count: number; site: string; named: boolean }[] = [];
  // A sentence may open with its first site's figure ("Eleven of the victims …"): read it in lower case.
  for (const b of (text.charAt(0).toLowerCase() + text.slice(1)).matchAll(SITE_BREAKDOWN)) {
    const count = parseNumber(b[1]!);
    // "13 on the bus in Tavistock Square": a common noun placed by a name is named by both ("bus in
    // Tavistock Square"), so two sites in one district stay two; not by a date ("on the bus in March").
    const placedBy = b[3] && !CALENDAR_WORD.test(b[3]) ? b[3] : undefined;
    const site = placedBy ? `${b[2]} in ${placedBy}` : (b[2] ?? b[4]!);
    // "… and 30 on Sunday": a day or a month is a date, not a site.
    if (count !== null && !CALENDAR_WORD.test(site)) out.push({ count, site, named: !b[2] || Boolean(placedBy) });
  }
  return out;
}

const CHAIN = new RegExp(String.raw`\b(?:rose|risen|climbed|increased|jumped|reached|was\s+raised|had\s+risen)\s+(?:to\s+)?${QTY}\b(?!\s+(?:injured|wounded|hurt|people\s+(?:injured|wounded)))`, "giu");

/**
 * "The toll stood at forty that night, rose to fifty-one on Saturday …, and reached fifty-five":
 * once a sentence states a toll, each later "rose to" or "reached" in it revises
 * that toll.
 */
function addTollChain(text: string, mentions: Mention[], taken: [number, number][]): void {
  const toll = mentions.find((m) => m.kind === "killed" && !m.claimed && TOLL_WORD.test(text.slice(Math.max(0, m.start - 20), m.end)));
  if (!toll) return;
  for (const m of text.slice(toll.end).matchAll(CHAIN)) {
    const start = toll.end + m.index;
    const end = start + m[0].length;
    if (isTaken(taken, start, end)) continue;
    const count = parseNumber(m[2]!);
    if (count === null || count <= toll.figure.count) continue;
    taken.push([start, end]);
    mentions.push({ ...toll, figure: { count, bound: bound(m[1]) }, start, end, provisional: false, revision: true, parts: undefined });
  }
}

const RESTATED = new RegExp(String.raw`(${NUMBER_PATTERN})(\s*\((${NUMBER_PATTERN})\))`, "giu");

/**
 * A figure restated in brackets, as formal reports write them ("9 (nine) people killed",
 * "twenty-one (21) dead"), with the brackets blanked out: the figure then reads as it would alone.
 * Blanks keep every offset of the text.
 */
export function blankRestatedFigures(text: string): string {
  if (!text.includes("(")) return text;
  return text.replace(RESTATED, (whole, figure: string, restated: string, inner: string) =>
    parseNumber(figure) !== null && parseNumber(figure) === parseNumber(inner) ? figure + " ".repeat(restated.length) : whole,
  );
}

/** "dozens were wounded", "murdered dozens of defenceless people". */
export function findVagueMentions(text: string): VagueMention[] {
  const out: VagueMention[] = [];
  const kindOf = (verb: string): Kind => (/kill|dead|died|murder/iu.test(verb) ? "killed" : "injured");
  for (const m of text.matchAll(VAGUE)) if (!/^(?:several|many)$/iu.test(m[1]!)) out.push({ kind: kindOf(m[2]!), words: m[1]!.toLowerCase(), start: m.index });
  for (const m of text.matchAll(VAGUE_AFTER_VERB)) out.push({ kind: kindOf(m[1]!), words: m[2]!.toLowerCase(), start: m.index });
  return out;
}
