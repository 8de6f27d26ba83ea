// What the benchmarks share: what they record beside their figures, where they write them,
// Vitrin's sources bundled for a page or for Node, and the tiny data sets of their smoke runs.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { createRandom } from "./bench-items.mjs";
import { ROOT } from "./setup.mjs";

/**
 * `--smoke`: the benchmark's whole path (same bundling, same Chromium, same JSON) on tiny
 * inputs, so `npm test` notices when a benchmark breaks. Its figures mean nothing, and it
 * writes under reports/smoke/ so real results are never overwritten.
 */
export const SMOKE = process.argv.includes("--smoke");

/**
 * Writes a benchmark's report as reports/<name>.json (reports/smoke/<name>.json in a smoke
 * run) and returns that path relative to the repository, for the closing message.
 * @param {string} name e.g. "bench-model" @param {unknown} report
 */
export function writeReport(name, report) {
  const path = join(ROOT, "reports", ...(SMOKE ? ["smoke"] : []), `${name}.json`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  return relative(ROOT, path);
}

/**
 * Which sources the figures were measured on: the commit, and whether tracked files had
 * uncommitted changes (read-only git; `--no-optional-locks` so not even the index is touched).
 */
export function sourceState() {
  /** @param {string[]} args */
  const git = (args) => {
    const result = spawnSync("git", ["--no-optional-locks", ...args], {
      cwd: ROOT,
      encoding: "utf8",
    });
    return result.status === 0 ? result.stdout.trim() : undefined;
  };
  const changes = git(["status", "--porcelain", "--untracked-files=no"]);
  return {
    commit: git(["rev-parse", "HEAD"]) ?? null,
    uncommittedChanges: changes === undefined ? null : changes.length > 0,
  };
}

/** What the figures were measured on, the same in every report. */
export function machineState() {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? null,
    memoryBytes: totalmem(),
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
  };
}

/**
 * Vitrin's real code for a benchmark page: `names` from @vitrin/core, bundled by esbuild from
 * the TypeScript sources (not a stale build) onto `window.VitrinBench`. Returns the script.
 * @param {string[]} names
 */
