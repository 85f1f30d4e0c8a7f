import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../src/core/briefbot.js";
import { tempDir } from "./helpers/bot.js";
import { runNode } from "./helpers/run-node.js";
import { nodeFlagsOf } from "../scripts/node-flags.js";

const run = runNode;

// A folder directly under the project, like dist/, so the compiled code finds the project root and
// node_modules as dist/ does; its own, so a developer's dist/ (which npm start may be running) is left alone.
const outDir = join(PROJECT_ROOT, `.dist-test-${process.pid}`);
afterAll(() => rm(outDir, { recursive: true, force: true }));

describe("the npm scripts that run briefbot", () => {
  it("all pass the same Node options, so indexing and serving size the heap and the corpus cap alike", () => {
    const flags = nodeFlagsOf("ask");
    expect(flags.some((f) => f.startsWith("--max-old-space-size="))).toBe(true);
    for (const script of ["chat", "casualties", "brief", "index", "start"]) expect(nodeFlagsOf(script), script).toEqual(flags);
  });
});

describe("npm run build", () => {
  it("bundles src/ into JavaScript that answers exactly as the TypeScript does", async () => {
    const build = await run([join(PROJECT_ROOT, "scripts/build.mjs"), outDir]);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    for (const entry of ["bot/main.js", "cli/main.js", "core/index/embed-worker.js", ".build-stamp"]) expect(existsSync(join(outDir, entry)), entry).toBe(true);

    const env = { BRIEFBOT_CACHE_DIR: await tempDir("briefbot-build-cache-") };
    const corpus = join(PROJECT_ROOT, "corpus");
    const questions = "How many Afghan migrants did Iran deport?\nWhat is the capital of France?\n\nWho is Balkhi?\n";
    const tsx = [join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"), join(PROJECT_ROOT, "src/cli/main.ts")];
    const compiled = [join(outDir, "cli/main.js")];
    for (const args of [["ask", "--json", "--corpus", corpus, "-"], ["casualties", "--json", "--corpus", corpus]]) {
      // With the Node options the npm scripts pass (a smaller heap: see below).
      const fromJs = await run([...nodeFlagsOf("ask"), ...compiled, ...args], questions, env);
      const fromTs = await run([...tsx, ...args], questions, env);
      expect(fromJs.code, fromJs.stderr).toBe(0);
      expect(fromJs.stdout.length).toBeGreaterThan(100);
      expect(fromJs.stdout).toBe(fromTs.stdout);
    }
  });
});
