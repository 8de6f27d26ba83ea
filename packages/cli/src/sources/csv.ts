import type { CatalogItem } from "@vitrin/core";
import {
  amount,
  attributeValue,
  availability,
  currencyCode,
  finishItem,
  link,
  requiredText,
} from "../fields.js";
import { isoDate, parseAmount } from "../numbers.js";
import { attributeKey, cleanText, fold, splitList, splitPath } from "../text.js";
import { FieldProblem, InputError, type Source, type SourceEntry } from "../types.js";
import { DELIMITER_NAMES, detectDelimiter, readRows } from "./delimited.js";

/** The catalog fields a CSV column can fill (besides `attributes.<name>`). */
export const CSV_FIELDS = [
  "id",
  "groupId",
  "title",
  "url",
  "image",
  "thumb",
  "price",
  "salePrice",
  "currency",
  "availability",
  "brand",
  "categories",
  "tags",
  "createdAt",
  "popularity",
  "rating",
  "description",
] as const;
type CsvField = (typeof CSV_FIELDS)[number];

/** Header spellings (folded, letters and digits only) → field. */
const ALIASES: Record<string, CsvField> = {
  id: "id",
  groupid: "groupId",
  itemgroupid: "groupId",
  title: "title",
  url: "url",
  link: "url",
  image: "image",
  imageurl: "image",
  imagelink: "image",
  // A small copy of the image: shop exports and feeds name it one of these ways.
  thumb: "thumb",
  thumbnail: "thumb",
  thumbnailurl: "thumb",
  thumbnaillink: "thumb",
  thumburl: "thumb",
  smallimage: "thumb",
  smallimageurl: "thumb",
  price: "price",
  saleprice: "salePrice",
  currency: "currency",
  availability: "availability",
  brand: "brand",
  category: "categories",
  categories: "categories",
  categorypath: "categories",
  tags: "tags",
  createdat: "createdAt",
  popularity: "popularity",
  rating: "rating",
  description: "description",
};
/** Attribute columns recognised without --map. */
const ATTRIBUTES = new Set([
  "color",
  "size",
  "material",
  "season",
  "gender",
  "pattern",
  "age_group",
]);

/** A column's destination: a field, or an attribute key. */
export type CsvTarget = { field: CsvField } | { attribute: string };

/**
 * Where a `--map` target or a header goes: a field name in any case or spelling
 * (`salePrice`, `sale_price`, `Sale Price`), `color`/`size`/`material`/`season`/`gender`/
 * `pattern`/`age_group`, or `attributes.<name>` for any other attribute. Undefined when none.
 */
export function csvTarget(name: string): CsvTarget | undefined {
  const trimmed = name.trim();
  if (/^attributes\./i.test(trimmed)) {
    const key = attributeKey(trimmed.slice("attributes.".length));
    return key ? { attribute: key } : undefined;
  }
  const compact = fold(trimmed).replace(/[^a-z0-9]/g, "");
  const field = ALIASES[compact];
  if (field) return { field };
  const attribute = fold(trimmed).replace(/[\s-]+/g, "_");
  return ATTRIBUTES.has(attribute) ? { attribute } : undefined;
}

const REQUIRED: CsvField[] = ["id", "title", "url", "price"];
const AMOUNT_EXPECTED = "a number ≥ 0 (1299.90, 1.299,90 or 1,299.90)";

/** Matches headers to `--map` keys: trimmed, Turkish lower case. */
const headerKey = (header: string) => header.trim().toLocaleLowerCase("tr");

/**
 * A CSV file with a header row, streamed. Delimiter (comma, semicolon, tab) detected from
 * the header; columns named like catalog fields are read as such, `--map "Header=field"`
 * maps any other; remaining columns are ignored and listed once.
 */
