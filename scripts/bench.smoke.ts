// Every benchmark in --smoke mode, as `npm test`'s benchmark step: tiny inputs through the same
// code as a real run (Vitrin's sources bundled the same way, the same Chromium launch, the same
// JSON report, written to reports/smoke/ so real results stay), then exit 0 and the report's
// shape are checked. No figure is: speed is what `npm run bench*` measures, never a test.
// bench:quality and bench:model run on tiny synthetic stand-ins for ../shared/data
// (bench-support.mjs writeTinyData), so a clean clone runs them all.
//
//   npx vitest run --config scripts/bench-smoke.config.mjs   (after `npm run build`)
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * Runs scripts/<name>.mjs --smoke, expects exit 0 and returns the report it wrote (removed
 * first, so an old one cannot pass for it).
 */
function smoke(name: string, args: string[] = []) {
  const report = join(ROOT, "reports/smoke", `${name}.json`);
  rmSync(report, { force: true });
  const run = spawnSync(process.execPath, [`scripts/${name}.mjs`, "--smoke", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 240_000,
  });
  const said = `${run.stdout}\n${run.stderr}`.trim().split("\n").slice(-20).join("\n");
  expect(run.status, `${name} --smoke: exit ${run.status ?? run.signal}\n${said}`).toBe(0);
  expect(existsSync(report), `${name} --smoke wrote no ${report}`).toBe(true);
  // biome-ignore lint/suspicious/noExplicitAny: a report read back to check its shape
  return JSON.parse(readFileSync(report, "utf8")) as any;
}

const number = expect.any(Number);
const isNumberOrNull = (value: unknown) => value === null || typeof value === "number";
/** What every report says about where it was measured. */
const chromium = { version: expect.any(String), path: expect.any(String) };

