import { type Catalog, type CatalogItem, effectivePrice } from "./catalog.js";
import type { Memory } from "./remember.js";

/** Candidate strategies a slot can ask for. */
export const STRATEGIES = ["recently-viewed", "similar"] as const;
/** One of {@link STRATEGIES}. */
export type Strategy = (typeof STRATEGIES)[number];

/** Why an item was proposed, in words a merchant can check. */
export type Reason =
  | { kind: "recently-viewed"; viewedAt: number }
  | { kind: "similar"; to: string; shared: string[] };

/** An item proposed by a strategy, before the Relevance stage filters and orders. */
export interface Candidate {
  id: string;
  score: number;
  reason: Reason;
}

/** What the Recommend stage reads. */
export interface RecommendInput {
  memory: Memory;
  catalog: Catalog;
  /** The item a `similar` list is about. */
  anchor?: string;
}

/** True when `name` is a strategy Vitrin knows. */
export function isStrategy(name: unknown): name is Strategy {
  return typeof name === "string" && (STRATEGIES as readonly string[]).includes(name);
}

/** Lower-case word set of a title, Turkish-aware, for overlap scoring. */
function words(title: string): Set<string> {
  return new Set(
    title
      .toLocaleLowerCase("tr")
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2),
  );
}

function values(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

/**
 * Content similarity of two catalog items with the features that matched. Weights favour the
 * deepest shared category (a dress is closer to a dress than to a coat), then brand and
 * attributes, then closeness in price on a log scale (₺100 vs ₺200 as far as ₺1.000 vs ₺2.000).
 */
export function similarity(a: CatalogItem, b: CatalogItem): { score: number; shared: string[] } {
  let score = 0;
  const shared: string[] = [];
  let depth = 0;
  while (depth < a.categories.length && a.categories[depth] === b.categories[depth]) depth++;
  if (depth > 0) {
    score += depth * 2;
    shared.push(`category:${a.categories.slice(0, depth).join(" > ")}`);
  }
  if (a.brand && a.brand === b.brand) {
    score += 1.5;
    shared.push(`brand:${a.brand}`);
  }
  for (const [key, value] of Object.entries(a.attributes)) {
    const other = b.attributes[key];
    if (other === undefined) continue;
    const mine = values(value);
    if (values(other).some((v) => mine.includes(v))) {
      score += 0.5;
      shared.push(`${key}:${mine.join("/")}`);
    }
  }
  const pa = effectivePrice(a);
  const pb = effectivePrice(b);
  if (pa > 0 && pb > 0) {
    const closeness = 1 - Math.min(1, Math.abs(Math.log(pa / pb)));
    if (closeness > 0.5) shared.push("price");
    score += closeness;
  }
  const wa = words(a.title);
  const common = [...words(b.title)].filter((w) => wa.has(w)).length;
  if (common > 0) {
    score += Math.min(common, 3) * 0.5;
    shared.push("title");
  }
  return { score, shared };
}

/** Recommend: proposes candidates for one strategy. Pure; the Relevance stage decides. */
export function recommend(strategy: Strategy, input: RecommendInput): Candidate[] {
  switch (strategy) {
    case "recently-viewed": {
      const { recentlyViewed, viewedAt } = input.memory;
      return recentlyViewed.map((id, rank) => ({
        id,
        score: recentlyViewed.length - rank,
        reason: { kind: "recently-viewed", viewedAt: viewedAt.get(id) ?? 0 },
      }));
    }
    case "similar": {
      const anchor = input.anchor === undefined ? undefined : input.catalog.byId.get(input.anchor);
      if (!anchor) return [];
      const out: Candidate[] = [];
      for (const item of input.catalog.items) {
        if (item.id === anchor.id) continue;
        const { score, shared } = similarity(anchor, item);
        // Below one shared category level plus a little, an item is not "similar", only nearby.
        if (score >= 2.5)
          out.push({ id: item.id, score, reason: { kind: "similar", to: anchor.id, shared } });
      }
      return out.sort((a, b) => b.score - a.score);
    }
  }
}
