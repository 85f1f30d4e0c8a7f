import { spawn } from "node:child_process";
import { PROJECT_ROOT } from "../../src/core/briefbot.js";

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node args…` from the project root with `input` on stdin and extra environment variables. */
export function runNode(args: string[], input = "", env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
