import type { Reason } from "@vitrin/core";
import { type Lang, STRINGS } from "./strings.js";

/** A category key holds the whole path ("Giyim > Kışlık Mont"); shoppers read its last part. */
const leaf = (path?: string) => path?.split(" > ").pop();

/**
 * Puts one of Relevance's reasons into the shopper's language. `titleOf` names an item by id
 * (the item a pick is similar to, or goes with), from the catalog.
 */
export function reasonText(
  reason: Reason,
  lang: Lang,
  titleOf: (id: string) => string | undefined,
): string {
  const r = STRINGS[lang].reasons;
  switch (reason.kind) {
    case "recently-viewed":
      return r.viewed;
    case "similar":
      return r.similar(titleOf(reason.to));
    case "viewed-together":
      return r.viewedWith(titleOf(reason.with));
    case "bought-together":
      return r.boughtWith(titleOf(reason.with));
    case "trending":
    case "popular":
      return r.popular(leaf(reason.category));
    case "for-you":
      return r.forYou(leaf(reason.category), reason.brand);
    case "cart-cross-sell":
      return r.cart(titleOf(reason.with));
    case "buy-again":
      return r.again(leaf(reason.category) ?? "");
    case "new-arrival":
      return r.fresh(leaf(reason.category));
    case "in-season":
      return r.season;
    case "daypart":
      return r.daypart;
    case "price-band":
      return r.price;
    case "merchant":
      return r.merchant;
  }
}

/** Every reason of a pick as sentences, duplicates dropped (two strategies can say the same). */
export function reasonsText(
  reasons: readonly Reason[],
  lang: Lang,
  titleOf: (id: string) => string | undefined,
): string[] {
  return [...new Set(reasons.map((reason) => reasonText(reason, lang, titleOf)))];
}
