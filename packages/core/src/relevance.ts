import type { Catalog, CatalogItem } from "./catalog.js";
import { CATEGORY_SEPARATOR, indexCatalog, valuesOf } from "./catalog-index.js";
import type { Season, ShopperContext } from "./recognize.js";
import type { Candidate, Reason, Strategy } from "./recommend.js";
import { looseFold, type Memory } from "./remember.js";

/** What a merchant rule matches: any one of these. */
export interface RuleMatch {
  id?: string;
  /** A category path prefix, "Giyim > Kadın". */
  category?: string;
  tag?: string;
  /** An attribute value, e.g. `{ name: "season", value: "winter" }`. */
  attribute?: { name: string; value: string };
}

/**
 * A merchant rule: pin, boost, bury or exclude matching items, optionally in some strategies only.
 * A pin shows matching items even when the strategy did not propose them (see {@link relevance}).
 */
export type MerchantRule = {
  match: RuleMatch;
  strategies?: Strategy[];
} /** `position` counts from 0, the first place, which is also the default. */ & (
  | { action: "pin"; position?: number }
  | { action: "boost"; factor: number }
  | { action: "bury" }
  | { action: "exclude" }
);

/** Rules the Relevance stage applies to a candidate list. */
export interface RelevanceRules {
  limit: number;
  /** Items never to show (the one on screen, for instance). */
  exclude: ReadonlySet<string>;
  /** Drop items that cannot be bought now. */
  inStockOnly: boolean;
  /** Show one variant per product group (one colour of a shirt, not four). */
  onePerGroup: boolean;
  /** Drop items whose season does not fit the shopper's season and climate. Default true. */
  season?: boolean;
  /** Prefer items tagged for the shopper's daypart. Default true. */
  daypart?: boolean;
  /** Prefer items in the price bands the shopper buys in. Default true. */
  priceFit?: boolean;
  /** Drop items already bought, unless under one of `repeatable`. Default true. */
  dropBought?: boolean;
  /** Category prefixes whose items are bought again and again (coffee, cosmetics, books). */
  repeatable?: readonly string[];
  /**
   * At most this many items of one brand, and of one leaf category, per slot. Default
   * max(2, ⌈limit / 2⌉). Not applied to the shopper's own items (recently viewed, buy again),
   * and `similar` caps brands only: sharing the category is the point of that list.
   */
  maxPerBrand?: number;
  maxPerCategory?: number;
  /** Items shown this many times without a click drop to the end. Default 5. */
  frequencyCap?: number;
  merchant?: readonly MerchantRule[];
}

/** An item chosen for a slot, with its score and the reasons it is there (the strategy's first). */
export interface Pick {
  item: CatalogItem;
  score: number;
  reason: Reason;
  reasons: Reason[];
}

/** How one candidate's score was made, for `explain(itemId)`. */
export interface Explanation {
  id: string;
  /** The strategy's score (0 for an item only a pin brought in). */
  base: number;
  /** The parts of `base`, where the strategy adds several up (see {@link Candidate}). */
  parts?: { name: string; value: number }[];
  /** Multipliers applied, by name ("season", "price-band", "diversity", "boost"…). */
  factors: { name: string; value: number }[];
  score: number;
  /** Why it was left out, when it was (e.g. "out of stock", "season: winter item in summer"). */
  dropped?: string;
  /** Position in the slot (0 first), when shown. */
  position?: number;
  /** Placed outside the score order: by a pin, a frequency cap or a bury rule. */
  placement?: "pinned" | "frequency-capped" | "buried";
}

/** What Relevance reads besides the candidates. */
export interface RelevanceInput {
  catalog: Catalog;
  memory: Memory;
  context?: ShopperContext;
  strategy: Strategy;
}

/** The items to show and how each candidate fared. */
export interface RelevanceResult {
  picks: Pick[];
  explain(id: string): Explanation | undefined;
}

/** "WINTER", "KIŞ", "Kış" and "kış" all match (see {@link looseFold}). */
const loose = (text: string) => looseFold(text).trim();

