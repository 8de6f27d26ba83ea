import { type Availability, type CatalogItem, safeHttpUrl } from "@vitrin/core";
import { parseNumber } from "./numbers.js";
import { deriveSeason } from "./season.js";
import { cleanText, fold, preview } from "./text.js";
import { FieldProblem } from "./types.js";

/** The validator resolves relative links against a page; only the scheme is judged. */
const PROBE_BASE = "https://catalog.invalid/";

/** A required text field; throws naming `field` when it is missing or empty. */
export function requiredText(raw: unknown, field: string, line?: number): string {
  const value = cleanText(raw);
  if (value === undefined) {
    throw new FieldProblem(field, "a non-empty string", emptyToUndefined(raw), line);
  }
  return value;
}

function emptyToUndefined(raw: unknown): unknown {
  return raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")
    ? undefined
    : raw;
}

/**
 * A link: an http(s) URL or a path. With a base URL, paths are made absolute against it;
 * protocol-relative links ("//cdn…") become https. `javascript:`, `data:` and every other
 * scheme are refused.
 */
export function link(
  raw: unknown,
  field: string,
  baseUrl: string | undefined,
  line?: number,
): string | undefined {
  if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) {
    return undefined;
  }
  // As a browser would: tabs and newlines dropped, spaces encoded.
  const text =
    typeof raw === "string"
      ? raw
          .trim()
          .replace(/[\t\n\r]+/g, "")
          .replace(/ /g, "%20")
      : "";
  if (!text || !safeHttpUrl(text, PROBE_BASE) || text.length > 2048) {
    throw new FieldProblem(field, "an http(s) URL or a path", raw, line);
  }
  if (text.startsWith("//")) return `https:${text}`;
  if (baseUrl && !/^https?:/i.test(text)) return new URL(text, `${baseUrl}/`).href;
  return text;
}

/** A price-like number ≥ 0 from text (Turkish or English formatting) or a JSON number. */
export function amount(raw: unknown, field: string, line?: number): number {
  const value =
    typeof raw === "number" ? raw : typeof raw === "string" ? parseNumber(raw) : undefined;
  if (value === undefined || !Number.isFinite(value) || value < 0) {
    throw new FieldProblem(field, "a number ≥ 0", emptyToUndefined(raw), line);
  }
  return value;
}

/** An ISO 4217 code: three letters. */
export function currencyCode(raw: unknown, field: string, line?: number): string {
  const text = typeof raw === "string" ? raw.trim().toUpperCase() : "";
  if (!/^[A-Z]{3}$/.test(text)) {
    throw new FieldProblem(field, 'an ISO 4217 code like "TRY"', emptyToUndefined(raw), line);
  }
  return text;
}

/** Stock states as feeds write them (GMC, TR, EN), folded to lower case with underscores. */
const AVAILABILITY: Record<string, Availability> = {
  in_stock: "in_stock",
  instock: "in_stock",
  available: "in_stock",
  stokta: "in_stock",
  var: "in_stock",
  out_of_stock: "out_of_stock",
  outofstock: "out_of_stock",
  sold_out: "out_of_stock",
  stokta_yok: "out_of_stock",
  tukendi: "out_of_stock",
  yok: "out_of_stock",
  preorder: "preorder",
  pre_order: "preorder",
  on_siparis: "preorder",
  backorder: "backorder",
  back_order: "backorder",
  onbackorder: "backorder",
};

/**
 * "in stock" / "in_stock" / "out of stock" / "preorder" / "backorder" (any case, spaces or
 * underscores), Turkish "stokta", "tükendi", "stokta yok", "ön sipariş", or a stock count
 * (0 → out_of_stock, more → in_stock). Missing → in_stock.
 */
export function availability(raw: unknown, field: string, line?: number): Availability {
  if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) {
    return "in_stock";
  }
  const text = String(raw).trim();
  if (/^\d+$/.test(text)) return Number(text) > 0 ? "in_stock" : "out_of_stock";
  const key = fold(text).replace(/[\s-]+/g, "_");
  const value = AVAILABILITY[key];
  if (!value) {
    throw new FieldProblem(field, `one of in stock, out of stock, preorder, backorder`, raw, line);
  }
  return value;
}

/** Attribute values: one string, or several as an array; undefined when empty. */
export function attributeValue(values: (string | undefined)[]): string | string[] | undefined {
  const clean = [...new Set(values.map(cleanText).filter((v): v is string => v !== undefined))];
  return clean.length === 0 ? undefined : clean.length === 1 ? clean[0] : clean;
}

/**
 * Completes a converted item: sale prices that are not lower than the price are dropped
 * when equal and refused when higher; `attributes.season` is derived when the feed gave none.
 */
export function finishItem(
  item: CatalogItem,
  saleField: string,
  seasonHints: string[] = [],
): CatalogItem {
  if (item.salePrice !== undefined) {
    if (item.salePrice === item.price) delete item.salePrice;
    else if (item.salePrice > item.price) {
      throw new FieldProblem(
        saleField,
        `a sale price lower than the price (${item.price})`,
        item.salePrice,
      );
    }
  }
  if (item.attributes.season === undefined) {
    const material = item.attributes.material;
    item.attributes.season = deriveSeason(
      ...seasonHints,
      item.categories,
      item.title,
      ...(Array.isArray(material) ? material : [material]),
    );
  }
  return item;
}

/** Problem message: `feed.xml:1042 item "GYM-0007": g:price: expected …, got "abc"`. */
export function problemMessage(
  entry: { file: string; line?: number; path?: string; id?: string },
  problem: FieldProblem,
): string {
  const line = problem.line ?? entry.line;
  const where = `${entry.file}${line !== undefined ? `:${line}` : ""}${entry.path ? ` ${entry.path}` : ""}`;
  const who = entry.id !== undefined ? ` item ${JSON.stringify(preview(entry.id))}` : " item";
  const got =
    problem.got === undefined
      ? ""
      : `, got ${typeof problem.got === "string" ? JSON.stringify(preview(problem.got)) : preview(problem.got)}`;
  return `${where}${who}: ${problem.field}: expected ${problem.expected}${got}`;
}

/** Text of a raw number-ish field for the season hints and such. */
export function asText(raw: unknown): string | undefined {
  return typeof raw === "string" ? raw : typeof raw === "number" ? String(raw) : undefined;
}
