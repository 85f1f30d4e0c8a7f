import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../src/core/project-root.js";

/**
 * The Node options an npm script passes before scripts/launch.mjs ("node --max-semi-space-size=4
 * scripts/launch.mjs cli ask" → ["--max-semi-space-size=4"]), so the benchmarks run the processes
 * exactly as `npm run ask` and `npm start` do.
 */
export function nodeFlagsOf(script: string): string[] {
  const scripts = (JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const words = (scripts[script] ?? "").split(/\s+/u);
  const node = words.indexOf("node");
  const launch = words.indexOf("scripts/launch.mjs");
  if (node < 0 || launch < node) throw new Error(`npm script ${script} does not run node scripts/launch.mjs: ${scripts[script] ?? "(missing)"}`);
  return words.slice(node + 1, launch);
}
