import { spawn } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../src/core/briefbot.js";
import { tempDir } from "./helpers/bot.js";

/** The brief command run as the README shows it: through tsx, with its own cache. */
function brief(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"), join(PROJECT_ROOT, "src/cli/main.ts"), "brief", ...args], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

let env: Record<string, string>;
beforeAll(async () => {
  env = { BRIEFBOT_CACHE_DIR: await tempDir("briefbot-brief-cli-") };
});

describe("npm run brief", () => {
  it("--json --document gives the briefing as one JSON object; Markdown without --json", async () => {
    const json = await brief(["--json", "--document", "iran-taliban"], env);
    expect(json.code, json.stderr).toBe(0);
    const briefing = JSON.parse(json.stdout);
    expect(briefing).toMatchObject({ kind: "document", covered: true });
    expect(briefing.documents[0].source).toBe("iran-taliban-iskp.txt");
    expect(briefing.documents[0].casualties.length).toBeGreaterThan(0);
    const markdown = await brief([], env);
    expect(markdown.stdout).toMatch(/^# 1 brief, newest first\n\n## Iran-Taliban Disagreements/);
  });

  it("refuses bad input with one line and exit code 2", async () => {
    for (const [args, message] of [
      [["--since", "soon"], /^briefbot: “soon” is not a time I can read\./],
      [["--document", "nowhere"], /^briefbot: There is no brief named “nowhere”\. The briefs are: iran-taliban-iskp\.txt\.$/],
      [["--topic", "x", "--since", "7d"], /^briefbot: Choose one of document, topic or since \(got topic and since\)\.$/],
    ] as const) {
      const run = await brief([...args], env);
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toMatch(message);
    }
  });
});
