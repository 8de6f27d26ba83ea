// Shared by the tests only (not exported from the package).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CatalogItem } from "@vitrin/core";
import type { Source, SourceEntry } from "./types.js";

/** Path of a fixture file. */
export const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

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
