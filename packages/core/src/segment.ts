/**
 * Segment's e-commerce v2 spec names the same moments GA4 does; a store instrumented for
 * Segment can call `vitrin.track("Product Added", props)` and Vitrin records `add_to_cart`.
 */
import type { EventName } from "./events.js";
import { isObject } from "./guards.js";

/** Segment e-commerce v2 event names and the GA4 names they map to. */
export const SEGMENT_EVENTS: Readonly<Record<string, EventName>> = {
  "Products Searched": "search",
  "Product List Viewed": "view_item_list",
  "Product List Filtered": "view_item_list",
  "Product Clicked": "select_item",
  "Product Viewed": "view_item",
  "Product Added": "add_to_cart",
  "Product Removed": "remove_from_cart",
  "Cart Viewed": "view_cart",
  "Checkout Started": "begin_checkout",
  "Order Completed": "purchase",
  "Product Added to Wishlist": "add_to_wishlist",
};

type Props = Record<string, unknown>;

/** Segment product properties → GA4 item fields. */
function item(p: Props): Props {
  return {
    item_id: p.product_id ?? p.sku ?? p.id,
    item_name: p.name,
    item_brand: p.brand,
    item_category: p.category,
    price: p.price,
    quantity: p.quantity,
    index: typeof p.position === "number" ? p.position - 1 : undefined,
  };
}

/**
 * Maps a Segment e-commerce call to GA4 name and parameters; undefined for any other name.
 * Single-product events carry the product in the properties themselves, list events in `products`.
 */
export function fromSegment(name: string, props: unknown): [EventName, Props] | undefined {
  const ga4 = Object.hasOwn(SEGMENT_EVENTS, name) ? SEGMENT_EVENTS[name] : undefined;
  if (!ga4) return undefined;
  const p: Props = isObject(props) ? (props as Props) : {};
  const products = Array.isArray(p.products) ? (p.products as Props[]) : undefined;
  return [
    ga4,
    {
      items: products ? products.map(item) : p.product_id || p.sku ? [item(p)] : undefined,
      currency: p.currency,
      value: p.revenue ?? p.total ?? p.value ?? p.price,
      transaction_id: p.order_id,
      search_term: p.query,
      item_list_id: p.list_id,
      // On list events Segment names the list by its category.
      item_list_name: products ? p.category : undefined,
    },
  ];
}
