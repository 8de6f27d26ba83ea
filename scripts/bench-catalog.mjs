// `npm run bench:catalog`: what a large catalog costs. A benchmark, not a test: it asserts no
// figure, only that every step ran (files parse with no problem, the warm load made no request,
// the CLI exited 0). For generated catalogs of several sizes it measures
//   1. the file: raw, gzip and brotli (quality 11) bytes, against the 10,000 items ≤ 400 kB target;
//   2. in Chromium: fetch + response.json(), parseCatalog, the IndexedDB write the loader does,
//      and loadCatalog end to end, cold (fresh context, no cache) and warm (cache hit, no request);
//   3. the `vitrin catalog` CLI converting Merchant Center feeds (TSV and RSS XML): items/s and
//      peak RSS.
// Prints tables and writes reports/bench-catalog.json.
//
//   node scripts/bench-catalog.mjs [--sizes=1000,10000,100000] [--runs=5] [--cli-extra=200000]
//                                  [--no-cli] [--no-build] [--smoke]
//
// --smoke: the same path on tiny inputs (defaults --sizes=50,200 --runs=1 --cli-extra=0);
// writes reports/smoke/bench-catalog.json.

import { spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { COLORS, MATERIALS } from "../examples/storefront/catalog-data.mjs";
import { generateItems, SEED } from "./bench-items.mjs";
import { benchHarness, machineState, SMOKE, sourceState, writeReport } from "./bench-support.mjs";
import { launchChromium } from "./chromium.mjs";
import { ensureDependencies, ROOT } from "./setup.mjs";

/**
 * @typedef {import("./bench-items.mjs").BenchItem} BenchItem
 * What the esbuild harness puts on `window.VitrinBench`.
 * @typedef {{
 *   parseCatalog: typeof import("@vitrin/core").parseCatalog;
 *   loadCatalog: typeof import("@vitrin/core").loadCatalog;
 *   indexedDbStores: typeof import("@vitrin/core").indexedDbStores;
 * }} BenchApi
 * @typedef {Window & { VitrinBench?: BenchApi }} BenchWindow
 * @typedef {import("@playwright/test").Browser} Browser
 * @typedef {import("@playwright/test").BrowserContext} BrowserContext
 * @typedef {import("@playwright/test").Page} Page
 * @typedef {{ items: number; rawBytes: number; gzipBytes: number; brotliBytes: number;
 *   rawBytesPerItem: number; brotliBytesPerItem: number; brotliMs: number; groups: number;
 *   onSaleShare: number; outOfStockShare: number; distinctTitleShare: number }} SizeRow
 * @typedef {{ fetchJsonMs: number; parseMs: number; idbWriteMs: number; coldLoadMs: number;
 *   warmLoadMs: number }} Timings
 * @typedef {{ items: number; runs: number; completedRuns: number; timedOut: string | null;
 *   median: Timings | null; min: Timings | null; max: Timings | null; perRun: Timings[] }} BrowserRow
 * @typedef {{ items: number; from: "gmc-tsv" | "gmc"; input: string; inputBytes: number;
 *   wallMs: number; itemsPerSecond: number; peakRssBytes: number | null; peakRssFrom: string;
 *   cliItemsPerSecond: number | null; cliElapsedMs: number | null; cliPeakRssBytes: number | null;
 *   read: number | null; written: number | null; skipped: number | null; outputBytes: number;
 *   problems: string[] }} CliRow
 */

/** The product target: a 10,000-item catalog in at most 400 kB of brotli. */
const TARGET = { items: 10_000, brotliBytes: 400_000 };
/** A run (steps, cold and warm load of one size) that takes longer than this is abandoned. */
const RUN_LIMIT_MS = 60_000;
/** Where the loader's cached copy is considered fresh (Vitrin's default revalidation period). */
const MAX_AGE_MS = 6 * 60 * 60 * 1000;
/** Origin of the links in the generated Merchant Center feeds (feeds carry absolute URLs). */
const ORIGIN = "https://www.ornekmagaza.com.tr";
/** Bundles that must resolve npm packages from the repository live here (gitignored). */
const CACHE_DIR = join(ROOT, "node_modules/.cache/vitrin-bench");

/** @param {string} name @param {number} fallback @param {boolean} [zeroOk] */
function numberOption(name, fallback, zeroOk = false) {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (!arg) return fallback;
  const value = Number(arg.slice(name.length + 3));
  if (Number.isInteger(value) && (value > 0 || (zeroOk && value === 0))) return value;
  console.error(`✗ --${name} must be a whole number${zeroOk ? " ≥ 0" : " > 0"}`);
  process.exit(1);
}

const KNOWN_FLAGS = ["--no-cli", "--no-build", "--smoke", "--sizes=", "--runs=", "--cli-extra="];
const unknown = process.argv.slice(2).filter((a) => !KNOWN_FLAGS.some((f) => a.startsWith(f)));
if (unknown.length) {
  console.error(`✗ unknown option ${unknown.join(" ")}`);
  console.error(
    "usage: node scripts/bench-catalog.mjs [--sizes=1000,10000,100000] [--runs=5] " +
      "[--cli-extra=200000] [--no-cli] [--no-build] [--smoke]",
  );
  process.exit(1);
}

const options = {
  sizes: [
    ...new Set(
      (
        process.argv.find((a) => a.startsWith("--sizes="))?.slice(8) ??
        (SMOKE ? "50,200" : "1000,10000,100000")
      )
        .split(",")
        .map(Number),
    ),
  ].sort((a, b) => a - b),
  runs: numberOption("runs", SMOKE ? 1 : 5),
  /** One more, larger feed for the CLI only (0: none). */
  cliExtra: numberOption("cli-extra", SMOKE ? 0 : 200_000, true),
  cli: !process.argv.includes("--no-cli"),
  smoke: SMOKE,
  // Accepted for symmetry with bench-tracker: nothing here comes from a rollup build. The page
  // harness (and the CLI, when packages/cli/dist/cli.js is missing) is bundled from source by
  // esbuild on every run, in well under a second.
  build: !process.argv.includes("--no-build"),
};
if (options.sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
  console.error("✗ --sizes must be a comma-separated list of item counts");
  process.exit(1);
}

/** @param {string} message @returns {never} */
function fail(message) {
  throw new Error(message);
}

/** The item with salePrice where docs/catalog-format.md puts it (after price). @param {BenchItem} item */
function orderedItem(item) {
  const { salePrice, ...rest } = item;
  if (salePrice === undefined) return rest;
  const { id, groupId, title, url, image, price, ...tail } = rest;
  return { id, groupId, title, url, image, price, salePrice, ...tail };
}

/* Merchant Center feeds of the same items. */

const FEED_COLUMNS = (
  "id item_group_id title link image_link price sale_price availability brand " +
  "product_type color size material gender"
).split(" ");

/** @param {string | string[] | undefined} value */
const one = (value) => (Array.isArray(value) ? value.join(",") : (value ?? ""));

/** The item as Merchant Center attributes, in {@link FEED_COLUMNS} order. @param {BenchItem} item */
function feedFields(item) {
  const a = item.attributes;
  const color = typeof a.color === "string" ? (COLORS[a.color]?.tr ?? a.color) : "";
  const material = typeof a.material === "string" ? (MATERIALS[a.material]?.[0] ?? a.material) : "";
  return [
    item.id,
    item.groupId,
    item.title,
    ORIGIN + item.url,
    ORIGIN + item.image,
    `${item.price.toFixed(2)} TRY`,
    item.salePrice === undefined ? "" : `${item.salePrice.toFixed(2)} TRY`,
    item.availability === "in_stock" ? "in stock" : "out of stock",
    item.brand,
    item.categories.join(" > "),
    color,
    one(a.size),
    material,
    one(a.gender),
  ];
}

/** @param {BenchItem} item */
function tsvLine(item) {
  const cells = feedFields(item);
  for (const cell of cells) {
    if (/[\t\r\n"]/.test(cell))
      fail(`generator: a TSV cell needs quoting: ${JSON.stringify(cell)}`);
  }
  return `${cells.join("\t")}\n`;
}

/** @param {string} text */
const xmlText = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** @param {BenchItem} item */
function xmlItem(item) {
  const cells = feedFields(item);
  let out = "    <item>\n";
  FEED_COLUMNS.forEach((name, i) => {
    const value = cells[i] ?? "";
    if (value !== "") out += `      <g:${name}>${xmlText(value)}</g:${name}>\n`;
  });
  return `${out}    </item>\n`;
}

const XML_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<rss xmlns:g="http://base.google.com/ns/1.0" version="2.0">\n' +
  `  <channel>\n    <title>Örnek Mağaza</title>\n    <link>${ORIGIN}</link>\n` +
  "    <description>Örnek Mağaza ürün akışı</description>\n";
const XML_TAIL = "  </channel>\n</rss>\n";

/** A file written in 1 MB pieces. @param {string} path @param {string} head */
function feedWriter(path, head) {
  const fd = openSync(path, "w");
  /** @type {string[]} */
  let parts = [head];
  let length = head.length;
  const flush = () => {
    writeSync(fd, parts.join(""));
    parts = [];
    length = 0;
  };
  return {
    path,
    /** @param {string} text */
    add(text) {
      parts.push(text);
      length += text.length;
      if (length >= 1 << 20) flush();
    },
    /** @param {string} tail */
    close(tail) {
      parts.push(tail);
      flush();
      closeSync(fd);
    },
  };
}

/* ------------------------------------------------------------------------------------------ */
/* In the page. These functions are serialized by Playwright: no closures over Node variables. */

/**
 * (a) fetch + response.json(), (b) parseCatalog, (c) the write loadCatalog does after a
 * download: `{ fetchedAt, etag, body }` under `catalog:<url>` in the cache object store, where
 * `body` is the raw JSON (the loader caches the file, not the parsed catalog, and parses it
 * again on every load). The database is opened before (c) starts, so (c) is the write alone.
 * @param {{ url: string }} args
 */
async function timeSteps({ url }) {
  const api = /** @type {BenchApi} */ (/** @type {BenchWindow} */ (window).VitrinBench);
  const t0 = performance.now();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  /** @type {unknown} */
  const body = await response.json();
  const t1 = performance.now();
  const { catalog, problems } = api.parseCatalog(body, url);
  const t2 = performance.now();
  if (!catalog) throw new Error(`parseCatalog refused the file: ${problems.join("; ")}`);
  const { cache } = api.indexedDbStores("vitrin-bench-write");
  await cache.get("(opens the database)");
  const etag = response.headers.get("ETag");
  const t3 = performance.now();
  await cache.set(`catalog:${url}`, { fetchedAt: Date.now(), body, ...(etag ? { etag } : {}) });
  const t4 = performance.now();
  return {
    fetchJsonMs: t1 - t0,
    parseMs: t2 - t1,
    idbWriteMs: t4 - t3,
    items: catalog.items.length,
    problems: problems.slice(0, 3),
    problemCount: problems.length,
  };
}

/**
 * loadCatalog end to end, as createVitrin calls it, with Vitrin's own database; counts the
 * requests it makes (a warm load with a fresh cached copy must make none).
 * @param {{ url: string; maxAgeMs: number }} args
 */
async function timeLoad({ url, maxAgeMs }) {
  const api = /** @type {BenchApi} */ (/** @type {BenchWindow} */ (window).VitrinBench);
  let requests = 0;
  /** @type {typeof fetch} */
  const counting = (input, init) => {
    requests++;
    return fetch(input, init);
  };
  const { cache } = api.indexedDbStores();
  const t0 = performance.now();
  const catalog = await api.loadCatalog(
    { url, cache, now: () => Date.now(), maxAgeMs, fetch: counting },
    () => {},
  );
  const t1 = performance.now();
  return { ms: t1 - t0, items: catalog?.items.length ?? 0, requests };
}

/* ------------------------------------------------------------------------------------------ */
/* In Node. */

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** @param {number} v @param {number} [digits] */
const round = (v, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

/** @param {number} bytes */
function size(bytes) {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/**
 * Writes the catalogs (and, for the CLI, the feeds) into `root` in one pass over the item
 * stream. Returns the catalog files' figures.
 * @param {string} root @param {number[]} catalogSizes @param {number[]} feedSizes
 */
function writeData(root, catalogSizes, feedSizes) {
  const most = Math.max(0, ...catalogSizes, ...feedSizes);
  const keep = Math.max(0, ...catalogSizes);
  const feeds = feedSizes.map((n) => ({
    n,
    tsv: feedWriter(join(root, `feed-${n}.tsv`), `${FEED_COLUMNS.join("\t")}\n`),
    xml: feedWriter(join(root, `feed-${n}.xml`), XML_HEAD),
  }));
  /** @type {BenchItem[]} */
  const items = [];
  const stream = generateItems();
  for (let i = 0; i < most; i++) {
    const item = stream.next().value;
    if (i < keep) items.push(item);
    const open = feeds.filter((f) => f.n > i);
    if (open.length) {
      const line = tsvLine(item);
      const xml = xmlItem(item);
      for (const f of open) {
        f.tsv.add(line);
        f.xml.add(xml);
      }
    }
  }
  for (const f of feeds) {
    f.tsv.close("");
    f.xml.close(XML_TAIL);
  }

  /** @type {SizeRow[]} */
  const rows = [];
  for (const n of catalogSizes) {
    const slice = items.slice(0, n);
    const catalog = {
      format: "vitrin-catalog",
      version: 1,
      currency: "TRY",
      language: "tr",
      items: slice.map(orderedItem),
    };
    const bytes = Buffer.from(JSON.stringify(catalog));
    writeFileSync(join(root, `catalog-${n}.json`), bytes);
    process.stdout.write(`› ${integer.format(n)} items: ${size(bytes.length)}, compressing…`);
    const t0 = performance.now();
    const brotli = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length;
    const brotliMs = performance.now() - t0;
    const gzip = gzipSync(bytes, { level: 9 }).length;
    process.stdout.write(` brotli ${size(brotli)} in ${(brotliMs / 1000).toFixed(1)} s\n`);
    rows.push({
      items: n,
      rawBytes: bytes.length,
      gzipBytes: gzip,
      brotliBytes: brotli,
      rawBytesPerItem: round(bytes.length / n),
      brotliBytesPerItem: round(brotli / n, 2),
      brotliMs: Math.round(brotliMs),
      groups: new Set(slice.map((item) => item.groupId)).size,
      onSaleShare: round(slice.filter((item) => item.salePrice !== undefined).length / n, 3),
      outOfStockShare: round(
        slice.filter((item) => item.availability !== "in_stock").length / n,
        3,
      ),
      distinctTitleShare: round(new Set(slice.map((item) => item.title)).size / n, 3),
    });
  }
  return rows;
}

/** Page problems and Vitrin's console warnings, per run. */
const consoleNotes = /** @type {string[]} */ ([]);

class RunTimeout extends Error {}

/**
 * @template T
 * @param {Promise<T>} promise @param {number} deadline performance.now() limit @param {string} what
 * @returns {Promise<T>}
 */
function beforeDeadline(promise, deadline, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new RunTimeout(`${what}: over ${RUN_LIMIT_MS / 1000} s`)),
      Math.max(0, deadline - performance.now()),
    );
  });
  return /** @type {Promise<T>} */ (Promise.race([promise, limit])).finally(() =>
    clearTimeout(timer),
  );
}

/**
 * A fresh context with the harness page open and `window.VitrinBench` ready.
 * @param {Browser} browser @param {string} baseUrl @param {string} where
 */
async function openPage(browser, baseUrl, where) {
  const context = await browser.newContext();
  const page = await context.newPage();
  /** @type {string[]} */
  const problems = [];
  page.on("pageerror", (error) => problems.push(`the page threw: ${error.message}`));
  page.on("crash", () => problems.push("the page crashed"));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    else if (message.type() === "warning") consoleNotes.push(`${where}: ${message.text()}`);
  });
  const check = () => {
    if (problems.length) fail(`${where}:\n  ${problems.join("\n  ")}`);
  };
  const ready = async () => {
    await page.waitForFunction(
      () => typeof (/** @type {BenchWindow} */ (window).VitrinBench?.loadCatalog) === "function",
      undefined,
      { timeout: 10_000 },
    );
    check();
  };
  const url = new URL("catalog.html", baseUrl).href;
  const response = await page.goto(url);
  if (!response?.ok()) fail(`${where}: ${url} answered ${response?.status() ?? "nothing"}`);
  await ready();
  return { context, page, check, ready };
}

