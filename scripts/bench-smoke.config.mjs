// The benchmarks' smoke runs (scripts/bench.smoke.ts), a vitest run of their own: scripts/test.mjs
// starts it after the build (bench-tracker measures the built bundles) and once Chromium is in
// place, so it is not part of the unit tests.
//
//   npx vitest run --config scripts/bench-smoke.config.mjs
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["scripts/bench.smoke.ts"],
    environment: "node",
    // Guards against a hung browser, not a timing: the runs take seconds.
    testTimeout: 300_000,
  },
});
