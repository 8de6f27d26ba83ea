import type { Profile, ProfileSources } from "./profile.js";
import { recommend, type Strategy } from "./recommend.js";
import {
  type Explanation,
  hardFilter,
  type MerchantRule,
  OWN_ITEMS,
  type RelevanceInput,
  type RelevanceRules,
  relevance,
  type Pick as SlotPick,
} from "./relevance.js";

/** What a slot asks for. */
export interface SlotRequest {
  strategy: Strategy;
  limit: number;
  /** The item the slot is about (a product page's own item). */
  item?: string;
  /** Items not to show in this slot (those already on the page, for instance). */
  exclude?: readonly string[];
}

/** Merchant relevance settings shared by every slot (from `data-config` or the `relevance` option). */
export interface SlotRules
  extends Pick<
    RelevanceRules,
    "repeatable" | "maxPerBrand" | "maxPerCategory" | "frequencyCap" | "season" | "daypart"
  > {
  merchant?: readonly MerchantRule[];
}

/** A slot's items, and how every candidate fared. */
export interface SlotResult {
  picks: SlotPick[];
  /** The score breakdown of a candidate: why it is shown where it is, or why it is not. */
  explain(id: string): Explanation | undefined;
}

/**
 * The stages in order for one slot: the profile (Recognize and Remember, computed once for all
 * slots), then Recommend and Relevance. Pure.
 */
export function pickForSlot(
  request: SlotRequest,
  profile: Profile,
  sources: ProfileSources,
  rules: SlotRules = {},
  /** The item viewed on this page load, if the page is a product page. */
  pageItem?: string,
): SlotResult {
  const { catalog, model, now } = sources;
  const { memory, context } = profile;
  // A viewed item may since have left the catalog; the anchor must be one we can compare with.
  const anchor =
    request.item ?? pageItem ?? memory.recentlyViewed.find((id) => catalog.byId.has(id));
  // Never the product on screen; and a list about an item does not show that item. Up next is
  // about the visit, not its last item: off that item's page, going back to it is a next step.
  const exclude = new Set<string>(request.exclude);
  if (pageItem !== undefined) exclude.add(pageItem);
  const about = request.strategy === "up-next" ? request.item : anchor;
  if (request.strategy !== "recently-viewed" && about !== undefined) exclude.add(about);
  // Finding again what the shopper already saw or bought: no filtering it away.
  const again = OWN_ITEMS.includes(request.strategy);
  const relevanceRules: RelevanceRules = {
    ...rules,
    limit: request.limit,
    exclude,
    // A shopper looking for something they saw wants to find it even if it sold out.
    inStockOnly: request.strategy !== "recently-viewed",
    onePerGroup: !again,
    dropBought: !again,
    ...(again && { season: false, daypart: false, priceFit: false }),
  };
  const input: RelevanceInput = { catalog, memory, context, strategy: request.strategy };
  const drop = hardFilter(input, relevanceRules);
  const candidates = recommend(request.strategy, {
    memory,
    catalog,
    now,
    context,
    eligible: (item) => drop(item) === undefined,
    model,
    anchor,
    ...(sources.scoring && { scoring: sources.scoring }),
  });
  const result = relevance(candidates, input, relevanceRules);
  return {
    picks: result.picks,
    // Items skipped before they became candidates are explained by the same test.
    explain(id) {
      const known = result.explain(id);
      if (known) return known;
      const item = catalog.byId.get(id);
      const dropped = item && drop(item);
      return dropped ? { id, base: 0, factors: [], score: 0, dropped } : undefined;
    },
  };
}
