import { parseArgs } from "node:util";
import { parseModel } from "@vitrin/core";
import type { TerminalOutput } from "../progress.js";
import { InputError } from "../types.js";
import { byteSize, integer } from "../units.js";
import {
  type BuildFileResult,
  buildModelFromFile,
  modelSize,
  problemText,
  serializeModel,
  writeModel,
} from "./build.js";
import { MODEL_DEFAULTS } from "./options.js";
import {
  MODEL_FIELDS,
  MODEL_FILE_TYPES,
  MODEL_SOURCES,
  type ModelField,
  type ModelFileType,
  ModelInputError,
  type ModelOptions,
  type ModelProgress,
  type ModelSource,
} from "./types.js";

/** Where the command writes, and what can stop it (the same as `vitrin catalog`'s). */
export interface ModelIO {
  stdout: { write(text: string): unknown };
  stderr: TerminalOutput;
  signal?: AbortSignal;
}

const d = MODEL_DEFAULTS;
export const MODEL_USAGE = `usage: vitrin model <input...> -o <model.json> [--from events|ga4|sequences]
         [--map "user=user_id" ...] [--attributes item2attributes.json] [--k ${d.k}] [--window ${d.window}]
         [--strict] [--max-problems 20] [--no-progress]

Builds a Vitrin model file (docs/model-format.md) from interaction logs with DuckDB
(docs/model-builder.md).
  --from              events (CSV/TSV/JSON Lines/Parquet log), ga4 (BigQuery export, JSON Lines
                      or Parquet) or sequences (user item item … per line); inferred when left out
  --type              csv, tsv, jsonl, parquet or txt; inferred from each file's extension
  -o, --output        the model file to write (replaced only when the run succeeds)
  --map               the column of a field, e.g. --map item=product_id; fields: user, item,
                      time, event, session; repeatable
  --attributes        { item: [attribute ids] } JSON: keep only the items it lists
  --k                 neighbours kept per item and relation (default ${d.k})
  --window            positions looked ahead (next) and around (coView, coBuy) (default ${d.window})
  --next-decay        a next pair g positions apart weighs 1/g^x (default ${d.nextDecay})
  --co-view-decay     a coView/coBuy pair g positions apart weighs 1/g^x (default ${d.coViewDecay})
  --damping           α: weights are divided by (n(a)·n(b))^α (default ${d.popularityDamping})
  --trend-days        the recent window of trend, in days; 0 for none (default ${d.trendDays})
  --trend-min-events  recent events an item needs for a trend (default ${d.trendMinEvents})
  --session-gap       minutes between a user's events that start a new session (default ${d.sessionGapMinutes})
  --digits            significant digits of neighbour weights (default ${d.digits})
  --memory-limit      DuckDB's memory limit, e.g. 512MB (default ${d.memoryLimit}); it spills beyond
  --temp-directory    where DuckDB spills (default: a temporary folder, removed afterwards)
  --threads           DuckDB threads (default: one per core)
  --strict            stop at the first bad row, exit 1 and write nothing
  --max-problems      how many problems to print (default 20)
  --no-progress       no progress line on a terminal

Exit codes: 0 written; 1 no good row, or --strict stopped; 2 bad options or an unreadable
file; 130 interrupted (nothing written).
`;

/** One progress line: rows and rate while reading, the SQL step while building. */
export function modelProgressLine(p: ModelProgress): string {
  const seconds = p.elapsedMs / 1000;
  if (p.phase === "build")
    return `vitrin model: ${integer.format(p.read)} rows read · building: ${p.step ?? ""} · ${seconds.toFixed(1)} s`;
  const rate = seconds > 0 ? p.read / seconds : 0;
  const percent =
    p.bytesTotal > 0 ? ` · ${Math.min(100, Math.floor((p.bytesRead / p.bytesTotal) * 100))}%` : "";
  return `vitrin model: ${integer.format(p.read)} rows · ${integer.format(rate)} rows/s${percent}`;
}

