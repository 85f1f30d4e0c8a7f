import { cp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextParts } from "../src/bot/create-context.js";
import { liveContext } from "../src/bot/live-context.js";
import { DEFAULT_CORPUS_DIR } from "../src/core/briefbot.js";
import { EMBED_BATCH } from "../src/core/index/embed-batches.js";
import type { Embedder } from "../src/core/index/embedder.js";
import { LiveCorpus } from "../src/core/live-corpus.js";
import { type FakeDiscord, type RecordedCall, startBotOnFake } from "./helpers/fake-discord.js";
import { realEmbedder, tempDir } from "./helpers/bot.js";

/** The real model, except that the second batch (of EMBED_BATCH sentences) of the first index waits until the test opens the gate. */
function gatedEmbedder(inner: Embedder): { embedder: Embedder; open: () => void } {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  let calls = 0;
  const embedder: Embedder = {
    id: inner.id,
    dimension: inner.dimension,
    async embed(texts) {
      if (++calls === 2) await gate;
      return inner.embed(texts);
    },
  };
  return { embedder, open };
}

let fake: FakeDiscord;
let stopBot: () => Promise<void>;
let live: LiveCorpus;
let corpusDir: string;
let openGate: () => void;
const logs: string[] = [];
const errors: string[] = [];

const edited = (token: string) => (c: RecordedCall) => c.method === "PATCH" && c.path.includes(`/${token}/messages/@original`);
const replied = (id: string) => (c: RecordedCall) => c.method === "POST" && c.path.startsWith(`/interactions/${id}/`);

async function ask(question: string) {
  const interaction = fake.slashCommand("ask", [{ name: "question", type: 3, value: question }]);
  return (await fake.waitFor(edited(interaction.token))).body;
}

