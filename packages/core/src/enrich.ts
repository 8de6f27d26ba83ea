import type { Catalog, CatalogItem } from "./catalog.js";
import type { JsonLdProduct } from "./jsonld.js";

/** Fresh facts about an item, read from a product page's JSON-LD. */
export interface ItemOverride {
  price?: number;
  availability?: CatalogItem["availability"];
  /** When the page was read (ms since epoch). */
  at: number;
}

/** Overrides by item id. */
export type Overrides = Record<string, ItemOverride>;

/** Adds what the page's JSON-LD says to the overrides known so far. Pure. */
export function addOverrides(
  previous: Overrides,
  products: readonly JsonLdProduct[],
  at: number,
): Overrides {
  const next = { ...previous };
  for (const p of products) {
    if (p.price === undefined && p.availability === undefined) continue;
    next[p.id] = {
      at,
      ...(p.price === undefined ? {} : { price: p.price }),
      ...(p.availability ? { availability: p.availability } : {}),
    };
  }
  return next;
}

/**
 * The catalog with what product pages said since it was fetched: the page is the merchant's
 * live price and stock, the catalog file may be hours old. A JSON-LD price below the list
 * price is a sale price; above it, a new list price.
 */
export function applyOverrides(catalog: Catalog, overrides: Overrides): Catalog {
  const fetchedAt = catalog.fetchedAt ?? 0;
  const fresh = Object.entries(overrides).filter(
    ([id, o]) => o.at > fetchedAt && catalog.byId.has(id),
  );
  if (fresh.length === 0) return catalog;
  const byId = new Map(catalog.byId);
  for (const [id, o] of fresh) {
    const item = byId.get(id) as CatalogItem;
    const next: CatalogItem = {
      ...item,
      ...(o.availability ? { availability: o.availability } : {}),
    };
    if (o.price !== undefined && o.price !== (item.salePrice ?? item.price)) {
      delete next.salePrice;
      if (o.price < item.price) next.salePrice = o.price;
      else next.price = o.price;
    }
    byId.set(id, next);
  }
  return {
    ...catalog,
    byId,
    items: catalog.items.map((item) => byId.get(item.id) ?? item),
    base: catalog.base ?? catalog,
  };
}
