// `npm test`: every check the project has, in order, failing fast:
// format/lint, types, unit tests, build, size budgets, package checks (publint, Are The Types
// Wrong, tree-shaking), the benchmarks' smoke runs (tiny inputs, no figure checked), end-to-end
// tests in real Chromium.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { findChromium } from "./chromium.mjs";
import { buildAll, ensureDependencies, ROOT, run } from "./setup.mjs";

const started = Date.now();
/** @param {string} name */
const step = (name) => console.log(`\n› ${name}`);

/** Makes sure the end-to-end tests have a Chromium, installing Debian's when running as root. */
async function ensureChromium() {
  const found = findChromium();
  if (found) {
    console.log(`  using Chromium at ${found.path} (${found.from})`);
    return;
  }
  const { chromium } = await import("@playwright/test");
  if (existsSync(chromium.executablePath())) {
    console.log(`  using Playwright's Chromium at ${chromium.executablePath()}`);
    return;
  }
  if (process.getuid?.() === 0) {
    console.log("  no Chromium found; installing Debian's chromium package");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    run("apt-get", ["update"], { env });
    run("apt-get", ["install", "-y", "chromium"], { env });
    if (findChromium()) return;
  }
  console.error(
    "\n✗ No Chromium for the end-to-end tests. Install one and run npm test again:\n" +
      "    sudo apt-get update && sudo apt-get install -y chromium\n" +
      "  or point VITRIN_CHROMIUM at a Chromium or Chrome binary.",
  );
  process.exit(1);
}

ensureDependencies();

step("format and lint (biome)");
run("npx", ["biome", "ci", "."]);

step("type check (tsc, strict)");
run("npx", ["tsc", "-p", "tsconfig.json"]);

step("unit tests (vitest)");
run("npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=reports/unit.json",
]);

step("build");
buildAll();

step("size budgets (brotli)");
run("node", ["scripts/size.mjs", "--check"]);

step("packages (publint, Are The Types Wrong, tree-shaking)");
run("node", ["scripts/packages.mjs"]);

step("Chromium (benchmarks' smoke runs, end-to-end tests)");
await ensureChromium();

step("benchmarks, smoke runs (tiny inputs, the whole path; no figure checked)");
run("npx", [
  "vitest",
  "run",
  "--config",
  "scripts/bench-smoke.config.mjs",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=reports/smoke/tests.json",
]);

step("end-to-end tests (playwright, chromium)");
run("npx", ["playwright", "test"]);

/** @param {string} file */
const report = (file) => JSON.parse(readFileSync(join(ROOT, "reports", file), "utf8"));
const unit = report("unit.json");
const smoke = report("smoke/tests.json");
const e2e = report("e2e.json").stats;
const passed = unit.numPassedTests + smoke.numPassedTests + e2e.expected + e2e.flaky;
const failed = unit.numFailedTests + smoke.numFailedTests + e2e.unexpected;
console.log(
  `\nunit ${unit.numPassedTests} passed; benchmark smoke runs ${smoke.numPassedTests} passed` +
    `; end-to-end ${e2e.expected} passed; ${Math.round((Date.now() - started) / 1000)} s in all`,
);
console.log(`tests: ${passed} passed, ${failed} failed`);
