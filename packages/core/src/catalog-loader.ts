import { type JsonKind, type JsonSource, loadCachedJson } from "./cached-json.js";
import { type Catalog, type CatalogItem, parseCatalog } from "./catalog.js";
import { warnProblems } from "./log.js";

/** Where a catalog comes from and how long a cached copy counts as fresh. */
export type CatalogSource = JsonSource;

/**
 * What the cache keeps of a catalog: the validated items, so a repeat page view only rebuilds
 * the id index instead of validating the whole file again (about 12 ms per 1,000 items in
 * Chromium).
 */
interface StoredCatalog {
  currency: string;
  language?: string;
  items: CatalogItem[];
}

const CATALOG_FILE: JsonKind<Catalog, StoredCatalog> = {
  name: "catalog",
  check(body, url) {
    const { catalog, problems } = parseCatalog(body, url);
    warnProblems("catalog: skipped invalid data", problems);
    if (!catalog) return undefined;
    const { currency, language, items } = catalog;
    return { currency, items, ...(language ? { language } : {}) };
  },
  revive: (stored, fetchedAt) =>
    Array.isArray(stored.items)
      ? {
          ...stored,
          byId: new Map(stored.items.map((item) => [item.id, item])),
          fetchedAt,
        }
      : undefined,
};

/**
 * Loads the catalog, cache first (see {@link loadCachedJson}): a fresh cached copy is used with
 * no request; a stale one at once, revalidated in the background (`onUpdate` gets the new
 * catalog); with none the file is fetched. A failed fetch keeps the cached copy.
 */
export function loadCatalog(
  source: CatalogSource,
  onUpdate: (catalog: Catalog) => void,
): Promise<Catalog | undefined> {
  return loadCachedJson(source, CATALOG_FILE, onUpdate);
}
