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
//   node scripts/bench-quality.mjs [--only=beauty,yoochoose,rees46]

import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { cliSources, sourceState } from "./bench-support.mjs";
import { ensureDependencies, ROOT } from "./setup.mjs";

const DATA = process.env.VITRIN_DATA ?? join(ROOT, "..", "shared", "data");
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
      `✗ ${join(DATA, set.file)} is missing: set VITRIN_DATA to the shared data folder`,
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
const machine = {
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  memoryGB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
mkdirSync(join(ROOT, "reports"), { recursive: true });
writeFileSync(
  join(ROOT, "reports", "bench-quality.json"),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine,
      source: sourceState(),
      elapsedSeconds: elapsed,
      reports,
    },
    null,
    2,
  )}\n`,
);
console.log("wrote reports/bench-quality.json");
