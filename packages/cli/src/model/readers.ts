import { open, stat } from "node:fs/promises";
import { extname } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../sources/delimited.js";
import { textChunks } from "../sources/read.js";
import type { SourceContext } from "../types.js";
import type { RawEvent } from "./engine.js";
import { READ_PARQUET_SQL, statements } from "./sql.js";
import {
  MODEL_FILE_TYPES,
  type ModelField,
  type ModelFileType,
  type ModelInput,
  ModelInputError,
  type ModelProblem,
  type ModelSource,
} from "./types.js";

/** What one record of an input turned into. */
export type ModelEntry =
  /** A bad record; a GA4 event with one bad item among good ones still has their events. */
  | { problem: ModelProblem; events?: RawEvent[]; ignored?: undefined }
  | { events: RawEvent[]; problem?: undefined; ignored?: undefined }
  /** An event the model does not use (GA4 `page_view`, `remove_from_cart`). */
  | { ignored: true; problem?: undefined; events?: undefined };

/** Column names found without `--map`, compared case-insensitively (first match wins). */
export const COLUMN_NAMES: Record<ModelField, string[]> = {
  user: ["user", "user_id", "userid", "visitor_id", "visitorid", "customer_id", "user_pseudo_id"],
  item: ["item", "item_id", "itemid", "product_id", "productid", "sku"],
  time: ["time", "timestamp", "ts", "event_time", "event_timestamp", "datetime", "date"],
  event: ["event", "event_type", "event_name", "type", "action"],
  session: ["session", "session_id", "sessionid", "user_session", "order_id"],
};

/**
 * Event names → the model's three. The REES46 and Retailrocket names, GA4's, and Segment's
 * e-commerce v2 names in snake case. Names the model has no use for are ignored, not errors:
 * a full log has many (wishlists, refunds) and a user should not have to filter them first.
 */
const EVENT_NAMES: Record<string, RawEvent["event"] | null> = {
  view: "view",
  view_item: "view",
  product_viewed: "view",
  detail: "view",
  click: "view",
  cart: "cart",
  add_to_cart: "cart",
  addtocart: "cart",
  product_added: "cart",
  purchase: "purchase",
  transaction: "purchase",
  order: "purchase",
  order_completed: "purchase",
  buy: "purchase",
  remove_from_cart: null,
  removefromcart: null,
  product_removed: null,
  view_cart: null,
  begin_checkout: null,
  add_to_wishlist: null,
  view_item_list: null,
  select_item: null,
  refund: null,
};
/** The longest item id the browser accepts (parseModel in @vitrin/core). */
const MAX_ID = 200;

const EVENTS_EXPECTED = "an event type: view, cart or purchase (or view_item, add_to_cart…)";

/**
 * A time as milliseconds: a number is unix seconds, milliseconds, microseconds (GA4's
 * `event_timestamp`) or nanoseconds by its size; text is ISO 8601 or `2019-10-01 00:00:00 UTC`,
 * read as UTC when it names no zone (a log's clock should not depend on where it is built).
 */
export function parseTime(raw: unknown): number | undefined {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.getTime();
  let value: number;
  if (typeof raw === "bigint") value = Number(raw);
  else if (typeof raw === "number") value = raw;
  else if (typeof raw === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(raw)) value = Number(raw);
  else if (typeof raw === "string") {
    let text = raw.trim().replace(/\s+UTC$/i, "Z");
    if (/^\d{4}-\d\d-\d\d([ T]\d\d:\d\d(:\d\d(\.\d+)?)?)?$/.test(text))
      text = text.length === 10 ? `${text}T00:00:00Z` : `${text.replace(" ", "T")}Z`;
    const ms = Date.parse(text.replace(/^(\d{4}-\d\d-\d\d) /, "$1T"));
    return Number.isNaN(ms) ? undefined : ms;
  } else return undefined;
  if (!Number.isFinite(value)) return undefined;
  const size = Math.abs(value);
  if (size < 1e11) return value * 1000;
  if (size < 1e14) return value;
  if (size < 1e17) return value / 1000;
  return value / 1e6;
}

