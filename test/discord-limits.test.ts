import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clamp } from "../src/bot/render.js";
import { Briefbot } from "../src/core/briefbot.js";
import { type FakeDiscord, IDS, type RecordedCall, startBotOnFake, testContext } from "./helpers/fake-discord.js";
import { realEmbedder, tempDir } from "./helpers/bot.js";

describe("clamp", () => {
  it("never splits a surrogate pair, drops NUL and control characters, and marks the cut", () => {
    const emoji = "😀".repeat(10); // 20 UTF-16 units
    for (let max = 1; max <= 21; max++) {
      const out = clamp(emoji, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect(clamp("a\u0000b\u0007c\nd", 100)).toBe("abc\nd");
    expect(clamp("abcdef", 4)).toBe("abc…");
  });
});

// A brief built to break every limit: a 254-character file name, 62 files, a claimant of 1,500
// characters, a paragraph longer than an embed, emoji on the cut points, a NUL byte.
const LONG_NAME = `${"operational-assessment-".repeat(11).slice(0, 250)}.txt`;
const CLAIMANT = Array.from({ length: 180 }, (_, i) => `Brigade${String.fromCharCode(65 + (i % 26))}`).join(" ");

let fake: FakeDiscord;
let stopBot: () => Promise<void>;
const errors: string[] = [];
const original = (token: string) => (c: RecordedCall) => c.method === "PATCH" && c.path.includes(`/${token}/messages/@original`);
const callback = (id: string) => (c: RecordedCall) => c.method === "POST" && c.path.startsWith(`/interactions/${id}/`);

beforeAll(async () => {
  expect(LONG_NAME.length).toBe(254);
  const root = await tempDir();
  const corpus = join(root, "corpus");
  await mkdir(corpus);
  await writeFile(
    join(corpus, LONG_NAME),
    [
      "Operational assessment of the northern corridor",
      `${CLAIMANT} claimed responsibility for the bombing at the Kandahar grain market that killed 12 people and injured 40 others last week.`,
      `The convoy ambush near Herat killed 9 soldiers, according to officials. ${"Supply lines 😀 remain contested across the valley. ".repeat(120)}`,
      "The spokesman said the \u0000 checkpoint at Spin Boldak was reopened to traffic.",
    ].join("\n\n"),
  );
  for (let i = 1; i <= 61; i++) {
    await writeFile(join(corpus, `field-report-${String(i).padStart(2, "0")}.md`), `Field report ${i}\n\nPatrol ${i} observed ${i + 2} trucks crossing the river at dawn.\n`);
  }
  const briefbot = await Briefbot.open({ corpusDir: corpus, cacheDir: join(root, "cache"), embedder: await realEmbedder() });
  expect(briefbot.corpus.documents).toHaveLength(62);
  ({ fake, stop: stopBot } = await startBotOnFake(testContext(briefbot, errors)));
});

afterAll(async () => {
  await stopBot?.();
});

describe("adversarial briefs on Discord", () => {
  it("every command answers, and no payload breaks a Discord limit", async () => {
    const replies: RecordedCall[] = [];
    const slash = async (name: string, options: { name: string; type: number; value: unknown }[], deferred: boolean) => {
      const interaction = fake.slashCommand(name, options);
      replies.push(await fake.waitFor(deferred ? original(interaction.token) : callback(interaction.id)));
    };
    await slash("source", [{ name: "paragraph", type: 4, value: 99 }], false);
    expect(replies.at(-1)!.body.data.content).toMatch(/and 52 more\.$/);
    await slash("source", [{ name: "paragraph", type: 4, value: 3 }, { name: "file", type: 3, value: LONG_NAME.slice(0, 200) }], false);
    await slash("source", [{ name: "paragraph", type: 4, value: 3 }], false);
    await slash("ask", [{ name: "question", type: 3, value: "Who claimed responsibility for the bombing at the Kandahar grain market?" }], true);
    expect(replies.at(-1)!.body.embeds[0].description).toContain("BrigadeA");
    await slash("ask", [{ name: "question", type: 3, value: "Are supply lines in the valley contested?" }], true);
    await slash("ask", [{ name: "question", type: 3, value: `${"😀".repeat(127)}x what about the checkpoint at Spin Boldak?` }], true);
    await slash("casualties", [], true);
    const casualties = replies.at(-1)!;
    expect(casualties.body.embeds[0].fields.some((f: { value: string }) => /Killed \*\*12\*\*/.test(f.value))).toBe(true);
    await slash("brief", [], true);
    // 62 briefs do not fit one embed: the index is shortened and the whole of it attached.
    expect(replies.at(-1)!.files.map((f) => f.name)).toEqual(["briefing.md"]);
    expect(replies.at(-1)!.files[0]!.data.toString()).toContain("Patrol 61 observed 63 trucks crossing the river at dawn.");
    await slash("brief", [{ name: "document", type: 3, value: LONG_NAME.slice(0, 200) }], true);
    await slash("brief", [{ name: "topic", type: 3, value: "trucks crossing the river" }], true);
    await slash("brief", [{ name: "since", type: 3, value: "1d" }], true);

    const answer = replies[3]!.body;
    const sourcesId = answer.components[0].components[0].custom_id as string;
    const click = fake.buttonClick(sourcesId, { id: "300000000000000009", embeds: answer.embeds });
    replies.push(await fake.waitFor(callback(click.id)));

    const mention = fake.userMessage(`<@${IDS.bot}> ${"😀".repeat(49)}x how many trucks did patrol 7 observe crossing the river?`);
    const thread = await fake.waitFor((c) => c.path === `/channels/${IDS.channel}/messages/${mention.id}/threads`);
    await fake.waitFor((c) => c.method === "POST" && c.path === `/channels/${thread.response.id}/messages`);

    expect(fake.limitViolations()).toEqual([]);
    expect(fake.calls.filter((c) => (c.status ?? 200) >= 400)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
