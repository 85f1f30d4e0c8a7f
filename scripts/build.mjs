/**
 * npm run build: compiles src/ to dist/ with the project's TypeScript (tsconfig.build.json), from
 * scratch so no output of a deleted source survives, then stamps the build for scripts/launch.mjs.
 */
import { spawnSync } from "node:child_process";
import { rmSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const tsc = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");

// Sources saved during the compile must count as newer than the build: note the time first.
const started = new Date();
rmSync(DIST, { recursive: true, force: true });
const run = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json")], { stdio: "inherit" });
if (run.status !== 0) {
  rmSync(DIST, { recursive: true, force: true });
  process.stderr.write("briefbot: the build failed; dist/ removed, so npm start and the CLI run the TypeScript through tsx.\n");
  process.exit(run.status ?? 1);
}
writeFileSync(join(DIST, ".build-stamp"), `${started.toISOString()}\n`);
utimesSync(join(DIST, ".build-stamp"), started, started);
process.stdout.write(`briefbot: compiled src/ to dist/ in ${((Date.now() - started.getTime()) / 1000).toFixed(1)} s\n`);