const TIME_EXPECTED =
  "a time: ISO 8601, 2019-10-01 00:00:00 UTC, or unix seconds, milliseconds or microseconds";

/** The file type of a path, from its extension. */
export function fileTypeOf(path: string): ModelFileType | undefined {
  const ext = extname(path).toLowerCase().slice(1);
  if (ext === "tab") return "tsv";
  if (ext === "ndjson" || ext === "json") return "jsonl";
  return (MODEL_FILE_TYPES as readonly string[]).includes(ext) ? (ext as ModelFileType) : undefined;
}

/** What the reader needs besides the input. */
export interface ReadContext {
  onBytes(bytes: number): void;
  notice?(message: string): void;
  /** For Parquet: DuckDB reads it. */
  connection: DuckDBConnection;
}

interface InputFile {
  path: string;
  type: ModelFileType;
}

/** The first non-blank line of a text file (for inference), at most 1 MB in. */
async function firstLine(path: string): Promise<string> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(1 << 20);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString("utf8");
    return text.split(/\r?\n/).find((line) => line.trim() !== "") ?? "";
  } finally {
    await handle.close();
  }
}

async function parquetColumns(connection: DuckDBConnection, path: string): Promise<string[]> {
  const [sql = ""] = statements(READ_PARQUET_SQL, { path: { text: path } });
  try {
    const result = await connection.run(`DESCRIBE ${sql}`);
    const rows = await result.getRowObjectsJS();
    return rows.map((row) => String(row.column_name)).filter((c) => c !== "file_row_number");
  } catch (error) {
    throw new ModelInputError(`${path}: cannot read as Parquet: ${(error as Error).message}`);
  }
}

/** Works out each file's type and the kind of input, from `input` and the files themselves. */
export async function resolveInput(
  input: ModelInput,
  connection: DuckDBConnection,
): Promise<{ from: ModelSource; files: InputFile[] }> {
  const files = input.paths.map((path) => {
    const type = input.type ?? fileTypeOf(path);
    if (!type)
      throw new ModelInputError(
        `${path}: cannot tell the file type from its extension; expected .csv, .tsv, .jsonl, .parquet or .txt (or --type)`,
      );
    return { path, type };
  });
  for (const { path } of files) {
    try {
      await stat(path);
    } catch {
      throw new ModelInputError(`${path}: no such file`);
    }
  }
  if (input.from) {
    if (input.from === "sequences" && files.some((f) => f.type === "parquet"))
      throw new ModelInputError("sequences are text files (user item item …), not Parquet");
    if (input.from === "ga4" && files.some((f) => f.type !== "jsonl" && f.type !== "parquet"))
      throw new ModelInputError("a GA4 export is JSON Lines or Parquet");
    return { from: input.from, files };
  }
  // Inferred from the first file: .txt is a sequence file; a JSON line or Parquet schema with
  // GA4's event_name and items is the GA4 export; anything else an event log.
  const [first] = files as [InputFile];
  let from: ModelSource = "events";
  if (first.type === "txt") from = "sequences";
  else if (first.type === "jsonl") {
    try {
      const record = JSON.parse(await firstLine(first.path));
      if (record && typeof record === "object" && "event_name" in record && "items" in record)
        from = "ga4";
    } catch {
      // Not JSON on the first line: the reader reports it with its line number.
    }
  } else if (first.type === "parquet") {
    const columns = await parquetColumns(connection, first.path);
    if (columns.includes("event_name") && columns.includes("items")) from = "ga4";
  }
  return { from, files };
}

/** One record as a lookup by column name, with where each column sits. */
interface Record_ {
  line: number;
  get(column: string): unknown;
  /** 1-based column of a field in messages (a CSV column, a JSON key's character). */
  columnOf(column: string): number | undefined;
  /** The record's own keys (JSON Lines, where there is no header). */
  keys?(): string[];
}

