import { isRecord, trimmed } from "./guards.js";
import { safeHttpUrl } from "./url.js";

/**
 * The Vitrin catalog: a static JSON file the merchant hosts. Every field is untrusted text
 * from a feed; this module turns it into typed items, skipping (and naming) bad rows so one
 * broken product never costs the rest.
 */

/** Identifies a Vitrin catalog file. */
export const CATALOG_FORMAT = "vitrin-catalog";
/** Catalog format version this code reads. */
export const CATALOG_VERSION = 1;

/** Stock states, as in Google Merchant Center feeds. */
export const AVAILABILITIES = ["in_stock", "out_of_stock", "preorder", "backorder"] as const;
/** One of {@link AVAILABILITIES}. */
export type Availability = (typeof AVAILABILITIES)[number];

/** One product (or one variant of a product group). */
export interface CatalogItem {
  id: string;
  /** Variants of one product share a group id. */
  groupId?: string;
  title: string;
  url: string;
  image?: string;
  /** A small copy of `image` (about 200 px wide), for thumbnails and data saver. */
  thumb?: string;
  price: number;
  salePrice?: number;
  currency: string;
  availability: Availability;
  brand?: string;
  /** Category path, root first: `["Giyim", "Kadın", "Elbise"]`. */
  categories: string[];
  attributes: Record<string, string | string[]>;
  tags: string[];
  createdAt?: string;
  popularity?: number;
  rating?: number;
}

/** A validated catalog, indexed by id. */
export interface Catalog {
  currency: string;
  language?: string;
  items: CatalogItem[];
  byId: ReadonlyMap<string, CatalogItem>;
  /** When this copy was downloaded (ms since epoch), if it came from the network or the cache. */
  fetchedAt?: number;
  /**
   * The catalog as downloaded, when this one carries fresher prices and stock read from
   * product pages. Ids, titles, categories and brands are the same in both.
   */
  base?: Catalog;
}

/** A validated catalog plus what was wrong with the input. */
export interface CatalogParse {
  /** Undefined when the file as a whole is unusable. */
  catalog?: Catalog;
  /** One message per problem, naming the item index, id and field. */
  problems: string[];
}

const MAX_TEXT = 500;

/** Relative URLs are resolved against the page later; only the scheme is judged here. */
const PROBE_BASE = "https://catalog.invalid/";

/**
 * A URL or path, exactly as written: no whitespace or control characters anywhere (browsers
 * strip some of them, so `java\tscript:` would otherwise slip through), http(s) or no scheme.
 */
function link(value: unknown): string | undefined {
  if (typeof value !== "string" || !/^[^\s\p{Cc}]+$/u.test(value)) return undefined;
  return safeHttpUrl(value, PROBE_BASE) ? value.slice(0, 2000) : undefined;
}

/** ISO 4217: three capital letters. */
function currencyCode(value: unknown): string | undefined {
  return typeof value === "string" && /^[A-Z]{3}$/.test(value) ? value : undefined;
}

const text = (value: unknown) => trimmed(value, MAX_TEXT);

function texts(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out = value.map(text);
  return out.every((v) => v !== undefined) ? (out as string[]) : undefined;
}

const nonNegative = (v: unknown) =>
  typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : undefined;

/** The optional item fields read one way, in the order they are checked: reader, expected. */
const OPTIONAL_FIELDS = [
  ["groupId", text, "a non-empty string"],
  ["image", link, "an http(s) URL or a path"],
  ["thumb", link, "an http(s) URL or a path"],
  ["brand", text, "a non-empty string"],
  ["salePrice", nonNegative, "a number ≥ 0"],
  ["createdAt", text, "an ISO date"],
  ["popularity", nonNegative, "a number ≥ 0"],
  ["rating", nonNegative, "a number ≥ 0"],
] as const;

class ItemProblem extends Error {}

