// `npm run bench:profile`: what the profile stages cost on the page's main thread, in real
// Chromium. A benchmark, not a test: it asserts no figure, only that every run produced a
// profile and a non-empty slot. For catalogs of several sizes and shopper histories of several
// lengths it times, with Vitrin's real code bundled from source:
//   - profile: Remember + Recognize (buildProfile), once per change of events in the browser;
//   - each strategy's slot: Recommend + Relevance (pickForSlot), limit 8;
//   - the first call on a new catalog, which also builds the catalog index (once per catalog).
// Targets (issue 5): profile + one slot ≤ 3 ms median at 10k items / 1,000 events, ≤ 30 ms at
// 100k. Prints tables and writes reports/bench-profile.json: every cell, the targets with their
// measured medians, and how the cost grows (per 10× items at fixed events, per 10× events at
// fixed items).
//
//   node scripts/bench-profile.mjs [--sizes=1000,10000,100000] [--histories=100,1000,5000]
//                                  [--runs=50] [--smoke]
//
// --smoke: the same path on tiny inputs (defaults --sizes=100,1000 --histories=10,100
// --runs=3); writes reports/smoke/bench-profile.json.

import { pathToFileURL } from "node:url";
import { createRandom, generateItems, SEED } from "./bench-items.mjs";
import { benchHarness, machineState, SMOKE, sourceState, writeReport } from "./bench-support.mjs";
import { launchChromium } from "./chromium.mjs";
import { ensureDependencies } from "./setup.mjs";

/**
 * @typedef {import("./bench-items.mjs").BenchItem} BenchItem
 * @typedef {import("@vitrin/core").VitrinEvent} VitrinEvent
 * @typedef {{ median: number; p95: number; min: number; max: number }} Stat
 * @typedef {{ items: number; events: number; runs: number; firstCallMs: number;
 *   profile: Stat; slots: Record<string, Stat>; oneSlot: Stat; slowestSlot: string;
 *   withSlowest: Stat; picks: Record<string, number> }} Row
 * @typedef {{ profile: number | null; slot: number | null; profileAndSlot: number | null }} Costs
 * @typedef {{ ratio: Costs; per10x: Costs }} Change
 * @typedef {Change & { events: number; fromItems: number; toItems: number }} ItemsStep
 * @typedef {Change & { items: number; fromEvents: number; toEvents: number }} EventsStep
 * @typedef {{ items: number; events: number; medianMs: number; measuredMedianMs: number | null;
 *   measuredP95Ms: number | null; met: boolean | null }} Target
 */

/** @param {string} name @param {string} fallback */
function listOption(name, fallback) {
  const text = process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const values = (text ?? fallback).split(",").map(Number);
  if (values.some((n) => !Number.isInteger(n) || n <= 0)) {
    console.error(`✗ --${name} must be a comma-separated list of positive whole numbers`);
    process.exit(1);
  }
  return [...new Set(values)].sort((a, b) => a - b);
}

const options = {
  sizes: listOption("sizes", SMOKE ? "100,1000" : "1000,10000,100000"),
  histories: listOption("histories", SMOKE ? "10,100" : "100,1000,5000"),
  runs: listOption("runs", SMOKE ? "3" : "50")[0] ?? 50,
  smoke: SMOKE,
};
/** The slot the targets speak of: the one every shop has on its home page. */
const ONE_SLOT = "for-you";
const TARGETS = [
  { items: 10_000, events: 1_000, medianMs: 3 },
  { items: 100_000, events: 1_000, medianMs: 30 },
];
const ORIGIN = "http://bench.vitrin.test";
const DAY = 86_400_000;
/** The benchmark's "now": fixed, so every run measures the same profile (a December evening). */
export const NOW = Date.UTC(2026, 11, 14, 17, 30);
/** A shopper in Istanbul on a desktop. */
export const ENVIRONMENT = {
  userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140",
  maxTouchPoints: 0,
  screenWidth: 1920,
  coarsePointer: false,
  hover: true,
  saveData: false,
  reducedMotion: false,
  languages: ["tr-TR", "tr", "en"],
  timeZone: "Europe/Istanbul",
  referrer: "",
  host: "bench.vitrin.test",
  search: "",
};

