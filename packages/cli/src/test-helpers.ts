// Shared by the tests only (not exported from the package).
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CatalogItem } from "@vitrin/core";
import { build } from "esbuild";
import { run } from "./run.js";
import { FIXTURES } from "./test-fixtures.js";
import type { Source, SourceEntry } from "./types.js";

/** Where fixture files are written: a git-ignored cache, the same for every test file. */
const FIXTURE_DIR = fileURLToPath(
  new URL("../../../node_modules/.cache/vitrin-cli-fixtures/", import.meta.url),
);

/**
 * Path of a fixture file, written from {@link FIXTURES} when missing or different. Test files
 * run in parallel: each writes a temporary file and renames it, so none reads a half-written one.
 */
export function fixture(name: string): string {
  const text = FIXTURES[name];
  if (text === undefined) throw new Error(`no fixture named ${name}`);
  const path = join(FIXTURE_DIR, name);
  if (!existsSync(path) || readFileSync(path, "utf8") !== text) {
    mkdirSync(FIXTURE_DIR, { recursive: true });
    const partial = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(partial, text);
    renameSync(partial, path);
  }
  return path;
}

const created: string[] = [];

/** A fresh temporary folder, removed by {@link removeTempDirs}. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "vitrin-cli-"));
  created.push(dir);
  return dir;
}

/** Removes the folders {@link tempDir} made (call it in afterAll). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Runs a source over one file and returns what it produced. */
export async function collect(
  source: Source,
  file: string,
  options: { currency?: string; baseUrl?: string; map?: [string, string][] } = {},
): Promise<{ entries: SourceEntry[]; items: CatalogItem[]; notices: string[] }> {
  const entries: SourceEntry[] = [];
  const notices: string[] = [];
  for await (const entry of source({
    file,
    map: new Map(options.map ?? []),
    ...(options.currency ? { currency: options.currency } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    onBytes: () => {},
    notice: (message) => notices.push(message),
  })) {
    entries.push(entry);
  }
  return {
    entries,
    items: entries.flatMap((entry) => (entry.item ? [entry.item] : [])),
    notices,
  };
}

/** The --map a Turkish CSV export needs. */
export const TURKISH_MAP: [string, string][] = [
  ["Ürün Kodu", "id"],
  ["Ürün Adı", "title"],
  ["Bağlantı", "url"],
  ["Görsel", "image"],
  ["Fiyat", "price"],
  ["İndirimli Fiyat", "salePrice"],
  ["Stok", "availability"],
  ["Marka", "brand"],
  ["Kategori", "categories"],
  ["Renk", "color"],
  ["Beden", "size"],
  ["Sezon", "season"],
];

/** Runs the `vitrin` command line against in-memory streams: its exit code and what it wrote. */
export async function cli(argv: string[], options: { tty?: boolean; columns?: number } = {}) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: {
      write: (text: string) => (stderr += text),
      isTTY: options.tty ?? false,
      columns: options.columns ?? 100,
    },
  });
  return { code, stdout, stderr };
}

/**
 * Bundles the executable as it ships (cli.ts in one file, run by node) to `outfile`. DuckDB's
 * native binding cannot be bundled; it stays an import, loaded only by `vitrin model`.
 */
export async function bundleCli(outfile: string): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(new URL("./cli.ts", import.meta.url))],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["source"],
    external: ["@duckdb/node-api"],
    banner: { js: "#!/usr/bin/env node" },
    logLevel: "silent",
  });
}