/** The column each field is read from: `--map` first, then the usual names. */
function mapColumns(
  file: string,
  columns: string[],
  map: Partial<Record<ModelField, string>>,
  need: readonly ModelField[],
): Partial<Record<ModelField, string>> {
  const lower = new Map<string, string>();
  for (const column of columns)
    if (!lower.has(column.toLowerCase())) lower.set(column.toLowerCase(), column);
  const found: Partial<Record<ModelField, string>> = {};
  for (const field of Object.keys(COLUMN_NAMES) as ModelField[]) {
    const wanted = map[field];
    if (wanted !== undefined) {
      const column = lower.get(wanted.toLowerCase());
      if (!column)
        throw new ModelInputError(
          `${file}: --map ${field}=${wanted}: no column ${JSON.stringify(wanted)}; the columns are ${columns.join(", ")}`,
        );
      found[field] = column;
      continue;
    }
    const column = COLUMN_NAMES[field].map((name) => lower.get(name)).find(Boolean);
    if (column) found[field] = column;
  }
  for (const field of need)
    if (!found[field])
      throw new ModelInputError(
        `${file}: no ${field} column; name it with --map ${field}=<column> (the columns are ${columns.join(", ")})`,
      );
  if (!found.user && !found.session)
    throw new ModelInputError(
      `${file}: no user or session column; name one with --map user=<column> or --map session=<column> (the columns are ${columns.join(", ")})`,
    );
  return found;
}

const text = (value: unknown): string =>
  value === null || value === undefined
    ? ""
    : typeof value === "string"
      ? value.trim()
      : String(value).trim();

/** Checks one event-log record against the mapping. */
function eventOf(
  file: string,
  record: Record_,
  columns: Partial<Record<ModelField, string>>,
): ModelEntry {
  const problem = (field: ModelField, expected: string, got?: unknown): ModelEntry => {
    const column = columns[field] ?? field;
    const at = record.columnOf(column);
    return {
      problem: {
        file,
        line: record.line,
        ...(at === undefined ? {} : { column: at }),
        field: column,
        expected,
        ...(got === undefined || got === "" ? {} : { got: text(got) }),
      },
    };
  };
  const item = text(record.get(columns.item as string));
  if (item === "") return problem("item", "an item id");
  if (item.length > MAX_ID)
    return problem("item", `an item id of at most ${MAX_ID} characters`, item);
  let kind: RawEvent["event"] = "view";
  if (columns.event) {
    const name = text(record.get(columns.event)).toLowerCase();
    const mapped = EVENT_NAMES[name];
    if (mapped === null) return { ignored: true };
    if (mapped === undefined) return problem("event", EVENTS_EXPECTED, record.get(columns.event));
    kind = mapped;
  }
  const rawTime = record.get(columns.time as string);
  const ts = parseTime(typeof rawTime === "string" ? rawTime.trim() : rawTime);
  if (ts === undefined) return problem("time", TIME_EXPECTED, rawTime);
  const session = columns.session ? text(record.get(columns.session)) : "";
  const user = columns.user ? text(record.get(columns.user)) : session;
  if (user === "") return problem(columns.user ? "user" : "session", "a user id");
  return { events: [{ user, ...(session ? { session } : {}), item, ts, event: kind }] };
}

/** A JSON key's character column in its line, for messages. */
function keyColumn(line: string, key: string): number | undefined {
  const at = line.indexOf(JSON.stringify(key));
  return at < 0 ? undefined : at + 1;
}

/** The records of a CSV or TSV file, by header name. */
async function* delimitedRecords(
  file: string,
  delimiter: string,
  context: ReadContext,
): AsyncGenerator<Record_ | { header: string[] }> {
  const sourceContext: SourceContext = {
    file,
    map: new Map(),
    onBytes: context.onBytes,
    notice: context.notice ?? (() => {}),
  };
  let index = new Map<string, number>();
  for await (const row of readRows(sourceContext, delimiter)) {
    if (index.size === 0) {
      const header = row.cells.map((cell) => cell.trim());
      index = new Map(header.map((name, i) => [name, i]));
      yield { header };
      continue;
    }
    const cells = row.cells;
    yield {
      line: row.line,
      get: (column) => cells[index.get(column) ?? -1],
      columnOf: (column) => {
        const i = index.get(column);
        return i === undefined ? undefined : i + 1;
      },
    };
  }
}

