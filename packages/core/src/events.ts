/**
 * Vitrin's event vocabulary is GA4's ecommerce vocabulary, so a store that already feeds
 * Google Analytics needs no extra tracking code. Everything that enters from the page is
 * untrusted: it is parsed here into a closed shape, or rejected with a message that names
 * where it came from and what was expected.
 */

import type { PageContext } from "./context.js";
import { isRecord, trimmed } from "./guards.js";

/** GA4 event names Vitrin records. Anything else on the data layer is not ours to keep. */
export const EVENT_NAMES = [
  "page_view",
  "view_item",
  "view_item_list",
  "select_item",
  "add_to_cart",
  "remove_from_cart",
  "view_cart",
  "begin_checkout",
  "purchase",
  "search",
  "add_to_wishlist",
  "user_engagement",
] as const;

/** One of the GA4 event names in {@link EVENT_NAMES}. */
export type EventName = (typeof EVENT_NAMES)[number];

/** Events that mean nothing without at least one item. */
const NEEDS_ITEMS: ReadonlySet<EventName> = new Set([
  "view_item",
  "select_item",
  "add_to_cart",
  "remove_from_cart",
  "purchase",
  "add_to_wishlist",
]);

/** A GA4 item, reduced to the fields Vitrin uses. */
export interface EventItem {
  item_id: string;
  item_name?: string;
  item_brand?: string;
  item_category?: string;
  item_category2?: string;
  item_category3?: string;
  item_category4?: string;
  item_category5?: string;
  item_list_id?: string;
  price?: number;
  quantity?: number;
  index?: number;
}

/** Event-level GA4 parameters Vitrin keeps. */
export interface EventParams {
  currency?: string;
  value?: number;
  transaction_id?: string;
  search_term?: string;
  item_list_id?: string;
  item_list_name?: string;
  /** `user_engagement`: visible time on the page since the last report. */
  engagement_time_msec?: number;
  /** `user_engagement`: deepest scroll, in percent of the page. */
  percent_scrolled?: number;
}

/** Where an event entered Vitrin. */
export type EventSource = "datalayer" | "api" | "jsonld" | "dom" | "auto";

/** An event as stored on the device. */
export interface VitrinEvent {
  /** Unique per event; also the tail of its storage key. */
  id: string;
  name: EventName;
  /** Milliseconds since the epoch. */
  ts: number;
  items: EventItem[];
  params: EventParams;
  source: EventSource;
  /** Path of the page the event happened on (no query string: it may carry personal data). */
  path: string;
  /** The session the event belongs to. */
  session: string;
  /** Traffic source and device of the page view. */
  ctx: PageContext;
}

/** The part of an event that comes from the page; Vitrin adds the rest. */
export type ParsedEvent = Pick<VitrinEvent, "name" | "items" | "params">;

/** Numeric event parameters, with the range each must fall in. */
const PARAM_NUMBERS = {
  value: [-1e9, 1e9],
  engagement_time_msec: [0, 864e5],
  percent_scrolled: [0, 100],
} as const;

/** Result of parsing untrusted input: the value, or a message naming where and what was expected. */
export type Parsed<T> = { ok: true; value: T; warnings: string[] } | { ok: false; error: string };

const MAX_TEXT = 300;
const MAX_ITEMS = 200;

const ITEM_TEXT_FIELDS = [
  "item_name",
  "item_brand",
  "item_category",
  "item_category2",
  "item_category3",
  "item_category4",
  "item_category5",
  "item_list_id",
] as const;

const PARAM_TEXT_FIELDS = [
  "currency",
  "transaction_id",
  "search_term",
  "item_list_id",
  "item_list_name",
] as const;

/** True when `name` is one of the GA4 event names Vitrin records. */
export function isEventName(name: unknown): name is EventName {
  return typeof name === "string" && (EVENT_NAMES as readonly string[]).includes(name);
}

/** Text from the page: trimmed, bounded, and only if it is text (or a number GA4 allows). */
function text(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return trimmed(value, MAX_TEXT);
}

/** GA4 allows numbers as strings ("1299.90"); anything else is not a number. */
function number(value: unknown): number | undefined {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
}

function parseItem(raw: unknown, where: string): Parsed<EventItem> {
  if (!isRecord(raw)) return { ok: false, error: `${where}: expected an object with item_id` };
  const id = text(raw.item_id);
  if (id === undefined) {
    return { ok: false, error: `${where}.item_id: expected a non-empty string or number` };
  }
  const item: EventItem = { item_id: id };
  for (const field of ITEM_TEXT_FIELDS) {
    const value = text(raw[field]);
    if (value !== undefined) item[field] = value;
  }
  const warnings: string[] = [];
  const price = number(raw.price);
  if (price !== undefined && price >= 0 && price < 1e9) item.price = price;
  else if (raw.price !== undefined)
    warnings.push(`${where}.price: expected a number from 0 to 1e9`);
  const quantity = number(raw.quantity);
  if (quantity !== undefined && Number.isInteger(quantity) && quantity > 0)
    item.quantity = quantity;
  else if (raw.quantity !== undefined) warnings.push(`${where}.quantity: expected an integer ≥ 1`);
  const index = number(raw.index);
  if (index !== undefined && Number.isInteger(index) && index >= 0) item.index = index;
  return { ok: true, value: item, warnings };
}

/**
 * Parses one event from untrusted input (a data layer entry, a `track()` call).
 * Bad items are dropped with a warning; an event that needs items and has none left is an error.
 * `where` names the input in messages, e.g. `dataLayer[3].ecommerce`.
 */
export function parseEvent(name: unknown, params: unknown, where: string): Parsed<ParsedEvent> {
  if (!isEventName(name)) {
    return {
      ok: false,
      error: `${where}: unknown event name ${JSON.stringify(String(name)).slice(0, 60)}; expected one of ${EVENT_NAMES.join(", ")}`,
    };
  }
  if (params !== undefined && params !== null && !isRecord(params)) {
    return { ok: false, error: `${where}: expected the parameters of "${name}" to be an object` };
  }
  const source = params ?? {};
  const warnings: string[] = [];
  const items: EventItem[] = [];
  if (source.items !== undefined) {
    if (!Array.isArray(source.items)) {
      return { ok: false, error: `${where}.items: expected an array of items` };
    }
    for (const [i, raw] of source.items.slice(0, MAX_ITEMS).entries()) {
      const item = parseItem(raw, `${where}.items[${i}]`);
      if (item.ok) {
        items.push(item.value);
        warnings.push(...item.warnings);
      } else warnings.push(item.error);
    }
  }
  if (NEEDS_ITEMS.has(name) && items.length === 0) {
    const why = warnings.length ? ` (${warnings.join("; ")})` : "";
    return {
      ok: false,
      error: `${where}.items: "${name}" needs at least one item with item_id${why}`,
    };
  }
  const out: EventParams = {};
  for (const field of PARAM_TEXT_FIELDS) {
    const value = text(source[field]);
    if (value !== undefined) out[field] = value;
  }
  for (const [field, [min, max]] of Object.entries(PARAM_NUMBERS)) {
    const raw = source[field];
    if (raw === undefined || raw === null) continue;
    const n = number(raw);
    // An absurd value is a broken tag, not a fact about the shopper: say so, keep the event.
    if (n === undefined || n < min || n > max)
      warnings.push(`${where}.${field}: expected a number from ${min} to ${max}`);
    else out[field as keyof typeof PARAM_NUMBERS] = n;
  }
  return { ok: true, value: { name, items, params: out }, warnings };
}
