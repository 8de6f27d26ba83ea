// `npm run bench:quality`: recommendation quality on public data, in one run. A benchmark, not
// a test: it asserts no figure. For each data set it builds the model with `vitrin model`'s
// builder on the training part only, replays the requests through the browser's own Recommend
// and Relevance code (bundled from the TypeScript sources) beside the popularity, item-KNN and
// sequential-rules baselines, and prints the table with the published figures:
//   - Amazon Beauty, full-ranking leave-one-out (S3-Rec's protocol);
//   - YooChoose 100k, next item in session (session-rec's protocol);
//   - REES46 sample, time split, later add-to-cart / purchase as targets.
// Data: ../shared/data/ (or VITRIN_DATA); never copied into the repository.
// Writes reports/bench-quality.json.
//
//   node scripts/bench-quality.mjs [--only=beauty,yoochoose,rees46] [--smoke]
//
// --smoke: the same path on tiny synthetic files of the same names and formats, written to a
// temporary folder (no ../shared/data needed); writes reports/smoke/bench-quality.json.

import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  cliSources,
  machineState,
  SMOKE,
  sourceState,
  writeReport,
  writeTinyData,
} from "./bench-support.mjs";
import { ensureDependencies, ROOT } from "./setup.mjs";

const DATA = SMOKE
  ? writeTinyData(mkdtempSync(join(tmpdir(), "vitrin-bench-quality-")))
  : (process.env.VITRIN_DATA ?? join(ROOT, "..", "shared", "data"));
if (SMOKE) process.on("exit", () => rmSync(DATA, { recursive: true, force: true }));
const SETS = [
  {
    key: "beauty",
    file: "amazon-Beauty.txt",
    protocol: "loo",
    options: { attributes: join(DATA, "amazon-Beauty_item2attributes.json") },
  },
  {
    key: "yoochoose",
    file: "yoochoose-100k_train.tsv",
    protocol: "session",
    options: { testFile: join(DATA, "yoochoose-100k_test.tsv") },
  },
  { key: "rees46", file: "rees46-2019-10-sample.csv", protocol: "timesplit", options: {} },
];
const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice(7)
  .split(",");

await ensureDependencies();
for (const set of SETS) {
  if (!existsSync(join(DATA, set.file))) {
    console.error(
      `✗ ${join(DATA, set.file)} is missing: set VITRIN_DATA to the shared data folder (or --smoke: tiny synthetic data)`,
    );
    process.exit(1);
  }
}
const evaluation = await cliSources(".bench-quality", {
  "eval/index.ts": ["evaluateData", "formatTable", "loadProtocol"],
});
const started = performance.now();
const reports = [];
for (const set of SETS) {
  if (only && !only.includes(set.key)) continue;
  const data = await evaluation.loadProtocol(set.protocol, join(DATA, set.file), set.options);
  const report = await evaluation.evaluateData(data, {
    log: (/** @type {string} */ line) => console.error(`… ${line}`),
  });
  process.stdout.write(evaluation.formatTable(report));
  reports.push(report);
}
const elapsed = (performance.now() - started) / 1000;
console.log(`all data sets in ${elapsed.toFixed(0)} s`);
const written = writeReport("bench-quality", {
  date: new Date().toISOString(),
  smoke: SMOKE,
  data: SMOKE ? "tiny synthetic stand-ins (scripts/bench-support.mjs writeTinyData)" : DATA,
  machine: machineState(),
  source: sourceState(),
  elapsedSeconds: elapsed,
  reports,
});
console.log(`wrote ${written}`);
