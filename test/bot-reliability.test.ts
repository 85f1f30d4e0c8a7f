import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningBot } from "../src/bot/bot.js";
import { COMMANDS } from "../src/bot/commands/index.js";
import type { BotContext } from "../src/bot/context.js";
import { Cooldown } from "../src/bot/cooldown.js";
import { openDatabase } from "../src/bot/storage/database.js";
import { SqliteFeedback } from "../src/bot/storage/feedback-store.js";
import { WorkQueue } from "../src/bot/work-queue.js";
import type { Briefbot } from "../src/core/briefbot.js";
import { type FakeDiscord, IDS, nextId, type RecordedCall, startBotOnFake, testContext } from "./helpers/fake-discord.js";
import { openShippedBrief } from "./helpers/bot.js";

const callback = (id: string) => (c: RecordedCall) => c.method === "POST" && c.path.startsWith(`/interactions/${id}/`);
const original = (token: string) => (c: RecordedCall) => c.method === "PATCH" && c.path.includes(`/${token}/messages/@original`);
const ask = (question: string) => [{ name: "question", type: 3, value: question }];
const user = (n: number) => ({ id: String(400000000000000000n + BigInt(n)), username: `user${n}` });

let briefbot: Briefbot;
let fake: FakeDiscord;
let ctx: BotContext;
let stopBot: () => Promise<void>;
let running: RunningBot;
const errors: string[] = [];
const fatal: { message: string; code: number }[] = [];

beforeAll(async () => {
  briefbot = await openShippedBrief();
  ctx = testContext(briefbot, errors);
  ({ fake, running, stop: stopBot } = await startBotOnFake(ctx, { onFatalClose: (message, code) => fatal.push({ message, code }) }));
});

afterAll(async () => {
  await stopBot?.();
});