/**
 * One run for one size: steps (a)–(c) in one fresh context, then a cold and a warm
 * loadCatalog in another (the warm one after a reload, as on the shopper's next page).
 * @param {Browser} browser @param {string} baseUrl @param {number} n @param {number} run
 * @returns {Promise<Timings>}
 */
async function browserRun(browser, baseUrl, n, run) {
  const url = new URL(`catalog-${n}.json`, baseUrl).href;
  const where = `${integer.format(n)} items, run ${run}`;
  const deadline = performance.now() + RUN_LIMIT_MS;
  /** @type {BrowserContext[]} */
  const contexts = [];
  try {
    const first = await openPage(browser, baseUrl, `${where} (steps)`);
    contexts.push(first.context);
    const steps = await beforeDeadline(first.page.evaluate(timeSteps, { url }), deadline, where);
    first.check();
    if (steps.items !== n || steps.problemCount) {
      fail(
        `${where}: parseCatalog kept ${steps.items} of ${n} items, ${steps.problemCount} problems: ` +
          steps.problems.join("; "),
      );
    }
    await first.context.close();

    const second = await openPage(browser, baseUrl, `${where} (load)`);
    contexts.push(second.context);
    const cold = await beforeDeadline(
      second.page.evaluate(timeLoad, { url, maxAgeMs: MAX_AGE_MS }),
      deadline,
      where,
    );
    second.check();
    if (cold.items !== n || cold.requests !== 1) {
      fail(`${where}: cold loadCatalog gave ${cold.items} items with ${cold.requests} requests`);
    }
    await beforeDeadline(second.page.reload(), deadline, where);
    await second.ready();
    const warm = await beforeDeadline(
      second.page.evaluate(timeLoad, { url, maxAgeMs: MAX_AGE_MS }),
      deadline,
      where,
    );
    second.check();
    if (warm.items !== n) fail(`${where}: warm loadCatalog gave ${warm.items} items`);
    if (warm.requests !== 0) {
      fail(`${where}: warm loadCatalog made ${warm.requests} request(s); the cache was not used`);
    }
    return {
      fetchJsonMs: round(steps.fetchJsonMs),
      parseMs: round(steps.parseMs),
      idbWriteMs: round(steps.idbWriteMs),
      coldLoadMs: round(cold.ms),
      warmLoadMs: round(warm.ms),
    };
  } finally {
    for (const context of contexts) await context.close().catch(() => {});
  }
}