/** The lines of a text file with their numbers (blank ones skipped). */
async function* lines(file: string, context: ReadContext): AsyncGenerator<[number, string]> {
  let rest = "";
  let number = 0;
  for await (const chunk of textChunks(file, context.onBytes)) {
    const parts = (rest + chunk).split("\n");
    rest = parts.pop() ?? "";
    for (const part of parts) {
      number++;
      const line = part.endsWith("\r") ? part.slice(0, -1) : part;
      if (line.trim() !== "") yield [number, line];
    }
  }
  number++;
  if (rest.trim() !== "") yield [number, rest.endsWith("\r") ? rest.slice(0, -1) : rest];
}

/** The records of a JSON Lines file; a line that is not a JSON object is a problem. */
async function* jsonRecords(
  file: string,
  context: ReadContext,
): AsyncGenerator<Record_ | { problem: ModelProblem }> {
  for await (const [line, source] of lines(file, context)) {
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch {
      value = undefined;
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      yield {
        problem: { file, line, column: 1, field: "(line)", expected: "a JSON object", got: source },
      };
      continue;
    }
    const object = value as Record<string, unknown>;
    yield {
      line,
      get: (column) => object[column],
      columnOf: (column) => keyColumn(source, column),
      keys: () => Object.keys(object),
    };
  }
}

/** The rows of a Parquet file, streamed by DuckDB. `line` is the 1-based row. */
async function* parquetRecords(
  file: string,
  context: ReadContext,
): AsyncGenerator<Record_ | { header: string[] }> {
  const header = await parquetColumns(context.connection, file);
  yield { header };
  const position = new Map(header.map((name, i) => [name, i + 1]));
  const [sql = ""] = statements(READ_PARQUET_SQL, { path: { text: file } });
  const result = await context.connection.stream(sql);
  for await (const rows of result.yieldRowObjectJs()) {
    for (const row of rows) {
      yield {
        line: Number(row.file_row_number) + 1,
        get: (column) => row[column],
        columnOf: (column) => position.get(column),
      };
    }
  }
  context.onBytes((await stat(file)).size);
}

/** A sequence file: `user item item …` per line; the line is one session, positions the time. */
async function* sequenceEntries(file: string, context: ReadContext): AsyncGenerator<ModelEntry> {
  for await (const [line, source] of lines(file, context)) {
    const tokens = source.trim().split(/\s+/);
    const [user = "", ...items] = tokens;
    if (items.length === 0) {
      yield {
        problem: {
          file,
          line,
          column: source.length + 1,
          field: "items",
          expected: "at least one item after the user (user item item …)",
        },
      };
      continue;
    }
    const tooLong = items.findIndex((item) => item.length > MAX_ID);
    if (tooLong >= 0) {
      yield {
        problem: {
          file,
          line,
          column: source.indexOf(items[tooLong] as string) + 1,
          field: `item ${tooLong + 1}`,
          expected: `an item id of at most ${MAX_ID} characters`,
        },
      };
      continue;
    }
    // The session is the line (a user may have several), the time each item's position.
    yield {
      events: items.map((item, i) => ({
        user,
        session: String(line),
        item,
        ts: i + 1,
        event: "view" as const,
      })),
    };
  }
}

/** GA4 event names the model uses; every other event of the export is ignored. */
const GA4_EVENTS: Record<string, RawEvent["event"]> = {
  view_item: "view",
  add_to_cart: "cart",
  purchase: "purchase",
};

