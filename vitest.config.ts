import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "./test/helpers/summary-reporter.ts"],
    setupFiles: ["./test/helpers/setup.ts"],
    // The real model takes a few seconds to load on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Every file loads the model; two at a time keeps memory and CPU sane on 2 cores.
    maxWorkers: 2,
  },
});
