/**
 * Runs one of briefbot's entry points in this process: the compiled JavaScript in dist/ when
 * `npm run build` made it and no source file is newer, else the TypeScript through tsx (with a
 * note on stderr). One node process either way, so signals reach the bot itself.
 *
 *   node scripts/launch.mjs bot              the Discord bot (npm start)
 *   node scripts/launch.mjs cli ask ...      the command line (npm run ask, chat, casualties, brief, index)
 *
 * Plain JavaScript on purpose: it must run before anything is compiled.
 */
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const ENTRIES = { bot: "bot/main", cli: "cli/main" };
/** Written by `npm run build` (scripts/build.mjs) after a successful compile. */
export const BUILD_STAMP = join(ROOT, "dist", ".build-stamp");

/** The newest modification time of the sources dist/ is compiled from (TypeScript and JSON under src/). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Why dist/ cannot be used (missing or older than a source file), or undefined when it can. */
function distProblem() {
  let built;
  try {
    built = statSync(BUILD_STAMP).mtimeMs;
  } catch {
    return "there is no compiled build (dist/)";
  }
  return newestSource(join(ROOT, "src")) > built ? "src/ has changed since the last build" : undefined;
}

const name = process.argv[2];
const entry = ENTRIES[name];
if (!entry) {
  process.stderr.write(`briefbot: unknown entry point ${JSON.stringify(name ?? "")} (use: ${Object.keys(ENTRIES).join(", ")})\n`);
  process.exit(2);
}
// The entry point reads its own arguments from process.argv.slice(2), as if run directly.
process.argv.splice(2, 1);

const problem = process.env.BRIEFBOT_NO_DIST ? "BRIEFBOT_NO_DIST is set" : distProblem();
if (!problem) {
  await import(pathToFileURL(join(ROOT, "dist", `${entry}.js`)).href);
} else {
  process.stderr.write(`briefbot: ${problem}; running the TypeScript through tsx (slower start). Run \`npm run build\` for the compiled one.\n`);
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(join(ROOT, "src", `${entry}.ts`)).href);
}
