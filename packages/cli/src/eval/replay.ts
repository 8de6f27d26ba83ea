/**
 * The data set as the browser sees it, and Vitrin's recommendations for it through the same
 * code the browser runs: a catalog in the core format, GA4 events in core's event shape, the
 * profile from core's Remember and Recognize (`buildProfile`), then `pickForSlot` for the
 * `for-you` or `up-next` slot (Recommend, then Relevance with the defaults merchants get).
 */
import {
  buildProfile,
  type Catalog,
  type CatalogItem,
  type Environment,
  type Model,
  pickForSlot,
  type SequenceScoring,
  type VitrinEvent,
} from "@vitrin/core";
import type { Click, ItemInfo } from "./datasets.js";

/** How many items a slot shows: the longest list a metric reads. */
export const LIMIT = 20;

/**
 * The slot a request asks for: `for-you` (new items, the shopper's own left out) where the
 * protocol skips the history's items, `up-next` (the in-session "what next" list, going back
 * included) where a target may be an item already seen.
 */
export type EvalStrategy = "for-you" | "up-next";

/** Every item in stock and without a season: the data says nothing of either. */
export function catalogOf(items: readonly ItemInfo[]): Catalog {
  const list: CatalogItem[] = items.map((info) => ({
    id: info.id,
    title: info.id,
    url: `https://eval.vitrin.test/p/${encodeURIComponent(info.id)}`,
    price: info.price ?? 0,
    currency: "USD",
    availability: "in_stock",
    ...(info.brand === undefined ? {} : { brand: info.brand }),
    categories: info.categories ?? [],
    attributes: info.attributes ?? {},
    tags: [],
  }));
  return { currency: "USD", items: list, byId: new Map(list.map((item) => [item.id, item])) };
}

const GA4: Record<Click["event"], VitrinEvent["name"]> = {
  view: "view_item",
  cart: "add_to_cart",
  purchase: "purchase",
};

/** A click as the tracker stores it (the GA4 event a store's data layer would push). */
export function eventOf(click: Click, n: number, catalog: Catalog): VitrinEvent {
  const item = catalog.byId.get(click.item);
  return {
    id: `e${n}`,
    name: GA4[click.event],
    ts: click.time,
    items: [
      {
        item_id: click.item,
        ...(item?.price ? { price: item.price } : {}),
        ...(click.event === "view" ? {} : { quantity: 1 }),
      },
    ],
    params: {},
    source: "datalayer",
    path: "/",
    session: click.session,
    ctx: { traffic: "direct", device: "desktop" },
  };
}

/** A desktop browser in UTC: the data sets' times are UTC, and no locale matters to ranking. */
export const ENVIRONMENT: Environment = {
  userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140",
  maxTouchPoints: 0,
  screenWidth: 1440,
  coarsePointer: false,
  hover: true,
  saveData: false,
  reducedMotion: false,
  languages: ["en-US"],
  timeZone: "UTC",
  referrer: "",
  host: "eval.vitrin.test",
  search: "",
};

/** What one Vitrin request returned, and what it cost (profile and slot apart). */
export interface VitrinAnswer {
  ids: string[];
  profileMs: number;
  slotMs: number;
}

/**
 * Vitrin's list for a shopper whose history is `history`, at `now`: the profile, then the
 * for-you slot. `exclude` goes to the slot as items not to show (the protocol's "already had").
 */
export function vitrinRecommend(
  history: readonly Click[],
  now: number,
  catalog: Catalog,
  model: Model | undefined,
  exclude: readonly string[],
  scoring?: Partial<SequenceScoring>,
  strategy: EvalStrategy = "for-you",
): VitrinAnswer {
  const events = history.map((click, n) => eventOf(click, n, catalog));
  const t0 = performance.now();
  const profile = buildProfile({ events, catalog, environment: ENVIRONMENT, now });
  const t1 = performance.now();
  const result = pickForSlot({ strategy, limit: LIMIT, exclude }, profile, {
    catalog,
    now,
    ...(model && { model }),
    ...(scoring && { scoring }),
  });
  const t2 = performance.now();
  return { ids: result.picks.map((p) => p.item.id), profileMs: t1 - t0, slotMs: t2 - t1 };
}
