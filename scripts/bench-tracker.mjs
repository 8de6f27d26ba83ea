// `npm run bench`: the tracker's main-thread cost in real Chromium. A benchmark, not a test: it
// asserts no figure, only that the page ran (no exception, `window.vitrin.track` appeared,
// IndexedDB got Vitrin's database). Prints a table and writes reports/bench-tracker.json.
//
//   node scripts/bench-tracker.mjs [--no-build] [--samples=200] [--calls=50] [--warmup=1000]
//                                  [--rates=500,2000,10000,20000] [--seconds=2] [--smoke]
//
// --smoke: the same path on tiny inputs (defaults --samples=5 --calls=10 --warmup=20
// --rates=500 --seconds=0.2); writes reports/smoke/bench-tracker.json.

import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { machineState, SMOKE, sourceState, writeReport } from "./bench-support.mjs";
import { launchChromium } from "./chromium.mjs";
import { ensureDependencies, ROOT, run } from "./setup.mjs";

/**
 * What `window.vitrin` is once a bundle has loaded (more methods may appear; none go away).
 * @typedef {{
 *   track(name: string, params?: unknown): boolean;
 *   flush(): Promise<void>;
 *   push(...commands: unknown[]): void;
 * }} VitrinApi
 * @typedef {Window & { vitrin?: VitrinApi | unknown[]; dataLayer?: unknown[] }} BenchWindow
 * @typedef {import("@playwright/test").Browser} Browser
 * @typedef {import("@playwright/test").Page} Page
 * @typedef {{ medianUs: number; p95Us: number; minUs: number; maxUs: number;
 *   first10MeanUs: number; last10MeanUs: number }} Summary
 * @typedef {Summary & { bundle: string; path: string; samples: number; callsPerSample: number;
 *   warmup: number; sent: number; stored: number; duplicates: number; timerResolutionUs: number;
 *   crossOriginIsolated: boolean; perSampleUs: number[] }} CostRow
 * @typedef {{ bundle: string; targetRate: number; seconds: number; sent: number; stored: number;
 *   lost: number; duplicates: number; otherEvents: number; achievedRate: number; bursts: number;
 *   largestBurst: number }} SustainedRow
 */

const DIST = join(ROOT, "packages/embed/dist");
/** Both script-tag bundles: the tracker alone, and everything (run here with no catalog). */
const BUNDLES = ["vitrin-track.min.js", "vitrin.min.js"];
/** Page name per bundle in the served temp dir. */
const PAGES = { "vitrin-track.min.js": "track.html", "vitrin.min.js": "full.html" };
/** The full bundle says this once when no data-catalog is set; expected here. */
const EXPECTED_WARNING = /^\[vitrin\] no catalog configured/;
/** What the product aims for, per track() call (median). */
const TARGET_MEDIAN_US = 20;

/** @param {string} name @param {number} fallback */
function numberOption(name, fallback) {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (!arg) return fallback;
  const value = Number(arg.slice(name.length + 3));
  if (Number.isFinite(value) && value > 0) return value;
  console.error(`✗ --${name} must be a positive number`);
  process.exit(1);
}

/** @param {string} message @returns {never} */
function fail(message) {
  throw new Error(message);
}

const options = {
  build: !process.argv.includes("--no-build"),
  smoke: SMOKE,
  samples: numberOption("samples", SMOKE ? 5 : 200),
  callsPerSample: numberOption("calls", SMOKE ? 10 : 50),
  warmup: numberOption("warmup", SMOKE ? 20 : 1000),
  seconds: numberOption("seconds", SMOKE ? 0.2 : 2),
  rates: (
    process.argv.find((a) => a.startsWith("--rates="))?.slice(8) ??
    (SMOKE ? "500" : "500,2000,10000,20000")
  )
    .split(",")
    .map(Number),
};
if (options.rates.some((r) => !Number.isFinite(r) || r <= 0)) {
  console.error("✗ --rates must be a comma-separated list of positive events/s");
  process.exit(1);
}

/* ------------------------------------------------------------------------------------------ */
/* In the page. These functions are serialized by Playwright: no closures over Node variables. */

