import { parseArgs } from "node:util";
import { type ConvertProgress, type ConvertResult, convertCatalog, UsageError } from "./convert.js";
import { EVAL_USAGE, evalCommand } from "./eval/command.js";
import { MODEL_USAGE, runModel } from "./model/command.js";
import { ProgressBar, type TerminalOutput } from "./progress.js";
import { InputError, SOURCE_FORMATS, type SourceFormat } from "./types.js";
import { byteSize, integer } from "./units.js";
import { VERSION } from "./version.js";

/** Where {@link run} writes, and what can stop it. */
export interface RunIO {
  stdout: { write(text: string): unknown };
  stderr: TerminalOutput;
  /** Aborting stops the conversion; nothing is written. */
  signal?: AbortSignal;
}

export const CATALOG_USAGE = `usage: vitrin catalog <input...> [--from gmc|gmc-tsv|shopify|woocommerce|csv] -o <out.json>
         [--currency TRY] [--lang tr|en] [--base-url https://shop.example]
         [--map "CSV header=field" ...] [--strict] [--max-problems 20] [--no-progress]

Converts product feeds into one Vitrin catalog (docs/catalog-format.md), streaming.
  --from          the inputs' kind; inferred from the file when left out
  -o, --output    the catalog file to write (replaced only when the run succeeds)
  --currency      ISO 4217 code of the catalog, and of items whose feed names none
  --lang          language of the catalog's text
  --base-url      origin for relative links and Shopify product URLs
  --map           a CSV column for a catalog field, e.g. --map "Ürün Kodu=id"; repeatable
  --strict        stop at the first bad item, exit 1 and write nothing
  --max-problems  how many problems to print (default 20)
  --no-progress   no progress line on a terminal

Exit codes: 0 written; 1 no item written, or --strict stopped; 2 bad options or a broken file;
130 interrupted (nothing written).
`;

/** `vitrin --help`: every command's usage. */
export const USAGE = `${CATALOG_USAGE}\n${MODEL_USAGE}\n${EVAL_USAGE}`;

/** The summary printed on stdout. */
export function summary(result: ConvertResult): string {
  const lines = [
    `vitrin catalog: ${result.from} → ${result.output}`,
    `  items read      ${integer.format(result.read)}`,
    `  items written   ${integer.format(result.written)}`,
    `  items skipped   ${integer.format(result.skipped)}`,
    ...Object.entries(result.reasons)
      .sort((a, b) => b[1] - a[1])
      .map(([reason, count]) => `    ${integer.format(count).padStart(6)}  ${reason}`),
    result.committed
      ? `  output          ${result.output} (${byteSize(result.bytesWritten)}, ${integer.format(result.bytesWritten)} bytes)`
      : `  output          ${result.output} not written`,
    `  elapsed         ${(result.elapsedMs / 1000).toFixed(2)} s (${integer.format(result.itemsPerSecond)} items/s)`,
    `  peak memory     ${byteSize(result.peakRss)} RSS`,
  ];
  return `${lines.join("\n")}\n`;
}

/** The subcommands: name → its runner (argv after the name). Add a command here. */
const COMMANDS: Record<string, (args: string[], io: RunIO) => Promise<number>> = {
  catalog: runCatalog,
  model: runModel,
  eval: (args, io) => evalCommand(args, io),
};

/**
 * The `vitrin` command: parses `argv` (without node and the script), runs it, writes to the
 * given streams and resolves to the exit code. cli.ts calls it with the process's own.
 */
export async function run(argv: string[], io: RunIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "--version" || command === "-v") {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === "--help" || command === "-h" || command === "help") {
    io.stdout.write(USAGE);
    return 0;
  }
  const runner = command !== undefined && Object.hasOwn(COMMANDS, command) && COMMANDS[command];
  if (!runner) {
    io.stderr.write(
      `${command === undefined ? "vitrin: missing command" : `vitrin: unknown command ${JSON.stringify(command)}`}\n${USAGE}`,
    );
    return 2;
  }
  return runner(rest, io);
}

