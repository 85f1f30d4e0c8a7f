import { beforeAll, describe, expect, it } from "vitest";
import type { Briefbot } from "../src/core/briefbot.js";
import { ANSWERABLE, OFF_TOPIC } from "./fixtures/questions.js";
import { openShippedBrief } from "./helpers/bot.js";

const squash = (s: string) => s.replace(/\s+/g, " ");
let bot: Briefbot;
let corpusText: string;

beforeAll(async () => {
  bot = await openShippedBrief();
  corpusText = squash(bot.corpus.documents.map((d) => d.text).join("\n"));
});

describe("answering from the shipped brief", () => {
  it.each(ANSWERABLE)("answers %# “$question” from ¶$paragraph", async ({ question, paragraph, mustQuote }) => {
    const answer = await bot.ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations[0]!.paragraph).toBe(paragraph);
    expect(answer.citations[0]!.quote).toContain(mustQuote);
  });

  it.each(OFF_TOPIC)("refuses the off-topic question “%s”", async (question) => {
    const answer = await bot.ask(question);
    expect(answer.answered).toBe(false);
    expect(answer.citations).toEqual([]);
    expect(answer.answer).toMatch(/briefs do not (?:cover|give)|briefs discuss .* but do not/);
    // A refusal quotes nothing, so it may print no figure at all.
    expect(answer.answer).not.toMatch(/\d/);
  });

  it("quotes only exact slices of the corpus, and every figure it prints is inside a quote", async () => {
    for (const { question } of ANSWERABLE) {
      const answer = await bot.ask(question);
      for (const c of answer.citations) {
        const doc = bot.corpus.documents.find((d) => d.source === c.source)!;
        expect(doc.text.slice(c.start, c.end)).toBe(c.quote);
        expect(corpusText).toContain(squash(c.quote));
        expect(c.score).toBeGreaterThan(0);
      }
      const withoutCitations = answer.answer.replace(/\[[^\]]+ ¶\d+\]/g, "");
      const quotes = answer.citations.map((c) => c.quote).join(" ");
      for (const figure of withoutCitations.match(/\d[\d,.]*/g) ?? []) expect(quotes).toContain(figure);
    }
  });

  it("uses the earlier question of a conversation for a follow-up", async () => {
    const alone = await bot.ask("and how many were injured there?");
    const followUp = await bot.ask("and how many were injured there?", { history: ["What happened at Abdul Rahim Shahid High School?"] });
    expect(followUp.answered).toBe(true);
    expect(followUp.citations[0]!.quote).toContain("injured 20");
    expect(alone.citations[0]?.quote ?? "").not.toBe(followUp.citations[0]!.quote);
    // A new, self-contained question in the same conversation is answered on its own.
    const fresh = await bot.ask("How many Afghan migrants did Iran deport?", { history: ["What happened at Seh Dokan?"] });
    expect(fresh.citations[0]!.quote).toContain("4,700");
    expect(fresh.citations).toHaveLength(1);
  });

  it("rejects bad questions with a clear message", async () => {
    await expect(bot.ask("")).rejects.toThrow(/empty/);
    await expect(bot.ask("x".repeat(10_000))).rejects.toThrow(/10000 characters/);
    await expect(bot.ask("what\u0000happened")).rejects.toThrow(/control characters/);
    await expect(bot.ask("\u200b\u200b")).rejects.toThrow(/empty/);
  });
});
