import type { CatalogItem } from "@vitrin/core";
import { amount, finishItem, link, requiredText } from "../fields.js";
import { isoDate } from "../numbers.js";
import { attributeKey, cleanText, splitList, splitPath } from "../text.js";
import { FieldProblem, InputError, type Source, type SourceEntry } from "../types.js";
import { idText, isRecord, readJson } from "./json.js";

type Json = Record<string, unknown>;

/** Option values that only mean "this product has no options". */
const NO_OPTION = new Set(["Default Title", "Title"]);

/**
 * A Shopify `products.json` page (`{"products": [...]}`): one catalog item per variant.
 * The whole page is parsed at once (Shopify serves at most 250 products per page).
 */
export const readShopify: Source = async function* (context) {
  const page = await readJson(context.file, context.onBytes);
  if (!isRecord(page) || !Array.isArray(page.products)) {
    throw new InputError(
      `${context.file}: expected a Shopify products.json page: {"products": [...]}`,
    );
  }
  const currency = context.currency;
  if (!currency) {
    throw new InputError(
      `${context.file}: Shopify's products.json has no currency; pass --currency`,
    );
  }
  for (const [p, product] of page.products.entries()) {
    if (!isRecord(product) || !Array.isArray(product.variants) || product.variants.length === 0) {
      const id = isRecord(product) ? idText(product.id) : undefined;
      yield {
        file: context.file,
        path: `products[${p}]`,
        ...(id ? { id } : {}),
        problem: new FieldProblem("variants", "an array with at least one variant"),
      };
      continue;
    }
    for (const [v, variant] of product.variants.entries()) {
      const path = `products[${p}].variants[${v}]`;
      const id = isRecord(variant) ? (cleanText(variant.sku) ?? idText(variant.id)) : undefined;
      const entry: SourceEntry = { file: context.file, path, ...(id ? { id } : {}) };
      try {
        if (!isRecord(variant)) throw new FieldProblem("variant", "an object");
        entry.item = shopifyItem(product, variant, currency, context.baseUrl);
      } catch (error) {
        if (!(error instanceof FieldProblem)) throw error;
        entry.problem = error;
      }
      yield entry;
    }
  }
};

function shopifyItem(
  product: Json,
  variant: Json,
  currency: string,
  baseUrl?: string,
): CatalogItem {
  const id = cleanText(variant.sku) ?? idText(variant.id);
  if (!id) throw new FieldProblem("sku", "a non-empty sku or a variant id", variant.id);
  const variantId = idText(variant.id);
  const handle = cleanText(product.handle);
  if (!handle) throw new FieldProblem("handle", "a non-empty string", product.handle);
  const productTitle = requiredText(product.title, "title");
  const variantTitle = cleanText(variant.title);
  const title =
    variantTitle && !NO_OPTION.has(variantTitle)
      ? `${productTitle} – ${variantTitle}`
      : productTitle;
  const path = `/products/${encodeURIComponent(handle)}${variantId ? `?variant=${variantId}` : ""}`;
  const url = baseUrl ? `${baseUrl}${path}` : path;

  const price = amount(variant.price, "price");
  const compareRaw = variant.compare_at_price;
  const compare =
    compareRaw === null || compareRaw === undefined || compareRaw === ""
      ? undefined
      : amount(compareRaw, "compare_at_price");

  const attributes: CatalogItem["attributes"] = {};
  const options = Array.isArray(product.options) ? product.options : [];
  for (let i = 0; i < 3; i++) {
    const value = cleanText(variant[`option${i + 1}`]);
    if (!value || NO_OPTION.has(value)) continue;
    const option = options[i];
    const name = isRecord(option) ? cleanText(option.name) : cleanText(option);
    const key = attributeKey(name ?? `option${i + 1}`);
    if (key && attributes[key] === undefined) attributes[key] = value;
  }

  const tags = Array.isArray(product.tags)
    ? product.tags.map(cleanText).filter((tag): tag is string => tag !== undefined)
    : typeof product.tags === "string"
      ? splitList(product.tags, /\s*,\s*/)
      : [];

  const productType = cleanText(product.product_type);
  const item: CatalogItem = {
    id,
    title,
    url,
    price: compare !== undefined && compare > price ? compare : price,
    currency,
    availability: variant.available === false ? "out_of_stock" : "in_stock",
    categories: productType ? splitPath(productType) : [],
    attributes,
    tags,
  };
  if (compare !== undefined && compare > price) item.salePrice = price;
  const groupId = idText(product.id);
  if (groupId) item.groupId = groupId;
  const image = link(variantImage(product, variant), "images.src", baseUrl);
  if (image) item.image = image;
  const brand = cleanText(product.vendor);
  if (brand) item.brand = brand;
  const created = typeof product.created_at === "string" ? isoDate(product.created_at) : undefined;
  if (created) item.createdAt = created;
  return finishItem(item, "price");
}

/** The variant's own image (by `variant_ids` or `featured_image`), else the product's first. */
function variantImage(product: Json, variant: Json): unknown {
  const images = Array.isArray(product.images) ? product.images.filter(isRecord) : [];
  const own = images.find(
    (image) => Array.isArray(image.variant_ids) && image.variant_ids.includes(variant.id),
  );
  if (own) return own.src;
  if (isRecord(variant.featured_image)) return variant.featured_image.src;
  if (isRecord(product.image)) return product.image.src;
  return images[0]?.src;
}