/**
 * A shopper's history of `count` events over 180 days on the catalog: visits of page views,
 * list impressions, product views mostly in three favourite categories, clicks, carts,
 * removals, searches, engagement and now and then a purchase. Deterministic.
 * @param {BenchItem[]} items @param {number} count @returns {VitrinEvent[]}
 */
export function shopperHistory(items, count) {
  const rnd = createRandom(SEED + count);
  const byLeaf = new Map();
  for (const item of items) {
    const leaf = item.categories.join(" > ");
    if (!byLeaf.has(leaf)) byLeaf.set(leaf, []);
    byLeaf.get(leaf).push(item);
  }
  const leaves = [...byLeaf.keys()];
  const favourites = [0, 1, 2].map(() => rnd.pick(leaves));
  /** @returns {BenchItem} */
  const anyItem = () =>
    rnd.next() < 0.75 ? rnd.pick(byLeaf.get(rnd.pick(favourites))) : rnd.pick(items);
  /** @param {BenchItem} item @param {number} [quantity] */
  const ga4 = (item, quantity) => ({
    item_id: item.id,
    item_name: item.title,
    item_brand: item.brand,
    item_category: item.categories[0],
    item_category2: item.categories[1],
    price: item.salePrice ?? item.price,
    ...(quantity ? { quantity } : {}),
  });
  /** @type {VitrinEvent[]} */
  const events = [];
  let ts = NOW - 180 * DAY;
  const step = (180 * DAY) / count;
  let session = 0;
  while (events.length < count) {
    session++;
    const sessionId = `s${session}`;
    const length = rnd.int(5, 30);
    /** @param {VitrinEvent["name"]} name @param {object[]} [list] @param {object} [params] */
    const add = (name, list = [], params = {}) => {
      ts += step * (0.5 + rnd.next());
      events.push(
        /** @type {VitrinEvent} */ ({
          id: `e${events.length}`,
          name,
          ts: Math.round(ts),
          items: list,
          params,
          source: "datalayer",
          path: "/",
          session: sessionId,
          ctx: { traffic: session % 4 ? "direct" : "search", device: "desktop" },
        }),
      );
    };
    add("page_view");
    for (let i = 0; i < length && events.length < count; i++) {
      const r = rnd.next();
      const item = anyItem();
      if (r < 0.45) add("view_item", [ga4(item)]);
      else if (r < 0.6)
        add(
          "view_item_list",
          Array.from({ length: 8 }, () => ga4(anyItem())),
        );
      else if (r < 0.7) add("select_item", [ga4(item)]);
      else if (r < 0.8) add("add_to_cart", [ga4(item, 1)]);
      else if (r < 0.83) add("remove_from_cart", [ga4(item, 1)]);
      else if (r < 0.9) add("search", [], { search_term: item.title.split(" ")[0] });
      else if (r < 0.97) add("user_engagement", [], { engagement_time_msec: rnd.int(2000, 90000) });
      else add("purchase", [ga4(item, 1)], { value: item.price, currency: "TRY" });
    }
  }
  return events;
}

