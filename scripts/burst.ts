/**
 * npm run bench:burst: the bot process (`node scripts/launch.mjs bot` with the Node options `npm start` passes)
 * on the loopback fake Discord, which refuses any acknowledgement later than Discord's 3 seconds
 * (10062). 200 users send /ask within 2 seconds; measured from the fake's side (another process,
 * so the bot's stalls cannot hide themselves): acknowledgement latency p50/p95/max, missed deadlines,
 * answers delivered, "busy" replies, and the time until every user had an answer or a reply, with the work queue and without it
 * (BRIEFBOT_QUEUE=off: every answer starts at once, as before the queue). Prints a Markdown table.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../src/core/briefbot.js";
import { nodeFlagsOf } from "./node-flags.js";
import { FakeDiscord, IDS } from "../test/helpers/fake-discord.js";
import { ANSWERABLE, OFF_TOPIC } from "../test/fixtures/questions.js";

const BURST = Number(process.env.BURST ?? 200);
/** The burst arrives over this window (a real burst is not one instant), so questions keep arriving while answers run. */
const SPREAD_MS = Number(process.env.BURST_SPREAD_MS ?? 2000);
const QUESTIONS = [...ANSWERABLE.map((q) => q.question), ...OFF_TOPIC];

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Request {
  name: string;
  options: { name: string; type: number; value: unknown }[];
  user: number;
}

/** 200 users, one /ask each. */
const askBurst = (i: number): Request => ({ name: "ask", options: [{ name: "question", type: 3, value: QUESTIONS[i % QUESTIONS.length]! }], user: i });
/** One user floods /casualties and /brief (chart rendering included) while 40 others ask; only the others are measured. */
const FLOODER = 9999;
const flood = (i: number): Request => (i % 4 === 3 ? askBurst(i) : { name: i % 2 ? "casualties" : "brief", options: [], user: FLOODER });

interface BurstResult {
  label: string;
  ackP50: number;
  ackP95: number;
  ackMax: number;
  missed: number;
  answered: number;
  busy: number;
  lastAnswerMs: number;
}

async function runBurst(label: string, env: Record<string, string>, make: (i: number) => Request = askBurst): Promise<BurstResult> {
  const fake = await new FakeDiscord().start();
  fake.enforceAckDeadline = true;
  const cache = await mkdtemp(join(tmpdir(), "briefbot-burst-"));
  const bot = spawn(process.execPath, [...nodeFlagsOf("start"), join(PROJECT_ROOT, "scripts/launch.mjs"), "bot"], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH!,
      HOME: process.env.HOME ?? "/tmp",
      DOTENV_CONFIG_PATH: join(cache, "no.env"),
      DOTENV_CONFIG_QUIET: "true",
      DISCORD_TOKEN: "burst-token",
      DISCORD_APPLICATION_ID: IDS.app,
      DISCORD_API_URL: fake.apiUrl,
      BRIEFBOT_CACHE_DIR: cache,
      BRIEFBOT_COOLDOWN_SECONDS: "0",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  bot.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise((resolve) => bot.on("close", resolve));
  try {
    const deadline = Date.now() + 120_000;
    while (!/logged in as/.test(stderr)) {
      if (Date.now() > deadline) throw new Error(`the bot did not log in:\n${stderr}`);
      await sleep(50);
    }
    // Warm up: the first answer pays for lazy initialisation; a burst meets a bot that has answered before.
    const warm = fake.slashCommand("ask", [{ name: "question", type: 3, value: QUESTIONS[0]! }], IDS.channel, { user: { id: "499999999999999999", username: "warmup" } });
    await fake.waitFor((c) => c.method === "PATCH" && c.path.includes(warm.token), 60_000);

    const start = Date.now();
    const sent: { interaction: ReturnType<FakeDiscord["slashCommand"]>; measured: boolean }[] = [];
    for (let i = 0; i < BURST; i++) {
      const due = start + (i * SPREAD_MS) / BURST;
      if (due > Date.now()) await sleep(due - Date.now());
      const request = make(i);
      const interaction = fake.slashCommand(request.name, request.options, IDS.channel, {
        user: { id: String(400000000000000000n + BigInt(request.user)), username: `user${request.user}` },
      });
      sent.push({ interaction, measured: request.user !== FLOODER });
    }
    const everything = sent.map((s) => s.interaction);
    const burst = sent.filter((s) => s.measured).map((s) => s.interaction);
    const settled = (token: string, id: string) => {
      const edit = fake.calls.some((c) => c.method === "PATCH" && c.path.includes(token) && c.status === 200);
      const times = fake.interactionTimes.get(id);
      const reply = fake.calls.find((c) => c.path.startsWith(`/interactions/${id}/`) && c.status === 204);
      return edit || times?.expired || reply?.body?.type === 4;
    };
    const settleBy = Date.now() + 180_000;
    while (!everything.every((i) => settled(i.token, i.id)) && Date.now() < settleBy) await sleep(50);

    const acks = burst.map((i) => fake.interactionTimes.get(i.id)!).map((t) => (t.ackedAt ?? Infinity) - t.sentAt);
    return {
      label,
      ackP50: percentile(acks, 50),
      ackP95: percentile(acks, 95),
      ackMax: Math.max(...acks),
      missed: burst.filter((i) => fake.interactionTimes.get(i.id)!.expired || fake.interactionTimes.get(i.id)!.ackedAt === undefined).length,
      answered: burst.filter((i) => fake.calls.some((c) => c.method === "PATCH" && c.path.includes(i.token) && c.status === 200)).length,
      busy: burst.filter((i) => fake.calls.some((c) => c.path.startsWith(`/interactions/${i.id}/`) && c.status === 204 && c.body?.type === 4)).length,
      lastAnswerMs: Date.now() - start,
    };
  } finally {
    bot.kill("SIGTERM");
    await Promise.race([exited, sleep(30_000)]);
    bot.kill("SIGKILL");
    await fake.stop();
    await rm(cache, { recursive: true, force: true });
  }
}

const runs: [string, Record<string, string>, ((i: number) => Request)?][] = [
  ["no queue (every answer at once)", { BRIEFBOT_QUEUE: "off" }],
  ["queue, defaults (100 waiting, 2 per user)", {}],
  [`queue, ${BURST} waiting allowed`, { BRIEFBOT_QUEUE_MAX: String(BURST) }],
  ["flood, no queue: the other users' /ask", { BRIEFBOT_QUEUE: "off" }, flood],
  ["flood, queue (defaults): the other users' /ask", {}, flood],
];
const results: BurstResult[] = [];
for (const [label, env, make] of runs) {
  results.push(await runBurst(label, env, make));
  console.error(`done: ${label}`);
}
const f = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : "never");
console.log(`Burst of ${BURST} /ask from ${BURST} users within ${SPREAD_MS / 1000} s; ${cpus().length} cores, ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}.\n`);
console.log(`Flood: one user sends ${(BURST * 3) / 4} /casualties and /brief (cooldown off, to test the queue alone) while ${BURST / 4} other users ask.\n`);
console.log("| run | ack p50 | ack p95 | ack max | acks missed (> 3 s) | answered | told busy | all settled after |");
console.log("|---|---|---|---|---|---|---|---|");
for (const r of results) {
  console.log(`| ${r.label} | ${f(r.ackP50)} | ${f(r.ackP95)} | ${f(r.ackMax)} | ${r.missed} | ${r.answered} | ${r.busy} | ${(r.lastAnswerMs / 1000).toFixed(1)} s |`);
}
