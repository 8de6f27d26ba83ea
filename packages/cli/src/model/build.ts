import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { brotliCompressSync, constants as zlib } from "node:zlib";
import { ModelEngine, type RawEvent } from "./engine.js";
import { type ResolvedOptions, resolveOptions, sqlParams } from "./options.js";
import { readEntries, resolveInput } from "./readers.js";
import {
  type Interaction,
  type ModelFile,
  type ModelInput,
  ModelInputError,
  type ModelOptions,
  type ModelProblem,
  type ModelProgress,
  type ModelStats,
} from "./types.js";

const EVENTS = new Set(["view", "cart", "purchase"]);

async function* rawEvents(
  rows: Iterable<Interaction> | AsyncIterable<Interaction>,
): AsyncGenerator<RawEvent> {
  let index = 0;
  for await (const row of rows) {
    // A caller's bug should name the row, not surface as a DuckDB appender error.
    const event = row.event ?? "view";
    if (
      typeof row.user !== "string" ||
      typeof row.item !== "string" ||
      row.item === "" ||
      typeof row.time !== "number" ||
      !Number.isFinite(row.time) ||
      !EVENTS.has(event) ||
      (row.session !== undefined && typeof row.session !== "string")
    ) {
      throw new ModelInputError(
        `interaction ${index}: expected { user: string, item: string, time: number, event?: "view" | "cart" | "purchase", session?: string }, got ${JSON.stringify(row)}`,
      );
    }
    index++;
    yield { user: row.user, session: row.session, item: row.item, ts: row.time, event };
  }
}

/** Runs the SQL on loaded rows and reads the model back. */
async function finish(
  engine: ModelEngine,
  options: ResolvedOptions,
  clock: boolean,
  started: number,
  keep?: ReadonlySet<string>,
  onStep?: (step: string) => void,
) {
  await engine.build(sqlParams(options, clock), onStep);
  const model = await engine.model(keep);
  const stats = await engine.stats();
  // With an attributes file the model holds only its items; count what is in the file.
  if (keep) stats.items = Object.keys(model.items).length;
  return { model, stats: { ...stats, elapsedMs: performance.now() - started } };
}

/**
 * Builds a model from interactions in memory or streamed (the evaluation's path): they are
 * appended into DuckDB and the same SQL as `vitrin model` runs over them. Times are
 * milliseconds for `trend` and session gaps to mean days and minutes.
 */
export async function buildModelFromInteractions(
  rows: Iterable<Interaction> | AsyncIterable<Interaction>,
  options: ModelOptions = {},
): Promise<{ model: ModelFile; stats: ModelStats }> {
  const started = performance.now();
  const resolved = resolveOptions(options);
  const engine = await ModelEngine.open(resolved);
  try {
    await engine.load(rawEvents(rows));
    return await finish(engine, resolved, true, started);
  } finally {
    await engine.close();
  }
}

/** Options of {@link buildModelFromFile}. */
export interface BuildFileOptions extends ModelOptions {
  /** Stop at the first bad row: the result has `stoppedBy` and no model. */
  strict?: boolean;
  /** Every bad row, as found. */
  onProblem?(problem: ModelProblem): void;
  /** What was inferred or ignored. */
  onNotice?(message: string): void;
  onProgress?(progress: ModelProgress): void;
  /** Stops the build (an AbortError-like rejection). */
  signal?: AbortSignal;
}

/** What {@link buildModelFromFile} found. */
export interface BuildFileResult {
  /** Absent when `--strict` stopped, or when no row was good. */
  model?: ModelFile;
  stats: ModelStats & {
    /** Records read, good and bad: rows of a log or export, lines of a sequence file. */
    rows: number;
    /** Rows skipped: bad ones (counted in `reasons`) and ignored events. */
    skipped: number;
    /** Rows of events the model does not use (GA4 page_view, remove_from_cart…). */
    ignored: number;
  };
  /** Bad rows counted by field and what was expected. */
  reasons: Record<string, number>;
  problems: number;
  stoppedBy?: ModelProblem;
  /** The kind read, and whether times were a clock (false for sequences). */
  from: string;
}

/** `file:line:column: field: expected …, got "…"`, the CLI's line for a bad row. */
export function problemText(p: ModelProblem): string {
  const where = `${p.file}:${p.line}${p.column === undefined ? "" : `:${p.column}`}`;
  const got = p.got === undefined ? "" : `, got ${JSON.stringify(p.got.slice(0, 80))}`;
  return `${where}: ${p.field}: expected ${p.expected}${got}`;
}

/** Reads an attributes file's item ids (`{ "item": [attribute ids] }`). */
async function attributeItems(path: string): Promise<Set<string>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new ModelInputError(
      `${path}: cannot read the attributes file: ${(error as Error).message}`,
    );
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw new ModelInputError(`${path}: expected an object of item id: [attribute ids]`);
  return new Set(Object.keys(json));
}