/** Reads one item; throws an ItemProblem naming the first bad field. */
function readItem(raw: unknown, currency: string): CatalogItem {
  if (!isRecord(raw)) throw new ItemProblem("expected an object");
  const need = <T>(field: string, value: T | undefined, expected: string): T => {
    if (value === undefined) throw new ItemProblem(`${field}: expected ${expected}`);
    return value;
  };
  const optional = <T>(field: string, value: T | undefined, expected: string): T | undefined => {
    if (raw[field] === undefined || raw[field] === null) return undefined;
    return need(field, value, expected);
  };
  const item: CatalogItem = {
    id: need("id", text(raw.id), "a non-empty string"),
    title: need("title", text(raw.title), "a non-empty string"),
    url: need("url", link(raw.url), "an http(s) URL or a path"),
    price: need("price", nonNegative(raw.price), "a number ≥ 0"),
    currency:
      optional("currency", currencyCode(raw.currency), "an ISO 4217 code like TRY") ?? currency,
    availability: need(
      "availability",
      (AVAILABILITIES as readonly unknown[]).includes(raw.availability ?? "in_stock")
        ? ((raw.availability ?? "in_stock") as Availability)
        : undefined,
      `one of ${AVAILABILITIES.join(", ")}`,
    ),
    categories: optional("categories", texts(raw.categories), "an array of category names") ?? [],
    attributes: {},
    tags: optional("tags", texts(raw.tags), "an array of strings") ?? [],
  };
  for (const [field, read, expected] of OPTIONAL_FIELDS) {
    const value = optional(field, read(raw[field]), expected);
    if (value === undefined) continue;
    if (field === "salePrice" && (value as number) >= item.price)
      throw new ItemProblem("salePrice: expected less than price");
    (item as unknown as Record<string, unknown>)[field] = value;
  }
  if (raw.attributes !== undefined) {
    if (!isRecord(raw.attributes)) throw new ItemProblem("attributes: expected an object");
    for (const [key, value] of Object.entries(raw.attributes)) {
      const v = text(value) ?? texts(value);
      if (v === undefined) {
        throw new ItemProblem(`attributes.${key}: expected a string or an array of strings`);
      }
      item.attributes[key] = v;
    }
  }
  return item;
}

/**
 * Validates a catalog file. `where` names it in messages (its URL). Bad items are skipped
 * and listed in `problems`; the catalog is undefined only when the file itself is unusable.
 */
export function parseCatalog(raw: unknown, where: string): CatalogParse {
  if (!isRecord(raw)) return { problems: [`${where}: expected a JSON object`] };
  if (raw.format !== CATALOG_FORMAT) {
    return { problems: [`${where}: format: expected "${CATALOG_FORMAT}"`] };
  }
  if (raw.version !== CATALOG_VERSION) {
    return {
      problems: [`${where}: version: expected ${CATALOG_VERSION}, got ${String(raw.version)}`],
    };
  }
  const currency = currencyCode(raw.currency);
  if (!currency) return { problems: [`${where}: currency: expected an ISO 4217 code like "TRY"`] };
  if (!Array.isArray(raw.items)) return { problems: [`${where}: items: expected an array`] };

  const problems: string[] = [];
  const items: CatalogItem[] = [];
  const byId = new Map<string, CatalogItem>();
  raw.items.forEach((entry: unknown, index: number) => {
    const id =
      isRecord(entry) && typeof entry.id === "string" ? ` (id ${JSON.stringify(entry.id)})` : "";
    try {
      const item = readItem(entry, currency);
      if (byId.has(item.id)) throw new ItemProblem("id: expected a unique id, this one repeats");
      byId.set(item.id, item);
      items.push(item);
    } catch (error) {
      if (!(error instanceof ItemProblem)) throw error;
      problems.push(`${where}: items[${index}]${id}.${error.message}`);
    }
  });
  const language = text(raw.language);
  return { catalog: { currency, items, byId, ...(language ? { language } : {}) }, problems };
}

/** The price a shopper pays now. */
export function effectivePrice(item: CatalogItem): number {
  return item.salePrice ?? item.price;
}
