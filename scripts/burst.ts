/**
 * npm run bench:burst: the bot process (`node --import tsx src/bot/main.ts`, as `npm start` runs it)
 * on the loopback fake Discord, which refuses any acknowledgement later than Discord's 3 seconds
 * (10062). 200 users send /ask at the same instant; measured from the fake's side (another process,
 * so the bot's stalls cannot hide themselves): acknowledgement latency p50/p95/max, missed deadlines,
 * answers delivered, "busy" replies, and the time until every user had an answer or a reply, with the work queue and without it
 * (BRIEFBOT_QUEUE=off: every answer starts at once, as before the queue). Prints a Markdown table.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../src/core/briefbot.js";
import { FakeDiscord, IDS } from "../test/helpers/fake-discord.js";
import { ANSWERABLE, OFF_TOPIC } from "../test/fixtures/questions.js";

const BURST = Number(process.env.BURST ?? 200);
const QUESTIONS = [...ANSWERABLE.map((q) => q.question), ...OFF_TOPIC];

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

async function runBurst(label: string, env: Record<string, string>): Promise<BurstResult> {
  const fake = await new FakeDiscord().start();
  fake.enforceAckDeadline = true;
  const cache = await mkdtemp(join(tmpdir(), "briefbot-burst-"));
  const bot = spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "src/bot/main.ts")], {
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
    const burst = Array.from({ length: BURST }, (_, i) =>
      fake.slashCommand("ask", [{ name: "question", type: 3, value: QUESTIONS[i % QUESTIONS.length]! }], IDS.channel, {
        user: { id: String(400000000000000000n + BigInt(i)), username: `user${i}` },
      }),
    );
    const settled = (token: string, id: string) => {
      const edit = fake.calls.some((c) => c.method === "PATCH" && c.path.includes(token) && c.status === 200);
      const times = fake.interactionTimes.get(id);
      const reply = fake.calls.find((c) => c.path.startsWith(`/interactions/${id}/`) && c.status === 204);
      return edit || times?.expired || reply?.body?.type === 4;
    };
    const settleBy = Date.now() + 180_000;
    while (!burst.every((i) => settled(i.token, i.id)) && Date.now() < settleBy) await sleep(50);

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

const runs: [string, Record<string, string>][] = [
  ["no queue (every answer at once)", { BRIEFBOT_QUEUE: "off" }],
  ["queue, defaults (100 waiting, 2 per user)", {}],
  [`queue, ${BURST} waiting allowed`, { BRIEFBOT_QUEUE_MAX: String(BURST) }],
];
const results: BurstResult[] = [];
for (const [label, env] of runs) {
  results.push(await runBurst(label, env));
  console.error(`done: ${label}`);
}
const f = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : "never");
console.log(`Burst of ${BURST} /ask from ${BURST} users at once; ${cpus().length} cores, ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}.\n`);
console.log("| run | ack p50 | ack p95 | ack max | acks missed (> 3 s) | answered | told busy | all settled after |");
console.log("|---|---|---|---|---|---|---|---|");
for (const r of results) {
  console.log(`| ${r.label} | ${f(r.ackP50)} | ${f(r.ackP95)} | ${f(r.ackMax)} | ${r.missed} | ${r.answered} | ${r.busy} | ${(r.lastAnswerMs / 1000).toFixed(1)} s |`);
}