export const readCsv: Source = async function* (context) {
  const delimiter = await detectDelimiter(context.file).catch((error: Error) => {
    throw new InputError(`${context.file}: cannot read: ${error.message}`);
  });
  const mapped = new Map<string, CsvTarget>();
  for (const [header, target] of context.map) {
    const resolved = csvTarget(target);
    if (resolved) mapped.set(headerKey(header), resolved);
  }
  let header: string[] | undefined;
  let targets: (CsvTarget | undefined)[] = [];
  for await (const row of readRows(context, delimiter)) {
    if (!header) {
      header = row.cells.map((cell) => cell.trim());
      targets = header.map((name) => mapped.get(headerKey(name)) ?? csvTarget(name));
      const has = (field: CsvField) => targets.some((t) => t && "field" in t && t.field === field);
      const missing = REQUIRED.filter((field) => !has(field));
      if (missing.length > 0) {
        throw new InputError(
          `${context.file}: no column for ${missing.map((f) => `"${f}"`).join(", ")} ` +
            `(header: ${header.join(", ")}); map one with --map "Header=${missing[0]}"`,
        );
      }
      const unknownMaps = [...context.map.keys()].filter(
        (name) => !header?.some((h) => headerKey(h) === headerKey(name)),
      );
      if (unknownMaps.length > 0) {
        context.notice(`${context.file}: --map names no column here: ${unknownMaps.join(", ")}`);
      }
      const ignored = header.filter((_, index) => targets[index] === undefined);
      if (ignored.length > 0) {
        context.notice(
          `${context.file}: ${DELIMITER_NAMES[delimiter]}-separated; ignored columns: ${ignored.join(", ")}`,
        );
      }
      continue;
    }
    yield csvEntry(row.cells, row.line, header, targets, delimiter, context);
  }
};

function csvEntry(
  cells: string[],
  line: number,
  header: string[],
  targets: (CsvTarget | undefined)[],
  delimiter: string,
  context: { file: string; currency?: string; baseUrl?: string },
): SourceEntry {
  const values = new Map<CsvField, { value: string; label: string }>();
  const attributes: CatalogItem["attributes"] = {};
  targets.forEach((target, index) => {
    const value = cells[index];
    if (!target || value === undefined) return;
    if ("field" in target) {
      if (!values.has(target.field) || !values.get(target.field)?.value.trim()) {
        values.set(target.field, { value, label: header[index] ?? target.field });
      }
    } else if (attributes[target.attribute] === undefined) {
      const v = attributeValue(splitList(value));
      if (v !== undefined) attributes[target.attribute] = v;
    }
  });
  const value = (field: CsvField) => values.get(field)?.value;
  const label = (field: CsvField) => values.get(field)?.label ?? field;
  const id = cleanText(value("id"));
  const entry: SourceEntry = { file: context.file, line, ...(id ? { id } : {}) };
  try {
    if (cells.length !== header.length) {
      throw new FieldProblem(
        "columns",
        `${header.length} ${DELIMITER_NAMES[delimiter]}-separated values`,
        cells.length,
      );
    }
    const readAmount = (field: CsvField) => {
      const raw = value(field);
      if (raw === undefined || raw.trim() === "") return undefined;
      const parsed = parseAmount(raw);
      if (!parsed || parsed.value < 0) throw new FieldProblem(label(field), AMOUNT_EXPECTED, raw);
      return parsed;
    };
    const price = readAmount("price");
    if (!price) throw new FieldProblem(label("price"), AMOUNT_EXPECTED);
    const sale = readAmount("salePrice");
    const currencyText = value("currency")?.trim();
    const currency = currencyText
      ? currencyCode(currencyText, label("currency"))
      : (price.currency ?? context.currency);
    if (!currency) {
      throw new FieldProblem(
        label("currency"),
        'an ISO 4217 code like "TRY" (a currency column or --currency)',
      );
    }
    const url = link(value("url"), label("url"), context.baseUrl);
    if (!url) throw new FieldProblem(label("url"), "an http(s) URL or a path");
    const item: CatalogItem = {
      id: requiredText(value("id"), label("id")),
      title: requiredText(value("title"), label("title")),
      url,
      price: price.value,
      currency,
      availability: availability(value("availability"), label("availability")),
      categories: splitPath(value("categories") ?? ""),
      attributes,
      tags: splitList(value("tags") ?? ""),
    };
    const groupId = cleanText(value("groupId"));
    if (groupId) item.groupId = groupId;
    const image = link(value("image"), label("image"), context.baseUrl);
    if (image) item.image = image;
    const thumb = link(value("thumb"), label("thumb"), context.baseUrl);
    if (thumb) item.thumb = thumb;
    if (sale) item.salePrice = sale.value;
    const brand = cleanText(value("brand"));
    if (brand) item.brand = brand;
    const created = value("createdAt")?.trim();
    if (created) {
      const date = isoDate(created);
      if (!date) {
        throw new FieldProblem(label("createdAt"), "a date (2026-04-12 or 12.04.2026)", created);
      }
      item.createdAt = date;
    }
    for (const field of ["popularity", "rating"] as const) {
      const raw = value(field)?.trim();
      if (!raw) continue;
      item[field] = amount(raw, label(field));
    }
    entry.item = finishItem(item, label("salePrice"));
  } catch (error) {
    if (!(error instanceof FieldProblem)) throw error;
    entry.problem = error;
  }
  return entry;
}