/** A redrawn line on a terminal, like the catalog's. */
class ProgressLine {
  private last = 0;
  private shown = false;
  constructor(private readonly out: TerminalOutput) {}
  update(progress: ModelProgress): void {
    const now = performance.now();
    if (progress.phase === "read" && now - this.last < 100) return;
    this.last = now;
    const width = Math.max(20, (this.out.columns || 80) - 1);
    this.out.write(`\r\x1b[2K${modelProgressLine(progress).slice(0, width)}`);
    this.shown = true;
  }
  clear(): void {
    if (!this.shown) return;
    this.out.write("\r\x1b[2K");
    this.shown = false;
  }
}

/** The summary printed on stdout. */
export function modelSummary(
  result: BuildFileResult,
  output: string,
  bytes?: ReturnType<typeof modelSize>,
  peakRss = process.resourceUsage().maxRSS * 1024,
): string {
  const s = result.stats;
  const lines = [
    `vitrin model: ${result.from} → ${output}`,
    `  rows read       ${integer.format(s.rows)}`,
    `  rows skipped    ${integer.format(s.skipped)}`,
    ...Object.entries(result.reasons)
      .sort((a, b) => b[1] - a[1])
      .map(([reason, count]) => `    ${integer.format(count).padStart(6)}  ${reason}`),
    ...(s.ignored
      ? [`    ${integer.format(s.ignored).padStart(6)}  events the model does not use`]
      : []),
    `  interactions    ${integer.format(s.interactions)}`,
    `  users           ${integer.format(s.users)}`,
    `  sessions        ${integer.format(s.sessions ?? 0)}`,
    `  items           ${integer.format(s.items)}`,
    `  pairs           next ${integer.format(s.pairs?.next ?? 0)} · coView ${integer.format(s.pairs?.coView ?? 0)} · coBuy ${integer.format(s.pairs?.coBuy ?? 0)}`,
    `  neighbours      ${integer.format(s.neighbours ?? 0)} kept`,
    bytes
      ? `  output          ${output} (${byteSize(bytes.raw)} raw, ${byteSize(bytes.brotli)} brotli; per 10k items ${byteSize(bytes.rawPer10k)} raw, ${byteSize(bytes.brotliPer10k)} brotli)`
      : `  output          ${output} not written`,
    `  elapsed         ${(s.elapsedMs / 1000).toFixed(2)} s`,
    `  peak memory     ${byteSize(peakRss)} RSS`,
  ];
  return `${lines.join("\n")}\n`;
}

/** Options whose value is a number, flag → option. */
const NUMBERS: Record<string, keyof ModelOptions> = {
  k: "k",
  window: "window",
  "next-decay": "nextDecay",
  "co-view-decay": "coViewDecay",
  damping: "popularityDamping",
  "trend-days": "trendDays",
  "trend-min-events": "trendMinEvents",
  "session-gap": "sessionGapMinutes",
  digits: "digits",
  threads: "threads",
};

function parseModelArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      output: { type: "string", short: "o" },
      from: { type: "string" },
      type: { type: "string" },
      map: { type: "string", multiple: true },
      attributes: { type: "string" },
      ...Object.fromEntries(Object.keys(NUMBERS).map((flag) => [flag, { type: "string" }])),
      "memory-limit": { type: "string" },
      "temp-directory": { type: "string" },
      strict: { type: "boolean" },
      "max-problems": { type: "string" },
      "no-progress": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}

