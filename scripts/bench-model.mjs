// `npm run bench:model`: what one recommendation request costs in Chromium with a real model.
// A benchmark, not a test: it asserts no figure. It builds the Amazon Beauty model with
// `vitrin model`'s builder (defaults, as a merchant gets them) on the leave-one-out test
// protocol's training part, then, in Chromium, replays the test requests through the browser's
// own code: the profile (Remember, Recognize) and the for-you slot (Recommend with the model,
// Relevance), timing each. Target: one request ≤ 2 ms. Data: ../shared/data/ (or VITRIN_DATA).
// Writes reports/bench-model.json.
//
//   node scripts/bench-model.mjs [--requests=2000] [--smoke]
//
// --smoke: the same path on a tiny synthetic amazon-Beauty.txt written to a temporary folder
// (no ../shared/data needed), 30 requests after 5 warm-up; writes reports/smoke/bench-model.json.

import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  benchHarness,
  cliSources,
  machineState,
  SMOKE,
  sourceState,
  writeReport,
  writeTinyData,
} from "./bench-support.mjs";
import { launchChromium } from "./chromium.mjs";
import { ensureDependencies, ROOT } from "./setup.mjs";

const DATA = SMOKE
  ? writeTinyData(mkdtempSync(join(tmpdir(), "vitrin-bench-model-")))
  : (process.env.VITRIN_DATA ?? join(ROOT, "..", "shared", "data"));
if (SMOKE) process.on("exit", () => rmSync(DATA, { recursive: true, force: true }));
const REQUESTS = Number(
  process.argv.find((a) => a.startsWith("--requests="))?.slice(11) ?? (SMOKE ? 30 : 2000),
);
if (!Number.isInteger(REQUESTS) || REQUESTS <= 0) {
  console.error("✗ --requests must be a whole number > 0");
  process.exit(1);
}
/** Requests run first and not counted: the JIT and the catalog index warm up. */
const WARMUP = SMOKE ? 5 : 200;
const ORIGIN = "http://bench.vitrin.test";

/**
 * Runs in the page: every request through the profile and the for-you slot, timed apart.
 * @param {{ catalogUrl: string; modelUrl: string; requestsUrl: string; environment: unknown; slot: object; warmup: number }} options
 */
function timeInPage({ catalogUrl, modelUrl, requestsUrl, environment, slot, warmup }) {
  const api = /** @type {any} */ (window).VitrinBench;
  return Promise.all(
    [catalogUrl, modelUrl, requestsUrl].map((url) => fetch(url).then((r) => r.json())),
  ).then(([catalogFile, modelFile, requests]) => {
    const { catalog } = api.parseCatalog(catalogFile, "catalog.json");
    const { model } = api.parseModel(modelFile, "model.json");
    /** @type {number[]} */
    const profileMs = [];
    /** @type {number[]} */
    const slotMs = [];
    let picked = 0;
    requests.forEach((/** @type {any} */ request, /** @type {number} */ n) => {
      const t0 = performance.now();
      const profile = api.buildProfile({
        events: request.events,
        catalog,
        environment,
        now: request.now,
      });
      const t1 = performance.now();
      const result = api.pickForSlot({ ...slot, exclude: request.exclude }, profile, {
        catalog,
        now: request.now,
        model,
      });
      const t2 = performance.now();
      picked += result.picks.length;
      if (n < warmup) return;
      profileMs.push(t1 - t0);
      slotMs.push(t2 - t1);
    });
    return { profileMs, slotMs, picked };
  });
}

/** @param {number[]} values */
function stat(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (/** @type {number} */ q) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (/** @type {number} */ v) => Math.round(v * 1000) / 1000;
  return { median: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1) ?? 0) };
}