/** `vitrin catalog …`. */
async function runCatalog(rest: string[], io: RunIO): Promise<number> {
  const fail = (message: string, usage = false) => {
    io.stderr.write(
      `vitrin catalog: ${message}\n${usage ? "run `vitrin catalog --help` for usage\n" : ""}`,
    );
    return 2;
  };
  let parsed: ReturnType<typeof parseCatalogArgs>;
  try {
    parsed = parseCatalogArgs(rest);
  } catch (error) {
    return fail((error as Error).message, true);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(CATALOG_USAGE);
    return 0;
  }
  if (positionals.length === 0) return fail("no input files", true);
  if (!values.output) return fail("missing -o <out.json>", true);
  const maxProblems = values["max-problems"] === undefined ? 20 : Number(values["max-problems"]);
  if (!Number.isInteger(maxProblems) || maxProblems < 0) {
    return fail(
      `--max-problems: expected a whole number ≥ 0, got ${JSON.stringify(values["max-problems"])}`,
      true,
    );
  }
  const map: [string, string][] = [];
  for (const entry of values.map ?? []) {
    const at = entry.lastIndexOf("=");
    if (at <= 0)
      return fail(`--map: expected "CSV header=field", got ${JSON.stringify(entry)}`, true);
    map.push([entry.slice(0, at).trim(), entry.slice(at + 1).trim()]);
  }
  if (values.from !== undefined && !(SOURCE_FORMATS as readonly string[]).includes(values.from)) {
    return fail(
      `unknown --from ${JSON.stringify(values.from)}: expected one of ${SOURCE_FORMATS.join(", ")}`,
      true,
    );
  }

  const bar = io.stderr.isTTY && !values["no-progress"] ? new ProgressBar(io.stderr) : undefined;
  let problems = 0;
  try {
    const result = await convertCatalog({
      inputs: positionals,
      output: values.output,
      ...(values.from ? { from: values.from as SourceFormat } : {}),
      ...(values.currency ? { currency: values.currency.toUpperCase() } : {}),
      ...(values.lang ? { language: values.lang } : {}),
      ...(values["base-url"] ? { baseUrl: values["base-url"] } : {}),
      map,
      strict: values.strict ?? false,
      ...(io.signal ? { signal: io.signal } : {}),
      onProblem(message) {
        problems++;
        if (problems > maxProblems) return;
        bar?.clear();
        io.stderr.write(`${message}\n`);
      },
      onNotice(message) {
        bar?.clear();
        io.stderr.write(`vitrin catalog: ${message}\n`);
      },
      ...(bar ? { onProgress: (progress: ConvertProgress) => bar.update(progress) } : {}),
    });
    bar?.clear();
    if (problems > maxProblems)
      io.stderr.write(`…and ${integer.format(problems - maxProblems)} more\n`);
    if (result.stoppedBy !== undefined) {
      io.stderr.write(
        `vitrin catalog: stopped at the first problem (--strict); ${values.output} was not written\n`,
      );
      return 1;
    }
    io.stdout.write(summary(result));
    if (!result.committed) {
      io.stderr.write(
        `vitrin catalog: no item could be converted; ${values.output} was not written\n`,
      );
      return 1;
    }
    return 0;
  } catch (error) {
    bar?.clear();
    if (error instanceof UsageError) return fail(error.message, true);
    if (error instanceof InputError) return fail(error.message);
    if (io.signal?.aborted) {
      fail(
        `stopped (${String((io.signal.reason as Error)?.message ?? "aborted")}); ${values.output} was not written`,
      );
      return 130;
    }
    return fail(`unexpected error: ${(error as Error).stack ?? String(error)}`);
  }
}

function parseCatalogArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      from: { type: "string" },
      output: { type: "string", short: "o" },
      currency: { type: "string" },
      lang: { type: "string" },
      "base-url": { type: "string" },
      map: { type: "string", multiple: true },
      strict: { type: "boolean" },
      "max-problems": { type: "string" },
      "no-progress": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
