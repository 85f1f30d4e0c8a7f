import { type Chunk, type Paragraph, sectionKey } from "../ingest/chunker.js";
import { type Figure, findMentions, findVagueMentions, type Kind, type Mention, SITE_DEATHS, siteFigures } from "./casualty-mentions.js";
import { dateParts, findDate, findPlaces, findTarget as findAttackTarget, isFullDate, labelPlace, placeWords, resolveRelativeDate, samePlace, sameTime, toDate } from "./place-and-date.js";
import { NUMBER_PATTERN, parseNumber } from "./numbers.js";
import type { Incident, IncidentCitation, HistoryEntry } from "./casualties.js";
import { leadReading } from "./labelled-figures.js";
import { BoundedMemo } from "../index/bounded-memo.js";
import { isCommonWord, isLanguageName } from "../index/wordnet.js";

/**
 * Assembles casualty incidents across a brief's structure. A figure's place and date come from its
 * own sentence or, failing that, from the sentences before it in its paragraph, the paragraphs
 * before it in its section, the paragraph's lead-in, the section heading and the title, in that
 * order (the nearest statement wins). A later figure for the same incident replaces an earlier one
 * and the earlier one is kept as history; a party's claim only ever goes into the history.
 */

type Level = "sentence" | "paragraph" | "section" | "label" | "title";

interface Located {
  place: string | null;
  placeLevel: Level | null;
  /** The place came after in/at/near (it locates), not only after of/from/on (it may only relate). */
  placeStrong?: boolean;
  when: string | null;
  whenRelative: boolean;
}

