/**
 * The shopper's rights over what Vitrin keeps: see all of it (`export`) and delete all of it
 * (`erase`, in tracker.ts, because every tab must forget too).
 */
import type { VitrinEvent } from "./events.js";
import type { TrackerStores } from "./store.js";

/** Everything Vitrin stored on this device. */
export interface VitrinExport {
  format: "vitrin-export";
  version: 1;
  exportedAt: string;
  /** The event log, oldest first. */
  events: VitrinEvent[];
  /** Other stored records by key (identity, aggregates, …); cached catalogs summarised. */
  records: Record<string, unknown>;
  /** Vitrin's localStorage keys (session, remembered consent). */
  localStorage: Record<string, string>;
}

/** Collects everything stored, for `vitrin.export()`. */
export async function exportData(stores: TrackerStores, now: number): Promise<VitrinExport> {
  const [events, entries] = await Promise.all([stores.events.all(), stores.cache.entries()]);
  const records: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    // A cached catalog, config or model is the merchant's data, not the shopper's: listed,
    // not copied.
    const v = value as { fetchedAt?: number } | undefined;
    records[key] = /^(catalog|config|model):/.test(key)
      ? { cachedFile: key, fetchedAt: v?.fetchedAt }
      : value;
  }
  const local: Record<string, string> = {};
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith("vitrin:")) local[key] = localStorage.getItem(key) ?? "";
    }
  } catch {
    // No localStorage: nothing of Vitrin's there either.
  }
  return {
    format: "vitrin-export",
    version: 1,
    exportedAt: new Date(now).toISOString(),
    events,
    records,
    localStorage: local,
  };
}