/** Season names a feed may use (English and Turkish) → the four seasons; "all" is neutral. */
const SEASON_NAMES = new Map<string, Season | "all">(
  (
    [
      ["winter", "winter"],
      ["kış", "winter"],
      ["summer", "summer"],
      ["yaz", "summer"],
      ["spring", "spring"],
      ["ilkbahar", "spring"],
      ["autumn", "autumn"],
      ["fall", "autumn"],
      ["sonbahar", "autumn"],
      ["all", "all"],
    ] as const
  ).map(([name, season]) => [loose(name), season]),
);

/**
 * Fit of an item made for one season (inner key) in the shopper's season (outer key), for
 * temperate and continental climates: 1 fits, 0 is a mismatch, between is a shoulder season.
 */
const SEASON_FIT: Record<Season, Record<Season, number>> = {
  winter: { winter: 1, autumn: 0.7, spring: 0.5, summer: 0 },
  spring: { spring: 1, summer: 0.7, autumn: 0.7, winter: 0.4 },
  summer: { summer: 1, spring: 0.7, autumn: 0.5, winter: 0 },
  autumn: { autumn: 1, winter: 0.7, spring: 0.7, summer: 0.4 },
};

/** Seasons per item object, read once: every slot asks again for the same items. */
const seasonsRead = new WeakMap<CatalogItem, (Season | "all")[]>();

/** The seasons an item is made for, from `attributes.season`; empty when it does not say. */
function seasonsOf(item: CatalogItem): (Season | "all")[] {
  let out = seasonsRead.get(item);
  if (!out) {
    out = [];
    for (const v of valuesOf(item.attributes.season)) {
      const season = SEASON_NAMES.get(loose(v));
      if (season) out.push(season);
    }
    seasonsRead.set(item, out);
  }
  return out;
}

/**
 * How well an item's season fits where and when the shopper is: 1 fits (or the item does not
 * say, or says "all"), 0 is a mismatch, between is a shoulder season. Winter items never fit
 * the tropics; the arid climates' mild winters take summer items at a discount, and the polar
 * summer still wants warm clothes.
 */
export function seasonFit(item: CatalogItem, context?: ShopperContext): number {
  return fitOf(seasonsOf(item), context);
}

function fitOf(seasons: readonly (Season | "all")[], context?: ShopperContext): number {
  if (!context || !seasons.length || seasons.includes("all")) return 1;
  const { climate } = context;
  const now: Season = climate === "tropical" ? "summer" : context.season;
  let best = 0;
  for (const season of seasons) {
    if (season === "all") continue;
    let fit = SEASON_FIT[now]?.[season] ?? 1;
    if (season === "winter" && climate === "tropical") fit = 0;
    else if (season === "summer" && now === "winter" && climate === "arid") fit = 0.6;
    else if (season === "winter" && now === "summer" && climate === "polar") fit = 0.6;
    best = Math.max(best, fit);
  }
  return best;
}

/** Dayparts the merchant tagged an item for: `attributes.daypart` or tags `daypart:evening`. */
function daypartsOf(item: CatalogItem): string[] {
  const out = valuesOf(item.attributes.daypart).map(loose);
  for (const tag of item.tags) if (tag.startsWith("daypart:")) out.push(loose(tag.slice(8)));
  return out;
}

/** "Giyim>Kadın" as a merchant may write it → "Giyim > Kadın" as the index keys it. */
const categoryKey = (path: string) =>
  path
    .split(">")
    .map((part) => part.trim())
    .join(CATEGORY_SEPARATOR);

function matches(match: RuleMatch, item: CatalogItem, keys: readonly string[]): boolean {
  const { id, category, tag, attribute } = match;
  return (
    (id !== undefined && item.id === id) ||
    (category !== undefined && keys.includes(categoryKey(category))) ||
    (tag !== undefined && item.tags.includes(tag)) ||
    (attribute !== undefined &&
      valuesOf(item.attributes[attribute.name]).some((v) => loose(v) === loose(attribute.value)))
  );
}

/** Items a pin rule brings in at most, per catalog: enough for a slot after the filters. */
const MAX_PINNED = 100;
const pinLists = new WeakMap<object, Map<string, string[]>>();

/**
 * Ids of the items a pin rule matches, most popular first: an id is itself; a category, tag or
 * attribute is looked up once per catalog and rule, as every slot asks again.
 */