/** `vitrin model …` (argv after the command name); resolves to the exit code. */
export async function runModel(args: string[], io: ModelIO): Promise<number> {
  const started = performance.now();
  const fail = (message: string, usage = false) => {
    io.stderr.write(
      `vitrin model: ${message}\n${usage ? "run `vitrin model --help` for usage\n" : ""}`,
    );
    return 2;
  };
  let parsed: ReturnType<typeof parseModelArgs>;
  try {
    parsed = parseModelArgs(args);
  } catch (error) {
    return fail((error as Error).message, true);
  }
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  const text = (name: string) => values[name] as string | undefined;
  if (values.help) {
    io.stdout.write(MODEL_USAGE);
    return 0;
  }
  if (parsed.positionals.length === 0) return fail("no input files", true);
  const output = text("output");
  if (!output) return fail("missing -o <model.json>", true);
  const maxProblems = text("max-problems") === undefined ? 20 : Number(text("max-problems"));
  if (!Number.isInteger(maxProblems) || maxProblems < 0)
    return fail(
      `--max-problems: expected a whole number ≥ 0, got ${JSON.stringify(text("max-problems"))}`,
      true,
    );
  const from = text("from");
  if (from !== undefined && !(MODEL_SOURCES as readonly string[]).includes(from))
    return fail(
      `unknown --from ${JSON.stringify(from)}: expected one of ${MODEL_SOURCES.join(", ")}`,
      true,
    );
  const type = text("type");
  if (type !== undefined && !(MODEL_FILE_TYPES as readonly string[]).includes(type))
    return fail(
      `unknown --type ${JSON.stringify(type)}: expected one of ${MODEL_FILE_TYPES.join(", ")}`,
      true,
    );
  const map: Partial<Record<ModelField, string>> = {};
  for (const entry of (values.map as string[] | undefined) ?? []) {
    const at = entry.indexOf("=");
    const field = entry.slice(0, at).trim();
    if (
      at <= 0 ||
      !(MODEL_FIELDS as readonly string[]).includes(field) ||
      !entry.slice(at + 1).trim()
    )
      return fail(
        `--map: expected "field=column" with a field of ${MODEL_FIELDS.join(", ")}, got ${JSON.stringify(entry)}`,
        true,
      );
    map[field as ModelField] = entry.slice(at + 1).trim();
  }
  const options: ModelOptions = {};
  for (const [flag, option] of Object.entries(NUMBERS)) {
    const raw = text(flag);
    if (raw === undefined) continue;
    const value = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(value))
      return fail(`--${flag}: expected a number, got ${JSON.stringify(raw)}`, true);
    (options as Record<string, number>)[option] = value;
  }
  if (text("memory-limit")) options.memoryLimit = text("memory-limit") as string;
  if (text("temp-directory")) options.tempDirectory = text("temp-directory") as string;

  const bar = io.stderr.isTTY && !values["no-progress"] ? new ProgressLine(io.stderr) : undefined;
  let problems = 0;
  try {
    const attributes = text("attributes");
    const result = await buildModelFromFile(
      {
        paths: parsed.positionals,
        ...(from ? { from: from as ModelSource } : {}),
        ...(type ? { type: type as ModelFileType } : {}),
        map,
        ...(attributes ? { attributes } : {}),
      },
      {
        ...options,
        strict: values.strict === true,
        ...(io.signal ? { signal: io.signal } : {}),
        onProblem(problem) {
          problems++;
          if (problems > maxProblems) return;
          bar?.clear();
          io.stderr.write(`${problemText(problem)}\n`);
        },
        onNotice(message) {
          bar?.clear();
          io.stderr.write(`vitrin model: ${message}\n`);
        },
        ...(bar ? { onProgress: (progress: ModelProgress) => bar.update(progress) } : {}),
      },
    );
    bar?.clear();
    if (problems > maxProblems)
      io.stderr.write(`…and ${integer.format(problems - maxProblems)} more\n`);
    if (result.stoppedBy) {
      io.stderr.write(
        `vitrin model: stopped at the first problem (--strict); ${output} was not written\n`,
      );
      return 1;
    }
    if (!result.model) {
      io.stdout.write(modelSummary(result, output));
      io.stderr.write(`vitrin model: no good interaction; ${output} was not written\n`);
      return 1;
    }
    const json = serializeModel(result.model);
    // The browser's own validator: a file it would refuse must not be written.
    const check = parseModel(JSON.parse(json), output);
    if (!check.model || check.problems.length > 0)
      return fail(
        `internal error: the model does not validate: ${check.problems.slice(0, 3).join("; ")}`,
      );
    const bytes = modelSize(json, Object.keys(result.model.items).length);
    await writeModel(output, json);
    result.stats.elapsedMs = performance.now() - started;
    io.stdout.write(modelSummary(result, output, bytes));
    return 0;
  } catch (error) {
    bar?.clear();
    if (io.signal?.aborted) {
      fail(
        `stopped (${String((io.signal.reason as Error)?.message ?? "aborted")}); ${output} was not written`,
      );
      return 130;
    }
    if (error instanceof ModelInputError || error instanceof InputError) return fail(error.message);
    return fail(`unexpected error: ${(error as Error).stack ?? String(error)}`);
  }
}
