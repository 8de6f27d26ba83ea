import type { CatalogItem } from "@vitrin/core";
import { attributeValue, availability, finishItem, link, requiredText } from "../fields.js";
import { parseAmount } from "../numbers.js";
import { cleanText, splitPath } from "../text.js";
import { FieldProblem } from "../types.js";

/** Google's namespace for Merchant Center attributes. */
export const GMC_NAMESPACE = "http://base.google.com/ns/1.0";

/** One attribute of one feed item: its text, where it was and how the feed named it. */
export interface GmcField {
  value: string;
  /** Line of the element (XML). */
  line?: number;
  /** The name as written: `g:price`, `price`. */
  label: string;
}

/** An item's attributes by GMC name without prefix: `id`, `price`, `item_group_id`… */
export type GmcFields = Map<string, GmcField>;

/** The attributes the CLI reads; a TSV column or XML element with any other name is ignored. */
export const GMC_ATTRIBUTES = [
  "id",
  "item_group_id",
  "title",
  "link",
  "image_link",
  "price",
  "sale_price",
  "sale_price_effective_date",
  "availability",
  "brand",
  "product_type",
  "google_product_category",
  "color",
  "size",
  "material",
  "gender",
  "age_group",
  "pattern",
  "custom_label_0",
  "custom_label_1",
  "custom_label_2",
  "custom_label_3",
  "custom_label_4",
] as const;

const ATTRIBUTE_FIELDS = ["color", "size", "material", "gender", "age_group", "pattern"] as const;
const PRICE_EXPECTED = '"<number> <currency>"';

interface GmcOptions {
  currency?: string;
  baseUrl?: string;
  /** Label for an attribute the item does not have (`g:link` in XML, `link` in TSV). */
  prefix: string;
  /** For the sale period; defaults to now. */
  now?: number;
}

/** True when a "start/end" effective period (ISO 8601) does not contain `now`. */
function outsidePeriod(period: string, now: number): boolean {
  const [start, end] = period.split("/").map((part) => Date.parse(part.trim()));
  if (start === undefined || end === undefined || Number.isNaN(start) || Number.isNaN(end)) {
    return false;
  }
  return now < start || now > end;
}

/** The id an item has, for messages, even when the item itself is bad. */
export function gmcId(fields: GmcFields): string | undefined {
  return cleanText(fields.get("id")?.value);
}

/**
 * Converts one Merchant Center item (RSS `<item>`, Atom `<entry>` or TSV row). Throws a
 * {@link FieldProblem} naming the attribute as the feed wrote it.
 */
export function gmcItem(fields: GmcFields, options: GmcOptions): CatalogItem {
  const field = (name: string) => fields.get(name);
  const label = (name: string) => field(name)?.label ?? `${options.prefix}${name}`;
  const value = (name: string) => field(name)?.value;
  const line = (name: string) => field(name)?.line;

  const id = requiredText(value("id"), label("id"), line("id"));
  const title = requiredText(value("title"), label("title"), line("title"));
  const url = link(value("link"), label("link"), options.baseUrl, line("link"));
  if (url === undefined) {
    throw new FieldProblem(label("link"), "an http(s) URL or a path", undefined, line("link"));
  }
  const price = readPrice("price");
  if (!price) throw new FieldProblem(label("price"), PRICE_EXPECTED, undefined, line("price"));
  // GMC wants a currency with every price; --currency stands in for feeds that leave it out.
  const currency = price.currency ?? options.currency;
  if (!currency)
    throw new FieldProblem(label("price"), PRICE_EXPECTED, value("price"), line("price"));
  const sale = readPrice("sale_price");
  if (sale?.currency && sale.currency !== currency) {
    throw new FieldProblem(
      label("sale_price"),
      `a price in ${currency} like the price`,
      value("sale_price"),
      line("sale_price"),
    );
  }
  const period = value("sale_price_effective_date");
  const onSale = sale && !(period && outsidePeriod(period, options.now ?? Date.now()));

  const categories = (() => {
    const type = value("product_type");
    if (type && cleanText(type)) return splitPath(type);
    const google = value("google_product_category");
    // A numeric Google category id needs Google's taxonomy to name it: left out.
    if (google && cleanText(google) && !/^\s*\d+\s*$/.test(google)) return splitPath(google);
    return [];
  })();

  const attributes: CatalogItem["attributes"] = {};
  for (const name of ATTRIBUTE_FIELDS) {
    const v = attributeValue([value(name)]);
    if (v !== undefined) attributes[name] = v;
  }
  const tags = [0, 1, 2, 3, 4]
    .map((n) => cleanText(value(`custom_label_${n}`)))
    .filter((tag): tag is string => tag !== undefined);

  const item: CatalogItem = {
    id,
    title,
    url,
    price: price.value,
    currency,
    availability: availability(value("availability"), label("availability"), line("availability")),
    categories,
    attributes,
    tags,
  };
  const groupId = cleanText(value("item_group_id"));
  if (groupId) item.groupId = groupId;
  const image = link(value("image_link"), label("image_link"), options.baseUrl, line("image_link"));
  if (image) item.image = image;
  if (onSale) item.salePrice = sale.value;
  const brand = cleanText(value("brand"));
  if (brand) item.brand = brand;
  try {
    return finishItem(item, label("sale_price"), [value("google_product_category") ?? ""]);
  } catch (error) {
    if (error instanceof FieldProblem && error.field === label("sale_price")) {
      throw new FieldProblem(error.field, error.expected, value("sale_price"), line("sale_price"));
    }
    throw error;
  }

  function readPrice(name: string) {
    const raw = value(name);
    if (raw === undefined || raw.trim() === "") return undefined;
    const parsed = parseAmount(raw);
    if (!parsed || parsed.value < 0) {
      throw new FieldProblem(label(name), PRICE_EXPECTED, raw, line(name));
    }
    return parsed;
  }
}