/**
 * Times `window.vitrin.track` or the followed `dataLayer.push`, in batches. Chromium coarsens
 * `performance.now()` (100 µs steps on a page that is not cross-origin isolated, 5 µs on one
 * that is), far coarser than one call, so each sample times a batch of calls and divides.
 * Between samples the page yields a task, as a real page would between events, so the
 * tracker's idle-time flush can run; the IndexedDB write itself is therefore not in the
 * figures, only what the call does synchronously on the main thread.
 * @param {{ path: "track" | "datalayer"; samples: number; calls: number; warmup: number }} args
 */
async function timeCalls({ path, samples, calls, warmup }) {
  const w = /** @type {BenchWindow} */ (window);
  const vitrin = /** @type {VitrinApi} */ (w.vitrin);
  const layer = w.dataLayer;
  if (path === "datalayer" && !Array.isArray(layer)) throw new Error("window.dataLayer is missing");
  let n = 0;
  /** @param {number} count */
  const batch = (count) => {
    if (path === "track") {
      for (let end = n + count; n < end; n++) {
        vitrin.track("view_item", {
          items: [
            {
              item_id: `SKU-${n}`,
              item_name: "Keten Gömlek",
              price: 1299.9,
              item_category: "Giyim",
            },
          ],
        });
      }
    } else {
      for (let end = n + count; n < end; n++) {
        /** @type {unknown[]} */ (layer).push({
          event: "add_to_cart",
          ecommerce: {
            currency: "TRY",
            value: 1299.9,
            items: [
              {
                item_id: `SKU-${n}`,
                item_name: "Keten Gömlek",
                price: 1299.9,
                item_category: "Giyim",
                quantity: 1,
              },
            ],
          },
        });
      }
    }
  };
  const yieldTask = () => new Promise((resolve) => setTimeout(resolve, 0));
  for (let done = 0; done < warmup; done += calls) {
    batch(Math.min(calls, warmup - done));
    await yieldTask();
  }
  /** @type {number[]} */
  const perCallUs = [];
  for (let s = 0; s < samples; s++) {
    const t0 = performance.now();
    batch(calls);
    const t1 = performance.now();
    perCallUs.push(((t1 - t0) * 1000) / calls);
    await yieldTask();
  }
  // The smallest step performance.now() takes here, so the report says how coarse it was.
  let resolutionUs = Number.POSITIVE_INFINITY;
  for (let i = 0, last = performance.now(); i < 200_000 && resolutionUs > 1; i++) {
    const t = performance.now();
    if (t !== last) resolutionUs = Math.min(resolutionUs, (t - last) * 1000);
    last = t;
  }
  return { perCallUs, sent: n, resolutionUs, crossOriginIsolated: self.crossOriginIsolated };
}

/**
 * Calls `vitrin.track` at `rate` events/s for `seconds`: every ~10 ms a burst of however many
 * events are due by then (so a late timer is caught up, and the total is exact), no
 * requestAnimationFrame. Then `await vitrin.flush()`.
 * @param {{ rate: number; seconds: number }} args
 */
async function sendAtRate({ rate, seconds }) {
  const vitrin = /** @type {VitrinApi} */ (/** @type {BenchWindow} */ (window).vitrin);
  const total = Math.round(rate * seconds);
  const start = performance.now();
  let sent = 0;
  let bursts = 0;
  let largestBurst = 0;
  while (sent < total) {
    const due = Math.min(total, Math.ceil((rate * (performance.now() - start)) / 1000));
    if (due > sent) {
      largestBurst = Math.max(largestBurst, due - sent);
      bursts++;
    }
    for (; sent < due; sent++) {
      vitrin.track("view_item", {
        items: [
          {
            item_id: `SKU-${sent}`,
            item_name: "Keten Gömlek",
            price: 1299.9,
            item_category: "Giyim",
          },
        ],
      });
    }
    if (sent < total) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const elapsedMs = performance.now() - start;
  await vitrin.flush();
  return { sent, elapsedMs, bursts, largestBurst };
}

/**
 * What Vitrin's IndexedDB log (database `vitrin`, object store `events`) holds of the events
 * this page sent: those whose first item id starts with `SKU-`. The tracker records events of
 * its own too (an automatic page_view, for one), so counting the whole store would not do.
 * @returns {Promise<{ total: number; ours: number; unique: number } | { error: string }>}
 */
async function countStored() {
  const names = (await indexedDB.databases()).map((d) => d.name);
  if (!names.includes("vitrin")) {
    return {
      error: `IndexedDB has no "vitrin" database (databases: ${names.join(", ") || "none"})`,
    };
  }
  return new Promise((resolve, reject) => {
    const open = indexedDB.open("vitrin");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains("events")) {
        db.close();
        resolve({ error: 'the "vitrin" database has no "events" object store' });
        return;
      }
      const all = db.transaction("events", "readonly").objectStore("events").getAll();
      all.onsuccess = () => {
        db.close();
        const ids = new Set();
        let ours = 0;
        for (const event of /** @type {unknown[]} */ (all.result)) {
          const id = /** @type {{ items?: { item_id?: unknown }[] } | null} */ (event)?.items?.[0]
            ?.item_id;
          if (typeof id === "string" && id.startsWith("SKU-")) {
            ours++;
            ids.add(id);
          }
        }
        resolve({ total: all.result.length, ours, unique: ids.size });
      };
      all.onerror = () => reject(all.error);
    };
  });
}

