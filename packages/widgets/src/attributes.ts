import { isStrategy, type SlotRequest, STRATEGIES } from "@vitrin/core";

/** A slot as the merchant declared it in HTML. */
export interface SlotDeclaration {
  request: SlotRequest;
  /** The merchant's title, if given. */
  title?: string;
}

/** The data attributes a slot element understands. */
export const SLOT_ATTRIBUTES = [
  "data-vitrin-slot",
  "data-vitrin-limit",
  "data-vitrin-title",
  "data-vitrin-item",
];

const DEFAULT_LIMIT = 6;
const MAX_LIMIT = 24;

/** Names an element in a message the way a merchant would find it in their HTML. */
export function describeElement(el: Element): string {
  const id = el.id ? `#${el.id}` : "";
  const slot = el.getAttribute("data-vitrin-slot");
  return `<${el.tagName.toLowerCase()}${id}${slot === null ? "" : ` data-vitrin-slot="${slot}"`}>`;
}

/**
 * Reads a slot's data attributes. Data attributes are untrusted text: each is checked, and a
 * problem is reported naming the element, the attribute and what is accepted. Misspelt
 * `data-vitrin-*` attributes come back as warnings (the slot still works with defaults).
 */
export function readSlotAttributes(
  el: Element,
): { ok: true; value: SlotDeclaration; warnings: string[] } | { ok: false; error: string } {
  const where = describeElement(el);
  const strategy = el.getAttribute("data-vitrin-slot")?.trim();
  if (!isStrategy(strategy)) {
    return {
      ok: false,
      error: `${where}: data-vitrin-slot="${strategy ?? ""}" is not a strategy; expected one of ${STRATEGIES.join(", ")}`,
    };
  }
  const request: SlotRequest = { strategy, limit: DEFAULT_LIMIT };
  const limit = el.getAttribute("data-vitrin-limit");
  if (limit !== null) {
    const n = Number(limit.trim());
    if (!/^\d+$/.test(limit.trim()) || n < 1 || n > MAX_LIMIT) {
      return {
        ok: false,
        error: `${where}: data-vitrin-limit="${limit}" must be a whole number from 1 to ${MAX_LIMIT}`,
      };
    }
    request.limit = n;
  }
  const item = el.getAttribute("data-vitrin-item")?.trim();
  if (item) request.item = item.slice(0, 200);
  const title = el.getAttribute("data-vitrin-title")?.trim().slice(0, 200);

  const warnings = [...el.attributes]
    .map((a) => a.name)
    .filter((name) => name.startsWith("data-vitrin-") && !SLOT_ATTRIBUTES.includes(name))
    .map(
      (name) =>
        `${where}: unknown attribute ${name}; expected one of ${SLOT_ATTRIBUTES.join(", ")}`,
    );
  return { ok: true, value: { request, ...(title ? { title } : {}) }, warnings };
}