export async function benchHarness(names) {
  const { build } = await import("esbuild");
  const result = await build({
    stdin: {
      contents: `export { ${names.join(", ")} } from "@vitrin/core";\n`,
      resolveDir: ROOT,
      sourcefile: "bench-harness.js",
      loader: "js",
    },
    bundle: true,
    format: "iife",
    globalName: "VitrinBench",
    platform: "browser",
    target: "es2022",
    conditions: ["source"],
    define: { "process.env.NODE_ENV": '"production"' },
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

/**
 * Node modules of `@vitrin/cli` for a benchmark, bundled from the TypeScript sources (not a
 * stale build) into a folder two levels under packages/cli, where the model builder finds its
 * SQL files (../../sql); DuckDB stays an ordinary import. `exports` maps each name to the source
 * file under packages/cli/src that has it. Returns the loaded module.
 * @param {string} name the bundle's folder, e.g. ".bench-quality"
 * @param {Record<string, string[]>} exports
 */
export async function cliSources(name, exports) {
  const { build } = await import("esbuild");
  const src = join(ROOT, "packages", "cli", "src");
  const out = join(ROOT, "packages", "cli", "node_modules", name, "bench.mjs");
  await build({
    stdin: {
      contents: Object.entries(exports)
        .map(
          ([file, names]) =>
            `export { ${names.join(", ")} } from ${JSON.stringify(join(src, file))};`,
        )
        .join("\n"),
      resolveDir: ROOT,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["source"],
    alias: { "@vitrin/core": join(ROOT, "packages", "core", "src", "index.ts") },
    external: ["@duckdb/node-api"],
    outfile: out,
    logLevel: "warning",
  });
  return import(pathToFileURL(out).href);
}

/**
 * Tiny, synthetic stand-ins for the public data sets of ../shared/data, under their real file
 * names in `dir`, in their real formats: enough for every protocol to have training data and
 * requests, so a smoke run (and the docs' commands) can go end to end on a clean clone. Made
 * up, deterministic, a few kB; never evidence of quality.
 * @param {string} dir
 */
export function writeTinyData(dir) {
  const rnd = createRandom(7);
  mkdirSync(dir, { recursive: true });
  /** Items 1..n; a shopper mostly moves to a near neighbour, so there is something to learn. */
  const walk = (/** @type {number} */ from, /** @type {number} */ n) =>
    rnd.next() < 0.7 ? ((from + rnd.int(0, 2)) % n) + 1 : rnd.int(1, n);

  // Amazon Beauty: "user item item …" lines, and {item: [attribute ids]}.
  const beauty = [];
  for (let user = 1; user <= 60; user++) {
    const items = [rnd.int(1, 40)];
    for (let n = rnd.int(3, 8); n > 0; n--) items.push(walk(items.at(-1) ?? 1, 40));
    beauty.push(`${user} ${items.join(" ")}`);
  }
  writeFileSync(join(dir, "amazon-Beauty.txt"), `${beauty.join("\n")}\n`);
  const attributes = Object.fromEntries(
    Array.from({ length: 40 }, (_, i) => [String(i + 1), [1 + (i % 5), 6 + (i % 3)]]),
  );
  writeFileSync(join(dir, "amazon-Beauty_item2attributes.json"), JSON.stringify(attributes));

  // YooChoose: SessionId, ItemId, Time (unix seconds) over three days; the test file the day after.
  const start = Date.UTC(2014, 3, 1) / 1000;
  /** @param {number} first @param {number} count @param {number} day0 @param {number} days */
  const sessions = (first, count, day0, days) => {
    const rows = ["SessionId\tItemId\tTime"];
    for (let s = first; s < first + count; s++) {
      let t = start + (day0 + ((s - first) / count) * days) * 86_400 + rnd.int(0, 600);
      let item = rnd.int(1, 30);
      for (let n = rnd.int(2, 6); n > 0; n--) {
        rows.push(`${s}\t${214_000_000 + item}\t${t.toFixed(3)}`);
        t += rnd.int(20, 300) + rnd.next();
        item = walk(item, 30);
      }
    }
    return `${rows.join("\n")}\n`;
  };
  writeFileSync(join(dir, "yoochoose-100k_train.tsv"), sessions(1, 90, 0, 3));
  writeFileSync(join(dir, "yoochoose-100k_test.tsv"), sessions(1000, 25, 3, 1));

  // REES46: an event log in time order over one day, views with some carts and purchases.
  const rows = [
    "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session",
  ];
  const codes = ["electronics.smartphone", "appliances.kitchen.kettle", "apparel.shoes", ""];
  /** @type {Map<number, number>} */
  const last = new Map();
  for (let n = 0; n < 400; n++) {
    const user = rnd.int(1, 40);
    const product = walk(last.get(user) ?? rnd.int(1, 30), 30);
    last.set(user, product);
    const r = rnd.next();
    const type = r < 0.75 ? "view" : r < 0.92 ? "cart" : "purchase";
    const time = new Date(Date.UTC(2019, 9, 1) + n * 200_000).toISOString();
    rows.push(
      [
        `${time.slice(0, 10)} ${time.slice(11, 19)} UTC`,
        type,
        1_000_000 + product,
        `205301355232677090${product % 4}`,
        codes[product % 4],
        ["apple", "samsung", "arzum", ""][product % 4],
        (10 + product * 3.5).toFixed(2),
        500_000_000 + user,
        `s-${user}-${Math.floor(n / 100)}`,
      ].join(","),
    );
  }
  writeFileSync(join(dir, "rees46-2019-10-sample.csv"), `${rows.join("\n")}\n`);
  return dir;
}