/* ------------------------------------------------------------------------------------------ */
/* In Node. */

/** @param {number[]} sorted @param {number} q */
const quantile = (sorted, q) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;

/** @param {number[]} values @returns {Summary} */
function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (/** @type {number} */ v) => Math.round(v * 100) / 100;
  const head = values.slice(0, 10);
  const tail = values.slice(-10);
  const mean = (/** @type {number[]} */ v) => v.reduce((a, b) => a + b, 0) / v.length;
  return {
    medianUs: round(quantile(sorted, 0.5)),
    p95Us: round(quantile(sorted, 0.95)),
    minUs: round(sorted[0] ?? Number.NaN),
    maxUs: round(sorted.at(-1) ?? Number.NaN),
    // Mean of the first and last ten samples: shows whether the cost grows as events pile up.
    first10MeanUs: round(mean(head)),
    last10MeanUs: round(mean(tail)),
  };
}

/** @param {string} file */
function bundleSize(file) {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Everything Vitrin said on the console across the run, other than the expected warning. */
const consoleNotes = /** @type {string[]} */ ([]);

/**
 * Opens `bundle`'s page in a fresh context and waits for `window.vitrin.track`. The page is
 * made cross-origin isolated (COOP/COEP added to every response, the server's CSP kept) so
 * that performance.now() steps 5 µs rather than 100 µs.
 * @param {Browser} browser @param {string} baseUrl @param {string} bundle @param {string} scenario
 */
async function openPage(browser, baseUrl, bundle, scenario) {
  const context = await browser.newContext();
  await context.route("**/*", async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: {
        ...response.headers(),
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-embedder-policy": "require-corp",
      },
    });
  });
  const page = await context.newPage();
  /** @type {string[]} */
  const problems = [];
  page.on("pageerror", (error) => problems.push(`the page threw: ${error.message}`));
  page.on("crash", () => problems.push("the page crashed"));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
  });
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error") problems.push(`console error: ${text}`);
    else if (message.type() === "warning" && !EXPECTED_WARNING.test(text))
      consoleNotes.push(`${bundle} / ${scenario}: ${text}`);
  });
  const where = `${bundle} / ${scenario}`;
  const check = () => {
    if (problems.length) fail(`${where}:\n  ${problems.join("\n  ")}`);
  };
  const url = new URL(PAGES[/** @type {keyof typeof PAGES} */ (bundle)], baseUrl).href;
  const response = await page.goto(url);
  if (!response?.ok()) fail(`${where}: ${url} answered ${response?.status() ?? "nothing"}`);
  try {
    await page.waitForFunction(
      () => {
        const vitrin = /** @type {{ track?: unknown } | undefined} */ (
          /** @type {BenchWindow} */ (window).vitrin
        );
        return typeof vitrin?.track === "function";
      },
      undefined,
      { timeout: 10_000 },
    );
  } catch {
    check();
    fail(`${where}: window.vitrin.track never appeared (waited 10 s for ${url})`);
  }
  check();
  return { context, page, check, where };
}

