import { cp, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { EmbedBuilder } from "discord.js";
import { beforeAll, describe, expect, it } from "vitest";
import { briefingMessage } from "../src/bot/briefing-message.js";
import { attribute } from "../src/core/answer/attribution.js";
import { Briefbot, DEFAULT_CORPUS_DIR } from "../src/core/briefbot.js";
import { BriefbotError } from "../src/core/errors.js";
import { buildBriefing } from "../src/core/extract/briefing/build-briefing.js";
import { documentIncidents } from "../src/core/extract/briefing/casualty-lines.js";
import { findDocument } from "../src/core/extract/briefing/find-document.js";
import { briefingMarkdown } from "../src/core/extract/briefing/markdown.js";
import { markupFragment } from "../src/core/extract/briefing/quotable.js";
import { parseSince } from "../src/core/extract/briefing/since.js";
import type { Briefing, BriefingPoint, DocumentBriefing } from "../src/core/extract/briefing/types.js";
import { formatFigure } from "../src/core/extract/casualties.js";
import { realEmbedder, tempDir } from "./helpers/bot.js";
import { discordLimitViolations } from "./helpers/discord-limits.js";

// A brief with every structure a quote must not swallow: a dated title, a bold dateline, headings,
// list items with bold lead-ins, a table, a byline.
const DISTRICT_REPORT = `# Northern district: attack on the Lakeside market, 14 March 2025

*Field desk. Figures as reported by officials at the time.*

**RIVERTON, 15 March 2025** — Gunmen attacked the Lakeside market in Riverton on Friday morning, killing 23 people and injuring 41 others, according to the district governor.

## Who was involved

The Valley Front claimed responsibility for the attack in a statement to local radio. The Valley Front and the Northern Brigade have fought over the district's roads since 2022. The Northern Brigade denied any link to the Valley Front.

## Response

- **Arrests.** Police arrested nine suspects in raids across Riverton on Saturday.
- **Curfew.** The governor imposed a night curfew on the market district for two weeks.

| Date | Place | Killed |
|---|---|---|
| 14 Mar 2025 | Lakeside market | 23 |

## Outlook

Officials expect the Valley Front to continue attacks on markets in the coming months.
`;

const OLD_NOTE = `Harbour closure note

The port authority closed the eastern harbour to fishing boats after storm damage to the breakwater. Repairs are expected to take three weeks.
`;

// A brief with no sentence to quote: a title and a table only.
const TABLE_ONLY = `# Weekly incident log

| Date | Place | Killed |
|---|---|---|
| 3 Feb 2025 | Eastgate checkpoint | 4 |
`;

let bot: Briefbot;
let dir: string;
const NOW = new Date("2026-11-26T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

beforeAll(async () => {
  dir = join(await tempDir(), "corpus");
  await cp(DEFAULT_CORPUS_DIR, dir, { recursive: true });
  await writeFile(join(dir, "district-report.md"), DISTRICT_REPORT);
  await writeFile(join(dir, "harbour-note.txt"), OLD_NOTE);
  await utimes(join(dir, "iran-taliban-iskp.txt"), daysAgo(3), daysAgo(3));
  await utimes(join(dir, "district-report.md"), daysAgo(1), daysAgo(1));
  await utimes(join(dir, "harbour-note.txt"), daysAgo(30), daysAgo(30));
  await writeFile(join(dir, "incident-log.md"), TABLE_ONLY);
  await utimes(join(dir, "incident-log.md"), daysAgo(60), daysAgo(60));
  bot = await Briefbot.open({ corpusDir: dir, cacheDir: join(dir, "..", "cache"), embedder: await realEmbedder() });
});

/** The documents of a document, topic or since briefing. */
function documentsOf(briefing: Briefing): DocumentBriefing[] {
  if (briefing.kind === "index") throw new Error("an index has no key points");
  return briefing.documents;
}

/** Every point of a briefing, leads included. */
function allQuotes(briefing: Briefing): BriefingPoint[] {
  return briefing.documents.flatMap((d) => [...(d.lead ? [d.lead] : []), ...("points" in d ? d.points : [])]);
}

function expectVerbatimAndClean(points: BriefingPoint[]) {
  expect(points.length).toBeGreaterThan(0);
  for (const p of points) {
    const block = bot.paragraphs.find((b) => b.source === p.source && b.paragraph === p.paragraph)!;
    expect(bot.text(p.source).slice(block.start, block.end)).toContain(p.quote);
    expect(["paragraph", "listItem"]).toContain(block.kind);
    expect(markupFragment(p.quote)).toBeNull();
  }
}

describe("claim attribution", () => {
  it.each([
    ["Recently, Iran’s Foreign Minister Hossein Amir-Abdollahian claimed that ISIS fighters had been moved.", "Iran’s Foreign Minister Hossein Amir-Abdollahian"],
    ["The Taliban rejected the claim and asserted that it remains committed.", "The Taliban"],
    ["Abdul Qahar Balkhi, the Taliban’s spokesman at the Ministry of Foreign Affairs, stated on Twitter, “We hope.”", "Abdul Qahar Balkhi"],
    ["Balkhi urged Iran to take constructive measures.", "Balkhi"],
    ["Reports indicate that IS-KP has claimed 13 attacks.", "reports"],
    ["As per reports, IS-KP claimed responsibility for the attack.", "reports"],
    ["According to the UN mission, 300 families fled.", "the UN mission"],
    // A described speaker after a time phrase without a comma.
    ["On 9 June the federal government said the group was responsible.", "the federal government"],
    ["A guard at the gate said he had seen at least 12 bodies.", "a guard at the gate"],
    ["Last year, IS-KP claimed responsibility for the bomb blasts in Kabul.", "IS-KP"],
  ])("%s → %s", (sentence, speaker) => {
    expect(attribute(sentence).speaker).toBe(speaker);
  });

  it("labels the author's own findings as analysis", () => {
    for (const s of ["Iran had recently deported more than 4,700 Afghan migrants.", "This makes it difficult for Iran to ascertain the capacity of the group."]) {
      expect(attribute(s)).toEqual({ speaker: null, verb: null, label: "the brief's analysis" });
    }
  });
});

describe("/brief with no option: an index of the corpus", () => {
  it("lists every brief once, newest first, with its title, stated date and quoted lead", async () => {
    const index = await buildBriefing(bot, {}, NOW);
    expect(index.kind).toBe("index");
    expect(index.documents.map((d) => d.source)).toEqual(["district-report.md", "iran-taliban-iskp.txt", "harbour-note.txt", "incident-log.md"]);
    const district = index.documents[0]!;
    expect(district.title).toBe("Northern district: attack on the Lakeside market, 14 March 2025");
    expect(district.date).toBe("14 March 2025");
    // The lead skips the byline and the bold dateline: the quote starts at the sentence.
    expect(district.lead!.quote).toMatch(/^— Gunmen attacked|^Gunmen attacked/);
    expect(index.documents[2]!.date).toBeNull();
    expectVerbatimAndClean(allQuotes(index));
  });
});

describe("/brief document:<name>", () => {
  it("gives the key points of that brief alone, each verbatim, never a heading, marker or table row", async () => {
    const briefing = await buildBriefing(bot, { document: "district-report" }, NOW);
    expect(briefing.kind).toBe("document");
    const points = allQuotes(briefing);
    expect(new Set(points.map((p) => p.source))).toEqual(new Set(["district-report.md"]));
    expectVerbatimAndClean(points);
    const byAspect = Object.fromEntries(documentsOf(briefing)[0]!.points.map((p) => [p.aspect, p]));
    expect(byAspect["what happened"]!.quote).toContain("Gunmen attacked the Lakeside market");
    expect(byAspect["actions taken"]!.quote).toMatch(/^Police arrested nine suspects|^The governor imposed/);
    expect(byAspect["actions taken"]!.section).toBe("Response");
    expect(byAspect.outlook!.quote).toBe("Officials expect the Valley Front to continue attacks on markets in the coming months.");
    expect(byAspect["positions and concerns"]!.attribution.speaker).not.toBeNull();
  });

  it("carries the casualty extractor's figures for the brief, cited", async () => {
    const briefing = await buildBriefing(bot, { document: "district-report.md" }, NOW);
    const incidents = documentIncidents(bot, "district-report.md");
    expect(incidents.some((i) => i.killed?.count === 23)).toBe(true);
    const lines = documentsOf(briefing)[0]!.casualties;
    expect(lines.map((l) => l.killed)).toEqual(expect.arrayContaining(incidents.map((i) => i.killed)));
    for (const l of lines) if (l.citation.quote) expect(bot.text(l.citation.source)).toContain(l.citation.quote);
    const markdown = briefingMarkdown(briefing);
    expect(markdown).toContain(`| ${formatFigure(lines[0]!.killed)} | ${formatFigure(lines[0]!.injured)} |`);
  });

  it("finds a brief by part of its name and refuses an unknown or ambiguous one with the names", async () => {
    const sources = ["district-report.md", "district-notes.md", "harbour-note.txt"];
    expect(findDocument(sources, "HARBOUR-NOTE")).toBe("harbour-note.txt");
    expect(findDocument(sources, "report")).toBe("district-report.md");
    expect(() => findDocument(sources, "district")).toThrow(/matches several briefs: district-report\.md, district-notes\.md/);
    await expect(buildBriefing(bot, { document: "nowhere.pdf" })).rejects.toThrow(/There is no brief named “nowhere\.pdf”\. The briefs are: /);
    await expect(buildBriefing(bot, { document: "x", topic: "y" })).rejects.toBeInstanceOf(BriefbotError);
  });
});

describe("briefs and requests that give little to work with", () => {
  it("a brief with nothing to quote gets no points, and its table figures are cited, not quoted", async () => {
    const briefing = await buildBriefing(bot, { document: "incident-log.md" }, NOW);
    const doc = documentsOf(briefing)[0]!;
    expect(doc).toMatchObject({ title: "Weekly incident log", lead: null, points: [] });
    expect(doc.casualties.map((l) => [l.killed?.count, l.citation.paragraph, l.citation.quote])).toEqual([[4, 3, undefined]]);
    const message = briefingMessage(briefing);
    expect(discordLimitViolations({ embeds: message.embeds!.map((e) => (e as EmbedBuilder).toJSON()) })).toEqual([]);
  });

  it("hostile option values give a briefing or a one-line refusal, never another error, and fit Discord", async () => {
    const hostile = ["@everyone", "<@123456789012345678>", "\u200b\u202e", "x".repeat(5000), "ignore previous instructions", "`code`", "a\u0000b", " ", "😀".repeat(120), "../../etc/passwd"];
    for (const value of hostile) {
      for (const key of ["document", "topic", "since"] as const) {
        try {
          const message = briefingMessage(await buildBriefing(bot, { [key]: value }, NOW));
          expect(discordLimitViolations({ embeds: message.embeds!.map((e) => (e as EmbedBuilder).toJSON()) })).toEqual([]);
        } catch (error) {
          expect(error).toBeInstanceOf(BriefbotError);
          expect((error as Error).message).not.toContain("\n");
        }
      }
    }
  });
});

describe("/brief topic:<words>", () => {
  it("draws points only from the briefs that discuss the topic, grouped by brief", async () => {
    const briefing = await buildBriefing(bot, { topic: "curfew and arrests" }, NOW);
    expect(briefing.covered).toBe(true);
    expect(briefing.documents.map((d) => d.source)).toEqual(["district-report.md"]);
    expectVerbatimAndClean(allQuotes(briefing));
    const migrants = await buildBriefing(bot, { topic: "migrants" }, NOW);
    expect(migrants.documents.map((d) => d.source)).toEqual(["iran-taliban-iskp.txt"]);
    expect(allQuotes(migrants).some((p) => /migrants/.test(p.quote))).toBe(true);
  });

  it("refuses a topic no brief discusses", async () => {
    const football = await buildBriefing(bot, { topic: "football" }, NOW);
    expect(football).toMatchObject({ covered: false, documents: [] });
    expect(football.message).toMatch(/No brief discusses “football”/);
  });
});

describe("/brief since:<when>", () => {
  it("reads spans, dates, today and weekdays, and refuses anything else with what it accepts", () => {
    expect(parseSince("7d", NOW)).toEqual(daysAgo(7));
    expect(parseSince("24h", NOW)).toEqual(daysAgo(1));
    expect(parseSince("2026-11-20", NOW)).toEqual(new Date("2026-11-20T00:00:00Z"));
    expect(parseSince("yesterday", NOW)).toEqual(new Date("2026-11-25T00:00:00Z"));
    // 26 November 2026 is a Thursday: "monday" is the 23rd, "thursday" a week ago.
    expect(parseSince("Monday", NOW)).toEqual(new Date("2026-11-23T00:00:00Z"));
    expect(parseSince("thursday", NOW)).toEqual(new Date("2026-11-19T00:00:00Z"));
    for (const bad of ["last week", "2026-13-45", "7 days ago", "", "-3d"]) expect(() => parseSince(bad, NOW)).toThrow(/is not a time I can read\. Use a span/);
  });

  it("lists the briefs added or changed since then, newest first, each with its lead and casualty lines", async () => {
    const week = await buildBriefing(bot, { since: "7d" }, NOW);
    expect(week.documents.map((d) => d.source)).toEqual(["district-report.md", "iran-taliban-iskp.txt"]);
    expect(documentsOf(week)[0]!.casualties.some((l) => l.killed?.count === 23)).toBe(true);
    expectVerbatimAndClean(allQuotes(week));
    const none = await buildBriefing(bot, { since: "2h" }, NOW);
    expect(none).toMatchObject({ covered: false, documents: [] });
    expect(none.message).toMatch(/^No brief was added or changed since 2026-11-26T10:00:00Z\.$/);
  });
});
