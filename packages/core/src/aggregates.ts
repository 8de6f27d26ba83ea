/**
 * What pruning must not forget. When old events leave the log (see compaction.ts), their
 * signal is folded into one record, kept on the device in the cache store under
 * `"aggregates"`. It holds only what the profile stages need, and nothing that points at a
 * person or a visit:
 *
 * - `items`: per product id the shopper viewed, selected, wishlisted, carted, removed or
 *   bought — how often it was viewed (`view_item`), how many units went to the cart and were
 *   bought, and when it was last touched. The 2,000 most recently touched products only.
 * - `purchases`: each product bought, with time and quantity (the newest 500), because
 *   repurchase cycles and "already bought" need individual purchases, not totals.
 * - `categories` and `brands`: an interest score per category path prefix ("Giyim",
 *   "Giyim > Kadın") and per brand: view 1, select 2, wishlist 3, cart 4, purchase 6,
 *   remove from cart −2 per action (not per unit: ten pairs of socks are not ten times the
 *   interest). Not decayed here; the Remember stage decays by `to`.
 * - `searches`: search terms (lower-cased, spaces collapsed) and how often, the 200 most
 *   frequent (ties go to the most recent).
 * - `from`, `to`, `events`: the time span and number of events folded in.
 *
 * Not kept: event ids, pages and paths, sessions, traffic source and device, prices, order
 * values, transaction ids, list names, list impressions, cart views and checkouts.
 */
import type { EventItem, EventName, VitrinEvent } from "./events.js";
import { isRecord } from "./guards.js";

/** Per-product counts; see the module comment. */
export interface ItemAggregate {
  views: number;
  carts: number;
  purchases: number;
  last: number;
}

/** The folded signal of pruned events; see the module comment for what is kept and why. */
export interface Aggregates {
  version: 1;
  /** Oldest and newest timestamp folded in (both 0 while `events` is 0). */
  from: number;
  to: number;
  /** Number of events folded in. */
  events: number;
  /** Per item id: counts by kind and the last time seen. Capped at the 2,000 most recent. */
  items: Record<string, ItemAggregate>;
  /** Purchases kept individually, oldest first: repurchase cycles and "already bought" need them. Capped at the newest 500. */
  purchases: { id: string; ts: number; qty: number }[];
  /** Weighted interest per category path prefix and per brand; not decayed here (the Remember stage decays by `to`). */
  categories: Record<string, number>;
  brands: Record<string, number>;
  /** Search terms and how often. Capped at the 200 most frequent. */
  searches: Record<string, number>;
}

/** Caps on the aggregate record, so it cannot grow without end. */
export const AGGREGATE_CAPS = { items: 2000, purchases: 500, searches: 200 } as const;

/** Strength of each kind of event as interest in its items, categories and brands. */
export const EVENT_WEIGHTS: Partial<Record<EventName, number>> = {
  view_item: 1,
  select_item: 2,
  add_to_wishlist: 3,
  add_to_cart: 4,
  purchase: 6,
  remove_from_cart: -2,
};

/** An event item's category fields, root first. */
export const CATEGORY_FIELDS = [
  "item_category",
  "item_category2",
  "item_category3",
  "item_category4",
  "item_category5",
] as const;

/** An aggregate record with nothing folded in. */
export function emptyAggregates(): Aggregates {
  return {
    version: 1,
    from: 0,
    to: 0,
    events: 0,
    items: {},
    purchases: [],
    categories: {},
    brands: {},
    searches: {},
  };
}

/** "Giyim", "Giyim > Kadın", …: every prefix of the item's category path, down to the first gap. */
export function categoryPrefixes(item: EventItem): string[] {
  const out: string[] = [];
  for (const field of CATEGORY_FIELDS) {
    const part = item[field];
    if (!part) break;
    out.push(out.length ? `${out[out.length - 1]} > ${part}` : part);
  }
  return out;
}

/** A search term as counted: lower-cased, with runs of spaces made one. */
function searchTerm(term: string | undefined): string | undefined {
  return term?.trim().replace(/\s+/g, " ").toLowerCase() || undefined;
}

