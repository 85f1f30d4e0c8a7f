import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/bot/config.js";
import { PROJECT_ROOT } from "../src/core/briefbot.js";
import { FakeDiscord, IDS, type RecordedCall } from "./helpers/fake-discord.js";
import { tempDir } from "./helpers/bot.js";

/** The bot exactly as an operator runs it: `npm start`, whose SIGTERM must reach the bot itself. */
function startBot(env: Record<string, string>, scratch: string) {
  const child = spawn("npm", ["start", "--silent"], {
    cwd: PROJECT_ROOT,
    // No developer's .env leaks into the test: dotenv reads a file that does not exist.
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? "/tmp", DOTENV_CONFIG_PATH: join(scratch, "no.env"), DOTENV_CONFIG_QUIET: "true", ...env },
    // Its own process group, so a failed test can stop npm and the bot together.
    detached: true,
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const kill = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  };
  return { child, exited, stderr: () => stderr, kill };
}

describe("configuration", () => {
  it("names every bad variable and never prints the token", () => {
    const attempt = () => loadConfig({ DISCORD_TOKEN: "super-secret-token", DISCORD_APPLICATION_ID: "not-an-id", DISCORD_API_URL: "nope" });
    expect(attempt).toThrow(/DISCORD_APPLICATION_ID must be a Discord id/);
    expect(attempt).toThrow(/DISCORD_API_URL must be a URL/);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).not.toContain("super-secret-token");
    }
    expect(() => loadConfig({ DISCORD_APPLICATION_ID: IDS.app })).toThrow(/DISCORD_TOKEN is required/);
  });
});

describe("npm start process", () => {
  it("exits non-zero with a clear message when the token is missing", async () => {
    const bot = startBot({ DISCORD_APPLICATION_ID: IDS.app }, await tempDir());
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toMatch(/DISCORD_TOKEN is required/);
    expect(bot.stderr()).not.toMatch(/\n\s+at /);
  });

  async function botOnFake(fake: FakeDiscord, extra: Record<string, string> = {}) {
    const cache = await tempDir();
    const bot = startBot(
      { DISCORD_TOKEN: "token-that-must-not-leak", DISCORD_APPLICATION_ID: IDS.app, DISCORD_API_URL: fake.apiUrl, BRIEFBOT_CACHE_DIR: cache, BRIEFBOT_COOLDOWN_SECONDS: "0", ...extra },
      cache,
    );
    return { bot, cache };
  }

  async function waitForLog(bot: ReturnType<typeof startBot>, pattern: RegExp) {
    const deadline = Date.now() + 60_000;
    while (!pattern.test(bot.stderr()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  }

  it("npm start under load: SIGTERM answers every question in flight, then exits 0", async () => {
    const fake = await new FakeDiscord().start();
    const { bot } = await botOnFake(fake);
    try {
      await fake.waitForOp(2, 1, 60_000);
      await waitForLog(bot, /logged in as briefbot/);
      // The first index is built after login; questions before that get "still indexing".
      await waitForLog(bot, /\] ready: \d+ sentences/);
      const burst = Array.from({ length: 40 }, (_, i) =>
        fake.slashCommand("ask", [{ name: "question", type: 3, value: i % 2 ? "Who is Balkhi?" : "How many Afghan migrants did Iran deport?" }], IDS.channel, {
          user: { id: String(400000000000000000n + BigInt(i)), username: `user${i}` },
        }),
      );
      // Every question is acknowledged; then the operator restarts the bot while answers are still queued.
      await Promise.all(burst.map((i) => fake.waitFor((c: RecordedCall) => c.path.startsWith(`/interactions/${i.id}/`))));
      bot.child.kill("SIGTERM");
      expect(await bot.exited).toBe(0);
      const edits = burst.map((i) => fake.calls.find((c) => c.method === "PATCH" && c.path.includes(i.token)));
      expect(edits.filter((e) => !e)).toHaveLength(0);
      for (const edit of edits) expect(edit!.body.embeds[0].description).toMatch(/Balkhi|4,700/);
      expect(bot.stderr()).toMatch(/SIGTERM: finishing answers in progress/);
      expect(bot.stderr()).not.toContain("token-that-must-not-leak");
    } finally {
      bot.kill();
      await fake.stop();
    }
  });

  it("a login Discord refuses with 4014 says to enable the Message Content intent (not the token) and exits non-zero", async () => {
    const fake = await new FakeDiscord().start();
    fake.closeOnIdentify = 4014;
    const { bot } = await botOnFake(fake);
    try {
      expect(await bot.exited).toBe(78);
      expect(bot.stderr()).toMatch(/code 4014: .*Enable the Message Content intent in the developer portal/);
      expect(bot.stderr()).not.toMatch(/Check DISCORD_TOKEN/);
    } finally {
      bot.kill();
      await fake.stop();
    }
  });

  it("a token revoked while running (4004 after READY) is logged with what to do and exits non-zero", async () => {
    const fake = await new FakeDiscord().start();
    const { bot } = await botOnFake(fake);
    try {
      await fake.waitForOp(2, 1, 60_000);
      await waitForLog(bot, /logged in as briefbot/);
      fake.closeGateway(4004, "Authentication failed.");
      expect(await bot.exited).toBe(78);
      expect(bot.stderr()).toMatch(/code 4004: the token was rejected .* DISCORD_TOKEN/);
    } finally {
      bot.kill();
      await fake.stop();
    }
  });

  it("starts and answers with a cache folder it cannot write (index and database in memory, with warnings)", async () => {
    const fake = await new FakeDiscord().start();
    const scratch = await tempDir();
    const blocked = join(scratch, "not-a-folder");
    await writeFile(blocked, "a file where the cache folder should be");
    const { bot } = await botOnFake(fake, { BRIEFBOT_CACHE_DIR: blocked });
    try {
      await fake.waitForOp(2, 1, 60_000);
      await waitForLog(bot, /logged in as briefbot/);
      await waitForLog(bot, /\] ready: \d+ sentences/);
      const interaction = fake.slashCommand("ask", [{ name: "question", type: 3, value: "Who is Balkhi?" }]);
      const edit = await fake.waitFor((c) => c.method === "PATCH" && c.path.includes(interaction.token));
      expect(edit.body.embeds[0].description).toContain("Balkhi");
      expect(bot.stderr()).toMatch(/Could not cache the index .* using it from memory/);
      expect(bot.stderr()).toMatch(/kept in memory only until restart/);
      bot.child.kill("SIGTERM");
      expect(await bot.exited).toBe(0);
    } finally {
      bot.kill();
      await fake.stop();
    }
  });
});
