import type { VitrinEvent } from "./events.js";

/** What the shopper did, distilled from the event log. Grows with the Remember stage. */
export interface Memory {
  /** Item ids the shopper looked at, most recent first, each once. */
  recentlyViewed: string[];
  /** When each recently viewed item was last looked at (ms since epoch). */
  viewedAt: ReadonlyMap<string, number>;
}

/** Events that mean "the shopper looked at this item". */
const VIEWS = new Set(["view_item", "select_item"]);

/**
 * Remember: a pure function of the event log. Events may arrive in any order (several tabs
 * append to the same log), so order comes from their timestamps, not their position.
 */
export function remember(events: readonly VitrinEvent[]): Memory {
  const viewedAt = new Map<string, number>();
  for (const event of events) {
    if (!VIEWS.has(event.name)) continue;
    const id = event.items[0]?.item_id;
    if (id === undefined) continue;
    if ((viewedAt.get(id) ?? -Infinity) < event.ts) viewedAt.set(id, event.ts);
  }
  const recentlyViewed = [...viewedAt.keys()].sort(
    (a, b) => (viewedAt.get(b) ?? 0) - (viewedAt.get(a) ?? 0),
  );
  return { recentlyViewed, viewedAt };
}
