import * as chrono from "chrono-node";
import { FULL_MONTHS } from "../calendar.js";
/**
 * Places and dates as a brief writes them: absolute dates exactly as written (relative ones marked
 * as such), and places as the capitalised names after a locative preposition, or the place part of
 * a label ("6 July 2013 — ferry landing, Velmora", "Kestrel Pass, 9 May 2018").
 */
const MONTH_NAMES = FULL_MONTHS.toLowerCase().split("|");
export const MONTHS = `${FULL_MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec`;
export const DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
// "14", "14th", "3-4", "the 3rd of": a day as written before or after a month.
const ORDINAL = String.raw`(?:st|nd|rd|th)?`;
const DAY_RANGE = String.raw`(?:the\s+)?\d{1,2}${ORDINAL}(?:\s*[–-]\s*\d{1,2}${ORDINAL})?(?:\s+of)?`;

/** Absolute dates, most complete first. */
const ABSOLUTE = [
  new RegExp(String.raw`\b(?:(?:${DAYS}),?\s+)?${DAY_RANGE}\s+(?:${MONTHS})\.?,?\s+(?:19|20)\d\d\b`, "u"),
  new RegExp(String.raw`\b(?:(?:${DAYS}),?\s+)?(?:${MONTHS})\s+\d{1,2}${ORDINAL},?\s+(?:19|20)\d\d\b`, "u"),
  new RegExp(String.raw`\b(?:(?:${DAYS}),?\s+)?${DAY_RANGE}\s+(?:${MONTHS})\b`, "u"),
  // "March 9th": month first without a year only with an ordinal ("in March 12 people died" is no date).
  new RegExp(String.raw`\b(?:${MONTHS})\s+\d{1,2}(?:st|nd|rd|th)\b`, "u"),
  new RegExp(String.raw`\b(?:(?:early|mid|late)[-\s])?(?:${MONTHS})\s+(?:19|20)\d\d\b`, "u"),
  new RegExp(String.raw`\b(?:early|mid|late)[-\s](?:${MONTHS})\b`, "iu"),
];
const RELATIVE = [
  new RegExp(String.raw`\b(?:on|last|this|next)\s+(?:${DAYS})\b`, "iu"),
  new RegExp(String.raw`\bin\s+(?:${MONTHS})\b`, "u"),
  /\b(?:last|this|past|previous|earlier\s+this)\s+(?:year|month|week|weekend|night|spring|summer|autumn|fall|winter)\b/iu,
  /\bin\s+(?:19|20)\d\d\b/u,
  /\b(?:yesterday|today|overnight)\b/iu,
];

export interface DateMention {
  text: string;
  /** A date that needs the document's own date to be placed in time ("on Saturday", "last year"). */
  relative: boolean;
}

// "a militia founded in March 2015": a date in a clause about something else's past is background.
const BACKGROUND = /\b(?:created|founded|formed|established|set\s+up|born|launched)\s+(?:in|on)?\s*$/iu;

export function findDate(text: string): DateMention | null {
  const found = findDateAsWritten(text);
  if (found || !SHOUTED_MONTH.test(text)) return found;
  // An all-capitals heading or cable line ("EMBASSY, VELMORA (9 MARCH)"): read in ordinary case, given as
  // written (the case change keeps every offset), so a caller can still find it in the text.
  const recased = text.replace(/\b(\p{Lu})(\p{Lu}+)\b/gu, (_, first: string, rest: string) => first + rest.toLowerCase());
  const date = findDateAsWritten(recased);
  const at = date ? recased.indexOf(date.text) : -1;
  return date && at >= 0 ? { ...date, text: text.slice(at, at + date.text.length) } : date;
}

const SHOUTED_MONTH = new RegExp(String.raw`\b(?:${MONTHS.toUpperCase()})\b`, "u");

