import { type Catalog, type CatalogItem, effectivePrice } from "./catalog.js";

/**
 * Lookups every profile stage needs, built once per catalog object and then shared: a slot
 * recomputes on every event, and rescanning 100,000 items each time would cost the page.
 * Kept in a WeakMap, so a replaced catalog takes its index with it. Everything is keyed and
 * listed by item id: prices and stock change under the index (fresher figures from product
 * pages, see enrich.ts) while ids, categories, brands and titles do not.
 */
export interface CatalogIndex {
  /** Every category path prefix of an item, root first: "Giyim", "Giyim > Kadın", … */
  categoryKeys(item: CatalogItem): readonly string[];
  /** Ids of items under a category path prefix (the prefix itself or any descendant). */
  inCategory(key: string): readonly string[];
  /** Ids of a brand's items. */
  ofBrand(brand: string): readonly string[];
  /** Ids of a variant group (a product's colours and sizes). */
  inGroup(groupId: string): readonly string[];
  /**
   * Price band of an item within its top-level category, 0 (cheapest fifth) to 4 (dearest
   * fifth): a ₺400 shirt and a ₺4,000 coat can both be "mid-range".
   */
  priceBand(item: CatalogItem): number;
  /** Lower-cased title words (Turkish-aware), for title overlap. */
  titleWords(item: CatalogItem): ReadonlySet<string>;
  /** Ids by catalog popularity, most popular first (catalog order breaks ties). */
  readonly byPopularity: readonly string[];
  /** Ids of items with a `createdAt`, newest first, with that time in ms. */
  readonly newest: readonly { id: string; at: number }[];
  /** Share of the catalog on sale (0…1): viewing sale items means more in a shop with few. */
  readonly saleShare: number;
  /** `attributes` of an item as "name=value" keys (one per value of a multi-valued attribute). */
  attributeKeys(item: CatalogItem): readonly string[];
}

const cache = new WeakMap<Catalog, CatalogIndex>();

/** Separator of category path prefixes, as in GA4 reports and the aggregates record. */
export const CATEGORY_SEPARATOR = " > ";

/** Case folding for matching words typed or written in Turkish: `İ`→`i`, `I`→`ı`. */
export function foldCase(text: string): string {
  return text.toLocaleLowerCase("tr");
}

/** Words of a text, folded, longer than two letters (drops "ve", "ile", "of", sizes). */
export function wordsOf(text: string): Set<string> {
  return new Set(
    foldCase(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2),
  );
}

/** An attribute value as a list: one for a single value, several for a multi-valued one. */
export const valuesOf = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** `attributes` of an item as "name=value" keys, values folded (one key per value). */
export function attributeKeysOf(item: CatalogItem): string[] {
  return Object.entries(item.attributes).flatMap(([name, value]) =>
    valuesOf(value).map((v) => `${name}=${foldCase(v)}`),
  );
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function build(catalog: Catalog): CatalogIndex {
  const keys = new Map<string, string[]>();
  const byCategory = new Map<string, string[]>();
  const byBrand = new Map<string, string[]>();
  const byGroup = new Map<string, string[]>();
  const pricesByTop = new Map<string, number[]>();
  // A shop has thousands of items but a few hundred category paths: one key list per path.
  const paths = new Map<string, string[]>();
  for (const item of catalog.items) {
    // JSON, not a join: ["A > B"] and ["A", "B"], or [] and [""], are different paths.
    const joined = JSON.stringify(item.categories);
    let path = paths.get(joined);
    if (!path) {
      path = [];
      for (const part of item.categories) {
        path.push(path.length ? `${path[path.length - 1]}${CATEGORY_SEPARATOR}${part}` : part);
      }
      paths.set(joined, path);
    }
    keys.set(item.id, path);
    for (const key of path) push(byCategory, key, item.id);
    if (item.brand) push(byBrand, item.brand, item.id);
    if (item.groupId) push(byGroup, item.groupId, item.id);
    push(pricesByTop, item.categories[0] ?? "", effectivePrice(item));
  }
  // Quintile edges per top-level category; a band is how many edges the price reaches.
  const edges = new Map<string, number[]>();
  for (const [top, prices] of pricesByTop) {
    prices.sort((a, b) => a - b);
    edges.set(
      top,
      [1, 2, 3, 4].map((q) => prices[Math.floor((q * prices.length) / 5)] ?? Infinity),
    );
  }
  const bands = new Map<string, number>();
  const words = new Map<string, Set<string>>();
  const attributes = new Map<string, string[]>();
  // Sorted on first use: a shop whose slots never ask for them pays nothing.
  let byPopularity: string[] | undefined;
  let newest: { id: string; at: number }[] | undefined;
  const none: readonly string[] = [];
  return {
    categoryKeys: (item) => keys.get(item.id) ?? none,
    inCategory: (key) => byCategory.get(key) ?? none,
    ofBrand: (brand) => byBrand.get(brand) ?? none,
    inGroup: (groupId) => byGroup.get(groupId) ?? none,
    priceBand(item) {
      let band = bands.get(item.id);
      if (band === undefined) {
        const price = effectivePrice(item);
        band = (edges.get(item.categories[0] ?? "") ?? []).filter((edge) => price >= edge).length;
        bands.set(item.id, band);
      }
      return band;
    },
    titleWords(item) {
      let set = words.get(item.id);
      if (!set) {
        set = wordsOf(item.title);
        words.set(item.id, set);
      }
      return set;
    },
    attributeKeys(item) {
      let list = attributes.get(item.id);
      if (!list) {
        list = attributeKeysOf(item);
        attributes.set(item.id, list);
      }
      return list;
    },
    get byPopularity() {
      if (!byPopularity) {
        const { items } = catalog;
        const order = Uint32Array.from(items.keys());
        const popularity = Float64Array.from(items, (item) => item.popularity ?? 0);
        order.sort((a, b) => (popularity[b] as number) - (popularity[a] as number) || a - b);
        byPopularity = Array.from(order, (i) => (items[i] as CatalogItem).id);
      }
      return byPopularity;
    },
    get newest() {
      newest ??= catalog.items
        .flatMap((item) => {
          const at = item.createdAt ? Date.parse(item.createdAt) : Number.NaN;
          return Number.isFinite(at) ? [{ id: item.id, at }] : [];
        })
        .sort((a, b) => b.at - a.at);
      return newest;
    },
    saleShare: catalog.items.length
      ? catalog.items.filter((item) => item.salePrice !== undefined).length / catalog.items.length
      : 0,
  };
}

/** The index of a catalog, built on first use. */
export function indexCatalog(catalog: Catalog): CatalogIndex {
  // A catalog with fresher prices shares its base's structure, so it shares its index too.
  const key = catalog.base ?? catalog;
  let index = cache.get(key);
  if (!index) {
    index = build(key);
    cache.set(key, index);
  }
  return index;
}
