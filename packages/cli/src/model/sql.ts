import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The model's SQL, in the order it runs. The files live in the package's `sql/` folder so a
 * merchant can run the same statements on Spark SQL or BigQuery (docs/model-builder.md).
 */
export const MODEL_STEPS = [
  "1-interactions.sql",
  "2-positions.sql",
  "3-next.sql",
  "4-co-view.sql",
  "5-co-buy.sql",
  "6-neighbours.sql",
  "7-scores.sql",
] as const;

/** The table the loader fills; the steps read only this. */
export const RAW_EVENTS_SQL = "0-raw-events.sql";
/** DuckDB-only: reading a Parquet file. */
export const READ_PARQUET_SQL = "duckdb/read-parquet.sql";

/**
 * The `sql/` folder of the package. Found from this module: `src/model/` and the built
 * `dist/model/` are two levels down, the bundled `dist/cli.js` one.
 */
export function sqlFolder(): string {
  for (const up of ["../../sql/", "../sql/"]) {
    const folder = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(`${folder}${RAW_EVENTS_SQL}`)) return folder;
  }
  throw new Error("the model SQL files (@vitrin/cli/sql) are missing from the installation");
}

/** Values put into the SQL: numbers only, plus quoted string literals for paths. */
export type SqlParams = Record<string, number | { text: string }>;

function literal(name: string, value: number | { text: string }): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`SQL parameter ${name} is not a finite number`);
    return String(value);
  }
  return `'${value.text.replaceAll("'", "''")}'`;
}

/**
 * A SQL file with its `${name}` placeholders filled in, split into statements. The placeholders
 * are the same `${name}` form Spark SQL substitutes from `SET name=value`. Comment lines are
 * dropped (they would otherwise hide a statement's `;`).
 */
export function statements(file: string, params: SqlParams = {}): string[] {
  const text = readFileSync(`${sqlFolder()}${file}`, "utf8")
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("--"))
    .join("\n")
    .replace(/\$\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined) throw new Error(`${file}: no value for \${${name}}`);
      return literal(name, value);
    });
  return text
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter(Boolean);
}