function pinnable(catalog: Catalog, match: RuleMatch): readonly string[] {
  const { id, ...rest } = match;
  if (id !== undefined && !Object.keys(rest).length) return [id];
  const index = indexCatalog(catalog);
  const lists = pinLists.get(index) ?? new Map<string, string[]>();
  pinLists.set(index, lists);
  const key = JSON.stringify(match);
  let ids = lists.get(key);
  if (!ids) {
    ids = [];
    for (const at of index.byPopularity) {
      const item = catalog.byId.get(at);
      if (item && matches(match, item, index.categoryKeys(item)) && ids.push(at) >= MAX_PINNED)
        break;
    }
    lists.set(key, ids);
  }
  return ids;
}

/** One candidate on its way through the filters. */
interface Entry {
  order: number;
  item: CatalogItem;
  score: number;
  reasons: Reason[];
  explanation: Explanation;
  /** 0 normal, 1 frequency-capped, 2 buried: later tiers only after earlier ones. */
  tier: number;
  pin?: number;
  group: string;
  brand: string | undefined;
  leaf: string | undefined;
}

/** Score kept per repeat of a brand, and of a leaf category, already in the slot (MMR-style). */
const BRAND_PENALTY = 0.85;
const CATEGORY_PENALTY = 0.9;
/**
 * Strategies that find again the shopper's own items (seen or bought): their order is the
 * point, not variety, and the slot does not filter them away (see slot.ts).
 */
export const OWN_ITEMS: readonly Strategy[] = ["recently-viewed", "buy-again"];
/**
 * Lists about something given — the shopper's own items, the item on the page, the cart. A
 * "similar to this coat" list with a pinned book in it would say something untrue, so a pin
 * brings items into these only when its rule names the strategy.
 */
const ABOUT: readonly Strategy[] = [
  ...OWN_ITEMS,
  "similar",
  "viewed-together",
  "bought-together",
  "cart-cross-sell",
];

/**
 * Why Relevance would drop an item whatever its score — not in the catalog, excluded by the
 * slot or a merchant rule, sold out, already bought, out of season — or undefined when it
 * may be shown. Recommend uses the same test to skip such items while gathering.
 */
export function hardFilter(
  input: RelevanceInput,
  rules: RelevanceRules,
): (item: CatalogItem) => string | undefined {
  const { memory, context, strategy } = input;
  const index = indexCatalog(input.catalog);
  const excluding = (rules.merchant ?? []).filter(
    (rule) => rule.action === "exclude" && (!rule.strategies || rule.strategies.includes(strategy)),
  );
  const repeatable = (rules.repeatable ?? []).map(categoryKey);
  return (item) => {
    const { id } = item;
    if (rules.exclude.has(id)) return "excluded by the slot";
    const keys = index.categoryKeys(item);
    if (excluding.some((rule) => matches(rule.match, item, keys))) return "merchant rule: exclude";
    if (rules.inStockOnly && item.availability !== "in_stock") return "out of stock";
    if (
      rules.dropBought !== false &&
      strategy !== "buy-again" &&
      memory.bought.has(id) &&
      !item.tags.includes("repeatable") &&
      !repeatable.some((key) => keys.includes(key))
    ) {
      return "already bought";
    }
    if (rules.season !== false && context) {
      const seasons = seasonsOf(item);
      if (fitOf(seasons, context) === 0) {
        return `season: ${seasons.join("/")} item in ${context.climate} ${context.season}`;
      }
    }
    return undefined;
  };
}

