import type { Catalog } from "./catalog.js";
import type { VitrinEvent } from "./events.js";
import { recommend, type Strategy } from "./recommend.js";
import { type Pick, relevance } from "./relevance.js";
import { remember } from "./remember.js";

/** What a slot asks for. */
export interface SlotRequest {
  strategy: Strategy;
  limit: number;
  /** The item the slot is about (a product page's own item). */
  item?: string;
}

/** Everything a slot's items are computed from. */
export interface SlotInputs {
  events: readonly VitrinEvent[];
  catalog: Catalog;
  /** The item viewed on this page load, if the page is a product page. */
  pageItem?: string;
}

/** The stages in order for one slot: remember → recommend → relevance. Pure. */
export function pickForSlot(request: SlotRequest, inputs: SlotInputs): Pick[] {
  const memory = remember(inputs.events);
  const onScreen = request.item ?? inputs.pageItem;
  // A viewed item may since have left the catalog; the anchor must be one we can compare with.
  const anchor = onScreen ?? memory.recentlyViewed.find((id) => inputs.catalog.byId.has(id));
  const candidates = recommend(request.strategy, {
    memory,
    catalog: inputs.catalog,
    ...(anchor === undefined ? {} : { anchor }),
  });
  const exclude = new Set<string>();
  if (onScreen !== undefined) exclude.add(onScreen);
  if (request.strategy === "similar" && anchor !== undefined) exclude.add(anchor);
  return relevance(candidates, inputs.catalog, {
    limit: request.limit,
    exclude,
    // A shopper looking for something they saw wants to find it even if it sold out.
    inStockOnly: request.strategy !== "recently-viewed",
    onePerGroup: request.strategy !== "recently-viewed",
  });
}
