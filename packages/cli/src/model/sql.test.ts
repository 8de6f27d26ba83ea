import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MODEL_STEPS, RAW_EVENTS_SQL, sqlFolder, statements } from "./sql.js";

describe("the model SQL", () => {
  it("keeps to the portable subset in the core steps (Spark SQL and BigQuery run them)", () => {
    // DuckDB-only syntax and functions; reading files lives in sql/duckdb/ alone.
    const duckdbOnly =
      /read_(csv|parquet|json)|\bQUALIFY\b|::|\blist_|\bstruct_|\bCOLUMNS\(|\bEXCLUDE\b|\barg_(max|min)\b|\bMACRO\b|\bCONCAT\(|\bDOUBLE\b/i;
    for (const file of MODEL_STEPS) {
      const code = readFileSync(`${sqlFolder()}${file}`, "utf8")
        .split("\n")
        .filter((line) => !line.trimStart().startsWith("--"))
        .join("\n");
      expect(code, file).not.toMatch(duckdbOnly);
      expect(code, file).toMatch(/^CREATE TABLE \w+ AS\n/);
    }
    expect(readFileSync(`${sqlFolder()}${RAW_EVENTS_SQL}`, "utf8")).not.toMatch(/read_/);
  });

  // biome-ignore lint/suspicious/noTemplateCurlyInString: the SQL files' placeholder syntax
  it("fills ${name} placeholders with numbers and quoted text, and refuses a missing one", () => {
    const [sql = ""] = statements("duckdb/read-parquet.sql", { path: { text: "it's.parquet" } });
    expect(sql).toBe(
      "SELECT *, file_row_number FROM read_parquet('it''s.parquet', file_row_number = true)",
    );
    expect(() => statements("3-next.sql", { window: 5 })).toThrow("3-next.sql: no value for ${");
    const steps = statements("6-neighbours.sql", { k: 20, digits: 3 });
    expect(steps).toHaveLength(1);
    expect(steps[0]).toContain("WHERE nth <= 20");
  });
});
