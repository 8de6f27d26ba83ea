/**
 * schema.org `Product` / `ProductGroup` JSON-LD, which most shop platforms print on product
 * pages for search engines. Vitrin reads it as a product view, and as fresh price and
 * stock for the cached catalog entry. It is page text: parsed defensively, never executed.
 */
import type { Availability } from "./catalog.js";
import { isRecord as isNode, trimmed } from "./guards.js";

/** What a JSON-LD product says about one item. */
export interface JsonLdProduct {
  id: string;
  name?: string;
  brand?: string;
  category?: string;
  price?: number;
  currency?: string;
  availability?: Availability;
}

type Node = Record<string, unknown>;

const AVAILABILITY: Record<string, Availability> = {
  InStock: "in_stock",
  InStoreOnly: "in_stock",
  LimitedAvailability: "in_stock",
  OnlineOnly: "in_stock",
  OutOfStock: "out_of_stock",
  SoldOut: "out_of_stock",
  Discontinued: "out_of_stock",
  PreOrder: "preorder",
  PreSale: "preorder",
  BackOrder: "backorder",
};

const str = (v: unknown) => trimmed(v, 300);
const hasType = (node: Node, type: string) =>
  node["@type"] === type || (Array.isArray(node["@type"]) && node["@type"].includes(type));

function product(node: Node, group?: Node): JsonLdProduct | undefined {
  const id = str(node.sku) ?? str(node.productID) ?? str(node.gtin13) ?? str(node.mpn);
  if (!id) return undefined;
  const offers = [node.offers].flat().find(isNode);
  const price = Number(offers?.price ?? offers?.lowPrice);
  const brand = node.brand ?? group?.brand;
  const availability = String(offers?.availability ?? "")
    .split("/")
    .pop();
  const out: JsonLdProduct = { id };
  const name = str(node.name) ?? str(group?.name);
  if (name) out.name = name;
  const brandName = str(isNode(brand) ? brand.name : brand);
  if (brandName) out.brand = brandName;
  const category = str(node.category ?? group?.category);
  if (category) out.category = category;
  if (offers && Number.isFinite(price) && price >= 0) out.price = price;
  const currency = str(offers?.priceCurrency);
  if (currency) out.currency = currency;
  if (availability && Object.hasOwn(AVAILABILITY, availability))
    out.availability = AVAILABILITY[availability];
  return out;
}

/** Collects products from parsed JSON-LD, following arrays, `@graph` and `hasVariant`. */
export function productsFromJsonLd(data: unknown): JsonLdProduct[] {
  const out: JsonLdProduct[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 4) return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    if (!isNode(value)) return;
    if (hasType(value, "ProductGroup")) {
      for (const variant of [value.hasVariant].flat()) {
        const p = isNode(variant) && product(variant, value);
        if (p) out.push(p);
      }
      const own = product(value);
      if (own && !out.length) out.push(own);
    } else if (hasType(value, "Product")) {
      const p = product(value);
      if (p) out.push(p);
    }
    if (value["@graph"]) visit(value["@graph"], depth + 1);
  };
  visit(data, 0);
  return out;
}

/** Products described by the page's JSON-LD blocks; malformed blocks are skipped. */
export function readJsonLd(doc: Document): JsonLdProduct[] {
  const out: JsonLdProduct[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      out.push(...productsFromJsonLd(JSON.parse(script.textContent ?? "")));
    } catch {
      // A broken block is the page's problem, and other blocks may still be good.
    }
  }
  return out;
}
