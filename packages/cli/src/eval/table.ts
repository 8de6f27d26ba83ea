/** The text table of a report: method rows × metric columns, published rows marked. */
import type { EvalReport } from "./command.js";
import type { SplitResult } from "./evaluate.js";
import { CUTOFFS } from "./metrics.js";

const COLUMNS = [
  ...CUTOFFS.flatMap((k) => [`HR@${k}`, `NDCG@${k}`, `MRR@${k}`]),
  "coverage",
  "popularity",
];
const ms = (v: number) => `${v.toFixed(2)} ms`;
const kb = (v: number) => `${(v / 1000).toFixed(0)} kB`;

function rows(result: SplitResult, published: EvalReport["published"], set: string): string[] {
  const head = `  ${"method".padEnd(26)}${COLUMNS.map((c) => c.padStart(c.length > 8 ? 11 : 9)).join("")}`;
  const out = [head];
  for (const r of result.results.filter((x) => x.targets === set)) {
    const cells = COLUMNS.map((c) =>
      (r.metrics[c] ?? 0).toFixed(4).padStart(c.length > 8 ? 11 : 9),
    ).join("");
    out.push(`  ${`${r.method} (${r.requests})`.padEnd(26)}${cells}`);
  }
  for (const p of published.filter((x) => x.targets === set)) {
    const cells = COLUMNS.map((c) =>
      (p.metrics[c] === undefined ? "" : (p.metrics[c] as number).toFixed(4)).padStart(
        c.length > 8 ? 11 : 9,
      ),
    ).join("");
    out.push(`  ${`${p.method} [published]`.padEnd(26)}${cells}`);
  }
  return out;
}

/** The report as printed by `vitrin eval` and `npm run bench:quality`. */
export function formatTable(report: EvalReport): string {
  const lines = [
    `${report.dataset} — protocol ${report.protocol}, seed ${report.seed} (no sampling)`,
    ...report.notes.map((n) => `  ${n}`),
    `  scorer: ${JSON.stringify(report.parameters.scoring)}`,
    `  up-next: ${JSON.stringify(report.parameters.upNext)}`,
    `  builder: ${JSON.stringify(report.parameters.model)}`,
  ];
  for (const [name, result] of [
    ["validation", report.validation],
    ["test", report.test],
  ] as const) {
    for (const set of report.targetSets) {
      lines.push(`${name} target, targets "${set.name}": ${set.describe}`);
      lines.push(...rows(result, name === "test" ? report.published : [], set.name));
    }
    const { model, timing } = result;
    lines.push(
      `  model: ${model.items} items, ${kb(model.rawBytes)} raw, ${kb(model.brotliBytes)} brotli, built in ${(model.buildMs / 1000).toFixed(1)} s`,
      `  per request (Node): slot ${ms(timing.slotMedianMs)} median, ${ms(timing.slotP95Ms)} p95; profile ${ms(timing.profileMedianMs)} median, ${ms(timing.profileP95Ms)} p95`,
    );
  }
  for (const p of report.published.slice(0, 1)) lines.push(`  published: ${p.source}`);
  return `${lines.join("\n")}\n\n`;
}