describe("work queue", () => {
  it("runs jobs one at a time, in order, and lets the event loop run between them", async () => {
    const queue = new WorkQueue({ maxPending: 10, maxPerUser: 10 });
    const events: string[] = [];
    const jobs = [1, 2, 3].map((n) => {
      const admission = queue.admit("u");
      if (!admission.ok) throw new Error("refused");
      return admission.slot.run(() => {
        events.push(`start ${n}`);
        // Something that became ready during this job (an incoming ack) must run before the next job.
        setImmediate(() => events.push(`io after ${n}`));
        events.push(`end ${n}`);
        return n;
      });
    });
    expect(await Promise.all(jobs)).toEqual([1, 2, 3]);
    expect(events).toEqual(["start 1", "end 1", "io after 1", "start 2", "end 2", "io after 2", "start 3", "end 3", "io after 3"]);
    expect(queue.size).toBe(0);
  });

  it("refuses past the per-user and the global limit with a retry estimate, and frees places when jobs end", async () => {
    const queue = new WorkQueue({ maxPending: 3, maxPerUser: 2 });
    const a1 = queue.admit("a");
    const a2 = queue.admit("a");
    const a3 = queue.admit("a");
    expect(a1.ok && a2.ok).toBe(true);
    expect(a3).toMatchObject({ ok: false, reason: "user" });
    const b1 = queue.admit("b");
    const c1 = queue.admit("c");
    expect(b1.ok).toBe(true);
    expect(c1).toMatchObject({ ok: false, reason: "busy", retryAfterSeconds: expect.any(Number) });
    if (!c1.ok) expect(c1.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    if (a1.ok) await a1.slot.run(() => "done");
    if (a2.ok) a2.slot.cancel();
    expect(queue.admit("c").ok).toBe(true);
    queue.close();
    expect(queue.admit("d")).toMatchObject({ ok: false });
  });

  it("acknowledges every interaction of a burst while the queue is held, then answers them all", async () => {
    // Hold the queue with a job that waits for us: acks must not wait for it.
    let release!: () => void;
    const blocker = ctx.queue.admit("blocker");
    if (!blocker.ok) throw new Error("refused");
    const held = blocker.slot.run(() => new Promise<void>((resolve) => (release = resolve)));
    const burst = Array.from({ length: 12 }, (_, i) => fake.slashCommand("ask", ask("How many Afghan migrants did Iran deport?"), IDS.channel, { user: user(i) }));
    const acks = await Promise.all(burst.map((interaction) => fake.waitFor(callback(interaction.id))));
    expect(acks.map((a) => a.body.type)).toEqual(Array(12).fill(5));
    expect(fake.calls.filter((c) => burst.some((i) => original(i.token)(c)))).toHaveLength(0);
    release();
    await held;
    const edits = await Promise.all(burst.map((interaction) => fake.waitFor(original(interaction.token))));
    for (const edit of edits) expect(edit.body.embeds[0].description).toContain("4,700");
  });

  it("a full queue answers at once, privately, with when to try again", async () => {
    const saved = ctx.queue;
    ctx.queue = new WorkQueue({ maxPending: 2, maxPerUser: 1 });
    ctx.cooldown = new Cooldown(60);
    try {
      // A held job takes one of the two places, so exactly one of the burst fits.
      let release!: () => void;
      const blocker = ctx.queue.admit("blocker");
      if (!blocker.ok) throw new Error("refused");
      const held = blocker.slot.run(() => new Promise<void>((resolve) => (release = resolve)));
      const burst = Array.from({ length: 6 }, (_, i) => fake.slashCommand("casualties", [], IDS.channel, { user: user(100 + i) }));
      const acks = await Promise.all(burst.map((interaction) => fake.waitFor(callback(interaction.id))));
      release();
      await held;
      const busy = acks.filter((a) => a.body.type === 4);
      expect(busy).toHaveLength(5);
      for (const reply of busy) expect(reply.body.data).toMatchObject({ flags: 64, content: expect.stringMatching(/busy .* try again in \d+ s/) });
      const deferred = burst.filter((_, i) => acks[i]!.body.type === 5);
      expect(deferred).toHaveLength(1);
      for (const interaction of deferred) expect((await fake.waitFor(original(interaction.token))).body.embeds[0].title).toBe("Casualties stated in the brief");
      // Told to try again, a user who does is served: the refused request did not use up their cooldown.
      const refusedUser = burst.findIndex((_, i) => acks[i]!.body.type === 4);
      const retry = fake.slashCommand("casualties", [], IDS.channel, { user: user(100 + refusedUser) });
      expect((await fake.waitFor(callback(retry.id))).body.type).toBe(5);
      await fake.waitFor(original(retry.token));
    } finally {
      ctx.queue = saved;
      ctx.cooldown = new Cooldown(0);
    }
  });

  it("every command has a per-user cooldown, not only /ask", async () => {
    ctx.cooldown = new Cooldown(60);
    try {
      for (const [name, options] of [
        ["casualties", []],
        ["brief", []],
        ["source", [{ name: "paragraph", type: 4, value: 2 }]],
      ] as const) {
        const first = fake.slashCommand(name, [...options], IDS.channel, { user: user(200) });
        await fake.waitFor(callback(first.id));
        const second = fake.slashCommand(name, [...options], IDS.channel, { user: user(200) });
        const reply = await fake.waitFor(callback(second.id));
        expect(reply.body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(new RegExp(`Please wait \\d+ s before using /${name}`)) } });
      }
    } finally {
      ctx.cooldown = new Cooldown(0);
    }
  });
});

