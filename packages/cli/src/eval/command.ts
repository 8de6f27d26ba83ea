/**
 * `vitrin eval`: one data set, one protocol; the validation target first (what the defaults
 * were chosen on), then the test target, read once. Prints the table and writes the JSON.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { loadProtocol, PROTOCOLS, type Protocol, type ProtocolData } from "./datasets.js";
import { evaluateSplit, parametersOf, SEED, type SplitResult, targetSets } from "./evaluate.js";
import { PUBLISHED } from "./published.js";
import { formatTable } from "./table.js";

export const EVAL_USAGE = `usage: vitrin eval <data file> --protocol loo|session|timesplit
         [--test <file>] [--attributes <file>] [--json out.json] [--no-baselines]

Replays a public data set through the browser's own Recommend and Relevance code (the for-you
slot, 20 items) with a model built by \`vitrin model\` on the training part only, beside
popularity, item-KNN and sequential-rules baselines; prints HR, NDCG and MRR at 5, 10 and 20,
catalog coverage and popularity bias, and the published figures for the same file.
  --protocol      loo: leave-one-out over "user item item …" lines (last = test, one before = validation)
                  session: next item in session; <data file> is the _train.tsv, --test the _test.tsv
                  timesplit: an event log (REES46 columns); later add-to-cart / purchase are targets
  --test          the session protocol's test file (default: the train file's name with _test)
  --attributes    leave-one-out: {item: [attribute ids]} for the catalog's attributes
  --json          also write the report as JSON
  --no-baselines  Vitrin alone
Deterministic: no sampling, no random draws (seed ${SEED} is recorded).
`;

/** The report of one data set. */
export interface EvalReport {
  dataset: string;
  protocol: Protocol;
  seed: number;
  notes: string[];
  targetSets: { name: string; describe: string }[];
  parameters: ReturnType<typeof parametersOf>;
  validation: SplitResult;
  test: SplitResult;
  published: (typeof PUBLISHED)[string];
  elapsedMs: number;
}

/** Runs validation and test for a data set already read. */
export async function evaluateData(
  data: ProtocolData,
  options: { baselines?: boolean; log?: (line: string) => void } = {},
): Promise<EvalReport> {
  const started = performance.now();
  const split = {
    scoring: {},
    // `vitrin model`'s own defaults: what a merchant builds is what is measured.
    modelOptions: {},
    baselines: options.baselines !== false,
    clock: data.protocol !== "loo",
  };
  options.log?.(`${data.name}: validation target…`);
  const validation = await evaluateSplit(data, data.validation, split);
  options.log?.(`${data.name}: test target…`);
  const test = await evaluateSplit(data, data.test, split);
  return {
    dataset: data.name,
    protocol: data.protocol,
    seed: SEED,
    notes: data.notes,
    targetSets: targetSets(data.protocol).map(({ name, describe }) => ({ name, describe })),
    parameters: parametersOf(split),
    validation,
    test,
    published: PUBLISHED[data.name] ?? [],
    elapsedMs: performance.now() - started,
  };
}

/** The `eval` subcommand: argv after `eval`. Resolves to the exit code. */
export async function evalCommand(
  argv: string[],
  io: { stdout: { write(text: string): unknown }; stderr: { write(text: string): unknown } },
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  const parse = (args: string[]) =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        protocol: { type: "string" },
        test: { type: "string" },
        attributes: { type: "string" },
        json: { type: "string" },
        "no-baselines": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr.write(`vitrin eval: ${(error as Error).message}\n${EVAL_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(EVAL_USAGE);
    return 0;
  }
  const protocol = values.protocol as Protocol | undefined;
  const [file] = positionals;
  if (!file || !protocol || !PROTOCOLS.includes(protocol)) {
    io.stderr.write(
      `vitrin eval: ${file ? "--protocol must be loo, session or timesplit" : "missing the data file"}\n${EVAL_USAGE}`,
    );
    return 2;
  }
  let data: ProtocolData;
  try {
    data = await loadProtocol(protocol, file, {
      ...(values.attributes ? { attributes: values.attributes } : {}),
      ...(values.test ? { testFile: values.test } : {}),
    });
  } catch (error) {
    io.stderr.write(`vitrin eval: ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  const report = await evaluateData(data, {
    baselines: !values["no-baselines"],
    log: (line) => io.stderr.write(`${line}\n`),
  });
  io.stdout.write(formatTable(report));
  if (values.json) {
    await mkdir(dirname(values.json), { recursive: true });
    await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
  }
  return 0;
}
