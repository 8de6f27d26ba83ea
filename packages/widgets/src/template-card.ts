import type { Pick } from "@vitrin/core";
import { type CardContext, cardFields } from "./card.js";

/** The fields a card `<template>` can mark with `data-vitrin-field`. */
export const CARD_FIELDS = ["link", "image", "title", "brand", "price", "was", "reason"];

/**
 * Fills a merchant's card `<template>` for one pick: a clone of its content, where marked
 * elements get text (`textContent`, never markup) or an http(s) `href`/`src`. An element whose
 * value is missing or unsafe (no brand, no sale, a `javascript:` link) is removed, so the
 * template never shows an empty label or a dead link. Unknown field names are reported once.
 */
export function fillTemplate(
  template: HTMLTemplateElement,
  pick: Pick,
  ctx: CardContext,
  warn: (message: string) => void,
): DocumentFragment {
  const f = cardFields(pick, ctx);
  const fragment = template.content.cloneNode(true) as DocumentFragment;
  const texts: Record<string, string | undefined> = {
    title: f.title,
    brand: f.brand,
    price: f.price,
    was: f.was,
    reason: f.reasons.join(". ") || undefined,
  };
  for (const el of fragment.querySelectorAll("[data-vitrin-field]")) {
    const field = el.getAttribute("data-vitrin-field") ?? "";
    if (!CARD_FIELDS.includes(field)) {
      warn(
        `<template#${template.id}>: data-vitrin-field="${field}" is unknown; expected one of ${CARD_FIELDS.join(", ")}`,
      );
      continue;
    }
    const url = field === "link" ? f.href : field === "image" ? f.src : undefined;
    const value = url ?? texts[field];
    if (value === undefined) el.remove();
    else if (url) {
      el.setAttribute(field === "link" ? "href" : "src", url);
      // Vitrin's own tracking counts impressions and clicks of `data-vitrin-item` links.
      if (field === "link") el.setAttribute("data-vitrin-item", pick.item.id);
    } else el.textContent = value;
  }
  return fragment;
}