describe("retries after Discord did the work", () => {
  it("a 429 on the answer is waited out and the answer lands", async () => {
    fake.fail((c) => c.method === "PATCH" && c.path.endsWith("/messages/@original"), { status: 429, retryAfter: 0.05 });
    const interaction = fake.slashCommand("ask", ask("Who is Balkhi?"));
    const edit = await fake.waitFor((c) => original(interaction.token)(c) && c.status === 200);
    expect(edit.body.embeds[0].description).toContain("Balkhi");
  });

  it("an acknowledgement Discord already has (502 then 40060) goes on to the answer", async () => {
    fake.fail((c) => c.path.includes("/callback"), { status: 502, afterWork: true });
    const interaction = fake.slashCommand("ask", ask("How many people were killed at the Seh Dokan Mosque?"));
    const edit = await fake.waitFor(original(interaction.token));
    expect(edit.body.embeds[0].description).toContain("at least 31 people");
    const acks = fake.calls.filter(callback(interaction.id));
    expect(acks.map((c) => c.status)).toEqual([502, 400]);
    expect(acks[1]!.response.code).toBe(40060);
  });

  it("a message retried after a 502 is posted once (nonce + enforce_nonce), and a thread retried after a 502 (160004) is reused", async () => {
    fake.fail((c) => c.method === "POST" && /\/messages\/\d+\/threads$/.test(c.path), { status: 502, afterWork: true });
    fake.fail((c) => c.method === "POST" && /^\/channels\/\d+\/messages$/.test(c.path) && c.path !== `/channels/${IDS.channel}/messages`, { status: 502, afterWork: true });
    const message = fake.userMessage(`<@${IDS.bot}> How many Afghan migrants did Iran deport?`, IDS.channel, true, { user: user(300) });
    const threadId = message.id; // a thread opened from a message has the message's id
    const posted = await fake.waitFor((c) => c.method === "POST" && c.path === `/channels/${threadId}/messages` && c.status === 200);
    expect(posted.body.embeds[0].description).toContain("4,700");
    const threadCalls = fake.calls.filter((c) => c.path === `/channels/${IDS.channel}/messages/${message.id}/threads`);
    expect(threadCalls.map((c) => c.status)).toEqual([502, 400]);
    const sends = fake.calls.filter((c) => c.method === "POST" && c.path === `/channels/${threadId}/messages`);
    expect(sends.map((c) => c.status)).toEqual([502, 200]);
    expect(sends[0]!.body.nonce).toBeTruthy();
    expect(sends[0]!.body).toMatchObject({ nonce: sends[1]!.body.nonce, enforce_nonce: true });
    expect(new Set(sends.map((c) => c.response.id)).size).toBe(1);
    expect(ctx.conversations.history(threadId)).toEqual(["How many Afghan migrants did Iran deport?"]);
  });

  it("a first-try 500 is retried (nothing was done) and the answer lands once", async () => {
    fake.fail((c) => c.method === "PATCH" && c.path.endsWith("/messages/@original"), { status: 500 });
    const interaction = fake.slashCommand("ask", ask("Who is Balkhi?"), IDS.channel, { user: user(301) });
    await fake.waitFor((c) => original(interaction.token)(c) && c.status === 200);
    expect(fake.calls.filter(original(interaction.token)).map((c) => c.status)).toEqual([500, 200]);
  });
});

describe("mentions", () => {
  it("a question that cannot be asked is explained in place, before any thread is opened", async () => {
    const message = fake.userMessage(`<@${IDS.bot}> what about \u0007 the bell?`, IDS.channel, true, { user: user(700) });
    const reply = await fake.waitFor((c) => c.body?.message_reference?.message_id === message.id);
    expect(reply.body.content).toMatch(/control characters/);
    expect(fake.calls.some((c) => c.path.includes(`/messages/${message.id}/threads`))).toBe(false);
  });
});

describe("access control", () => {
  const allowed = "100000000000000003";
  const other = "100000000000000099";
  const role = IDS.role;

  it("commands are guild-only and need Send Messages by default", () => {
    for (const command of COMMANDS) {
      expect(command.data.contexts).toEqual([0]);
      expect(command.data.integration_types).toEqual([0]);
      expect(command.data.default_member_permissions).toBe("2048");
    }
  });

  it("refuses DMs, guilds outside DISCORD_GUILD_IDS and members without the required role; serves the rest", async () => {
    const saved = ctx.access;
    ctx.access = { guildIds: new Set([allowed]), requiredRoleId: role };
    try {
      const cases = [
        { origin: { guildId: null, user: user(400) }, expected: /not in direct messages/ },
        { origin: { guildId: other, user: user(401), roles: [role] }, expected: /not enabled for briefbot/ },
        { origin: { user: user(402), roles: [] }, expected: /need the briefing role/ },
      ];
      for (const { origin, expected } of cases) {
        const interaction = fake.slashCommand("ask", ask("Who is Balkhi?"), IDS.channel, origin);
        const reply = await fake.waitFor(callback(interaction.id));
        expect(reply.body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(expected) } });
      }
      const source = fake.slashCommand("source", [{ name: "paragraph", type: 4, value: 2 }], IDS.channel, { guildId: other, user: user(403) });
      expect((await fake.waitFor(callback(source.id))).body.data.content).toMatch(/not enabled/);
      const mention = fake.userMessage(`<@${IDS.bot}> Who is Balkhi?`, IDS.channel, true, { guildId: other, user: user(404), roles: [role] });
      const refused = await fake.waitFor((c) => c.body?.message_reference?.message_id === mention.id);
      expect(refused.body.content).toMatch(/not enabled/);
      expect(fake.calls.some((c) => c.path.includes(`/messages/${mention.id}/threads`))).toBe(false);

      const member = fake.slashCommand("ask", ask("Who is Balkhi?"), IDS.channel, { user: user(405), roles: [role] });
      expect((await fake.waitFor(original(member.token))).body.embeds[0].description).toContain("Balkhi");
    } finally {
      ctx.access = saved;
    }
  });

  it("/digest is private by default, and public only for the one who asked every question in the thread", async () => {
    const asker = user(410);
    const message = fake.userMessage(`<@${IDS.bot}> Who is Balkhi?`, IDS.channel, true, { user: asker });
    await fake.waitFor((c) => c.method === "POST" && c.path === `/channels/${message.id}/messages`);
    const threadId = message.id;

    const mine = fake.slashCommand("digest", [], threadId, { user: asker });
    expect((await fake.waitFor(callback(mine.id))).body.data.flags & 64).toBe(64);
    const minePublic = fake.slashCommand("digest", [{ name: "public", type: 5, value: true }], threadId, { user: asker });
    const posted = await fake.waitFor(callback(minePublic.id));
    expect(posted.body.data.flags ?? 0).toBe(0);
    expect(posted.files[0]!.data.toString()).toContain("Who is Balkhi?");

    const someoneElse = fake.slashCommand("digest", [{ name: "public", type: 5, value: true }], threadId, { user: user(411) });
    const refused = await fake.waitFor(callback(someoneElse.id));
    expect(refused.body.data.flags & 64).toBe(64);
    expect(refused.body.data.content).toMatch(/Sent only to you/);
  });
});

