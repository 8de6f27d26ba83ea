import { randomBytes } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { ResolvedOptions } from "./options.js";
import { MODEL_STEPS, RAW_EVENTS_SQL, type SqlParams, statements } from "./sql.js";
import type { ModelFile, ModelStats } from "./types.js";

/** One row for `raw_events`, already checked. */
export interface RawEvent {
  user: string;
  session?: string | undefined;
  item: string;
  ts: number;
  event: "view" | "cart" | "purchase";
}

/** Rows between checks for the abort signal and progress. */
const BATCH = 8192;

/**
 * An embedded DuckDB for one build: an in-memory database that spills to a temporary folder
 * past `memoryLimit`, so a log larger than memory still builds (more slowly). The folder is
 * ours alone and removed by {@link close}.
 */
export class ModelEngine {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    private readonly ownTemp: string | undefined,
  ) {}

  static async open(options: ResolvedOptions): Promise<ModelEngine> {
    const ownTemp = options.tempDirectory
      ? undefined
      : join(tmpdir(), `vitrin-model-${process.pid}-${randomBytes(4).toString("hex")}`);
    const temp = options.tempDirectory ?? ownTemp ?? tmpdir();
    await mkdir(temp, { recursive: true });
    const config: Record<string, string> = {
      memory_limit: options.memoryLimit,
      temp_directory: temp,
      // Row order of a table does not matter to any step (each orders what it needs), and
      // keeping it would hold more in memory.
      preserve_insertion_order: "false",
    };
    if (options.threads) config.threads = String(options.threads);
    try {
      // Loaded on first use: `vitrin catalog` never pays for the native binding.
      const { DuckDBInstance } = await import("@duckdb/node-api");
      const instance = await DuckDBInstance.create(":memory:", config);
      const connection = await instance.connect();
      return new ModelEngine(instance, connection, ownTemp);
    } catch (error) {
      if (ownTemp) await rm(ownTemp, { recursive: true, force: true });
      throw error;
    }
  }

  /** A second connection, for reading a Parquet input while the appender fills the first. */
  async reader(): Promise<DuckDBConnection> {
    return this.instance.connect();
  }

  async run(file: string, params: SqlParams = {}): Promise<void> {
    for (const sql of statements(file, params)) await this.connection.run(sql);
  }

  /**
   * Fills `raw_events` with the appender (DuckDB's bulk path, no SQL per row). `each` runs
   * every {@link BATCH} rows: progress, and a chance to stop.
   */
  async load(rows: AsyncIterable<RawEvent> | Iterable<RawEvent>, each?: () => void) {
    await this.run(RAW_EVENTS_SQL);
    const appender = await this.connection.createAppender("raw_events");
    let count = 0;
    try {
      for await (const row of rows) {
        appender.appendVarchar(row.user);
        if (row.session === undefined) appender.appendNull();
        else appender.appendVarchar(row.session);
        appender.appendVarchar(row.item);
        appender.appendDouble(row.ts);
        appender.appendVarchar(row.event);
        appender.endRow();
        if (++count % BATCH === 0) each?.();
      }
    } finally {
      appender.closeSync();
    }
    return count;
  }

  /** Runs the model's SQL, step by step. */
  async build(params: SqlParams, onStep?: (step: string) => void): Promise<void> {
    for (const step of MODEL_STEPS) {
      onStep?.(step);
      await this.run(step, params);
    }
  }

  private async rows(sql: string) {
    return (await this.connection.runAndReadAll(sql)).getRowObjectsJS();
  }

  private async count(sql: string): Promise<number> {
    const [row] = await this.rows(sql);
    return Number(row?.n ?? 0);
  }

  /** The counts of the summary. */
  async stats(): Promise<Omit<ModelStats, "elapsedMs">> {
    return {
      interactions: await this.count("SELECT COUNT(*) AS n FROM interactions"),
      users: await this.count("SELECT COUNT(DISTINCT user_id) AS n FROM interactions"),
      items: await this.count("SELECT COUNT(*) AS n FROM item_scores"),
      sessions: await this.count("SELECT COUNT(DISTINCT session_id) AS n FROM interactions"),
      pairs: {
        next: await this.count("SELECT COUNT(*) AS n FROM next_pairs"),
        coView: await this.count("SELECT COUNT(*) AS n FROM co_view_pairs"),
        coBuy: await this.count("SELECT COUNT(*) AS n FROM co_buy_pairs"),
      },
      neighbours: await this.count("SELECT COUNT(*) AS n FROM neighbours"),
    };
  }

  /**
   * The model file from the result tables. `keep`, when given, is the item universe (the
   * attributes file): other items are left out, as entries and as neighbours.
   */
  async model(keep?: ReadonlySet<string>): Promise<ModelFile> {
    const items: ModelFile["items"] = {};
    const kept = (id: string) => !keep || keep.has(id);
    // Most events first: the file reads naturally, and JSON parsers keep this order.
    for (const row of await this.rows(
      "SELECT item_id, popularity, trend FROM item_scores ORDER BY events DESC, item_id",
    )) {
      const id = String(row.item_id);
      if (!kept(id)) continue;
      const entry: ModelFile["items"][string] = {};
      const popularity = Number(row.popularity);
      const trend = Number(row.trend);
      if (popularity > 0) entry.popularity = popularity;
      if (trend > 0) entry.trend = trend;
      items[id] = entry;
    }
    for (const row of await this.rows(
      "SELECT relation, item_id, neighbour_id, weight FROM neighbours ORDER BY relation, item_id, nth",
    )) {
      const entry = items[String(row.item_id)];
      const neighbour = String(row.neighbour_id);
      if (!entry || !kept(neighbour)) continue;
      const relation = row.relation as "coView" | "coBuy" | "next";
      const list = entry[relation] ?? [];
      list.push([neighbour, Number(row.weight)]);
      entry[relation] = list;
    }
    return { format: "vitrin-model", version: 1, items };
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
    if (this.ownTemp) await rm(this.ownTemp, { recursive: true, force: true });
  }
}