/** Which words the corpus writes as names: capitalised where a sentence does not begin. */
function nameTest(chunks: Chunk[]): (word: string) => boolean {
  const counts = new Map<string, [number, number]>();
  for (const c of chunks) {
    const words = c.text.match(/[\p{L}][\p{L}’'-]*/gu) ?? [];
    words.forEach((w, i) => {
      // A sentence's first word, and a word in capitals, say nothing of how the word is written elsewhere.
      if (i === 0 || (w.length > 1 && w === w.toUpperCase())) return;
      const key = w.toLowerCase().replace(/[’']s$/u, "");
      const n = counts.get(key) ?? [0, 0];
      n[/^\p{Lu}/u.test(w) ? 0 : 1]++;
      counts.set(key, n);
    });
  }
  return (word: string) => {
    // "in Hebrew 0600 gmt": a language says how a report was given, not where anything happened.
    if (isLanguageName(word)) return false;
    const seen = counts.get(word.toLowerCase().replace(/[’']s$/u, ""));
    // A word only ever seen at the start of a sentence or in a heading: a name unless WordNet knows it as a common word.
    if (!seen) return !isCommonWord(word);
    return seen[0] >= seen[1];
  };
}

// Where one incident ends and another begins inside a sentence.
const SEGMENT_BREAK = /;|,?\s*\bin addition\b,?|\bmeanwhile\b|\bwhereas\b|\bseparately\b|,\s*(?:while|and)\s+(?=(?:another|a second|in a separate)\b)/giu;
// A sentence that tells an attack by an indefinite attacker ("Later that day a mine struck a ferry") starts a new incident.
const NEW_ATTACK = /\b(?:a|an)\s+(?:[\p{L}-]+\s+){0,2}?(?:bomb|bomber|gunman|missile|drone|rocket|grenade|mine|truck|lorry|car)\s+(?:[\p{L}-]+\s+){0,3}?(?:exploded|tore|struck|hit|went\s+off|blew|detonated|opened\s+fire|stormed|rammed|ploughed)\b/iu;
// Where a figure's victims were, right after it: "20 dead in the café", "4 dead at the car park".
const PLACED_AFTER = /^\s*(?:[\p{L}-]+\s+){0,2}?(?:in|at|inside|outside|near|beside|on)\s+(?:the\s+|a\s+|an\s+)?\p{L}/u;
// A name right after a figure, as where its victims were: "killed in Kolo", "died at the Velmora Café".
const NAMED_RIGHT_AFTER = /^\s*(?:[\p{L}-]+\s+){0,2}?(?:in|at|inside|outside|near|on)\s+(?:the\s+)?\p{Lu}/u;
// A figure worded as a total takes in the sentence's other figures ("eleven died on the market, so the attack claimed twelve lives in all").
const TOTAL = /\b(?:in\s+all|overall|in\s+total|totals?|totall?ed|totall?ing|altogether|all\s+told|taken\s+together|combined|between\s+them|in\s+the\s+end)\b/iu;
const NEW_EVENT = /\b(?:another|a\s+second|a\s+separate|in\s+a\s+separate|a\s+further\s+attack|elsewhere)\b/iu;

interface Draft extends Incident {
  section: string;
  block: number;
  order: number;
  kinds: Set<Kind>;
  /** Made from a summary table row: its figures fill gaps and never overrule the narrative. */
  fromTable: boolean;
  /** One site of a toll broken down by site: never the target of a toll stated for the whole. */
  site?: boolean;
  /** The document's overall toll: it takes no place from the sentences around it. */
  whole?: boolean;
  /** Kinds whose figure only counts victims named one by one: any other figure for them wins. */
  named?: Set<Kind>;
  /** Its year was taken from the document ("14 March" → "14 March 2014"): enough to meet its table row, not to merge with other prose. */
  yearInferred?: boolean;
  /** Told in another clause of the same sentence as this one's figure of the same kind, both plainly: other victims, never merged with it. */
  apartFrom?: Draft;
}


/** Whether every word of place `b`'s name is in place `a`'s ("Orvane Arena, Kolo" holds "Orvane"; "Kolonia" does not hold "Kolo"). */
function holdsPlace(a: string | null, b: string): boolean {
  const words = placeWords(a);
  const wanted = [...placeWords(b)];
  return wanted.length > 0 && wanted.every((w) => words.has(w));
}

/**
 * The place a label or heading names: its names after a preposition ("Reaction in Velmora" →
 * Velmora, "Attack on the Hotel Kolo" → Hotel Kolo; `located`), or, for a label that dates an item
 * ("Velmora, Unity State, 15 April 2014", "9 May 2020 — Velmora"), its parts that are not the date;
 * null for a label that names no place ("Stated aims").
 */
function labelledPlace(label: string, isName: (word: string) => boolean): { place: string; located: boolean } | null {
  const located = findPlaces(label, isName);
  if (located.length) return { place: located.slice(0, 3).join(", "), located: true };
  const dated = findDate(label) ? labelPlace(label, isName) : null;
  return dated ? { place: dated, located: false } : null;
}

export function assembleIncidents(chunks: Chunk[], paragraphs: Paragraph[]): Incident[] {
  const isName = nameTest(chunks);
  const drafts: Draft[] = [];
  const chunksByBlock = new Map<number, Chunk[]>();
  for (const c of chunks) {
    const list = chunksByBlock.get(c.block) ?? [];
    list.push(c);
    chunksByBlock.set(c.block, list);
  }

  // A paragraph's text without its victims' later deaths, as the sentences after it read it for their place and date: once per paragraph.
  const blockReadings = new BoundedMemo<number, string>(paragraphs.length + 1);
  const blockReading = (b: number): string => blockReadings.get(b, (block) => withoutVictimClauses(paragraphs[block]!.text));

  const locate = (chunk: Chunk): Located => {
    const block = paragraphs[chunk.block]!;
    const before = (chunksByBlock.get(chunk.block) ?? []).filter((c) => c.sentence < chunk.sentence).reverse();
    // A lead-in labels its own item ("**Velmora, 9 May 2018.**"): an item with one never borrows from the items before it.
    const earlierBlocks: string[] = [];
    for (let b = chunk.block - 1; !block.lead && b >= 0 && sectionKey(paragraphs[b]!) === sectionKey(block) && paragraphs[b]!.source === block.source; b--) {
      if (paragraphs[b]!.kind !== "heading" && paragraphs[b]!.kind !== "title") earlierBlocks.push(blockReading(b));
    }
    let place: string | null = null;
    let placeLevel: Level | null = null;
    let placeStrong = false;
    let when: Located["when"] = null;
    let whenRelative = false;
    const fromTexts = (level: Level, texts: string[]) => {
      // Within one level, a place after in/at/near beats one after of/from, however near.
      if (!place) {
        const found = texts.map((t) => findPlaces(t, isName));
        const pick = found.find((f) => f.length && f.strong) ?? found.find((f) => f.length);
        if (pick) {
          place = pick.slice(0, 3).join(", ");
          placeLevel = level;
          placeStrong = pick.strong;
        }
      }
      for (const text of texts) {
        if (!when) {
          const d = findDate(text);
          if (d && !(d.relative && level !== "sentence")) {
            when = d.text;
            whenRelative = d.relative;
          }
        }
      }
    };
    const fromLabel = (label: string) => {
      if (!place) {
        place = labelPlace(label, isName);
        if (place) placeLevel = "label";
      }
      if (!when) when = findDate(label)?.text ?? null;
    };
    fromTexts("sentence", [withoutVictimClauses(chunk.text)]);
    fromTexts("paragraph", before.map((c) => withoutVictimClauses(c.text)));
    // An item's label names its place better than a name the sentence only relates by of/from/on
    // ("**Velmora, 1 May.** … a member of the Kestrel Guard was killed").
    const lead = block.lead;
    if (lead && place && !placeStrong) {
      const labelled = labelPlace(lead, isName);
      if (labelled) [place, placeLevel] = [labelled, "label"];
    } else if (lead && place && placeLevel === "paragraph") {
      // So does a label that dates its item ("**Velmora, 15 April.** When the Front in Exile retook the
      // town …") better than a name only an earlier sentence of the item gives; a label that names its
      // place after a preposition ("**Attack on the Hotel Kolo.**") only when that name is another place.
      const labelled = labelledPlace(lead, isName);
      if (labelled && (!labelled.located || !samePlace(labelled.place, place))) [place, placeLevel] = [labelled.place, "label"];
    }
    if (lead) fromLabel(lead);
    // So does a section's own heading ("## 9 May 2020 — Velmora") over "labourers of Dravan origin", at
    // that name's level, so the paragraph's figures still join one story; a weak name that holds its
    // every word ("Orvane Arena" under "Orvane") is the more exact one.
    const heading = block.headings.length > 1 ? block.headings[block.headings.length - 1]! : null;
    const headed = heading && place && !placeStrong && placeLevel !== "label" ? (labelledPlace(heading, isName)?.place ?? null) : null;
    if (headed && !holdsPlace(place, headed)) place = headed;
    fromTexts("section", earlierBlocks);
    for (const label of block.headings.slice(1).reverse()) fromLabel(label);
    const title = block.headings[0] ?? "";
    if (!place && title) {
      place = findPlaces(title, isName)[0] ?? labelPlace(title, isName);
      if (place) placeLevel = "title";
    }
    if (!when && title) {
      const d = findDate(title);
      if (d && !d.relative) when = d.text;
    }
    return { place, placeLevel, placeStrong, when, whenRelative };
  };

  /** The place a document's title names, for a toll over the whole document. */
  const titlePlace = (chunk: Chunk): string | null => {
    const title = paragraphs[chunk.block]?.headings[0] ?? "";
    return title ? (findPlaces(title, isName)[0] ?? labelPlace(title, isName)) : null;
  };

  /**
   * A figure stated without a place of its own that equals the sum of two or more incidents
   * already told in the document ("Fifty-three are confirmed dead" after 21 and 32) is the
   * document's overall toll, not a revision of the last incident.
   */
  const isOverallTotal = (chunk: Chunk, where: Located, m: Mention): boolean => {
    if (m.kind !== "killed" || where.placeLevel === "sentence") return false;
    const tolls = drafts.filter((d) => !d.aggregate && d.citation.source === chunk.source && d.killed).map((d) => d.killed!.count);
    return tolls.length >= 2 && tolls.reduce((a, b) => a + b, 0) === m.figure.count;
  };

  /** "… 45 dead: seven in Velmora and 38 at Kestrel Pass": a toll broken down by site gives each site its incident. */
  const readSiteBreakdown = (chunk: Chunk, mentions: Mention[], sentenceWhere: Located) => {
    // "Eleven of the victims died at the depot and eight at Velmora" has no toll of its own, only sites.
    if (!mentions.some((m) => m.kind === "killed" && !m.aggregate) && !SITE_DEATHS.test(chunk.text)) return;
    for (const s of siteFigures(chunk.text)) {
      const count = s.count;
      // "at the depot": the place the brief names with that word ("Korvath Depot"), if it names one.
      const site = (s.named ? s.site : namedAs(chunk.source, s.site))?.replace(/[’']s$/u, "");
      if (!site || !site.split(/\s+/u).some((w) => isName(w))) continue;
      const figure: Figure = { count, bound: "exact" };
      // "…; four were killed in Mesa" is also a plain toll this sentence has already given to an incident there.
      if (drafts.some((d) => d.citation.source === chunk.source && d.citation.quote === chunk.text && d.killed?.count === count && !d.site && d.place?.toLowerCase() === site.toLowerCase())) continue;
      // The incident holding this sentence's total is not a site of it.
      const existing = [...drafts].reverse().find((d) => d.site && d.citation.source === chunk.source && d.citation.quote !== chunk.text && samePlace(d.place, site));
      const target = existing ?? newDraft(chunk, { ...sentenceWhere, place: site, placeLevel: "sentence" }, false);
      target.site = true;
      record(target, "killed", figure, chunk, null);
    }
  };

  /** The capitalised name a brief gives a thing it also calls by a common noun ("the depot" → "Korvath Depot"). */
  const namedAs = (source: string, noun: string): string | null => {
    const text = paragraphs.filter((p) => p.source === source).map((p) => p.text).join("\n");
    const capital = noun.charAt(0).toUpperCase() + noun.slice(1);
    return new RegExp(String.raw`(?:[\p{Lu}][\p{L}’'-]+\s+)+${capital}\b`, "u").exec(text)?.[0] ?? null;
  };

  const citationOf = (chunk: Chunk): IncidentCitation => ({ source: chunk.source, paragraph: chunk.paragraph, quote: chunk.text, ...(chunk.page ? { page: chunk.page } : {}) });

  const newDraft = (chunk: Chunk, where: Located, aggregate: boolean): Draft => {
    const block = paragraphs[chunk.block]!;
    const d: Draft = {
      summary: "",
      place: where.place,
      target: null,
      when: where.when,
      whenRelative: where.whenRelative,
      killed: null,
      injured: null,
      killedOrInjured: null,
      perpetrator: null,
      aggregate,
      citation: citationOf(chunk),
      citations: [],
      history: [],
      attackersKilled: null,
      vague: {},
      section: sectionKey(block),
      block: chunk.block,
      order: chunk.id,
      kinds: new Set(),
      fromTable: chunk.kind === "row",
    };
    drafts.push(d);
    return d;
  };

  /** The incident a figure belongs to, or null when it starts a new one. */
  const findTarget = (chunk: Chunk, where: Located, m: Pick<Mention, "kind" | "revision" | "claimed" | "provisional">): Draft | null => {
    const block = paragraphs[chunk.block]!;
    const sameDoc = drafts.filter((d) => !d.aggregate && !d.site && d.citation.source === chunk.source && sameTime(d.when, where.when));
    const latest = <T>(xs: T[]) => xs[xs.length - 1] ?? null;
    if ((NEW_EVENT.test(chunk.text) || NEW_ATTACK.test(chunk.text)) && !m.revision) return null;
    if (where.placeLevel === "sentence") {
      const same = latest(sameDoc.filter((d) => samePlace(d.place, where.place)));
      if (same && (m.revision || m.claimed || m.provisional || !same.kinds.has(m.kind) || same.block === chunk.block)) return same;
      // A revision in a sentence that names another place by in/at/near is about that place, not the section's incident.
      if ((m.revision || m.claimed) && !where.placeStrong) return latest(sameDoc.filter((d) => d.section === sectionKey(block)));
      return null;
    }
    if (where.placeLevel === "paragraph" || where.placeLevel === "section") {
      // A paragraph tells one story: a figure with no place of its own continues the paragraph's
      // incident, unless the sentences before it have moved to another place ("… in Velmora …
      // Twelve people died there").
      const inBlock = latest(sameDoc.filter((d) => d.block === chunk.block));
      if (inBlock && (m.revision || samePlace(inBlock.place, where.place) || !inBlock.place)) return inBlock;
      return latest(sameDoc.filter((d) => samePlace(d.place, where.place) && d.section === sectionKey(block))) ?? (inBlock && !where.placeStrong ? inBlock : null);
    }
    // Place only from a label or the title: the section's latest incident, if its time fits, unless the
    // label names another place ("**Attack on the Hotel Korvath.**" after an item about another town).
    const inSection = latest(sameDoc.filter((d) => d.section === sectionKey(block)));
    if (inSection && (where.placeLevel !== "label" || !inSection.place || samePlace(inSection.place, where.place))) return inSection;
    if (inSection && where.placeLevel === "label") return latest(sameDoc.filter((d) => d.section === sectionKey(block) && samePlace(d.place, where.place)));
    if (m.revision && where.placeLevel === "title") return latest(sameDoc.filter((d) => samePlace(d.place, where.place)));
    return null;
  };

  const record = (d: Draft, kind: Kind, figure: Figure, chunk: Chunk, note: HistoryEntry["note"] | null, named = false) => {
    const citation = citationOf(chunk);
    if (!d.citations.some((c) => c.source === citation.source && c.quote === citation.quote)) d.citations.push(citation);
    if (note) {
      d.history.push({ kind, figure, note, citation });
      return;
    }
    const previous = d[kind];
    if (previous) d.history.push({ kind, figure: previous, note: "earlier figure", citation: d.citation });
    d[kind] = figure;
    d.kinds.add(kind);
    if (named) (d.named ??= new Set()).add(kind);
    else d.named?.delete(kind);
    d.citation = citation;
    d.vague = Object.fromEntries(Object.entries(d.vague).filter(([k]) => k !== kind));
  };

  for (const chunk of chunks) {
    if (chunk.kind === "row") {
      readRow(chunk, paragraphs[chunk.block]!);
      continue;
    }
    if (chunk.kind !== "sentence" && chunk.kind !== "note") continue;
    // A fact sheet's "- **Killed:** nine." is read with its label (the citation still quotes the sentence).
    const text = leadReading(chunk, paragraphs[chunk.block]!) ?? chunk.text;
    const mentions = findMentions(text);
    const vague = findVagueMentions(text);
    if (!mentions.length && !vague.length) {
      // "Eleven of the victims died at the depot and eight at Velmora": figures by site only.
      if (SITE_DEATHS.test(chunk.text)) readSiteBreakdown(chunk, mentions, locate(chunk));
      continue;
    }
    const sentenceWhere = locate(chunk);
    const breaks = [...text.matchAll(SEGMENT_BREAK)].map((b) => b.index);
    const segmentOf = (at: number) => breaks.filter((b) => b <= at).length;
    let current: Draft | null = null;
    let currentSegment = 0;
    // Drafts this sentence has given a figure to: a second figure of the same kind in the same
    // sentence, not worded as a revision, counts other victims ("20 dead in the café; 4 dead in the car park").
    const toldHere = new Set<Draft>();
    // The sentence's last plain figure of each kind (no claim, revision, early report or total), with its segment.
    const plainHere = new Map<Kind, { draft: Draft; segment: number; placed: boolean }>();
    // The draft that took the sentence's first figure of each kind.
    const firstHere = new Map<Kind, Draft>();
    // Whether a figure is worded as a total: the words from the figure before it to just after it ("an overall toll of 100", "twelve lives in all").
    const totalWorded = (index: number): boolean => {
      const m = mentions[index]!;
      const from = Math.max(index > 0 ? mentions[index - 1]!.end : 0, m.start - 40);
      return TOTAL.test(text.slice(from, Math.min(text.length, m.end + 20)));
    };
    for (const [index, m] of mentions.entries()) {
      // "The final count was 52: 30 killed at the Grand Velmora, …": figures after a colon that follows a larger toll are its parts.
      const whole = mentions.slice(0, index).find((p) => p.kind === m.kind && p.figure.count > m.figure.count && text.slice(p.end, m.start).includes(":"));
      if (whole) continue;
      // "…, in addition, it attacked …": a later segment of the sentence tells another incident, located by its own words first.
      const segment = segmentOf(m.start);
      const segmentText = text.slice(breaks[segment - 1] ?? 0, breaks[segment] ?? text.length);
      const own = findPlaces(segmentText, isName);
      const segmentWhere: Located = breaks.length && own.length ? { ...sentenceWhere, place: own.slice(0, 3).join(", "), placeLevel: "sentence", placeStrong: own.strong } : sentenceWhere;
      // "Twenty were killed in Kolo and four were killed in Mesa": when the segment names several places
      // and a figure is followed by where its victims were, that place is the figure's own.
      const next = Math.min(m.end + 50, mentions[index + 1]?.start ?? text.length, breaks.find((b) => b > m.end) ?? text.length);
      const after = own.length > 1 && NAMED_RIGHT_AFTER.test(text.slice(m.end, next)) ? findPlaces(text.slice(m.end, next), isName) : null;
      const where: Located = after?.length ? { ...segmentWhere, place: after.slice(0, 3).join(", "), placeLevel: "sentence", placeStrong: after.strong } : segmentWhere;
      if (m.aggregate) {
        // A total over a period has no place of its own beyond what its sentence names.
        const places = findPlaces(segmentText, isName);
        const period = /\bsince\b/iu.test(segmentText) ? findDate(segmentText.slice(segmentText.search(/\bsince\b/iu))) : null;
        const agg = newDraft(chunk, { ...where, place: places.length ? places.slice(0, 3).join(", ") : null, when: period?.text ?? where.when }, true);
        record(agg, m.kind, m.figure, chunk, null);
        continue;
      }
      // "70 were killed in Velmora and 30 in Kestrel, an overall toll of 100": a total that adds up the
      // sentence's earlier figures and its sites is the whole, told apart from its first part.
      const first = firstHere.get(m.kind);
      if (first && m.kind === "killed" && !m.claimed && !m.attacker && totalWorded(index)) {
        const parts = [...mentions.slice(0, index).filter((p) => p.kind === m.kind && !p.aggregate && !p.claimed && !p.attacker).map((p) => p.figure.count), ...siteFigures(chunk.text).map((f) => f.count)];
        if (parts.length >= 2 && parts.reduce((a, b) => a + b, 0) === m.figure.count) {
          current = newDraft(chunk, where, false);
          current.whole = true;
          current.apartFrom = first;
          record(current, m.kind, m.figure, chunk, null);
          toldHere.add(current);
          currentSegment = segment;
          continue;
        }
      }
      // Figures of one segment belong together unless a kind repeats without a revision.
      if (!current || segment !== currentSegment || (current.kinds.has(m.kind) && !m.revision && !m.provisional && !m.claimed)) {
        if (isOverallTotal(chunk, where, m)) {
          current = newDraft(chunk, { ...where, place: titlePlace(chunk), placeLevel: "title" }, false);
          current.whole = true;
        } else {
          const target = segment > currentSegment ? null : findTarget(chunk, where, m);
          const retold = target && toldHere.has(target) && target.kinds.has(m.kind) && !m.revision && !m.provisional && !m.claimed && !m.attacker;
          current = (retold ? null : target) ?? newDraft(chunk, where, false);
        }
        currentSegment = segment;
      }
      // "20 dead in the café; 4 dead in the car park": two plain figures of one kind in two clauses are two groups of victims.
      // Both must say where their victims were: "…; hospital officials said 15 were dead" is an update.
      const plain = !m.revision && !m.provisional && !m.claimed && !m.attacker && !totalWorded(index);
      const placed = PLACED_AFTER.test(text.slice(m.end, m.end + 60));
      const earlier = plainHere.get(m.kind);
      if (plain && placed && earlier?.placed && earlier.segment < segment && earlier.draft !== current) current.apartFrom = earlier.draft;
      if (plain) plainHere.set(m.kind, { draft: current, segment, placed });
      // "The two men in the lorry also died", "five soldiers were also killed at a checkpoint": more
      // victims beside the toll already told, kept as their own figure rather than replacing it.
      if (m.additional && current[m.kind] && !current.whole) {
        const beside = newDraft(chunk, where, false);
        beside.apartFrom = current;
        record(beside, m.kind, m.figure, chunk, null);
        toldHere.add(beside);
        current = beside;
        continue;
      }
      if (m.claimed) record(current, m.kind, m.figure, chunk, "claimed");
      else if (m.attacker) {
        current.attackersKilled = m.figure;
        if (!current.citations.length) current.citations.push(citationOf(chunk));
      } else if (m.provisional && current.kinds.has(m.kind)) record(current, m.kind, m.figure, chunk, "initially reported");
      else record(current, m.kind, m.figure, chunk, null, m.named);
      toldHere.add(current);
      if (!m.claimed && !m.attacker && !firstHere.has(m.kind)) firstHere.set(m.kind, current);
      current.target ??= findAttackTarget(segmentText);
      if (!current.place && where.place && !current.whole) current.place = where.place;
      if (!current.when && where.when) current.when = where.when;
    }
    readSiteBreakdown(chunk, mentions, sentenceWhere);
    for (const v of vague) {
      const target = current ?? findTarget(chunk, sentenceWhere, { kind: v.kind, revision: false, claimed: false, provisional: false }) ?? newDraft(chunk, sentenceWhere, false);
      if (!target[v.kind]) target.vague[v.kind] = v.words;
      if (!target.citations.length) target.citations.push(citationOf(chunk));
    }
  }

  /** A table row read with its headers: "| 9 Nov 2018 | Velmora ... | 74 | local officials |". */
  function readRow(chunk: Chunk, block: Paragraph): void {
    const cells = block.cells ?? [];
    // A row of totals is no incident: a "Total" row, or, in a table without dates, a row that counts
    // incidents ("Province | Incidents 2021 | Deaths 2021"; a dated table's "Attacks" column is its own).
    const plain = (text: string) => text.replace(/[*_]/gu, "").trim();
    const dated = cells.some((c) => /date|when|day/iu.test(c.header));
    if (/^(?:total|totals|overall)$/iu.test(plain(cells[0]?.text ?? ""))) return;
    if (!dated && cells.some((c) => /\b(?:incidents|attacks|events)\b/iu.test(c.header) && cellFigure(c.text))) return;
    const figureCells: [Kind, string][] = [];
    let place: string | null = null;
    let when: string | null = null;
    for (const cell of cells) {
      const header = cell.header.toLowerCase();
      const kind: Kind | null = /casualt/u.test(header)
        ? "killedOrInjured"
        : /kill|dead|death|fatalit/u.test(header)
          ? "killed"
          : /injur|wound|hurt/u.test(header)
            ? "injured"
            : null;
      if (kind) figureCells.push([kind, cell.text]);
      else if (!when && /date|when|day/u.test(header)) when = findDate(cell.text)?.text ?? cell.text;
      else if (!place && /locat|place|site|where|town|city|attack|incident|target|area|village/u.test(header)) place = cell.text.replace(/[*_]/gu, "");
    }
    if (!figureCells.length) return;
    when ??= findDate(chunk.text)?.text ?? null;
    place ??= cells.find((c) => !findDate(c.text) && /^\p{Lu}/u.test(c.text))?.text ?? null;
    const where: Located = { place, placeLevel: "sentence", when, whenRelative: false };
    let target = drafts.find((d) => !d.aggregate && d.citation.source === chunk.source && samePlace(d.place, place) && sameTime(d.when, when) && d.when !== null && when !== null) ?? null;
    for (const [kind, text] of figureCells) {
      const figure = cellFigure(text);
      if (!figure) {
        const vague = /\b(dozens|scores|hundreds|thousands)\b/iu.exec(text)?.[1]?.toLowerCase();
        if (vague) {
          target ??= newDraft(chunk, where, false);
          if (!target[kind]) target.vague[kind] = vague;
        }
        continue;
      }
      target ??= newDraft(chunk, where, false);
      // A summary table repeats what the text says: it fills gaps, it does not overrule the narrative.
      if (!target[kind] || target.named?.has(kind)) record(target, kind, figure, chunk, null);
      else if (!target.citations.some((c) => c.quote === chunk.text)) target.citations.push(citationOf(chunk));
    }
  }

  // The date each brief gives itself, read once for both.
  const dates = new Map<string, Date | null>();
  const dateOf = (source: string) => {
    if (!dates.has(source)) dates.set(source, documentDate(paragraphs, source));
    return dates.get(source)!;
  };
  resolveRelativeDates(drafts, dateOf);
  completeYears(drafts, dateOf);
  mergeSameDay(drafts);
  return drafts
    .filter((d) => d.killed || d.injured || d.killedOrInjured || d.attackersKilled || Object.keys(d.vague).length)
    .sort((a, b) => a.order - b.order)
    .map(({ section: _s, block: _b, order: _o, kinds: _k, fromTable: _t, site: _site, whole: _whole, yearInferred: _y, named: _n, ...incident }) => incident);
}

// A relative clause telling that a person died later: ", who was declared dead at the district hospital on 9 May".
const LATER_DEATH = /\b(?:he|she|who)\s+(?:later\s+|subsequently\s+|also\s+)?(?:died|succumbed|passed\s+away)\b[^,;.]*/giu;
const PERSON_CLAUSE = /,\s+(?:who|whose)\b[^,;]*?\b(?:died|declared\s+dead|succumbed|passed\s+away|later|since)\b[^,;]*/gu;

/**
 * A sentence without what it says about a victim after its toll ("Twenty people were killed, among
 * them Anna Roth, who died at the district hospital on 9 May"): where and when a victim died
 * later is not where and when the attack was. A clause before the toll may tell the attack itself
 * ("Gunmen, who stormed the hotel on 3 May, killed 12"), so it stays.
 */
function withoutVictimClauses(text: string): string {
  // "…; she died in hospital on April 6th": one victim's later death, wherever it is told.
  text = text.replace(LATER_DEATH, (clause) => " ".repeat(clause.length));
  // Most sentences have no such clause: the tolls are read only when one is there.
  if (text.search(PERSON_CLAUSE) < 0) return text;
  const toll = findMentions(text)[0];
  if (!toll) return text;
  return text.replace(PERSON_CLAUSE, (clause, at: number) => (at > toll.start ? " ".repeat(clause.length) : clause));
}

/** The date a document gives itself: the first full date of its title, or of its first paragraph's lead-in (a dateline). */
function documentDate(paragraphs: Paragraph[], source: string): Date | null {
  const own = paragraphs.filter((p) => p.source === source).slice(0, 3);
  for (const p of own) {
    const label = p.kind === "title" ? p.text : (p.lead ?? "");
    const date = toDate(findDate(label)?.text ?? null);
    if (date) return date;
  }
  return null;
}

/** A relative date is placed in time only when the document dates itself; otherwise it stays as written, flagged relative. */
function resolveRelativeDates(drafts: Draft[], dateOf: (source: string) => Date | null): void {
  for (const d of drafts) {
    if (!d.whenRelative || !d.when) continue;
    const reference = dateOf(d.citation.source);
    const resolved = reference ? resolveRelativeDate(d.when, reference) : null;
    if (!resolved) continue;
    d.whenAsWritten = d.when;
    d.when = resolved;
    d.whenRelative = false;
  }
}

/**
 * "14 March" in a brief whose dates are all of 2014 is 14 March 2014: a day without a year takes the
 * year of the document's own date, or the one year its other incidents share. With several years
 * in play it stays as written.
 */
function completeYears(drafts: Draft[], dateOf: (source: string) => Date | null): void {
  // The years of each document's fully dated incidents, read before any year is added.
  const years = new Map<string, Set<number | undefined>>();
  for (const d of drafts) if (isFullDate(d.when)) years.set(d.citation.source, (years.get(d.citation.source) ?? new Set()).add(dateParts(d.when!).year));
  for (const d of drafts) {
    if (!d.when || d.whenRelative || isFullDate(d.when)) continue;
    const parts = dateParts(d.when);
    if (!parts.day || !parts.month || parts.year) continue;
    const shared = years.get(d.citation.source);
    const year = dateOf(d.citation.source)?.getUTCFullYear() ?? (shared?.size === 1 ? [...shared][0] : undefined);
    if (!year) continue;
    d.whenAsWritten ??= d.when;
    d.when = `${d.when} ${year}`;
    d.yearInferred = true;
  }
}

/**
 * Two incidents dated to the same day are one incident, with all their citations: in one document
 * when they share a place word, or when one is a table row and the other the only paragraph that
 * tells of that day; across documents when they share a place and the very same date.
 */
function mergeSameDay(drafts: Draft[]): void {
  const fullDay = (d: Draft) => !d.aggregate && isFullDate(d.when);
  for (let i = 0; i < drafts.length; i++) {
    const a = drafts[i]!;
    if (!fullDay(a)) continue;
    for (let j = i + 1; j < drafts.length; j++) {
      const b = drafts[j]!;
      // A site of a toll and the toll itself are told on the same day, at the same place: both stay.
      if (!fullDay(b) || !sameTime(a.when, b.when) || Boolean(a.site) !== Boolean(b.site)) continue;
      if (a.apartFrom === b || b.apartFrom === a) continue;
      // Two sites of one sentence's breakdown are two places, even in one district ("the market in the Old Town", "the mosque in the Old Town").
      if (a.site && b.site && a.citation.source === b.citation.source && a.citation.quote === b.citation.quote) continue;
      if ((a.yearInferred || b.yearInferred) && !(a.fromTable !== b.fromTable && samePlace(a.place, b.place) && a.citation.source === b.citation.source)) continue;
      // Across briefs, only the same place on the very same day is the same event.
      const otherBrief = b.citation.source !== a.citation.source;
      if (otherBrief && !(samePlace(a.place, b.place) && toDate(a.when)?.getTime() === toDate(b.when)?.getTime())) continue;
      const sameDay = drafts.filter((d) => d !== a && fullDay(d) && d.citation.source === a.citation.source && sameTime(d.when, a.when));
      const tableAndText = !otherBrief && a.fromTable !== b.fromTable && sameDay.length === 1;
      if (!samePlace(a.place, b.place) && !tableAndText) continue;
      const [keep, drop] = a.fromTable && !b.fromTable ? [b, a] : [a, b];
      for (const kind of ["killed", "injured", "killedOrInjured"] as const) {
        const theirs = drop[kind];
        if (!theirs) continue;
        // Another brief's figure for the same event is kept as history, not swapped in: neither supersedes the other.
        const narrativeWins = keep[kind] && !keep.named?.has(kind) && (drop.fromTable || keep.order > drop.order || otherBrief);
        if (!keep[kind] || !narrativeWins) {
          if (keep[kind]) keep.history.push({ kind, figure: keep[kind]!, note: "earlier figure", citation: keep.citation });
          keep[kind] = theirs;
        } else drop.history.push({ kind, figure: theirs, note: "earlier figure", citation: drop.citation });
      }
      keep.history.push(...drop.history);
      for (const c of drop.citations) if (!keep.citations.some((k) => k.quote === c.quote)) keep.citations.push(c);
      keep.place = [...new Set([keep.place, drop.place].filter(Boolean))].join("; ") || null;
      keep.order = Math.min(keep.order, drop.order);
      keep.attackersKilled ??= drop.attackersKilled;
      drafts.splice(drafts.indexOf(drop), 1);
      if (drop === a) {
        i--;
        break;
      }
      j--;
    }
  }
}

const CELL = new RegExp(String.raw`^\s*(?:(at\s+least|more\s+than|over|about|around|some|nearly|above)\s+)?(${NUMBER_PATTERN})\b`, "iu");

/** The first figure of a table cell ("at least 37 (Velmora hospital)"); null for "dozens" or "not reported". */
function cellFigure(text: string): Figure | null {
  const m = CELL.exec(text.replace(/[*_]/gu, ""));
  if (!m) return null;
  const count = parseNumber(m[2]!);
  if (count === null) return null;
  const q = (m[1] ?? "").toLowerCase();
  return { count, bound: q === "at least" ? "at least" : q === "more than" || q === "over" || q === "above" ? "more than" : "exact" };
}