/** `event_params` value of `key`, from the export's `[{ key, value: { int_value, … } }]`. */
function ga4Param(params: unknown, key: string): string {
  if (!Array.isArray(params)) return "";
  for (const param of params) {
    if (!param || typeof param !== "object" || (param as { key?: unknown }).key !== key) continue;
    const value = (param as { value?: Record<string, unknown> }).value ?? {};
    for (const kind of ["int_value", "string_value", "double_value", "float_value"]) {
      const found = text(value[kind]);
      if (found !== "") return found;
    }
  }
  return "";
}

/**
 * One GA4 BigQuery export row: `view_item`, `add_to_cart` and `purchase` give one event per
 * entry of `items`; the session is `event_params.ga_session_id` (per user, as GA4 counts).
 */
function ga4Entry(
  file: string,
  record: Record_,
  map: Partial<Record<ModelField, string>>,
): ModelEntry {
  const problem = (field: string, expected: string, got?: unknown): ModelEntry => {
    const column = record.columnOf(field.split(/[.[]/)[0] as string);
    return {
      problem: {
        file,
        line: record.line,
        ...(column === undefined ? {} : { column }),
        field,
        expected,
        ...(got === undefined || got === "" ? {} : { got: text(got) }),
      },
    };
  };
  const eventColumn = map.event ?? "event_name";
  const kind = GA4_EVENTS[text(record.get(eventColumn))];
  if (!kind) return { ignored: true };
  const userColumn = map.user ?? "user_pseudo_id";
  const user = text(record.get(userColumn)) || text(record.get("user_id"));
  if (user === "") return problem(userColumn, "a user id (user_pseudo_id or user_id)");
  const timeColumn = map.time ?? "event_timestamp";
  const ts = parseTime(record.get(timeColumn));
  if (ts === undefined) return problem(timeColumn, TIME_EXPECTED, record.get(timeColumn));
  const session = map.session
    ? text(record.get(map.session))
    : ga4Param(record.get("event_params"), "ga_session_id");
  const items = record.get("items");
  if (!Array.isArray(items) || items.length === 0)
    return problem("items", `a list of items for ${text(record.get(eventColumn))}`);
  const itemField = map.item ?? "item_id";
  let bad: ModelEntry | undefined;
  const events: RawEvent[] = [];
  for (const [i, raw] of items.entries()) {
    const item =
      raw && typeof raw === "object" ? text((raw as Record<string, unknown>)[itemField]) : "";
    if (item === "" || item.length > MAX_ID)
      bad ??= problem(`items[${i}].${itemField}`, `an item id of 1 to ${MAX_ID} characters`, item);
    else events.push({ user, ...(session ? { session } : {}), item, ts, event: kind });
  }
  // The first bad item is reported; the event's good items are still used.
  if (bad?.problem) return events.length ? { problem: bad.problem, events } : bad;
  return { events };
}

/** Streams every record of the input as good events, an ignored event or a problem. */
export async function* readEntries(
  from: ModelSource,
  files: InputFile[],
  map: Partial<Record<ModelField, string>>,
  context: ReadContext,
): AsyncGenerator<ModelEntry> {
  for (const { path, type } of files) {
    if (from === "sequences") {
      yield* sequenceEntries(path, context);
      continue;
    }
    const records =
      type === "parquet"
        ? parquetRecords(path, context)
        : type === "jsonl"
          ? jsonRecords(path, context)
          : type === "txt"
            ? (() => {
                throw new ModelInputError(
                  `${path}: a .txt file is read as sequences (--from sequences)`,
                );
              })()
            : delimitedRecords(path, type === "tsv" ? "\t" : ",", context);
    let columns: Partial<Record<ModelField, string>> | undefined;
    for await (const record of records) {
      if ("header" in record) {
        if (from === "events")
          columns = mapColumns(path, record.header, map, ["item", "time"] as const);
        continue;
      }
      if ("problem" in record) {
        yield { problem: record.problem };
        continue;
      }
      if (from === "ga4") {
        yield ga4Entry(path, record, map);
        continue;
      }
      // JSON Lines has no header: the first record's keys stand for it.
      columns ??= mapColumns(path, record.keys?.() ?? [], map, ["item", "time"] as const);
      yield eventOf(path, record, columns);
    }
  }
}