/**
 * Builds a model from interaction files (`vitrin model`): each row is checked as it is read,
 * bad ones reported with file, line and column and skipped (or, `strict`, the end of the run);
 * the good ones go into DuckDB and through the SQL.
 */
export async function buildModelFromFile(
  input: ModelInput,
  options: BuildFileOptions = {},
): Promise<BuildFileResult> {
  const started = performance.now();
  const resolved = resolveOptions(options);
  if (input.paths.length === 0) throw new ModelInputError("no input files");
  let bytesTotal = 0;
  for (const path of input.paths) {
    try {
      bytesTotal += (await stat(path)).size;
    } catch {
      throw new ModelInputError(`${path}: no such file`);
    }
  }
  const keep = input.attributes ? await attributeItems(input.attributes) : undefined;
  const reasons: Record<string, number> = {};
  let problems = 0;
  let stoppedBy: ModelProblem | undefined;
  const counts = { rows: 0, ignored: 0, bytesRead: 0 };
  const progress = (phase: ModelProgress["phase"], step?: string) =>
    options.onProgress?.({
      phase,
      read: counts.rows,
      bytesRead: counts.bytesRead,
      bytesTotal,
      elapsedMs: performance.now() - started,
      ...(step ? { step } : {}),
    });
  const engine = await ModelEngine.open(resolved);
  const connection = await engine.reader();
  try {
    const { from, files } = await resolveInput(input, connection);
    options.onNotice?.(
      input.from ? `reading ${from}` : `reading ${from} (inferred; --from to say otherwise)`,
    );
    const entries = readEntries(from, files, input.map ?? {}, {
      connection,
      onBytes: (n) => {
        counts.bytesRead += n;
      },
      ...(options.onNotice ? { notice: options.onNotice } : {}),
    });
    async function* good(): AsyncGenerator<RawEvent> {
      for await (const entry of entries) {
        counts.rows++;
        if (entry.problem) {
          problems++;
          const reason = `${entry.problem.field}: expected ${entry.problem.expected}`;
          reasons[reason] = (reasons[reason] ?? 0) + 1;
          options.onProblem?.(entry.problem);
          if (options.strict) {
            stoppedBy = entry.problem;
            return;
          }
          if (entry.events) yield* entry.events;
        } else if (entry.ignored) counts.ignored++;
        else yield* entry.events;
      }
    }
    const loaded = await engine.load(good(), () => {
      options.signal?.throwIfAborted();
      progress("read");
    });
    options.signal?.throwIfAborted();
    const base = {
      rows: counts.rows,
      skipped: problems + counts.ignored,
      ignored: counts.ignored,
    };
    const empty = {
      stats: { ...base, interactions: loaded, users: 0, items: 0, elapsedMs: 0 },
      reasons,
      problems,
      from,
    };
    if (stoppedBy || loaded === 0) {
      empty.stats.elapsedMs = performance.now() - started;
      return { ...empty, ...(stoppedBy ? { stoppedBy } : {}) };
    }
    const clock = from !== "sequences";
    const built = await finish(engine, resolved, clock, started, keep, (step) => {
      options.signal?.throwIfAborted();
      progress("build", step);
    });
    return {
      model: built.model,
      stats: { ...built.stats, ...base },
      reasons,
      problems,
      from,
    };
  } finally {
    connection.closeSync();
    await engine.close();
  }
}

/** The model as written: compact JSON, one item per line (diffs and `head` stay readable). */
export function serializeModel(model: ModelFile): string {
  const lines = Object.entries(model.items).map(
    ([id, item]) => `${JSON.stringify(id)}:${JSON.stringify(item)}`,
  );
  return `{"format":"vitrin-model","version":1,"items":{\n${lines.join(",\n")}\n}}\n`;
}

/** Sizes of a model file: raw and brotli (what a CDN serves), and per 10,000 items. */
export function modelSize(text: string, items: number) {
  const raw = Buffer.byteLength(text);
  const brotli = brotliCompressSync(text, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw },
  }).length;
  const per = (bytes: number) => (items > 0 ? Math.round((bytes * 10_000) / items) : 0);
  return { raw, brotli, rawPer10k: per(raw), brotliPer10k: per(brotli) };
}

/**
 * Writes the model atomically: a temporary file beside the output, synced, then renamed over
 * it, so a failed run never leaves half a model where a good one was. The output's folder is
 * created if need be (`-o public/vitrin/model.json` in a fresh project).
 */
export async function writeModel(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  const handle = await open(temp, "wx");
  try {
    await handle.writeFile(text);
    await handle.sync();
    await handle.close();
    await rename(temp, path);
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw error;
  }
}