/** Relevance: turns candidates into the items to show now, in order, each with its reasons. */
export function relevance(
  candidates: readonly Candidate[],
  input: RelevanceInput,
  rules: RelevanceRules,
): RelevanceResult {
  const { catalog, memory, context, strategy } = input;
  const index = indexCatalog(catalog);
  const explanations = new Map<string, Explanation>();
  const limit = Math.max(0, Math.floor(rules.limit) || 0);
  const merchant = (rules.merchant ?? []).filter(
    (rule) => !rule.strategies || rule.strategies.includes(strategy),
  );
  const drop = hardFilter(input, rules);
  const cap = rules.frequencyCap ?? 5;
  let bandMax = 0;
  for (const a of memory.affinities.priceBands.values()) if (a > bandMax) bandMax = a;

  const entries: Entry[] = [];
  /** The entry a candidate makes, or why it is dropped. */
  const consider = (
    candidate: Candidate,
    order: number,
    explanation: Explanation,
  ): Entry | string => {
    const { id } = candidate;
    const item = catalog.byId.get(id);
    if (!item) return "not in the catalog";
    const dropped = drop(item);
    if (dropped !== undefined) return dropped;
    const keys = index.categoryKeys(item);
    const applying = merchant.filter((rule) => matches(rule.match, item, keys));
    const reasons: Reason[] = [candidate.reason];
    let score = explanation.base;
    const factor = (name: string, value: number) => {
      explanation.factors.push({ name, value });
      score *= value;
    };
    if (rules.season !== false && context) {
      const seasons = seasonsOf(item);
      const fit = fitOf(seasons, context);
      if (fit < 1) factor("season", fit);
      else if (seasons.some((s) => s !== "all")) {
        reasons.push({ kind: "in-season", season: context.season });
      }
    }
    const dayparts = rules.daypart !== false && context ? daypartsOf(item) : [];
    if (dayparts.length && context) {
      // The merchant's evening dresses shine in the evening, and are only a little less welcome at noon.
      if (dayparts.includes(context.daypart)) {
        factor("daypart", 1.2);
        reasons.push({ kind: "daypart", daypart: context.daypart });
      } else factor("daypart", 0.9);
    }
    if (rules.priceFit !== false && bandMax > 0) {
      const band = index.priceBand(item);
      const share = (memory.affinities.priceBands.get(band) ?? 0) / bandMax;
      if (share > 0) factor("price-band", 1 + 0.2 * share);
      if (share >= 0.5) reasons.push({ kind: "price-band", band });
    }
    let boosted = false;
    let pin: number | undefined;
    let buried = false;
    for (const rule of applying) {
      if (rule.action === "boost" && rule.factor > 0 && Number.isFinite(rule.factor)) {
        factor("boost", rule.factor);
        boosted = true;
      } else if (rule.action === "pin" && pin === undefined) {
        pin = Math.max(0, Math.floor(rule.position ?? 0) || 0);
      } else if (rule.action === "bury") buried = true;
    }
    // An item only a pin brought in already has the pin as its reason.
    const action = pin !== undefined ? "pin" : boosted ? "boost" : undefined;
    if (action && candidate.reason.kind !== "merchant") reasons.push({ kind: "merchant", action });
    const capped = (memory.interactions.get(id)?.unclickedImpressions ?? 0) >= cap;
    // A pin is the merchant's explicit word and beats a bury; both beat the frequency cap.
    if (pin !== undefined) explanation.placement = "pinned";
    else if (buried) explanation.placement = "buried";
    else if (capped) explanation.placement = "frequency-capped";
    explanation.score = score;
    return {
      order,
      item,
      score,
      reasons,
      explanation,
      tier: buried ? 2 : capped ? 1 : 0,
      ...(pin === undefined ? {} : { pin }),
      group: item.groupId ?? id,
      brand: item.brand,
      leaf: keys[keys.length - 1],
    };
  };
  const add = (candidate: Candidate, order: number) => {
    const { id, parts } = candidate;
    // A strategy lists an id once; a pin may list it again: the first counts.
    if (explanations.has(id)) return;
    const base = Number.isFinite(candidate.score) ? candidate.score : 0;
    const explanation: Explanation = {
      id,
      base,
      ...(parts && { parts }),
      factors: [],
      score: base,
    };
    explanations.set(id, explanation);
    const entry = consider(candidate, order, explanation);
    if (typeof entry === "string") explanation.dropped = entry;
    else entries.push(entry);
  };
  candidates.forEach(add);
  // A pin is the merchant's word that an item is shown, proposed or not: matching catalog items
  // join the candidates, most popular first, until the rule has `limit` of them that pass the
  // filters (a pinned category cannot flood the slot). Lists about something (see ABOUT) keep
  // their meaning: there a pin only places what the strategy proposed, unless it names them.
  let next = candidates.length;
  for (const rule of merchant) {
    if (rule.action !== "pin" || (ABOUT.includes(strategy) && !rule.strategies)) continue;
    let shown = 0;
    for (const id of pinnable(catalog, rule.match)) {
      if (shown >= limit) break;
      add({ id, score: 0, reason: { kind: "merchant", action: "pin" } }, next++);
      if (explanations.get(id)?.dropped === undefined) shown++;
    }
  }

  const diverse = !OWN_ITEMS.includes(strategy);
  const fallbackCap = Math.max(2, Math.ceil(limit / 2));
  const brandCap = diverse ? (rules.maxPerBrand ?? fallbackCap) : Infinity;
  const categoryCap =
    diverse && strategy !== "similar" ? (rules.maxPerCategory ?? fallbackCap) : Infinity;
  const groups = new Set<string>();
  const brands = new Map<string, number>();
  const leaves = new Map<string, number>();
  const count = (map: Map<string, number>, key: string | undefined) =>
    key === undefined ? 0 : (map.get(key) ?? 0);
  const bump = (map: Map<string, number>, key: string | undefined) => {
    if (key !== undefined) map.set(key, count(map, key) + 1);
  };
  /** Why an entry cannot join the slot now; these only grow, so a blocked entry stays blocked. */
  const blocked = (e: Entry) =>
    rules.onePerGroup && groups.has(e.group)
      ? "another variant of its group is shown"
      : count(brands, e.brand) >= brandCap
        ? `diversity: ${brandCap} of brand ${e.brand} already`
        : count(leaves, e.leaf) >= categoryCap
          ? `diversity: ${categoryCap} of category ${e.leaf} already`
          : undefined;
  const take = (e: Entry) => {
    groups.add(e.group);
    bump(brands, e.brand);
    bump(leaves, e.leaf);
  };
  const byRank = (a: Entry, b: Entry) => a.tier - b.tier || b.score - a.score || a.order - b.order;

  // Pins first: they keep group uniqueness, count towards the caps, and are not stopped by them.
  const pinned: Entry[] = [];
  for (const e of entries
    .filter((entry) => entry.pin !== undefined)
    .sort((a, b) => (a.pin ?? 0) - (b.pin ?? 0) || byRank(a, b))) {
    if (pinned.length >= limit) e.explanation.dropped = "below the slot limit";
    else if (rules.onePerGroup && groups.has(e.group)) {
      e.explanation.dropped = "another variant of its group is shown";
    } else {
      pinned.push(e);
      take(e);
    }
  }
  // Then greedy MMR: each step takes the best score after a penalty for every item of the same
  // brand and leaf category already chosen. The pool is in rank order and a penalty only lowers
  // a score, so a scan stops at the first entry that could not beat the best so far.
  const pool = entries.filter((entry) => entry.pin === undefined).sort(byRank);
  const done = new Set<Entry>();
  const chosen: Entry[] = [];
  while (pinned.length + chosen.length < limit) {
    let best: Entry | undefined;
    let bestScore = 0;
    for (const e of pool) {
      if (done.has(e)) continue;
      if (best && (e.tier > best.tier || e.score <= bestScore)) break;
      const why = blocked(e);
      if (why) {
        e.explanation.dropped = why;
        done.add(e);
        continue;
      }
      const penalty = diverse
        ? BRAND_PENALTY ** count(brands, e.brand) * CATEGORY_PENALTY ** count(leaves, e.leaf)
        : 1;
      const adjusted = e.score * penalty;
      if (!best || adjusted > bestScore) [best, bestScore] = [e, adjusted];
    }
    if (!best) break;
    done.add(best);
    if (bestScore !== best.score) {
      best.explanation.factors.push({ name: "diversity", value: bestScore / best.score });
      best.score = bestScore;
      best.explanation.score = bestScore;
    }
    chosen.push(best);
    take(best);
  }
  for (const e of pool) if (!done.has(e)) e.explanation.dropped ??= "below the slot limit";

  const order = [...chosen];
  // Pins to one position follow each other, in rank order.
  let at = -1;
  for (const e of pinned) {
    at = Math.max(e.pin ?? 0, at + 1);
    order.splice(Math.min(at, order.length), 0, e);
  }
  const picks: Pick[] = order.map((e, position) => {
    e.explanation.position = position;
    return {
      item: e.item,
      score: e.score,
      reason: e.reasons[0] as Reason,
      reasons: e.reasons,
    };
  });
  return { picks, explain: (id) => explanations.get(id) };
}