function findDateAsWritten(text: string): DateMention | null {
  // A period ("since 2016") belongs to totals; it is given as written.
  const period = /^\s*(?:ever\s+)?since\b[^,.;]*?\b((?:19|20)\d\d)\b/iu.exec(text);
  if (period) return { text: `since ${period[1]}`, relative: false };
  for (const p of ABSOLUTE) {
    for (const m of text.matchAll(new RegExp(p.source, p.flags.includes("g") ? p.flags : `${p.flags}g`))) {
      if (BACKGROUND.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
      return { text: m[0].replace(/\s+/gu, " ").trim().replace(/^the\s+/iu, ""), relative: false };
    }
  }
  for (const p of RELATIVE) {
    const m = p.exec(text);
    if (m) {
      const t = m[0].replace(/\s+/gu, " ").trim();
      return { text: /^(?:Last|This|On|In|Yesterday|Today|Overnight)\b/u.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t, relative: true };
    }
  }
  return null;
}

interface DateParts {
  day?: number;
  month?: number;
  year?: number;
}

export function dateParts(text: string): DateParts {
  const parts: DateParts = {};
  const year = /\b((?:19|20)\d\d)\b/u.exec(text);
  if (year) parts.year = Number(year[1]);
  const month = new RegExp(String.raw`\b(${MONTHS})\b`, "u").exec(text);
  if (month) parts.month = MONTH_NAMES.findIndex((n) => n.startsWith(month[1]!.toLowerCase().slice(0, 3))) + 1;
  const day = new RegExp(String.raw`\b(\d{1,2})${ORDINAL}(?:\s*[–-]\s*\d{1,2}${ORDINAL})?\s+(?:of\s+)?(?:${MONTHS})|(?:${MONTHS})\s+(\d{1,2})${ORDINAL}\b`, "u").exec(text);
  if (day) parts.day = Number(day[1] ?? day[2]);
  return parts;
}

const MONTH_LABELS = MONTH_NAMES.map((m) => m[0]!.toUpperCase() + m.slice(1));

/** A written absolute date as a Date (noon UTC), when it names a day, a month and a year. */
export function toDate(text: string | null): Date | null {
  if (!text) return null;
  const p = dateParts(text);
  return p.day && p.month && p.year ? new Date(Date.UTC(p.year, p.month - 1, p.day, 12)) : null;
}

/**
 * A relative date ("on Saturday", "last year", "in August") placed in time against the document's
 * own date, as precisely as the words allow ("14 March 2023", "2022", "August 2022"); null when
 * the words do not say. Weekdays and months are taken in the past: a brief reports what happened.
 */
export function resolveRelativeDate(text: string, reference: Date): string | null {
  const found = chrono.parse(text, reference, { forwardDate: false })[0];
  if (!found) return null;
  const c = found.start;
  let date = c.date();
  const weekday = c.isCertain("weekday") || /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/iu.test(text);
  if (weekday && !c.isCertain("day") && date > reference) date = new Date(date.getTime() - 7 * 86_400_000);
  if (!c.isCertain("month") && !weekday && c.isCertain("year") === false && /\byear\b/iu.test(text)) return String(date.getUTCFullYear());
  if (/\byear\b/iu.test(text) && !weekday) return String(date.getUTCFullYear());
  if (c.isCertain("month") && !c.isCertain("day") && !weekday) {
    if (date > reference) date = new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), 1));
    return `${MONTH_LABELS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  }
  if (weekday || c.isCertain("day") || /\b(?:yesterday|today|overnight)\b/iu.test(text)) return `${date.getUTCDate()} ${MONTH_LABELS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return null;
}

/** Whether a written date names a day, a month and a year. */
export function isFullDate(text: string | null): boolean {
  if (!text) return false;
  const p = dateParts(text);
  return Boolean(p.day && p.month && p.year);
}

/** Whether two written dates can be the same day: no part that both give differs ("9 Nov 2018" and "9 November 2018"). */
export function sameTime(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const x = dateParts(a);
  const y = dateParts(b);
  if (x.year && y.year && x.year !== y.year) return false;
  if (x.month && y.month && x.month !== y.month) return false;
  // Tolls are revised over the following days: a figure given three days later is the same incident.
  if (x.day && y.day && x.month === y.month && Math.abs(x.day - y.day) > 3) return false;
  return true;
}