async function main() {
  ensureDependencies();
  if (!existsSync(join(DATA, "amazon-Beauty.txt"))) {
    console.error(
      `✗ ${join(DATA, "amazon-Beauty.txt")} is missing: set VITRIN_DATA to the shared data folder (or --smoke: tiny synthetic data)`,
    );
    process.exit(1);
  }
  const lib = await cliSources(".bench-model", {
    "eval/datasets.ts": ["loadProtocol"],
    "eval/replay.ts": ["catalogOf", "ENVIRONMENT", "eventOf", "LIMIT"],
    "index.ts": ["buildModelFromInteractions", "modelSize", "serializeModel"],
  });
  console.log("› reading Amazon Beauty and building its model (training part, builder defaults)");
  const data = await lib.loadProtocol("loo", join(DATA, "amazon-Beauty.txt"), {
    attributes: join(DATA, "amazon-Beauty_item2attributes.json"),
  });
  const { model, stats } = await lib.buildModelFromInteractions(data.test.train, { trendDays: 0 });
  const modelText = lib.serializeModel(model);
  const size = lib.modelSize(modelText, Object.keys(model.items).length);
  const catalog = lib.catalogOf(data.items);
  const requests = data.test.requests.slice(0, REQUESTS + WARMUP).map((/** @type {any} */ r) => ({
    events: r.history.map((/** @type {any} */ click, /** @type {number} */ n) =>
      lib.eventOf(click, n, catalog),
    ),
    now: r.time,
    exclude: r.history.map((/** @type {any} */ click) => click.item),
  }));
  const files = new Map([
    [
      "/",
      '<!doctype html><meta charset="utf-8"><title>bench</title><script src="/harness.js"></script>',
    ],
    [
      "/harness.js",
      await benchHarness(["buildProfile", "parseCatalog", "parseModel", "pickForSlot"]),
    ],
    [
      "/catalog.json",
      JSON.stringify({
        format: "vitrin-catalog",
        version: 1,
        currency: catalog.currency,
        items: catalog.items,
      }),
    ],
    ["/model.json", modelText],
    ["/requests.json", JSON.stringify(requests)],
  ]);

  const { browser, found } = await launchChromium();
  try {
    const page = await browser.newPage();
    /** @type {string[]} */
    const problems = [];
    page.on("pageerror", (error) => problems.push(error.message));
    await page.route(`${ORIGIN}/**`, (route) => {
      const body = files.get(new URL(route.request().url()).pathname);
      if (body === undefined) return route.fulfill({ status: 404, body: "" });
      return route.fulfill({ status: 200, body });
    });
    await page.goto(`${ORIGIN}/`);
    console.log(
      `› ${requests.length} requests in Chromium ${browser.version()} (${WARMUP} warm-up)`,
    );
    const result = await page.evaluate(timeInPage, {
      catalogUrl: `${ORIGIN}/catalog.json`,
      modelUrl: `${ORIGIN}/model.json`,
      requestsUrl: `${ORIGIN}/requests.json`,
      environment: lib.ENVIRONMENT,
      slot: { strategy: "for-you", limit: lib.LIMIT },
      warmup: WARMUP,
    });
    if (problems.length) throw new Error(`the page threw: ${problems.join("; ")}`);
    if (!result.picked) throw new Error("the for-you slot picked nothing");
    const total = result.profileMs.map(
      (/** @type {number} */ p, /** @type {number} */ i) => p + (result.slotMs[i] ?? 0),
    );
    const report = {
      benchmark: "model",
      smoke: SMOKE,
      date: new Date().toISOString(),
      ...sourceState(),
      machine: machineState(),
      chromium: { version: browser.version(), found },
      data: SMOKE
        ? "tiny synthetic amazon-Beauty.txt (scripts/bench-support.mjs writeTinyData), leave-one-out test requests"
        : "amazon-Beauty.txt, leave-one-out test requests",
      model: {
        items: Object.keys(model.items).length,
        rawBytes: size.raw,
        brotliBytes: size.brotli,
        buildMs: stats.elapsedMs,
      },
      requests: result.slotMs.length,
      meanHistory:
        requests.reduce(
          (/** @type {number} */ sum, /** @type {{ events: unknown[] }} */ r) =>
            sum + r.events.length,
          0,
        ) / requests.length,
      profileMs: stat(result.profileMs),
      slotMs: stat(result.slotMs),
      requestMs: stat(total),
      targetMs: 2,
    };
    const written = writeReport("bench-model", report);
    const row = (
      /** @type {string} */ name,
      /** @type {{ median: number; p95: number; max: number }} */ s,
    ) =>
      console.log(
        `${name.padEnd(28)}${String(s.median).padStart(9)}${String(s.p95).padStart(9)}${String(s.max).padStart(9)}`,
      );
    console.log(
      `\nmodel: ${report.model.items} items, ${report.model.rawBytes} B raw, ${report.model.brotliBytes} B brotli, built in ${(stats.elapsedMs / 1000).toFixed(1)} s`,
    );
    console.log(
      `${"per request, ms".padEnd(28)}${"median".padStart(9)}${"p95".padStart(9)}${"max".padStart(9)}`,
    );
    row("profile", report.profileMs);
    row("for-you slot (with model)", report.slotMs);
    row("request (both)", report.requestMs);
    console.log(
      `(${report.requests} requests; target ≤ ${report.targetMs} ms; written to ${written})`,
    );
  } finally {
    await browser.close();
  }
}

await main();