/** Waits until the live corpus has swapped `n` more times than `from` (the watcher debounces, then re-indexes). */
async function swapped(from: number, n = 1): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (live.generation < from + n) {
    if (Date.now() > deadline) throw new Error(`no re-index within 30 s; log:\n${logs.join("\n")}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  const dir = await tempDir();
  corpusDir = join(dir, "corpus");
  await cp(DEFAULT_CORPUS_DIR, corpusDir, { recursive: true });
  const gated = gatedEmbedder(await realEmbedder());
  openGate = gated.open;
  live = new LiveCorpus({ corpusDir, cacheDir: join(dir, "cache"), embedder: gated.embedder, log: (m) => logs.push(m), debounceMs: 100 });
  await live.watching();
  const ctx = liveContext(live, contextParts({ cooldownSeconds: 0, log: (m, e) => errors.push(`${m}: ${String(e)}`) }));
  ({ fake, stop: stopBot } = await startBotOnFake(ctx));
});

afterAll(async () => {
  openGate?.();
  await stopBot?.();
  await live?.close();
});

describe("live corpus in the bot (real model, real discord.js, loopback Discord)", () => {
  it("connects before the first index is ready and answers 'still indexing, N %' until it is", async () => {
    expect(live.isReady).toBe(false);
    const early = await ask("Who is Balkhi?");
    const percent = Math.floor((100 * EMBED_BATCH) / 32);
    expect(early.content).toBe(`Still indexing the brief: ${percent} %. Please ask again in a moment.`);
    expect(errors).toEqual([]); // not a failure to log
    openGate();
    await live.ready;
    expect((await ask("Who is Balkhi?")).embeds[0].description).toContain("Balkhi");
    expect(logs).toContain(`first index: embedding ${percent} % (${EMBED_BATCH}/32 new sentences)`);
    expect(logs).toContain("first index: embedding 100 % (32/32 new sentences)");
    expect(logs.some((l) => /^ready: 32 sentences from 1 file\(s\) \(32 embedded now\)$/.test(l))).toBe(true);
  });

  let sourcesButton = "";
  it("answers from a brief added while it runs, embedding only that brief", async () => {
    const before = live.generation;
    await writeFile(join(corpusDir, "update.md"), "Field update\n\nA new checkpoint opened at Islam Qala on the border with Iran.\n\nThe checkpoint closes at dusk.\n");
    await swapped(before);
    expect(logs.at(-1)).toBe("re-indexed (update.md changed on disk): added update.md; 3 sentence(s) embedded, 35 indexed");
    const answer = await ask("Where did a new checkpoint open?");
    expect(answer.embeds[0].description).toContain("> A new checkpoint opened at Islam Qala on the border with Iran.");
    expect(answer.embeds[0].description).toContain("[update.md ¶2]");
    sourcesButton = answer.components[0].components[0].custom_id;
    expect(sourcesButton).toMatch(/^src:[0-9a-f]{6}\.2\.[0-9a-f]{8}$/);
  });

  it("never quotes the old wording once a brief is edited, and an old button says its paragraph changed", async () => {
    const before = live.generation;
    await writeFile(join(corpusDir, "update.md"), "Field update\n\nA new checkpoint opened at Torkham on the border with Pakistan.\n\nThe checkpoint closes at dusk.\n");
    await swapped(before);
    expect(logs.at(-1)).toMatch(/changed update\.md; 1 sentence\(s\) embedded/);
    const answer = await ask("Where did a new checkpoint open?");
    expect(answer.embeds[0].description).toContain("> A new checkpoint opened at Torkham on the border with Pakistan.");
    expect(JSON.stringify(answer)).not.toContain("Islam Qala");

    const click = fake.buttonClick(sourcesButton, { id: "300000000000000009", embeds: [] });
    const reply = (await fake.waitFor(replied(click.id))).body.data;
    expect(reply.content).toBe("⚠️ update.md ¶2 has changed since this answer was given; this is its current text, not the text quoted.");
    expect(reply.embeds[0]).toMatchObject({ title: "update.md ¶2", description: "A new checkpoint opened at Torkham on the border with Pakistan." });
  });

  it("finds a cited paragraph that moved, and says when a cited brief was removed", async () => {
    const fresh = (await ask("Where did a new checkpoint open?")).components[0].components[0].custom_id;
    let before = live.generation;
    await writeFile(join(corpusDir, "update.md"), "Field update\n\nFiled on Monday.\n\nA new checkpoint opened at Torkham on the border with Pakistan.\n\nThe checkpoint closes at dusk.\n");
    await swapped(before);
    let click = fake.buttonClick(fresh, { id: "300000000000000010", embeds: [] });
    let reply = (await fake.waitFor(replied(click.id))).body.data;
    expect(reply.content).toBe("⚠️ update.md ¶2 is now ¶3 (paragraphs before it changed).");
    expect(reply.embeds[0].title).toBe("update.md ¶3");

    before = live.generation;
    await rm(join(corpusDir, "update.md"));
    await swapped(before);
    expect(logs.at(-1)).toMatch(/removed update\.md; 0 sentence\(s\) embedded, 32 indexed/);
    const answer = await ask("Where did a new checkpoint open?");
    expect(JSON.stringify(answer)).not.toContain("update.md");
    click = fake.buttonClick(fresh, { id: "300000000000000011", embeds: [] });
    reply = (await fake.waitFor(replied(click.id))).body.data;
    expect(reply.content).toMatch(/no longer in the brief/);
  });

  it("skips a file it cannot read with a log line naming it, and keeps answering", async () => {
    await writeFile(join(corpusDir, "scan.txt"), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]));
    const deadline = Date.now() + 30_000;
    while (!logs.includes("Skipped scan.txt: not valid UTF-8 text.") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(logs).toContain("Skipped scan.txt: not valid UTF-8 text.");
    expect((await ask("Who is Balkhi?")).embeds[0].description).toContain("Balkhi");
    await rm(join(corpusDir, "scan.txt"));
  });

  it("stops answering when no readable brief is left, and resumes when one comes back", async () => {
    let before = live.generation;
    await rm(join(corpusDir, "iran-taliban-iskp.txt"));
    await swapped(before);
    expect((await ask("Who is Balkhi?")).content).toMatch(/^No brief can be answered from right now: The corpus folder .* has no readable/);
    before = live.generation;
    await cp(join(DEFAULT_CORPUS_DIR, "iran-taliban-iskp.txt"), join(corpusDir, "iran-taliban-iskp.txt"));
    await swapped(before);
    expect((await ask("Who is Balkhi?")).embeds[0].description).toContain("Balkhi");
    expect(errors).toEqual([]);
  });
});