describe("storage faults", () => {
  it("a vote the database cannot store (disk full) is reported as not saved; a repeated vote counts once", async () => {
    const db = openDatabase(":memory:", () => {})!;
    const saved = ctx.feedback;
    ctx.feedback = new SqliteFeedback(db, ctx.log);
    try {
      const answer = { id: nextId(), embeds: [{ title: "Who is Balkhi?" }] };
      const clicks = ["fb:up", "fb:up", "fb:down"].map((id) => fake.buttonClick(id, answer, { user: user(500) }));
      const replies: string[] = [];
      for (const click of clicks) replies.push((await fake.waitFor(callback(click.id))).body.data.content);
      expect(replies[0]).toMatch(/feedback was recorded/);
      expect(replies[1]).toMatch(/counts once/);
      expect(replies[2]).toMatch(/vote on this answer was changed/);
      expect(ctx.feedback.votes()).toEqual([expect.objectContaining({ user: user(500).id, vote: "down", question: "Who is Balkhi?" })]);

      // SQLite's own "database or disk is full": the file may not grow by a single page.
      db.pragma(`max_page_count = ${db.pragma("page_count", { simple: true })}`);
      const full = Array.from({ length: 40 }, (_, i) => fake.buttonClick("fb:up", { id: nextId(), embeds: [{ title: "x".repeat(200) }] }, { user: user(600 + i) }));
      const answers = await Promise.all(full.map((click) => fake.waitFor(callback(click.id))));
      expect(answers.some((a) => /could not be saved/.test(a.body.data.content))).toBe(true);
      expect(errors.splice(0).some((e) => /could not save the up vote/.test(e) && /full/.test(e))).toBe(true);
    } finally {
      ctx.feedback = saved;
    }
  });
});

describe("shutdown", () => {
  it("draining finishes acknowledged work and tells newcomers the bot is restarting", async () => {
    let release!: () => void;
    const blocker = ctx.queue.admit("blocker");
    if (!blocker.ok) throw new Error("refused");
    const held = blocker.slot.run(() => new Promise<void>((resolve) => (release = resolve)));
    const before = fake.slashCommand("ask", ask("Who is Balkhi?"), IDS.channel, { user: user(800) });
    expect((await fake.waitFor(callback(before.id))).body.type).toBe(5);
    const drained = running.drain(30_000);
    const after = fake.slashCommand("ask", ask("Who is Balkhi?"), IDS.channel, { user: user(801) });
    expect((await fake.waitFor(callback(after.id))).body.data.content).toMatch(/restarting; please try again/);
    release();
    await held;
    expect(await drained).toBe(true);
    expect((await fake.waitFor(original(before.token))).body.embeds[0].description).toContain("Balkhi");
  });
});

describe("gateway close codes", () => {
  it("a fatal close after READY (4014, intent not enabled) is reported with what to do", async () => {
    fake.closeGateway(4014, "Disallowed intent(s).");
    const deadline = Date.now() + 10_000;
    while (fatal.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(fatal).toEqual([{ code: 4014, message: expect.stringMatching(/4014.*Enable the Message Content intent in the developer portal/) }]);
  });

  it("no handler threw and every payload kept Discord's limits", () => {
    expect(errors).toEqual([]);
    expect(fake.limitViolations()).toEqual([]);
  });
});
