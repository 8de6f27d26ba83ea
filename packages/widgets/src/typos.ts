import { warnOnce } from "@vitrin/core";
import { describeElement, SLOT_ATTRIBUTES } from "./attributes.js";
import { suggest } from "./suggest.js";

/** Every `data-vitrin-*` attribute Vitrin reads or writes, on any element. */
export const KNOWN_ATTRIBUTES = [
  ...SLOT_ATTRIBUTES,
  ...[
    "state",
    "fallback",
    "list",
    "strategy",
    "reason",
    "event",
    "quantity",
    "content",
    "variant",
    "default",
    "shown",
    "field",
    "offers",
    "offer-slot",
    "offer-id",
    "cart-reminder",
    "cart-url",
    "incentive",
    "inline",
    "component",
  ].map((name) => `data-vitrin-${name}`),
];

/**
 * Warns, once per element and attribute, about `data-vitrin-*` attributes Vitrin knows nowhere
 * (`data-vitrin-solt="similar"`), under `node` and on it: such a typo would otherwise do nothing
 * at all, in silence. Slot elements are left out: reading their attributes checks them already.
 */
export function checkAttributes(node: ParentNode): void {
  const elements = [...node.querySelectorAll("*")];
  if (node instanceof Element) elements.push(node);
  for (const el of elements) {
    if (el.matches("[data-vitrin-slot],vitrin-slot")) continue;
    for (const { name, value } of el.attributes)
      if (name.startsWith("data-vitrin-") && !KNOWN_ATTRIBUTES.includes(name))
        warnOnce(
          `${describeElement(el)}: ${name}="${value.slice(0, 40)}" is not a Vitrin attribute; ${suggest(name, KNOWN_ATTRIBUTES)}`,
        );
  }
}
