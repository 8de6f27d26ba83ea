import type { Availability, CatalogItem } from "@vitrin/core";
import { attributeValue, currencyCode, finishItem, link, requiredText } from "../fields.js";
import { fromMinorUnits } from "../numbers.js";
import { attributeKey, cleanText } from "../text.js";
import { FieldProblem, InputError, type Source, type SourceEntry } from "../types.js";
import { idText, isRecord, readJson } from "./json.js";

type Json = Record<string, unknown>;

/**
 * A WooCommerce Store API page (`/wp-json/wc/store/v1/products`: a JSON array of products),
 * one catalog item per product. Prices are integer strings in minor units.
 */
export const readWooCommerce: Source = async function* (context) {
  const page = await readJson(context.file, context.onBytes);
  if (!Array.isArray(page)) {
    throw new InputError(
      `${context.file}: expected a WooCommerce Store API products page: a JSON array of products`,
    );
  }
  for (const [index, product] of page.entries()) {
    const id = isRecord(product) ? (cleanText(product.sku) ?? idText(product.id)) : undefined;
    const entry: SourceEntry = { file: context.file, path: `[${index}]`, ...(id ? { id } : {}) };
    try {
      if (!isRecord(product)) throw new FieldProblem("product", "an object");
      entry.item = wooItem(product, context.currency, context.baseUrl);
    } catch (error) {
      if (!(error instanceof FieldProblem)) throw error;
      entry.problem = error;
    }
    yield entry;
  }
};

const names = (value: unknown): string[] =>
  Array.isArray(value)
    ? value
        .map((entry) => (isRecord(entry) ? cleanText(entry.name) : undefined))
        .filter((name): name is string => name !== undefined)
    : [];

function wooItem(product: Json, fallbackCurrency?: string, baseUrl?: string): CatalogItem {
  const id = cleanText(product.sku) ?? idText(product.id);
  if (!id) throw new FieldProblem("sku", "a non-empty sku or a product id", product.id);
  const title = requiredText(product.name, "name");
  const url = link(product.permalink, "permalink", baseUrl);
  if (!url) throw new FieldProblem("permalink", "an http(s) URL or a path");

  const prices = isRecord(product.prices) ? product.prices : undefined;
  if (!prices) throw new FieldProblem("prices", "an object with price and currency_code");
  const minor = prices.currency_minor_unit ?? 2;
  if (typeof minor !== "number" || !Number.isInteger(minor) || minor < 0 || minor > 4) {
    throw new FieldProblem("prices.currency_minor_unit", "an integer from 0 to 4", minor);
  }
  const minorAmount = (field: "price" | "regular_price" | "sale_price") => {
    const raw = prices[field];
    if (raw === undefined || raw === null || raw === "") return undefined;
    const value = fromMinorUnits(raw, minor);
    if (value === undefined) {
      throw new FieldProblem(
        `prices.${field}`,
        `an integer amount in minor units (currency_minor_unit ${minor})`,
        raw,
      );
    }
    return value;
  };
  const current = minorAmount("price");
  const regular = minorAmount("regular_price") ?? current;
  if (regular === undefined) {
    throw new FieldProblem(
      "prices.price",
      `an integer amount in minor units (currency_minor_unit ${minor})`,
    );
  }
  const sale = minorAmount("sale_price") ?? current;
  const currency =
    prices.currency_code !== undefined && prices.currency_code !== ""
      ? currencyCode(prices.currency_code, "prices.currency_code")
      : fallbackCurrency;
  if (!currency) throw new FieldProblem("prices.currency_code", 'an ISO 4217 code like "TRY"');

  const attributes: CatalogItem["attributes"] = {};
  if (Array.isArray(product.attributes)) {
    for (const attribute of product.attributes) {
      if (!isRecord(attribute)) continue;
      const key = attributeKey(
        String(cleanText(attribute.name) ?? cleanText(attribute.taxonomy) ?? ""),
      );
      const value = attributeValue(names(attribute.terms));
      if (key && value !== undefined && attributes[key] === undefined) attributes[key] = value;
    }
  }
  const stock: Availability =
    product.is_on_backorder === true
      ? "backorder"
      : product.is_in_stock === false
        ? "out_of_stock"
        : "in_stock";

  const item: CatalogItem = {
    id,
    title,
    url,
    price: regular,
    currency,
    availability: stock,
    // The Store API lists categories flat (no parents): written in the order given.
    categories: names(product.categories),
    attributes,
    tags: names(product.tags),
  };
  const parent = idText(product.parent);
  if (parent && parent !== "0") item.groupId = parent;
  else if (Array.isArray(product.variations) && product.variations.length > 0) {
    item.groupId = idText(product.id) ?? id;
  }
  const images = Array.isArray(product.images) ? product.images.filter(isRecord) : [];
  const image = link(images[0]?.src, "images[0].src", baseUrl);
  if (image) item.image = image;
  if (sale !== undefined && sale < regular) item.salePrice = sale;
  const brand = names(product.brands)[0];
  if (brand) item.brand = brand;
  const rating = typeof product.average_rating === "string" ? Number(product.average_rating) : NaN;
  if (Number.isFinite(rating) && rating > 0) item.rating = rating;
  return finishItem(item, "prices.sale_price");
}
