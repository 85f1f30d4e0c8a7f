import { beforeAll, describe, expect, it } from "vitest";
import { attribute } from "../src/core/answer/attribution.js";
import type { Briefbot } from "../src/core/briefbot.js";
import { buildBriefing } from "../src/core/extract/briefing.js";
import { openShippedBrief } from "./helpers/bot.js";

let bot: Briefbot;
beforeAll(async () => {
  bot = await openShippedBrief();
});

describe("claim attribution", () => {
  it.each([
    ["Recently, Iran’s Foreign Minister Hossein Amir-Abdollahian claimed that ISIS fighters had been moved.", "Iran’s Foreign Minister Hossein Amir-Abdollahian"],
    ["The Taliban rejected the claim and asserted that it remains committed.", "The Taliban"],
    ["Abdul Qahar Balkhi, the Taliban’s spokesman at the Ministry of Foreign Affairs, stated on Twitter, “We hope.”", "Abdul Qahar Balkhi"],
    ["Balkhi urged Iran to take constructive measures.", "Balkhi"],
    ["Reports indicate that IS-KP has claimed 13 attacks.", "reports"],
    ["As per reports, IS-KP claimed responsibility for the attack.", "reports"],
    ["According to the UN mission, 300 families fled.", "the UN mission"],
    ["Last year, IS-KP claimed responsibility for the bomb blasts in Kabul.", "IS-KP"],
  ])("%s → %s", (sentence, speaker) => {
    expect(attribute(sentence).speaker).toBe(speaker);
  });

  it("labels the author's own findings as analysis", () => {
    for (const s of ["Iran had recently deported more than 4,700 Afghan migrants.", "This makes it difficult for Iran to ascertain the capacity of the group."]) {
      expect(attribute(s)).toEqual({ speaker: null, verb: null, label: "the brief's analysis" });
    }
  });

  it("answers show the label beside each quote", async () => {
    const answer = await bot.ask("How did the Taliban respond to the claim?");
    expect(answer.citations[0]!.attribution.speaker).toBe("The Taliban");
    expect(answer.answer).toMatch(/^The Taliban \(rejected\): “The Taliban rejected the claim/);
  });
});

describe("/brief key points", () => {
  it("draws each point verbatim from the brief, one per aspect, no sentence twice", async () => {
    const briefing = await buildBriefing(bot);
    expect(briefing.covered).toBe(true);
    expect(briefing.points.map((p) => p.aspect)).toEqual(["main dispute", "actors", "stated concerns", "actions taken", "outlook"]);
    const text = bot.corpus.documents[0]!.text;
    for (const p of briefing.points) expect(text).toContain(p.quote);
    expect(new Set(briefing.points.map((p) => p.quote)).size).toBe(briefing.points.length);
    expect(briefing.points.find((p) => p.aspect === "outlook")!.quote).toMatch(/will continue/);
    expect(briefing.points.find((p) => p.aspect === "actions taken")!.quote).toMatch(/raids|arrested|intensified/);
  });

  it("keeps to a topic and refuses one the brief never mentions", async () => {
    const refugees = await buildBriefing(bot, "refugees");
    expect(refugees.covered).toBe(true);
    expect(refugees.points.some((p) => /refugee|migrants|displacements/.test(p.quote))).toBe(true);
    const football = await buildBriefing(bot, "football");
    expect(football).toMatchObject({ covered: false, points: [] });
    expect(football.message).toMatch(/never mentions “football”/);
  });
});
