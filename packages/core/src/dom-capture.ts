/**
 * Tracking for stores without a data layer, from data attributes alone:
 * `data-vitrin-item="SKU"` on product cards (impressions and clicks) and
 * `data-vitrin-event="add_to_cart"` on buttons.
 */

/** Receives an event found in the page; `where` names the element for messages. */
export type Emit = (name: string, params: Record<string, unknown>, where: string) => void;

/** Product cards; a slot's `data-vitrin-item` names the item it is about, not a card. */
// A button naming its item (`data-vitrin-event` + `data-vitrin-item`) is not a card on show.
const CARD = "[data-vitrin-item]:not([data-vitrin-slot]):not([data-vitrin-event])";

function describe(el: Element): string {
  return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} data-vitrin-${el.hasAttribute("data-vitrin-event") ? `event="${el.getAttribute("data-vitrin-event")}"` : `item="${el.getAttribute("data-vitrin-item")}"`}>`;
}

/**
 * Follows product-card impressions (half visible, each card once per page view, batched into
 * one `view_item_list` per list) and clicks. Returns a stop function; `reset` forgets which
 * cards were seen (a single-page app's new route is a new page view).
 */
export function followDataAttributes(
  doc: Document,
  emit: Emit,
): { stop(): void; reset(): void; flush(): void } {
  let seen = new WeakSet<Element>();
  let batch = new Map<string, Element[]>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flushImpressions = () => {
    clearTimeout(timer);
    timer = undefined;
    for (const [list, cards] of batch) {
      emit(
        "view_item_list",
        {
          ...(list ? { item_list_id: list } : {}),
          items: cards.map((card) => ({
            item_id: card.getAttribute("data-vitrin-item"),
            index: [...(card.parentElement?.children ?? [])].indexOf(card),
          })),
        },
        `${cards.length} product card(s)`,
      );
    }
    batch = new Map();
  };

  const observer =
    typeof IntersectionObserver === "function"
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting || seen.has(entry.target)) continue;
              seen.add(entry.target);
              const list =
                entry.target.closest("[data-vitrin-list]")?.getAttribute("data-vitrin-list") ?? "";
              batch.set(list, [...(batch.get(list) ?? []), entry.target]);
              timer ??= setTimeout(flushImpressions, 300);
            }
          },
          { threshold: 0.5 },
        )
      : undefined;

  const watch = (root: ParentNode) => {
    if (!observer) return;
    if (root instanceof Element && root.matches(CARD)) observer.observe(root);
    for (const card of root.querySelectorAll(CARD)) observer.observe(card);
  };
  watch(doc);
  // Cards added later: infinite scroll, filters, client-side routes.
  const mutations = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) if (node instanceof Element) watch(node);
  });
  mutations.observe(doc.documentElement, { childList: true, subtree: true });

  const onClick = (event: Event) => {
    const target = event.target instanceof Element ? event.target : null;
    const button = target?.closest("[data-vitrin-event]");
    const card = (button ?? target)?.closest(CARD);
    if (button) {
      const id = button.getAttribute("data-vitrin-item") ?? card?.getAttribute("data-vitrin-item");
      const quantity = Number(button.getAttribute("data-vitrin-quantity") ?? 1);
      emit(
        button.getAttribute("data-vitrin-event") ?? "",
        id ? { items: [{ item_id: id, quantity }] } : {},
        describe(button),
      );
    } else if (card) {
      const list = card.closest("[data-vitrin-list]")?.getAttribute("data-vitrin-list");
      emit(
        "select_item",
        {
          ...(list ? { item_list_id: list } : {}),
          items: [{ item_id: card.getAttribute("data-vitrin-item") }],
        },
        describe(card),
      );
    }
  };
  doc.addEventListener("click", onClick, { capture: true, passive: true });

  return {
    stop() {
      flushImpressions();
      observer?.disconnect();
      mutations.disconnect();
      doc.removeEventListener("click", onClick, { capture: true });
    },
    // A new page view: cards still on screen are seen anew. Observing them again makes the
    // observer report each one's current visibility.
    reset() {
      seen = new WeakSet();
      observer?.disconnect();
      watch(doc);
    },
    /** Impressions still waiting for their batch, recorded now (the page is being left). */
    flush: flushImpressions,
  };
}
