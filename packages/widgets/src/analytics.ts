import { effectivePrice, type Pick, VITRIN_MARK } from "@vitrin/core";

/** The list a slot's analytics name: `item_list_id` and `item_list_name`. */
export interface ListInfo {
  id: string;
  name: string;
  currency: string;
}

const itemOf = (pick: Pick, index: number) => ({
  item_id: pick.item.id,
  item_name: pick.item.title,
  ...(pick.item.brand ? { item_brand: pick.item.brand } : {}),
  price: effectivePrice(pick.item),
  index,
});

/**
 * Pushes a GA4 ecommerce event for the store's analytics, in Tag Manager's shape, marked with
 * {@link VITRIN_MARK} so that Vitrin's own data-layer reader skips it: Vitrin records its slots'
 * impressions and clicks from the cards themselves (`data-vitrin-item`), once. Nothing happens
 * when the page has no data layer.
 */
function push(layerName: string, event: string, list: ListInfo, items: object[]): void {
  const layer = (globalThis as Record<string, unknown>)[layerName] as
    | { push?: (...entries: unknown[]) => unknown }
    | undefined;
  if (typeof layer?.push !== "function") return;
  // Google's advice: clear the previous ecommerce object, or Tag Manager merges the two.
  layer.push({ ecommerce: null });
  layer.push({
    event,
    ecommerce: { item_list_id: list.id, item_list_name: list.name, currency: list.currency, items },
    [VITRIN_MARK]: true,
  });
}

/** A slot's picks were shown: `view_item_list`. */
export function pushListView(layer: string, list: ListInfo, picks: readonly Pick[]): void {
  push(layer, "view_item_list", list, picks.map(itemOf));
}

/** A card was chosen: `select_item`. */
export function pushSelect(layer: string, list: ListInfo, pick: Pick, index: number): void {
  push(layer, "select_item", list, [itemOf(pick, index)]);
}
