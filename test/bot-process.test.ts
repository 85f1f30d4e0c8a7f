import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/bot/config.js";
import { PROJECT_ROOT } from "../src/core/briefbot.js";
import { FakeDiscord, IDS } from "./helpers/fake-discord.js";
import { tempDir } from "./helpers/bot.js";

function startBot(env: Record<string, string>, cwd: string) {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"), join(PROJECT_ROOT, "src/bot/main.ts")], {
    cwd,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? "/tmp", ...env },
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  return { child, exited, stderr: () => stderr };
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

  it("connects to Discord (here the loopback fake), then drains and disconnects on SIGTERM", async () => {
    const fake = await new FakeDiscord().start();
    const cache = await tempDir();
    const bot = startBot(
      { DISCORD_TOKEN: "token-that-must-not-leak", DISCORD_APPLICATION_ID: IDS.app, DISCORD_API_URL: fake.apiUrl, BRIEFBOT_CACHE_DIR: cache, BRIEFBOT_FEEDBACK_LOG: join(cache, "fb.jsonl") },
      await tempDir(),
    );
    try {
      await fake.waitForOp(2, 1, 60_000);
      const deadline = Date.now() + 30_000;
      // It logs in at once and logs "ready" when the first index is built (questions before that get "still indexing").
      while (!(/logged in as briefbot/.test(bot.stderr()) && /\] ready: \d+ sentences/.test(bot.stderr())) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const interaction = fake.slashCommand("ask", [{ name: "question", type: 3, value: "Who is Balkhi?" }]);
      const edit = await fake.waitFor((c) => c.method === "PATCH" && c.path.includes(interaction.token));
      expect(edit.body.embeds[0].description).toContain("Balkhi");
      bot.child.kill("SIGTERM");
      expect(await bot.exited).toBe(0);
      expect(bot.stderr()).toMatch(/SIGTERM: finishing answers in progress/);
      expect(bot.stderr()).not.toContain("token-that-must-not-leak");
    } finally {
      bot.child.kill("SIGKILL");
      await fake.stop();
    }
  });
});
