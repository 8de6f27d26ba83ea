// `vitrin model` on small files written here: every input shape, bad rows with their line and
// column, --strict, the summary and the atomic write.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { parseModel } from "@vitrin/core";
import { afterAll, describe, expect, it } from "vitest";
import { cli, removeTempDirs, tempDir } from "../test-helpers.js";
import { buildModelFromFile } from "./build.js";
import { parseTime } from "./readers.js";

afterAll(removeTempDirs);

function file(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

const readModel = (path: string) => JSON.parse(readFileSync(path, "utf8"));

// REES46's columns. Line 1 is the header; u1's visit is A B C, u2's A B.
const REES46 = `event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session
2019-10-01 00:00:00 UTC,view,A,1,,x,1.0,u1,s1
2019-10-01 00:00:01 UTC,view,B,1,,x,1.0,u1,s1
2019-10-01 00:00:02 UTC,view,C,1,,x,1.0,u1,s1
2019-10-01 00:01:00 UTC,view,A,1,,x,1.0,u2,s2
2019-10-01 00:01:01 UTC,view,,1,,x,1.0,u2,s2
2019-10-01 00:01:02 UTC,view,B,1,,x,1.0,u2,s2
yesterday,view,C,1,,x,1.0,u2,s2
2019-10-01 00:01:04 UTC,like,C,1,,x,1.0,u2,s2
2019-10-01 00:01:05 UTC,remove_from_cart,C,1,,x,1.0,u2,s2
`;
const REES46_MAP = [
  "--map",
  "user=user_id",
  "--map",
  "item=product_id",
  "--map",
  "time=event_time",
  "--map",
  "event=event_type",
  "--map",
  "session=user_session",
];

describe("vitrin model: an event log (CSV)", () => {
  it("exit 0: bad rows reported as file:line:column and skipped, the rest built", async () => {
    const input = file("events.csv", REES46);
    const output = join(tempDir(), "model.json");
    const { code, stdout, stderr } = await cli(["model", input, "-o", output, ...REES46_MAP]);
    expect(code).toBe(0);
    expect(stderr).toBe(
      [
        "vitrin model: reading events (inferred; --from to say otherwise)",
        `${input}:6:3: product_id: expected an item id`,
        `${input}:8:1: event_time: expected a time: ISO 8601, 2019-10-01 00:00:00 UTC, or unix seconds, milliseconds or microseconds, got "yesterday"`,
        `${input}:9:2: event_type: expected an event type: view, cart or purchase (or view_item, add_to_cart…), got "like"`,
        "",
      ].join("\n"),
    );
    expect(stdout).toMatch(
      /^vitrin model: events → .*model\.json\n {2}rows read {7}9\n {2}rows skipped {4}4\n/,
    );
    expect(stdout).toContain("       1  events the model does not use");
    expect(stdout).toMatch(/users {11}2\n {2}sessions {8}2\n {2}items {11}3\n/);
    expect(stdout).toMatch(/output .*model\.json \(\d+ B raw, \d+ B brotli; per 10k items /);
    const model = readModel(output);
    expect(parseModel(model, "model.json").problems).toEqual([]);
    // The same log as build.test.ts's first case (u1: A B C, u2: A B), with the default
    // α = 0.1: A→B = 2/(2^0.1·2^0.1), A→C = ½/(2^0.1·1); rescaled, C = ¼·2^0.1 = 0.26794.
    expect(model.items.A.next).toEqual([
      ["B", 1],
      ["C", 0.27],
    ]);
    // coView B: A = 2/(2^0.1·2^0.1), C = 1/(2^0.1·1); rescaled, C = 2^0.1/2 = 0.53589.
    expect(model.items.B.coView).toEqual([
      ["A", 1],
      ["C", 0.54],
    ]);
  });

  it("finds the usual column names alone (a TSV of SessionId, ItemId, Time in unix seconds)", async () => {
    const input = file(
      "clicks.tsv",
      "SessionId\tItemId\tTime\n1\tA\t1396437466.94\n1\tB\t1396437500\n2\tA\t1396437466\n2\tB\t1396437467\n",
    );
    const output = join(tempDir(), "model.json");
    const { code, stdout } = await cli(["model", input, "-o", output]);
    expect(code).toBe(0);
    // No user column: each session is its own user.
    expect(stdout).toMatch(/users {11}2\n {2}sessions {8}2\n/);
    expect(readModel(output).items.A.next).toEqual([["B", 1]]);
  });

  it("--strict: exit 1 at the first bad row, the old output left as it was", async () => {
    const input = file("events.csv", REES46);
    const dir = tempDir();
    const output = join(dir, "model.json");
    writeFileSync(output, "old");
    const { code, stdout, stderr } = await cli([
      "model",
      input,
      "-o",
      output,
      "--strict",
      ...REES46_MAP,
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(`${input}:6:3: product_id: expected an item id\n`);
    expect(stderr).not.toContain(":8:");
    expect(stderr).toContain("stopped at the first problem (--strict)");
    expect(readFileSync(output, "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["model.json"]);
  });

  it("--max-problems caps the lines printed, not the count", async () => {
    const input = file("events.csv", REES46);
    const output = join(tempDir(), "model.json");
    const { code, stdout, stderr } = await cli([
      "model",
      input,
      "-o",
      output,
      "--max-problems",
      "1",
      ...REES46_MAP,
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain(":6:3:");
    expect(stderr).not.toContain(":8:1:");
    expect(stderr).toContain("…and 2 more\n");
    expect(stdout).toContain("rows skipped    4");
  });

  it("exit 2 for bad options and a missing column; exit 1 when no row is good", async () => {
    const input = file("events.csv", REES46);
    const output = join(tempDir(), "model.json");
    expect((await cli(["model", input])).stderr).toContain("missing -o <model.json>");
    const badMap = await cli(["model", input, "-o", output, "--map", "product=product_id"]);
    expect(badMap.code).toBe(2);
    expect(badMap.stderr).toContain('--map: expected "field=column"');
    const noColumn = await cli(["model", input, "-o", output, "--map", "item=sku_code"]);
    expect(noColumn.code).toBe(2);
    expect(noColumn.stderr).toContain(`${input}: --map item=sku_code: no column "sku_code"`);
    const badK = await cli(["model", input, "-o", output, "--k", "500", ...REES46_MAP]);
    expect(badK.code).toBe(2);
    expect(badK.stderr).toContain("k: expected a whole number from 1 to 100, got 500");
    const missing = await cli(["model", join(tempDir(), "none.csv"), "-o", output]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("none.csv: no such file");
    const allBad = file("bad.csv", "user,item,time\nu,,1\n");
    const none = await cli(["model", allBad, "-o", output]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("no good interaction");
    expect(existsSync(output)).toBe(false);
  });

  it("draws a progress line on a terminal and clears it", async () => {
    const input = file("events.csv", REES46);
    const output = join(tempDir(), "model.json");
    const { code, stderr } = await cli(["model", input, "-o", output, ...REES46_MAP], {
      tty: true,
    });
    expect(code).toBe(0);
    expect(stderr).toContain("vitrin model: 9 rows read · building: 1-interactions.sql");
    expect(stderr).toContain("\r\x1b[2K");
  });
});

describe("vitrin model: sequences, GA4, JSON Lines, Parquet", () => {
  it("reads a sequence file: each line one session, positions the time", async () => {
    const input = file("seq.txt", "u1 A B C\nu2 A B\n\nu3\n");
    const output = join(tempDir(), "model.json");
    const { code, stdout, stderr } = await cli(["model", input, "-o", output]);
    expect(code).toBe(0);
    expect(stderr).toContain(
      `${input}:4:3: items: expected at least one item after the user (user item item …)\n`,
    );
    expect(stdout).toContain("vitrin model: sequences →");
    const model = readModel(output);
    // As above: C = ¼·2^0.1 = 0.268 with the default α = 0.1, written with 2 digits: 0.27.
    expect(model.items.A.next).toEqual([
      ["B", 1],
      ["C", 0.27],
    ]);
    // Positions are no clock: no trend.
    expect(Object.values(model.items).some((item) => "trend" in (item as object))).toBe(false);
  });

  it("an attributes file limits the model to its items", async () => {
    const input = file("seq.txt", "u1 A B C\nu2 A B\n");
    const attributes = file("attributes.json", '{"A": [1], "B": [2]}');
    const output = join(tempDir(), "model.json");
    const { code, stdout } = await cli(["model", input, "-o", output, "--attributes", attributes]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/items {11}2\n/);
    const model = readModel(output);
    expect(Object.keys(model.items).sort()).toEqual(["A", "B"]);
    expect(model.items.A.next).toEqual([["B", 1]]);
  });

  it("reads the GA4 BigQuery export as JSON Lines: one event per item, ga_session_id", async () => {
    const event = (name: string, user: string, micros: number, items: string[], session = 7) =>
      JSON.stringify({
        event_name: name,
        event_timestamp: String(micros),
        user_pseudo_id: user,
        event_params: [{ key: "ga_session_id", value: { int_value: String(session) } }],
        items: items.map((item_id) => ({ item_id, item_name: item_id })),
      });
    const t = 1_700_000_000_000_000;
    const input = file(
      "ga4.jsonl",
      [
        event("page_view", "p1", t, []),
        event("view_item", "p1", t + 1_000_000, ["A"]),
        event("view_item", "p1", t + 2_000_000, ["B"]),
        event("purchase", "p1", t + 3_000_000, ["A", "B", ""]),
        event("purchase", "p2", t + 4_000_000, ["A", "C"]),
        "not json",
      ].join("\n"),
    );
    const problems: string[] = [];
    const result = await buildModelFromFile(
      { paths: [input] },
      { onProblem: (p) => problems.push(`${p.line}:${p.column}: ${p.field}`) },
    );
    expect(result.from).toBe("ga4");
    // A problem in `items` points at the key; a line that is not JSON at its start.
    const line4 = readFileSync(input, "utf8").split("\n")[3] ?? "";
    expect(problems).toEqual([
      `4:${line4.indexOf('"items"') + 1}: items[2].item_id`,
      "6:1: (line)",
    ]);
    expect(result.stats).toMatchObject({ rows: 6, interactions: 6, users: 2, ignored: 1 });
    const items = result.model?.items ?? {};
    // p1's session: A B (views), then A B bought together (one timestamp: ordered by id,
    // A B A B: positions 1-4). coBuy A: B (p1, n_buy A 2, B 1 → 1/√2) and C (p2, C 1 → 1/√2).
    expect(items.A?.coBuy).toEqual([
      ["B", 1],
      ["C", 1],
    ]);
    expect(items.B?.next?.[0]).toEqual(["A", 1]);
  });

  it("reads a JSON Lines event log and a Parquet one alike", async () => {
    const dir = tempDir();
    const jsonl = join(dir, "events.jsonl");
    writeFileSync(
      jsonl,
      [
        { visitorid: "u1", itemid: "A", timestamp: 1433221332117, event: "view" },
        { visitorid: "u1", itemid: "B", timestamp: 1433221332118, event: "addtocart" },
        { visitorid: "u1", itemid: "C", timestamp: "soon", event: "view" },
      ]
        .map((row) => JSON.stringify(row))
        .join("\n"),
    );
    const problems: string[] = [];
    const fromJson = await buildModelFromFile(
      { paths: [jsonl] },
      { onProblem: (p) => problems.push(`${p.line}:${p.column}: ${p.field}`) },
    );
    // The column of a JSON key is its character in the line.
    expect(problems).toEqual(["3:32: timestamp"]);
    expect(fromJson.model?.items.A?.next).toEqual([["B", 1]]);

    const parquet = join(dir, "events.parquet");
    const db = await DuckDBInstance.create(":memory:");
    const connection = await db.connect();
    // The two good rows, with the timestamp as a BIGINT column.
    await connection.run(
      `COPY (SELECT * FROM (VALUES ('u1', 'A', 1433221332117, 'view'), ('u1', 'B', 1433221332118, 'addtocart')) AS t(visitorid, itemid, timestamp, event)) TO '${parquet}' (FORMAT parquet)`,
    );
    connection.closeSync();
    db.closeSync();
    const fromParquet = await buildModelFromFile({ paths: [parquet] });
    expect(fromParquet.stats.rows).toBe(2);
    expect(fromParquet.model).toEqual(fromJson.model);
  });
});

describe("parseTime", () => {
  it("reads dates as UTC and numbers by their size", () => {
    const ms = Date.UTC(2019, 9, 1);
    expect(parseTime("2019-10-01 00:00:00 UTC")).toBe(ms);
    expect(parseTime("2019-10-01 00:00:00")).toBe(ms);
    expect(parseTime("2019-10-01")).toBe(ms);
    expect(parseTime("2019-10-01T03:00:00+03:00")).toBe(ms);
    expect(parseTime(ms / 1000)).toBe(ms);
    expect(parseTime(String(ms))).toBe(ms);
    expect(parseTime(BigInt(ms) * 1000n)).toBe(ms);
    expect(parseTime("1396437466.94")).toBe(1396437466940);
    expect(parseTime("yesterday")).toBeUndefined();
    expect(parseTime("")).toBeUndefined();
  });
});
