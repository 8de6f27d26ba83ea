import type { Catalog, CatalogItem } from "./catalog.js";
import type { Candidate, Reason } from "./recommend.js";

/** Rules the Relevance stage applies to a candidate list. */
export interface RelevanceRules {
  limit: number;
  /** Items never to show (the one on screen, for instance). */
  exclude: ReadonlySet<string>;
  /** Drop items that cannot be bought now. */
  inStockOnly: boolean;
  /** Show one variant per product group (one colour of a shirt, not four). */
  onePerGroup: boolean;
}

/** An item chosen for a slot, with its score and the reason it is there. */
export interface Pick {
  item: CatalogItem;
  score: number;
  reason: Reason;
}

/** Relevance: turns candidates into the items to show now, in order, each with its reason. */
export function relevance(
  candidates: readonly Candidate[],
  catalog: Catalog,
  rules: RelevanceRules,
): Pick[] {
  const picks: Pick[] = [];
  const groups = new Set<string>();
  const ordered = [...candidates].sort((a, b) => b.score - a.score);
  for (const candidate of ordered) {
    if (picks.length >= rules.limit) break;
    if (rules.exclude.has(candidate.id)) continue;
    const item = catalog.byId.get(candidate.id);
    if (!item) continue;
    if (rules.inStockOnly && item.availability !== "in_stock") continue;
    const group = item.groupId ?? item.id;
    if (rules.onePerGroup && groups.has(group)) continue;
    groups.add(group);
    picks.push({ item, score: candidate.score, reason: candidate.reason });
  }
  return picks;
}