const CAP = String.raw`[\p{Lu}][\p{L}\p{N}’'-]*`;
const CONNECTOR = String.raw`(?:of|ur|al|el|i|de|da|del|bin|ul|la|le|du|an|as|-)`;
const PLACE = new RegExp(String.raw`\b((?:[Ii]n|[Aa]t|[Nn]ear|around(?=\s+the\s)|above|[Oo]utside|[Ii]nside|[Aa]cross|[Ii]nto|[Oo]f|[Ff]rom|[Oo]n|attacked|struck|stormed|raided|overran|shelled|bombed|entered))\s+(?:the\s+)?(?:(?:capital|city|town|village|port)\s*,\s+)?((?:al-|el-)?${CAP}(?:[\s-]+(?:${CAP}|${CONNECTOR}(?=[\s-]+[\p{Lu}])))*)`, "gu");
const ATTACK_VERB = /^(?:attacked|struck|stormed|raided|overran|shelled|bombed|entered)$/u;
// After "of", "from" or "on" a name is as often an organisation or a day as a place.
const WEAK_PREPOSITION = /^(?:of|from|on)$/iu;
const ORGANISATION = /\b(?:Defence|Committee|Council|Observatory|Agency|Office|Red\s+Cross|Group|Party|Front|Army|Forces?|Police|Court|Government|Directorate|Programme|Organi[sz]ation|Nations|Union|Bank|News|Press|Service|Services|Department|Commission|Institute|Foundation|Community|Alliance|Coalition|Movement|Mission|Ministry\s+of\s+(?:Defence|Health|Information|Interior))\b/u;
const NOT_PLACES = new RegExp(String.raw`^(?:${MONTHS}|${DAYS}|Twitter|X|Facebook|Telegram|WhatsApp|Easter|Christmas|Ramadan|Pentecost|Friday prayers|The|A|An|It|He|She|They|I|Islamic State)$`, "u");
const TITLES = /^(?:President|Prime|Minister|Governor|Mayor|Sheikh|General|Dr|Mr|Mrs|Ms|Police|Pope|King|Queen|Colonel|Captain|Chairman|Spokesman)\b/u;

const AFTERMATH = /\b(?:hospitals?|clinics?|taken|flown|airlifted|evacuated|transferred|moved)(?:\s+[\p{Ll}]+){0,2}\s*$/u;

/** Places named in a text after a locative preposition, in order, without duplicates. */
export function findPlaces(text: string, isName: (word: string) => boolean = () => true): string[] & { strong: boolean } {
  // A text in capitals ("DETONATED IN GAO") has no case to tell names by: it is read with its names
  // capitalised and its other words in lower case, and places are given in that case ("Gao").
  return placesAsWritten(isShouted(text) ? recased(text, isName) : text, isName);
}

/** Whether most of a text's words are written in capitals (a cable, a SITREP): four or more, and three in four. */
export function isShouted(text: string): boolean {
  const words = text.match(/\p{L}{2,}/gu) ?? [];
  const shouted = words.filter((w) => w === w.toUpperCase() && w !== w.toLowerCase()).length;
  return shouted >= 4 && shouted >= 0.75 * words.length;
}

/** `text` with each word in capitals given the case a name (Gao) or another word (detonated) has; offsets are kept. */
function recased(text: string, isName: (word: string) => boolean): string {
  return text.replace(/\p{Lu}[\p{Lu}’'-]*/gu, (word) => {
    const lower = word.toLowerCase();
    // Case changes that would change the length (rare letters) are left as written.
    if (lower.length !== word.length) return word;
    const titled = word[0] + lower.slice(1);
    return word.length > 1 && !CALENDAR_WORD.test(word) && !isName(titled) ? lower : titled;
  });
}

/** A month's or weekday's name, in any case: never a name of a person or a place. */
export const CALENDAR_WORD = new RegExp(String.raw`^(?:${MONTHS}|${DAYS})$`, "iu");