const add = (map: Map<string, number>, key: string, by: number) =>
  map.set(key, (map.get(key) ?? 0) + by);

/**
 * Folds events into an aggregate record; pure, never mutates `previous`. Events at or before
 * `previous.to` are skipped, so folding the same events again (a retried compaction) never
 * counts them twice.
 */
export function foldAggregates(
  previous: Aggregates | undefined,
  events: readonly VitrinEvent[],
): Aggregates {
  const base = previous ?? emptyAggregates();
  const watermark = base.events > 0 ? base.to : -Infinity;
  // Maps, not objects: ids and terms come from the page ("__proto__" must stay a plain key).
  const items = new Map(Object.entries(base.items).map(([id, v]) => [id, { ...v }]));
  const categories = new Map(Object.entries(base.categories));
  const brands = new Map(Object.entries(base.brands));
  const searches = new Map(Object.entries(base.searches));
  const purchases = base.purchases.map((p) => ({ ...p }));
  let { from, to, events: count } = base;

  for (const event of events) {
    const { ts, name } = event;
    if (ts <= watermark) continue;
    from = count ? Math.min(from, ts) : ts;
    to = count ? Math.max(to, ts) : ts;
    count++;
    const term = name === "search" ? searchTerm(event.params.search_term) : undefined;
    if (term) {
      const n = searches.get(term) ?? 0;
      // Re-inserted, so map order is recency order: ties at the cap keep the latest terms.
      searches.delete(term);
      searches.set(term, n + 1);
    }
    const weight = EVENT_WEIGHTS[name];
    if (weight === undefined) continue;
    for (const item of event.items) {
      const id = item.item_id;
      const qty = item.quantity ?? 1;
      const entry = items.get(id) ?? { views: 0, carts: 0, purchases: 0, last: ts };
      entry.last = Math.max(entry.last, ts);
      if (name === "view_item") entry.views++;
      if (name === "add_to_cart") entry.carts += qty;
      if (name === "purchase") {
        entry.purchases += qty;
        purchases.push({ id, ts, qty });
      }
      items.set(id, entry);
      for (const prefix of categoryPrefixes(item)) add(categories, prefix, weight);
      if (item.item_brand) add(brands, item.item_brand, weight);
    }
  }

  const newestItems = [...items]
    .sort(([, a], [, b]) => b.last - a.last)
    .slice(0, AGGREGATE_CAPS.items);
  // Stable sort on count, with later (more recent) terms first among equals.
  const topTerms = new Set(
    [...searches]
      .map(([term, n], i) => ({ term, n, i }))
      .sort((a, b) => b.n - a.n || b.i - a.i)
      .slice(0, AGGREGATE_CAPS.searches)
      .map((t) => t.term),
  );
  return {
    version: 1,
    from,
    to,
    events: count,
    items: Object.fromEntries(newestItems),
    purchases: purchases.sort((a, b) => a.ts - b.ts).slice(-AGGREGATE_CAPS.purchases),
    categories: Object.fromEntries(categories),
    brands: Object.fromEntries(brands),
    searches: Object.fromEntries([...searches].filter(([term]) => topTerms.has(term))),
  };
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const numbersOnly = (v: unknown) => isRecord(v) && Object.values(v).every(isNumber);

/** The stored aggregate record if it is one this version understands, else undefined. */
export function readAggregates(value: unknown): Aggregates | undefined {
  if (!isRecord(value) || value.version !== 1) return undefined;
  const { from, to, events, items, purchases } = value;
  const ok =
    [from, to, events].every(isNumber) &&
    isRecord(items) &&
    Object.values(items).every(
      (v) => isRecord(v) && [v.views, v.carts, v.purchases, v.last].every(isNumber),
    ) &&
    Array.isArray(purchases) &&
    purchases.every(
      (p) => isRecord(p) && typeof p.id === "string" && [p.ts, p.qty].every(isNumber),
    ) &&
    numbersOnly(value.categories) &&
    numbersOnly(value.brands) &&
    numbersOnly(value.searches);
  return ok ? (value as unknown as Aggregates) : undefined;
}