/** @param {number[]} values @returns {Stat} */
function stat(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (/** @type {number} */ q) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const round = (/** @type {number} */ v) => Math.round(v * 1000) / 1000;
  return {
    median: round(at(0.5)),
    p95: round(at(0.95)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

/**
 * Runs in the page: parses the catalog, then times the profile and every strategy's slot.
 * @param {{ catalogUrl: string; eventsUrl: string; runs: number; now: number;
 *   environment: object; oneSlot: string }} args
 */
async function timeInPage({ catalogUrl, eventsUrl, runs, now, environment, oneSlot }) {
  // @ts-expect-error: the harness global
  const api = window.VitrinBench;
  const raw = await (await fetch(catalogUrl)).json();
  const { catalog, problems } = api.parseCatalog(raw, "bench");
  if (!catalog || problems.length) throw new Error(`catalog: ${problems.slice(0, 3).join("; ")}`);
  const events = await (await fetch(eventsUrl)).json();
  const strategies = /** @type {string[]} */ (api.STRATEGIES);
  const input = { events, catalog, environment, now };
  const request = (/** @type {string} */ strategy) => ({ strategy, limit: 8 });
  let t = performance.now();
  const first = api.buildProfile(input);
  api.pickForSlot(request(oneSlot), first, { catalog, now });
  const firstCallMs = performance.now() - t;
  /** @type {number[]} */
  const profile = [];
  /** @type {Record<string, number[]>} */
  const slots = Object.fromEntries(strategies.map((s) => [s, []]));
  /** @type {Record<string, number>} */
  const picks = {};
  for (let run = 0; run < runs; run++) {
    t = performance.now();
    const built = api.buildProfile(input);
    profile.push(performance.now() - t);
    for (const strategy of strategies) {
      t = performance.now();
      const result = api.pickForSlot(request(strategy), built, { catalog, now });
      slots[strategy]?.push(performance.now() - t);
      picks[strategy] = result.picks.length;
    }
  }
  return { firstCallMs, profile, slots, picks };
}

/**
 * How the median cost grows between neighbouring cells of the grid: along catalog size at each
 * history length (`byItems`), and along history length at each catalog size (`byEvents`), for
 * the profile, the for-you slot and the two together. `ratio` is the larger cell's median over
 * the smaller's; `per10x` that ratio scaled to a tenfold step, ratio^(1 / log10(to / from)), so
 * a 5× step and a 10× step compare: 1 is flat, 10 linear, 100 quadratic. Null where the
 * smaller median is 0 (below the timer's step).
 * @param {Row[]} rows
 * @returns {{ byItems: ItemsStep[]; byEvents: EventsStep[] }}
 */
export function growth(rows) {
  const sorted = (/** @type {number[]} */ values) => [...new Set(values)].sort((a, b) => a - b);
  const sizes = sorted(rows.map((r) => r.items));
  const histories = sorted(rows.map((r) => r.events));
  const at = (/** @type {number} */ items, /** @type {number} */ events) =>
    rows.find((r) => r.items === items && r.events === events);
  /** @param {Row} row @returns {Costs} */
  const costs = (row) => ({
    profile: row.profile.median,
    slot: row.slots[ONE_SLOT]?.median ?? null,
    profileAndSlot: row.oneSlot.median,
  });
  const round = (/** @type {number} */ v) => Math.round(v * 100) / 100;
  /** @param {Row} small @param {Row} large @param {number} factor @returns {Change} */
  const change = (small, large, factor) => {
    const [a, b] = [costs(small), costs(large)];
    /** @type {(keyof Costs)[]} */
    const keys = ["profile", "slot", "profileAndSlot"];
    const ratios = keys.map((key) => {
      const [x, y] = [a[key], b[key]];
      return x !== null && y !== null && x > 0 ? y / x : null;
    });
    return {
      ratio: /** @type {Costs} */ (
        Object.fromEntries(keys.map((key, i) => [key, ratios[i] == null ? null : round(ratios[i])]))
      ),
      per10x: /** @type {Costs} */ (
        Object.fromEntries(
          keys.map((key, i) => {
            const r = ratios[i];
            return [key, r == null ? null : round(r ** (1 / Math.log10(factor)))];
          }),
        )
      ),
    };
  };
  /** @type {ItemsStep[]} */
  const byItems = [];
  for (const events of histories) {
    for (let i = 1; i < sizes.length; i++) {
      const [fromItems, toItems] = [sizes[i - 1] ?? 0, sizes[i] ?? 0];
      const [small, large] = [at(fromItems, events), at(toItems, events)];
      if (small && large)
        byItems.push({ events, fromItems, toItems, ...change(small, large, toItems / fromItems) });
    }
  }
  /** @type {EventsStep[]} */
  const byEvents = [];
  for (const items of sizes) {
    for (let i = 1; i < histories.length; i++) {
      const [fromEvents, toEvents] = [histories[i - 1] ?? 0, histories[i] ?? 0];
      const [small, large] = [at(items, fromEvents), at(items, toEvents)];
      if (small && large)
        byEvents.push({
          items,
          fromEvents,
          toEvents,
          ...change(small, large, toEvents / fromEvents),
        });
    }
  }
  return { byItems, byEvents };
}

/**
 * The targets with what was measured for them (null where the grid has no such cell).
 * @param {Row[]} rows @returns {Target[]}
 */
export function targets(rows) {
  return TARGETS.map((target) => {
    const row = rows.find((r) => r.items === target.items && r.events === target.events);
    const measured = row?.oneSlot.median ?? null;
    return {
      ...target,
      measuredMedianMs: measured,
      measuredP95Ms: row?.oneSlot.p95 ?? null,
      met: measured === null ? null : measured <= target.medianMs,
    };
  });
}

async function main() {
  ensureDependencies();
  const harness = await benchHarness(["buildProfile", "parseCatalog", "pickForSlot", "STRATEGIES"]);
  const largest = options.sizes.at(-1) ?? 0;
  /** @type {BenchItem[]} */
  const all = [];
  const stream = generateItems();
  while (all.length < largest) all.push(stream.next().value);

  /** @type {Map<string, string>} */
  const files = new Map([
    [
      "/",
      '<!doctype html><meta charset="utf-8"><title>bench</title><script src="/harness.js"></script>',
    ],
    ["/harness.js", harness],
  ]);
  for (const size of options.sizes) {
    const items = all.slice(0, size);
    files.set(
      `/catalog-${size}.json`,
      JSON.stringify({ format: "vitrin-catalog", version: 1, currency: "TRY", items }),
    );
    for (const count of options.histories) {
      files.set(`/events-${size}-${count}.json`, JSON.stringify(shopperHistory(items, count)));
    }
  }

  const { browser, found } = await launchChromium();
  /** @type {Row[]} */
  const rows = [];
  try {
    for (const size of options.sizes) {
      for (const count of options.histories) {
        console.log(`› ${size.toLocaleString("en")} items, ${count.toLocaleString("en")} events`);
        // A fresh page per cell: no index or JIT state carried from another catalog.
        const context = await browser.newContext();
        const page = await context.newPage();
        /** @type {string[]} */
        const problems = [];
        page.on("pageerror", (error) => problems.push(error.message));
        await page.route(`${ORIGIN}/**`, (route) => {
          const path = new URL(route.request().url()).pathname;
          const body = files.get(path);
          if (body === undefined) return route.fulfill({ status: 404, body: "" });
          const type = path.endsWith(".js")
            ? "text/javascript"
            : path.endsWith(".json")
              ? "application/json"
              : "text/html";
          return route.fulfill({ status: 200, body, contentType: type });
        });
        await page.goto(`${ORIGIN}/`);
        const result = await page.evaluate(timeInPage, {
          catalogUrl: `${ORIGIN}/catalog-${size}.json`,
          eventsUrl: `${ORIGIN}/events-${size}-${count}.json`,
          runs: options.runs,
          now: NOW,
          environment: ENVIRONMENT,
          oneSlot: ONE_SLOT,
        });
        await context.close();
        if (problems.length) throw new Error(`the page threw: ${problems.join("; ")}`);
        if (!result.picks[ONE_SLOT]) throw new Error(`${ONE_SLOT} gave no items`);
        const slots = Object.fromEntries(
          Object.entries(result.slots).map(([strategy, times]) => [strategy, stat(times)]),
        );
        const slowestSlot =
          Object.entries(slots).sort(([, a], [, b]) => b.median - a.median)[0]?.[0] ?? ONE_SLOT;
        const sum = (/** @type {string} */ strategy) =>
          stat(result.profile.map((p, i) => p + (result.slots[strategy]?.[i] ?? 0)));
        rows.push({
          items: size,
          events: count,
          runs: options.runs,
          firstCallMs: Math.round(result.firstCallMs * 100) / 100,
          profile: stat(result.profile),
          slots,
          oneSlot: sum(ONE_SLOT),
          slowestSlot,
          withSlowest: sum(slowestSlot),
          picks: result.picks,
        });
      }
    }
    const report = {
      benchmark: "profile",
      smoke: SMOKE,
      date: new Date().toISOString(),
      ...sourceState(),
      machine: machineState(),
      chromium: { version: browser.version(), found },
      now: new Date(NOW).toISOString(),
      environment: ENVIRONMENT,
      options,
      oneSlot: ONE_SLOT,
      targets: targets(rows),
      growth: growth(rows),
      rows,
    };
    const written = writeReport("bench-profile", report);
    printTables(report);
    console.log(`\n${written} written`);
  } finally {
    await browser.close();
  }
}

/**
 * @param {{ rows: Row[]; targets: Target[]; growth: ReturnType<typeof growth>;
 *   chromium: { version: string } }} report
 */
function printTables(report) {
  const ms = (/** @type {Stat} */ s) => `${s.median.toFixed(2)} / ${s.p95.toFixed(2)}`;
  console.log(`\nProfile stages in Chromium ${report.chromium.version}, ms median / p95`);
  console.table(
    report.rows.map((row) => ({
      items: row.items.toLocaleString("en"),
      events: row.events.toLocaleString("en"),
      profile: ms(row.profile),
      [`${ONE_SLOT} slot`]: ms(row.slots[ONE_SLOT] ?? stat([])),
      [`profile + ${ONE_SLOT}`]: ms(row.oneSlot),
      slowest: `${row.slowestSlot} ${ms(row.slots[row.slowestSlot] ?? stat([]))}`,
      "first call": row.firstCallMs.toFixed(1),
    })),
  );
  const strategies = Object.keys(report.rows[0]?.slots ?? {});
  console.log("\nEach strategy's slot (Recommend + Relevance), ms median");
  console.table(
    report.rows.map((row) => ({
      items: row.items.toLocaleString("en"),
      events: row.events.toLocaleString("en"),
      ...Object.fromEntries(strategies.map((s) => [s, row.slots[s]?.median.toFixed(2)])),
    })),
  );
  console.log("\nHow cost grows (median ms)");
  const sizes = [...new Set(report.rows.map((r) => r.items))];
  const histories = [...new Set(report.rows.map((r) => r.events))];
  const at = (/** @type {number} */ items, /** @type {number} */ events) =>
    report.rows.find((r) => r.items === items && r.events === events);
  for (const items of sizes) {
    const cells = histories.map(
      (events) => `${events}: ${at(items, events)?.profile.median.toFixed(2)}`,
    );
    console.log(`  profile, ${items.toLocaleString("en")} items, by events — ${cells.join(", ")}`);
  }
  for (const events of histories) {
    const cells = sizes.map(
      (items) => `${items}: ${at(items, events)?.slots[ONE_SLOT]?.median.toFixed(2)}`,
    );
    console.log(
      `  ${ONE_SLOT} slot, ${events.toLocaleString("en")} events, by items — ${cells.join(", ")}`,
    );
  }
  const times = (/** @type {number | null} */ v) => (v === null ? "–" : `×${v}`);
  const change = (/** @type {Change} */ c) =>
    `profile ${times(c.per10x.profile)}, ${ONE_SLOT} ${times(c.per10x.slot)}, both ${times(c.per10x.profileAndSlot)}`;
  console.log(
    "\nGrowth per 10× (median; 10 is linear, – where a median is below the timer's step)",
  );
  for (const g of report.growth.byItems) {
    console.log(
      `  items ${g.fromItems.toLocaleString("en")} → ${g.toItems.toLocaleString("en")} at ` +
        `${g.events.toLocaleString("en")} events: ${change(g)}`,
    );
  }
  for (const g of report.growth.byEvents) {
    console.log(
      `  events ${g.fromEvents.toLocaleString("en")} → ${g.toEvents.toLocaleString("en")} at ` +
        `${g.items.toLocaleString("en")} items: ${change(g)}`,
    );
  }
  console.log("\nTargets (profile + one slot, median)");
  for (const t of report.targets) {
    const verdict = t.met === null ? "not measured" : t.met ? "met" : "MISSED";
    console.log(
      `  ${t.items.toLocaleString("en")} items / ${t.events.toLocaleString("en")} events: ` +
        `${t.measuredMedianMs ?? "–"} ms (target ≤ ${t.medianMs} ms): ${verdict}`,
    );
  }
}

// Run when executed, not when imported (for its history generator).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(`✗ bench:profile: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