/** @param {Timings[]} runs @param {(values: number[]) => number} pick @returns {Timings} */
function combine(runs, pick) {
  /** @param {keyof Timings} key */
  const of = (key) => round(pick(runs.map((r) => r[key])));
  return {
    fetchJsonMs: of("fetchJsonMs"),
    parseMs: of("parseMs"),
    idbWriteMs: of("idbWriteMs"),
    coldLoadMs: of("coldLoadMs"),
    warmLoadMs: of("warmLoadMs"),
  };
}

/**
 * Chromium part. @param {string} root @param {number[]} sizes
 */
async function measureBrowser(root, sizes) {
  const { startServer } = await import("./serve.mjs");
  writeFileSync(
    join(root, "vitrin-bench.js"),
    await benchHarness(["indexedDbStores", "loadCatalog", "parseCatalog"]),
  );
  writeFileSync(join(root, "catalog.html"), readFileSync(join(ROOT, "bench/catalog.html")));
  writeFileSync(join(root, "favicon.ico"), ""); // or Chromium logs a 404 as a console error

  const server = await startServer({ root });
  const { browser, found } = await launchChromium();
  try {
    const version = browser.version();
    /** @type {BrowserRow[]} */
    const rows = [];
    for (const n of sizes) {
      /** @type {Timings[]} */
      const perRun = [];
      /** @type {string | null} */
      let timedOut = null;
      process.stdout.write(`› Chromium, ${integer.format(n)} items: run`);
      for (let run = 1; run <= options.runs; run++) {
        process.stdout.write(` ${run}`);
        try {
          perRun.push(await browserRun(browser, server.url, n, run));
        } catch (error) {
          if (!(error instanceof RunTimeout)) throw error;
          timedOut = error.message;
          process.stdout.write(" (over the limit, stopped)");
          break;
        }
      }
      process.stdout.write("\n");
      rows.push({
        items: n,
        runs: options.runs,
        completedRuns: perRun.length,
        timedOut,
        median: perRun.length ? combine(perRun, median) : null,
        min: perRun.length ? combine(perRun, (v) => Math.min(...v)) : null,
        max: perRun.length ? combine(perRun, (v) => Math.max(...v)) : null,
        perRun,
      });
    }
    return {
      rows,
      chromium: { version, ...found },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/* CLI part. */

/**
 * @param {string} script @param {string[]} args
 * @returns {import("node:child_process").SpawnSyncReturns<string>}
 */
const node = (script, args) =>
  spawnSync(process.execPath, [script, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });

/** First lines of what a failed child said. @param {string} text */
const excerpt = (text) => text.trim().split("\n").slice(0, 6).join("\n    ");

/**
 * The CLI to run: packages/cli/dist/cli.js when built (and it starts), else packages/cli/src/cli.ts
 * bundled by esbuild into node_modules/.cache/vitrin-bench/, so its npm dependencies resolve
 * from the repository. Workspace packages (@vitrin/core) are bundled from their TypeScript
 * source rather than left to a dist that may be stale or missing; npm dependencies stay imports.
 * @returns {Promise<{ path: string; how: string; notes: string[] } | { reason: string; notes: string[] }>}
 */
async function findCli() {
  /** @type {string[]} */
  const notes = [];
  /** @param {string} path */
  const starts = (path) => {
    const result = node(path, ["--version"]);
    return result.status === 0
      ? undefined
      : `\`node ${relative(ROOT, path)} --version\` exited ${result.status ?? result.signal}: ${excerpt(result.stderr || result.stdout)}`;
  };
  const dist = join(ROOT, "packages/cli/dist/cli.js");
  if (existsSync(dist)) {
    const problem = starts(dist);
    if (!problem) return { path: dist, how: "packages/cli/dist/cli.js", notes };
    notes.push(`packages/cli/dist/cli.js does not start (${problem}); bundling the source instead`);
  }
  const source = join(ROOT, "packages/cli/src/cli.ts");
  if (!existsSync(source)) return { reason: "packages/cli/src/cli.ts does not exist", notes };
  /** @param {string} dir */
  const dependencies = (dir) => {
    try {
      const pkg = JSON.parse(readFileSync(join(ROOT, dir, "package.json"), "utf8"));
      return Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
    } catch {
      return [];
    }
  };
  const external = [...dependencies("packages/cli"), ...dependencies("packages/core")].filter(
    (name) => !name.startsWith("@vitrin/"),
  );
  const outfile = join(CACHE_DIR, "cli.mjs");
  try {
    const { build } = await import("esbuild");
    mkdirSync(CACHE_DIR, { recursive: true });
    await build({
      entryPoints: [source],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      conditions: ["source"],
      external,
      outfile,
      logLevel: "silent",
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { reason: `esbuild cannot bundle packages/cli/src/cli.ts: ${excerpt(message)}`, notes };
  }
  const problem = starts(outfile);
  if (problem) return { reason: problem, notes };
  return { path: outfile, how: "packages/cli/src/cli.ts bundled by esbuild", notes };
}

/** Peak RSS from GNU time when it is installed, else from a preload that reads resourceUsage(). */
function rssMeter() {
  const time = "/usr/bin/time";
  if (existsSync(time) && spawnSync(time, ["-v", "true"]).status === 0) {
    return {
      from: "/usr/bin/time -v",
      /** @param {string} script @param {string[]} args */
      command: (script, args) =>
        /** @type {[string, string[]]} */ ([time, ["-v", process.execPath, script, ...args]]),
      /** @param {string} stderr */
      read: (stderr) => {
        const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
        return kb === undefined ? null : Number(kb) * 1024;
      },
    };
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  const probe = join(CACHE_DIR, "rss-probe.mjs");
  writeFileSync(
    probe,
    'process.on("exit", () => process.stderr.write("\\nvitrin-bench maxRSS " + process.resourceUsage().maxRSS + "\\n"));\n',
  );
  return {
    from: "process.resourceUsage().maxRSS in the CLI's process (/usr/bin/time is not installed)",
    /** @param {string} script @param {string[]} args */
    command: (script, args) =>
      /** @type {[string, string[]]} */ ([
        process.execPath,
        ["--import", `file://${probe}`, script, ...args],
      ]),
    /** @param {string} stderr */
    read: (stderr) => {
      const kb = /vitrin-bench maxRSS (\d+)/.exec(stderr)?.[1];
      return kb === undefined ? null : Number(kb) * 1024;
    },
  };
}

/** "66.8 MB" → bytes (the CLI's units are powers of 1000). @param {string | undefined} text */
function parseSize(text) {
  const m = /^([\d.]+) (B|kB|MB|GB)$/.exec(text ?? "");
  if (!m) return null;
  const unit = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 }[/** @type {"B" | "kB" | "MB" | "GB"} */ (m[2])];
  return Math.round(Number(m[1]) * unit);
}

/** @param {string} text @param {RegExp} pattern */
const count = (text, pattern) => {
  const m = pattern.exec(text)?.[1];
  return m === undefined ? null : Number(m.replace(/,/g, ""));
};

/**
 * Runs the CLI on every feed. Failures of single runs are collected, not thrown, so the rest of
 * the report survives; main() exits 1 when there were any.
 * @param {string} root @param {number[]} sizes @param {boolean} brotliTarget
 * @param {string[]} errors
 */
async function measureCli(root, sizes, brotliTarget, errors) {
  const cli = await findCli();
  for (const note of cli.notes) console.log(`› CLI: ${note}`);
  if (!("path" in cli)) {
    console.log(`› CLI: not available (${cli.reason})`);
    return { available: false, reason: cli.reason, notes: cli.notes, rows: [] };
  }
  const meter = rssMeter();
  console.log(`› CLI: ${cli.how}; peak RSS from ${meter.from}`);
  /** @type {CliRow[]} */
  const rows = [];
  /** @type {{ items: number; rawBytes: number; brotliBytes: number } | null} */
  let converted = null;
  for (const n of sizes) {
    for (const from of /** @type {const} */ (["gmc-tsv", "gmc"])) {
      const input = join(root, `feed-${n}.${from === "gmc" ? "xml" : "tsv"}`);
      const output = join(root, `cli-${n}-${from}.json`);
      process.stdout.write(`› CLI, ${integer.format(n)} items, --from ${from}…`);
      const [command, args] = meter.command(cli.path, [
        "catalog",
        input,
        "--from",
        from,
        "-o",
        output,
        "--no-progress",
      ]);
      const t0 = performance.now();
      const result = spawnSync(command, args, {
        cwd: ROOT,
        encoding: "utf8",
        maxBuffer: 64 << 20,
        timeout: 600_000,
      });
      const wallMs = performance.now() - t0;
      const out = result.stdout ?? "";
      const err = result.stderr ?? "";
      if (result.status !== 0) {
        process.stdout.write(" failed\n");
        errors.push(
          `CLI ${integer.format(n)} items --from ${from}: exit ${result.status ?? result.signal}` +
            `${result.error ? ` (${result.error.message})` : ""}\n    ${excerpt(err || out)}`,
        );
        continue;
      }
      const elapsed = /elapsed\s+([\d.]+) s \(([\d,]+) items\/s\)/.exec(out);
      const written = count(out, /items written\s+([\d,]+)/);
      const problems = err
        .split("\n")
        .filter((line) => line.trim() && !/^\s|^Command being timed|vitrin-bench maxRSS/.test(line))
        .slice(0, 5);
      const outputBytes = existsSync(output) ? statSync(output).size : 0;
      const row = {
        items: n,
        from,
        input: relative(root, input),
        inputBytes: statSync(input).size,
        wallMs: Math.round(wallMs),
        itemsPerSecond: Math.round((n / wallMs) * 1000),
        peakRssBytes: meter.read(err),
        peakRssFrom: meter.from,
        cliItemsPerSecond: elapsed?.[2] ? Number(elapsed[2].replace(/,/g, "")) : null,
        cliElapsedMs: elapsed?.[1] ? Math.round(Number(elapsed[1]) * 1000) : null,
        cliPeakRssBytes: parseSize(/peak memory\s+(\S+ \S+) RSS/.exec(out)?.[1]),
        read: count(out, /items read\s+([\d,]+)/),
        written,
        skipped: count(out, /items skipped\s+([\d,]+)/),
        outputBytes,
        problems,
      };
      rows.push(row);
      process.stdout.write(
        ` ${(wallMs / 1000).toFixed(1)} s, ${integer.format(row.itemsPerSecond)} items/s, ` +
          `peak RSS ${row.peakRssBytes === null ? "?" : size(row.peakRssBytes)}\n`,
      );
      if (brotliTarget && n === TARGET.items && from === "gmc-tsv" && outputBytes) {
        const bytes = readFileSync(output);
        converted = {
          items: n,
          rawBytes: bytes.length,
          brotliBytes: brotliCompressSync(bytes, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
          }).length,
        };
      }
      rmSync(output, { force: true });
    }
  }
  return {
    available: true,
    how: cli.how,
    notes: cli.notes,
    peakRssFrom: meter.from,
    rows,
    converted,
  };
}

async function main() {
  ensureDependencies();
  const feedSizes = options.cli
    ? [...new Set([...options.sizes, ...(options.cliExtra ? [options.cliExtra] : [])])].sort(
        (a, b) => a - b,
      )
    : [];
  const root = mkdtempSync(join(tmpdir(), "vitrin-bench-catalog-"));
  /** @type {string[]} */
  const errors = [];
  const started = performance.now();
  try {
    console.log(
      `› generating catalogs of ${options.sizes.map((n) => integer.format(n)).join(", ")} items` +
        (feedSizes.length
          ? ` and Merchant Center feeds (TSV, XML) of ${feedSizes.map((n) => integer.format(n)).join(", ")}`
          : "") +
        ` in ${root}`,
    );
    const sizes = writeData(root, options.sizes, feedSizes);
    const browser = await measureBrowser(root, options.sizes);
    const cli = options.cli
      ? await measureCli(root, feedSizes, options.sizes.includes(TARGET.items), errors)
      : { available: false, reason: "skipped (--no-cli)", rows: [] };

    const target = sizes.find((s) => s.items === TARGET.items);
    const report = {
      date: new Date().toISOString(),
      source: sourceState(),
      chromium: browser.chromium,
      machine: machineState(),
      options,
      generator: {
        seed: SEED,
        description:
          "examples/storefront generateProducts() records as templates; per product group a " +
          "product line name (books: an author), 1-3 colours, price ±30%, 20% sale, 8% out of " +
          "stock; slug URLs and /img/p/<id>.jpg images as paths; compact JSON",
      },
      target: {
        ...TARGET,
        measuredBrotliBytes: target?.brotliBytes ?? null,
        met: target ? target.brotliBytes <= TARGET.brotliBytes : null,
      },
      sizes,
      browser: { runLimitMs: RUN_LIMIT_MS, rows: browser.rows },
      cli,
      consoleWarnings: consoleNotes,
      errors,
      totalSeconds: 0,
    };
    report.totalSeconds = Math.round((performance.now() - started) / 1000);
    printTables(report);
    console.log(`(written to ${writeReport("bench-catalog", report)})`);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(join(CACHE_DIR, "cli.mjs"), { force: true });
    rmSync(join(CACHE_DIR, "rss-probe.mjs"), { force: true });
  }
  if (errors.length) {
    console.error(`\n✗ ${errors.length} step(s) failed:\n  ${errors.join("\n  ")}`);
    process.exit(1);
  }
}

/**
 * @param {{ sizes: SizeRow[]; browser: { rows: BrowserRow[] }; chromium: { version: string };
 *   cli: { available: boolean; reason?: string; how?: string; rows: CliRow[];
 *     converted?: { items: number; rawBytes: number; brotliBytes: number } | null };
 *   target: { items: number; brotliBytes: number; measuredBrotliBytes: number | null;
 *     met: boolean | null }; totalSeconds: number; machine: { cpus: number } }} report
 */
function printTables(report) {
  const pad = (/** @type {unknown} */ v, /** @type {number} */ n) => String(v).padStart(n);
  const pct = (/** @type {number} */ v) => `${(v * 100).toFixed(1)}%`;
  console.log(
    "\nCatalog files (Vitrin catalog format v1, compact JSON; brotli quality 11, gzip -9)",
  );
  console.log(
    `${pad("items", 9)}${pad("raw", 11)}${pad("gzip", 11)}${pad("brotli", 11)}${pad("br B/item", 11)}` +
      `${pad("raw B/item", 12)}${pad("br time", 9)}${pad("on sale", 9)}${pad("out of st.", 11)}${pad("uniq titles", 12)}`,
  );
  for (const s of report.sizes) {
    console.log(
      `${pad(integer.format(s.items), 9)}${pad(size(s.rawBytes), 11)}${pad(size(s.gzipBytes), 11)}` +
        `${pad(size(s.brotliBytes), 11)}${pad(s.brotliBytesPerItem.toFixed(1), 11)}` +
        `${pad(s.rawBytesPerItem.toFixed(0), 12)}${pad(`${(s.brotliMs / 1000).toFixed(1)} s`, 9)}` +
        `${pad(pct(s.onSaleShare), 9)}${pad(pct(s.outOfStockShare), 11)}${pad(pct(s.distinctTitleShare), 12)}`,
    );
  }
  const t = report.target;
  console.log(
    t.measuredBrotliBytes === null
      ? `target (${integer.format(t.items)} items ≤ ${size(t.brotliBytes)} brotli): not measured, ${integer.format(t.items)} is not in --sizes`
      : `target: ${integer.format(t.items)} items ≤ ${size(t.brotliBytes)} brotli → ${size(t.measuredBrotliBytes)} ` +
          `(${integer.format(t.measuredBrotliBytes)} B, ${pct(t.measuredBrotliBytes / t.brotliBytes)} of it): ` +
          `${t.met ? "MET" : "NOT MET"}`,
  );

  console.log(
    `\nChromium ${report.chromium.version}: median of ${options.runs} runs, ms (fresh context per run)`,
  );
  console.log(
    `${pad("items", 9)}${pad("fetch+json", 12)}${pad("parseCatalog", 14)}${pad("IDB write", 11)}` +
      `${pad("cold load", 11)}${pad("warm load", 11)}${pad("runs", 6)}`,
  );
  for (const r of report.browser.rows) {
    const m = r.median;
    const cells = m
      ? `${pad(m.fetchJsonMs, 12)}${pad(m.parseMs, 14)}${pad(m.idbWriteMs, 11)}${pad(m.coldLoadMs, 11)}${pad(m.warmLoadMs, 11)}`
      : `${pad("—", 12)}${pad("—", 14)}${pad("—", 11)}${pad("—", 11)}${pad("—", 11)}`;
    console.log(
      `${pad(integer.format(r.items), 9)}${cells}${pad(`${r.completedRuns}/${r.runs}`, 6)}`,
    );
    if (r.timedOut) console.log(`${" ".repeat(9)}stopped: ${r.timedOut} (limit per run)`);
  }
  console.log(
    "fetch+json: fetch() + response.json() from localhost (uncompressed); parseCatalog: validation" +
      " + index; IDB write: the loader's cache write of the raw body; cold: loadCatalog with an empty" +
      " cache (download, parse, write); warm: loadCatalog on the next page, fresh cached copy, no request.",
  );

  console.log(
    "\nvitrin catalog CLI (one run each; wall time of the whole process, node start included)",
  );
  if (!report.cli.available) {
    console.log(`CLI: not available (${report.cli.reason})`);
  } else {
    console.log(
      `${pad("items", 9)}${pad("--from", 9)}${pad("input", 10)}${pad("wall", 8)}${pad("items/s", 10)}` +
        `${pad("(own)", 9)}${pad("peak RSS", 10)}${pad("(own)", 10)}${pad("output", 10)}${pad("written", 10)}`,
    );
    for (const r of report.cli.rows) {
      console.log(
        `${pad(integer.format(r.items), 9)}${pad(r.from, 9)}${pad(size(r.inputBytes), 10)}` +
          `${pad(`${(r.wallMs / 1000).toFixed(2)} s`, 8)}${pad(integer.format(r.itemsPerSecond), 10)}` +
          `${pad(r.cliItemsPerSecond === null ? "?" : integer.format(r.cliItemsPerSecond), 9)}` +
          `${pad(r.peakRssBytes === null ? "?" : size(r.peakRssBytes), 10)}` +
          `${pad(r.cliPeakRssBytes === null ? "?" : size(r.cliPeakRssBytes), 10)}` +
          `${pad(size(r.outputBytes), 10)}${pad(r.written === null ? "?" : integer.format(r.written), 10)}`,
      );
      if (r.written !== null && r.written !== r.items) {
        console.log(
          `${" ".repeat(9)}note: wrote ${r.written} of ${r.items}: ${r.problems.join(" | ")}`,
        );
      }
    }
    const c = report.cli.converted;
    if (c) {
      console.log(
        `CLI output for ${integer.format(c.items)} items (absolute URLs from the feed): ${size(c.rawBytes)}, ` +
          `brotli ${size(c.brotliBytes)} (${(c.brotliBytes / c.items).toFixed(1)} B/item)`,
      );
    }
    console.log("(own): the figures the CLI prints in its summary");
  }
  console.log(
    `\nNode ${process.version}; ${report.machine.cpus} cores; total ${report.totalSeconds} s`,
  );
  for (const note of consoleNotes.slice(0, 10)) console.log(`console: ${note}`);
  if (consoleNotes.length > 10) console.log(`console: …and ${consoleNotes.length - 10} more`);
}

try {
  await main();
} catch (error) {
  console.error(`\n✗ bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
