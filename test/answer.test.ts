import { beforeAll, describe, expect, it } from "vitest";
import type { Briefbot } from "../src/core/briefbot.js";
import { ANSWERABLE, OFF_TOPIC } from "./fixtures/questions.js";
import { openShippedBrief } from "./helpers/bot.js";
import { warmUp } from "../src/core/answer/warm-up.js";

const squash = (s: string) => s.replace(/\s+/g, " ");
let bot: Briefbot;
let corpusText: string;

beforeAll(async () => {
  bot = await openShippedBrief();
  corpusText = squash(bot.corpus.documents.map((d) => d.text).join("\n"));
});

describe("answering from the shipped brief", () => {
  it("answers exactly the same after the bot's warm-up questions", async () => {
    const questions = [...ANSWERABLE.map((q) => q.question), ...OFF_TOPIC];
    const before = [];
    for (const question of questions) before.push(await bot.ask(question));
    await warmUp(bot);
    const after = [];
    for (const question of questions) after.push(await bot.ask(question));
    expect(after).toEqual(before);
  });

  it("answers at least 17 of the 18 tuning questions with the phrase each needs", async () => {
    const missed: string[] = [];
    for (const { question, mustQuote } of ANSWERABLE) {
      const answer = await bot.ask(question);
      if (!answer.answered || !answer.citations.some((c) => c.quote.includes(mustQuote))) missed.push(question);
    }
    expect(missed.length, `missed: ${missed.join(" | ")}`).toBeLessThanOrEqual(1);
  });

  it("takes the first quote from the expected paragraph for at least 15 of the 18 questions", async () => {
    let right = 0;
    for (const { question, paragraph, mustQuote } of ANSWERABLE) {
      const first = (await bot.ask(question)).citations[0];
      if (first?.paragraph === paragraph && first.quote.includes(mustQuote)) right++;
    }
    // 18/18 with the single-brief heuristics of 0.1; three open questions ("How did the Taliban respond…")
    // now take a neighbouring sentence first. The dev-set suite holds the general floor.
    expect(right).toBeGreaterThanOrEqual(15);
  });

  it("refuses at least 10 of the 12 off-topic questions, saying what is missing and printing no figure", async () => {
    let refused = 0;
    for (const question of OFF_TOPIC) {
      const answer = await bot.ask(question);
      if (answer.answered) continue;
      refused++;
      expect(answer.citations).toEqual([]);
      expect(answer.answer).toMatch(/briefs do not (?:cover|give)|briefs discuss .* but do not/);
      // A refusal quotes nothing, so it may print no figure at all.
      expect(answer.answer).not.toMatch(/\d/);
    }
    expect(refused).toBeGreaterThanOrEqual(10);
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
    const alone = await bot.ask("and how many people died there?");
    const followUp = await bot.ask("and how many people died there?", { history: ["What happened at the Russian embassy?"] });
    expect(followUp.answered).toBe(true);
    expect(followUp.citations).toHaveLength(1);
    expect(followUp.citations[0]!.quote).toContain("Russian embassy");
    expect(alone.citations.length === 1 && alone.citations[0]!.quote.includes("Russian embassy")).toBe(false);
    const school = await bot.ask("and how many were injured there?", { history: ["What happened at Abdul Rahim Shahid High School?"] });
    expect(school.citations[0]!.quote).toContain("injured 20");
    // A new, self-contained question in the same conversation is answered on its own.
    const fresh = await bot.ask("How many Afghan migrants did Iran deport?", { history: ["What happened at Seh Dokan?"] });
    expect(fresh.citations[0]!.quote).toContain("4,700");
  });

  it("rejects bad questions with a clear message", async () => {
    await expect(bot.ask("")).rejects.toThrow(/empty/);
    await expect(bot.ask("x".repeat(10_000))).rejects.toThrow(/10000 characters/);
    await expect(bot.ask("what\u0000happened")).rejects.toThrow(/control characters/);
    await expect(bot.ask("\u200b\u200b")).rejects.toThrow(/empty/);
  });
});