describe("benchmarks, smoke runs", () => {
  it("bench-tracker: both bundles, both call paths, one sustained rate", () => {
    const dist = join(ROOT, "packages/embed/dist/vitrin.min.js");
    expect(existsSync(dist), "measures the built bundles: run `npm run build` first").toBe(true);
    const report = smoke("bench-tracker", ["--no-build"]);
    expect(report.options).toMatchObject({ smoke: true, samples: 5, rates: [500] });
    expect(report.chromium).toMatchObject(chromium);
    const bundles = ["vitrin-track.min.js", "vitrin.min.js"];
    expect(Object.keys(report.bundles)).toEqual(bundles);
    expect(
      report.trackCost.map((r: { bundle: string; path: string }) => `${r.bundle} ${r.path}`),
    ).toEqual(bundles.flatMap((b) => [`${b} vitrin.track()`, `${b} dataLayer.push()`]));
    for (const row of report.trackCost) {
      expect(row).toMatchObject({ medianUs: number, p95Us: number, sent: number, stored: number });
      expect(row.perSampleUs).toHaveLength(5);
      expect(row.stored).toBeGreaterThan(0);
    }
    expect(report.sustained.map((r: { bundle: string }) => r.bundle)).toEqual(bundles);
    for (const row of report.sustained) {
      expect(row).toMatchObject({ targetRate: 500, achievedRate: number, lost: number });
      expect(row.sent).toBeGreaterThan(0);
    }
    expect(Object.keys(report.maxLosslessRate)).toEqual(bundles);
  });

  it("bench-catalog: files, Chromium load and the CLI, for two small sizes", () => {
    const report = smoke("bench-catalog");
    expect(report.options).toMatchObject({ smoke: true, sizes: [50, 200], runs: 1, cliExtra: 0 });
    expect(report.chromium).toMatchObject({ version: expect.any(String) });
    expect(report.errors).toEqual([]);
    expect(report.sizes.map((s: { items: number }) => s.items)).toEqual([50, 200]);
    for (const size of report.sizes) {
      expect(size).toMatchObject({ rawBytes: number, gzipBytes: number, brotliBytes: number });
      expect(size.brotliBytes).toBeGreaterThan(0);
    }
    expect(report.browser.rows).toHaveLength(2);
    for (const row of report.browser.rows) {
      expect(row).toMatchObject({ completedRuns: 1, timedOut: null });
      expect(row.median).toMatchObject({
        fetchJsonMs: number,
        parseMs: number,
        idbWriteMs: number,
        coldLoadMs: number,
        warmLoadMs: number,
      });
    }
    expect(report.cli.available).toBe(true);
    expect(
      report.cli.rows.map((r: { items: number; from: string }) => `${r.items} ${r.from}`),
    ).toEqual(["50 gmc-tsv", "50 gmc", "200 gmc-tsv", "200 gmc"]);
    for (const row of report.cli.rows) expect(row.written).toBeGreaterThan(0);
    // 10,000 items are not in a smoke run: the target is reported as not measured.
    expect(report.target).toMatchObject({ items: 10_000, measuredBrotliBytes: null, met: null });
  });

  it("bench-profile: every cell, the targets and the growth summary", () => {
    const report = smoke("bench-profile");
    expect(report.options).toEqual({
      sizes: [100, 1000],
      histories: [10, 100],
      runs: 3,
      smoke: true,
    });
    expect(report.chromium).toMatchObject({ version: expect.any(String) });
    expect(
      report.rows.map((r: { items: number; events: number }) => `${r.items}/${r.events}`),
    ).toEqual(["100/10", "100/100", "1000/10", "1000/100"]);
    for (const row of report.rows) {
      expect(row.profile).toMatchObject({ median: number, p95: number });
      expect(row.oneSlot).toMatchObject({ median: number, p95: number });
      expect(row.picks[report.oneSlot]).toBeGreaterThan(0);
    }
    expect(report.targets.length).toBeGreaterThan(0);
    for (const target of report.targets) {
      expect(target).toMatchObject({ items: number, events: number, medianMs: number });
      expect(target).toHaveProperty("measuredMedianMs");
      expect(target).toHaveProperty("met");
    }
    const steps = [...report.growth.byItems, ...report.growth.byEvents];
    expect(report.growth.byItems.map((g: { events: number }) => g.events)).toEqual([10, 100]);
    expect(report.growth.byEvents.map((g: { items: number }) => g.items)).toEqual([100, 1000]);
    for (const step of steps) {
      for (const costs of [step.ratio, step.per10x]) {
        expect(Object.keys(costs)).toEqual(["profile", "slot", "profileAndSlot"]);
        expect(Object.values(costs).every(isNumberOrNull)).toBe(true);
      }
    }
  });

  it("bench-quality: the three protocols on tiny synthetic data", () => {
    const report = smoke("bench-quality");
    expect(report.smoke).toBe(true);
    expect(report.reports.map((r: { dataset: string; protocol: string }) => r.protocol)).toEqual([
      "loo",
      "session",
      "timesplit",
    ]);
    for (const data of report.reports) {
      for (const split of [data.validation, data.test]) {
        expect(split.model.items).toBeGreaterThan(0);
        const vitrin = split.results.filter((r: { method: string }) => r.method === "Vitrin");
        expect(vitrin.length).toBeGreaterThan(0);
        for (const result of split.results) {
          expect(result.requests).toBeGreaterThan(0);
          expect(Object.values(result.metrics).every((v) => typeof v === "number")).toBe(true);
        }
      }
    }
  });

  it("bench-model: a model built and requests replayed in Chromium", () => {
    const report = smoke("bench-model");
    expect(report).toMatchObject({ benchmark: "model", smoke: true, requests: 30, targetMs: 2 });
    expect(report.chromium).toMatchObject({ version: expect.any(String) });
    expect(report.model.items).toBeGreaterThan(0);
    expect(report.model.brotliBytes).toBeGreaterThan(0);
    for (const stat of [report.profileMs, report.slotMs, report.requestMs])
      expect(stat).toEqual({ median: number, p95: number, max: number });
  });
});