function placesAsWritten(text: string, isName: (word: string) => boolean): string[] & { strong: boolean } {
  const all: string[] = [];
  const weakAlone: string[] = [];
  let strong = false;
  for (const m of text.matchAll(PLACE)) {
    const isWeak = WEAK_PREPOSITION.test(m[1]!);
    // After a verb of attack only a bare name is a place ("attacked Velmora", not "attacked the Russian embassy").
    if (ATTACK_VERB.test(m[1]!) && /\sthe\s/u.test(m[0])) continue;
    const place = m[2]!.replace(/[\s-]+(?:of|ur|al|el|i|de|da|del|bin|ul|la|le|du|an|as)$/u, "").replace(/[’']s$/u, "").replace(/[.,]$/u, "");
    if (NOT_PLACES.test(place) || TITLES.test(place)) continue;
    // "flown to hospitals in Korvath": where the wounded were taken, not where they were hurt.
    if (AFTERMATH.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    if (!place.split(/[\s-]+/u).some((w) => /^[\p{Lu}]/u.test(w) && isName(w))) continue;
    if (isWeak && ORGANISATION.test(place)) continue;
    // "on the Shah Cheragh Shrine in Shiraz": a name after of/on/from counts when a located name follows it.
    const locatedNext = /^[\s,]*(?:in|at|near|outside)\s/u.test(text.slice(m.index + m[0].length));
    if (isWeak && !locatedNext) {
      if (!weakAlone.includes(place)) weakAlone.push(place);
      continue;
    }
    strong ||= !isWeak;
    if (!all.includes(place)) all.push(place);
  }
  if (!all.length) all.push(...weakAlone);
  // In text order ("the Shah Cheragh Shrine in Shiraz"); `strong` tells whether any came after in/at/near,
  // which locate, while "of", "from" and "on" often only relate.
  return Object.assign(all, { strong });
}

/**
 * The place a heading or lead-in names: its parts that are not dates or numbering
 * ("1. Kestrel Pass, 4 June 2015" → "Kestrel Pass"; "6 July 2013 — ferry landing, Velmora" → "ferry landing, Velmora").
 */
export function labelPlace(label: string, isName: (word: string) => boolean = () => true): string | null {
  const date = findDate(label);
  // A clock time and a weekday ("03:40 Tuesday") label a moment, not a place.
  const rest = (date ? label.replace(date.text, " ") : label)
    .replace(/^\s*\d+[.)]\s*/u, "")
    .replace(/\b\d{1,2}[:.]\d\d\b(?:\s*[ap]\.?m\.?)?/giu, " ")
    .replace(new RegExp(String.raw`\b(?:${DAYS})\b`, "gu"), " ")
    // Brackets the date was taken out of ("Velmora (3 May 2024)").
    .replace(/[([]\s*[)\]]/gu, " ");
  const parts = rest
    .split(/\s*[—–:|;]\s*|\s+-\s+|,\s*/u)
    .map((p) => p.replace(/[.?!]+$/u, "").trim())
    .filter((p) => p && /[\p{L}]/u.test(p) && !/^(?:19|20)\d\d$/u.test(p));
  const named = parts.filter((p) => p.split(/[\s-]+/u).some((w) => /^[\p{Lu}]/u.test(w) && isName(w.replace(/[’']s$/u, ""))));
  if (!named.length) return null;
  // Keep the plain words that describe the place itself ("ferry landing, Velmora").
  const kept = parts.filter((p) => named.includes(p) || (parts.indexOf(p) < parts.indexOf(named[named.length - 1]!) && p.split(/\s+/u).length <= 3));
  return kept.join(", ");
}

/** Words of a place, for telling whether two incidents happened in the same place. */
export function placeWords(place: string | null): Set<string> {
  const generic = /^(?:province|city|state|district|region|town|village|county|area|capital|north|south|east|west|central|the)$/iu;
  return new Set(
    (place ?? "")
      .split(/[^\p{L}\p{N}’'-]+/u)
      .filter((w) => /^[\p{Lu}]/u.test(w) && w.length >= 3 && !generic.test(w))
      .map((w) => w.toLowerCase().replace(/[’']s$/u, "")),
  );
}

export function samePlace(a: string | null, b: string | null): boolean {
  const x = placeWords(a);
  for (const w of placeWords(b)) if (x.has(w)) return true;
  return false;
}

// "the Russian embassy in Kabul", "a Sikh temple at Kunduz": what was attacked, named before its place.
const TARGET = /\b(?:the|a|an)\s+((?:[\p{Lu}][\p{L}’'-]*\s+){1,3}(?:[\p{Ll}][\p{L}-]+\s+)?[\p{Ll}][\p{L}-]+)\s+(?:in|at|near|outside)\s+(?:the\s+)?[\p{Lu}]/u;

/** What an attack hit, when the text names it with a proper adjective or name ("Russian embassy"), or null. */
export function findTarget(text: string): string | null {
  const m = TARGET.exec(text);
  return m ? m[1]!.trim() : null;
}