/**
 * The events this page sent that reached IndexedDB (each counted once), and duplicates.
 * Fails when none did: the figures would mean nothing (is tracking now gated on consent?).
 * @param {Page} page @param {string} where @param {number} sent
 */
async function storedCount(page, where, sent) {
  const result = await page.evaluate(countStored);
  if ("error" in result) fail(`${where}: ${result.error}`);
  if (sent > 0 && result.unique === 0) {
    fail(
      `${where}: none of the ${sent} events sent reached IndexedDB (the store holds ` +
        `${result.total} other events); the tracker no longer stores them as this bench expects`,
    );
  }
  return {
    stored: result.unique,
    duplicates: result.ours - result.unique,
    otherEvents: result.total - result.ours,
  };
}

async function main() {
  ensureDependencies();
  if (options.build) {
    console.log("› building the bundles (rollup)");
    run("npx", ["rollup", "-c", "--silent"]);
  }
  const missing = BUNDLES.filter((file) => !existsSync(join(DIST, file)));
  if (missing.length) fail(`not built: ${missing.join(", ")} (run without --no-build)`);

  const { startServer } = await import("./serve.mjs");

  // Serve copies, so a rebuild by someone else mid-run cannot change what is measured.
  const root = mkdtempSync(join(tmpdir(), "vitrin-bench-"));
  const template = readFileSync(join(ROOT, "bench/tracker.html"), "utf8");
  for (const bundle of BUNDLES) {
    copyFileSync(join(DIST, bundle), join(root, bundle));
    const html = template.replaceAll("__BUNDLE__", bundle);
    writeFileSync(join(root, PAGES[/** @type {keyof typeof PAGES} */ (bundle)]), html);
  }
  writeFileSync(join(root, "favicon.ico"), ""); // or Chromium logs a 404 as a console error
  const sizes = Object.fromEntries(BUNDLES.map((file) => [file, bundleSize(join(root, file))]));

  const server = await startServer({ root });
  const { browser, found } = await launchChromium();
  try {
    const version = browser.version();

    /** @type {CostRow[]} */
    const costs = [];
    for (const bundle of BUNDLES) {
      for (const path of /** @type {const} */ (["track", "datalayer"])) {
        const label = path === "track" ? "vitrin.track()" : "dataLayer.push()";
        console.log(`› ${bundle}: ${label} cost`);
        const { context, page, check, where } = await openPage(browser, server.url, bundle, label);
        const result = await page.evaluate(timeCalls, {
          path,
          samples: options.samples,
          calls: options.callsPerSample,
          warmup: options.warmup,
        });
        await page.evaluate(() =>
          /** @type {VitrinApi} */ (/** @type {BenchWindow} */ (window).vitrin).flush(),
        );
        check();
        const { stored, duplicates } = await storedCount(page, where, result.sent);
        check();
        await context.close();
        costs.push({
          bundle,
          path: label,
          samples: options.samples,
          callsPerSample: options.callsPerSample,
          warmup: options.warmup,
          ...summarize(result.perCallUs),
          sent: result.sent,
          stored,
          duplicates,
          timerResolutionUs: Math.round(result.resolutionUs * 1000) / 1000,
          crossOriginIsolated: result.crossOriginIsolated,
          perSampleUs: result.perCallUs.map((v) => Math.round(v * 100) / 100),
        });
      }
    }

    /** @type {SustainedRow[]} */
    const sustained = [];
    for (const bundle of BUNDLES) {
      for (const rate of options.rates) {
        console.log(`› ${bundle}: ${rate} events/s for ${options.seconds} s`);
        const scenario = `${rate} events/s`;
        const { context, page, check, where } = await openPage(
          browser,
          server.url,
          bundle,
          scenario,
        );
        const sent = await page.evaluate(sendAtRate, { rate, seconds: options.seconds });
        check();
        const { stored, duplicates, otherEvents } = await storedCount(page, where, sent.sent);
        check();
        await context.close();
        sustained.push({
          bundle,
          targetRate: rate,
          seconds: options.seconds,
          sent: sent.sent,
          stored,
          lost: sent.sent - stored,
          duplicates,
          otherEvents,
          achievedRate: Math.round((sent.sent / sent.elapsedMs) * 1000),
          bursts: sent.bursts,
          largestBurst: sent.largestBurst,
        });
      }
    }
    // The highest rate that, with every lower rate tried, lost nothing.
    const maxLosslessRate = Object.fromEntries(
      BUNDLES.map((bundle) => {
        const rows = sustained
          .filter((r) => r.bundle === bundle)
          .sort((a, b) => a.targetRate - b.targetRate);
        const firstLoss = rows.findIndex((r) => r.lost !== 0);
        const clean = firstLoss === -1 ? rows : rows.slice(0, firstLoss);
        return [bundle, clean.at(-1)?.targetRate ?? null];
      }),
    );

    printTables(costs, sustained, maxLosslessRate, sizes, version);
    const report = {
      date: new Date().toISOString(),
      source: sourceState(),
      machine: machineState(),
      chromium: { version, ...found },
      bundles: sizes,
      targetMedianUsPerTrack: TARGET_MEDIAN_US,
      options,
      trackCost: costs,
      sustained,
      maxLosslessRate,
      consoleWarnings: consoleNotes,
    };
    console.log(`(written to ${writeReport("bench-tracker", report)})`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * @param {CostRow[]} costs
 * @param {SustainedRow[]} sustained
 * @param {Record<string, number | null>} maxLosslessRate
 * @param {Record<string, { raw: number; gzip: number; brotli: number }>} sizes
 * @param {string} version
 */
function printTables(costs, sustained, maxLosslessRate, sizes, version) {
  const pad = (/** @type {unknown} */ v, /** @type {number} */ n) => String(v).padStart(n);
  const first = costs[0];
  console.log(
    `\nPer-call main-thread cost, µs (${options.samples} samples × ${options.callsPerSample} calls` +
      ` after ${options.warmup} warm-up; timer step ${first?.timerResolutionUs} µs;` +
      ` target ≤ ${TARGET_MEDIAN_US} µs median for track())`,
  );
  console.log(
    `${"bundle".padEnd(22)}${"call".padEnd(18)}${pad("median", 8)}${pad("p95", 8)}` +
      `${pad("min", 8)}${pad("max", 8)}${pad("first10", 9)}${pad("last10", 9)}${pad("stored/sent", 14)}`,
  );
  for (const c of costs) {
    console.log(
      `${c.bundle.padEnd(22)}${c.path.padEnd(18)}${pad(c.medianUs, 8)}${pad(c.p95Us, 8)}` +
        `${pad(c.minUs, 8)}${pad(c.maxUs, 8)}${pad(c.first10MeanUs, 9)}${pad(c.last10MeanUs, 9)}` +
        `${pad(`${c.stored}/${c.sent}`, 14)}`,
    );
  }
  console.log(`\nSustained rate, ${options.seconds} s each, then await vitrin.flush()`);
  console.log(
    `${"bundle".padEnd(22)}${pad("target/s", 9)}${pad("achieved/s", 11)}${pad("max burst", 10)}` +
      `${pad("sent", 8)}${pad("stored", 8)}${pad("lost", 8)}${pad("dup", 6)}`,
  );
  for (const r of sustained) {
    console.log(
      `${r.bundle.padEnd(22)}${pad(r.targetRate, 9)}${pad(r.achievedRate, 11)}${pad(r.largestBurst, 10)}` +
        `${pad(r.sent, 8)}${pad(r.stored, 8)}${pad(r.lost, 8)}${pad(r.duplicates, 6)}`,
    );
  }
  for (const [bundle, rate] of Object.entries(maxLosslessRate)) {
    const top = rate !== null && rate === Math.max(...options.rates);
    const text =
      rate === null
        ? "none of those tried"
        : `${rate}/s${top ? " (the highest tried: a lower bound; try --rates=)" : ""}`;
    console.log(`highest rate with zero loss, ${bundle}: ${text}`);
  }
  console.log(
    `\n${Object.entries(sizes)
      .map(([file, s]) => `${file} ${s.raw} B (brotli ${s.brotli} B)`)
      .join("; ")}; Chromium ${version}; Node ${process.version}`,
  );
  for (const note of consoleNotes) console.log(`console: ${note}`);
}

try {
  await main();
} catch (error) {
  console.error(`\n✗ bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
