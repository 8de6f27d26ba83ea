import { type Catalog, type CatalogItem, effectivePrice } from "./catalog.js";
import {
  attributeKeysOf,
  CATEGORY_SEPARATOR,
  type CatalogIndex,
  indexCatalog,
  wordsOf,
} from "./catalog-index.js";
import type { Model, ModelItem } from "./model.js";
import type { ShopperContext } from "./recognize.js";
import type { Memory } from "./remember.js";
import {
  recentItems,
  SEQUENCE_SCORING,
  type SequenceScoring,
  sequenceScores,
  UP_NEXT_SCORING,
} from "./sequence.js";

/** Candidate strategies a slot can ask for. */
export const STRATEGIES = [
  "recently-viewed",
  "similar",
  "viewed-together",
  "bought-together",
  "trending",
  "for-you",
  "up-next",
  "cart-cross-sell",
  "buy-again",
  "new-arrivals",
] as const;
/** One of {@link STRATEGIES}. */
export type Strategy = (typeof STRATEGIES)[number];

/**
 * Why an item was proposed, in facts a merchant can check and a widget can put into words
 * ("similar to X you viewed", "popular in Kışlık Mont"). Relevance adds its own reasons.
 * A `category` is a category path key ("Giyim > Kadın > Kışlık Mont"); a widget shows its last part.
 */
export type Reason =
  | { kind: "recently-viewed"; viewedAt: number }
  | { kind: "similar"; to: string; shared: string[] }
  | { kind: "viewed-together"; with: string; from: "model" | "history" }
  | { kind: "bought-together"; with: string; from: "model" | "history" }
  | { kind: "trending"; category?: string }
  | { kind: "for-you"; category?: string; brand?: string }
  | { kind: "cart-cross-sell"; with: string }
  | { kind: "buy-again"; category: string; lastBought: number }
  | { kind: "new-arrival"; category?: string }
  /** Cold start: nothing known yet, so what sells. */
  | { kind: "popular"; category?: string }
  /** Relevance: the item's season fits the shopper's season and climate. */
  | { kind: "in-season"; season: string }
  /** Relevance: the merchant tagged the item for this daypart. */
  | { kind: "daypart"; daypart: string }
  /** Relevance: in the price band the shopper usually buys in. */
  | { kind: "price-band"; band: number }
  /** Relevance: placed by a merchant rule. */
  | { kind: "merchant"; action: "pin" | "boost" };

/** An item proposed by a strategy, before the Relevance stage filters and orders. */
export interface Candidate {
  id: string;
  score: number;
  reason: Reason;
  /**
   * What `score` adds up from, where a strategy adds parts (`for-you`, `up-next`): "personal"
   * (1, which keeps every personal pick above the popular filler), "model", "category",
   * "brand", "attributes", "price-band"; parts that are 0 are left out.
   */
  parts?: { name: string; value: number }[];
}

/** What the Recommend stage reads. */
export interface RecommendInput {
  memory: Memory;
  catalog: Catalog;
  now: number;
  model?: Model;
  context?: ShopperContext;
  /** The item a `similar` / `*-together` list is about; else the last viewed item. */
  anchor?: string;
  /**
   * Items the Relevance stage would drop outright (sold out, out of season, already bought):
   * skipped while gathering, so a list is not filled with candidates that can never be shown.
   */
  eligible?: (item: CatalogItem) => boolean;
  /** The model-based scoring's parameters, over {@link SEQUENCE_SCORING}. */
  scoring?: Partial<SequenceScoring>;
}

/** A catalog item that may be proposed: known, and not one Relevance would drop outright. */
function usable(input: RecommendInput, id: string): CatalogItem | undefined {
  const item = input.catalog.byId.get(id);
  return item && (!input.eligible || input.eligible(item)) ? item : undefined;
}

/** True when `name` is a strategy Vitrin knows. */
export function isStrategy(name: unknown): name is Strategy {
  return typeof name === "string" && (STRATEGIES as readonly string[]).includes(name);
}

const DAY = 86_400_000;
/** Items scored per call at most: a 100k-item catalog then costs about what a 2k one does. */
const MAX_SCORED = 2000;
/** Candidates handed to Relevance at most: enough to survive its filters, few enough to rank fast. */
export const MAX_CANDIDATES = 300;
/**
 * Ranked entries (popular, newest) read at most when looking for favourite-category items:
 * a favourite with 1% of the catalog still yields some 30 of them, plenty for one slot.
 */
const MAX_SCAN = 3000;
/** Below one shared category level plus a little, an item is only nearby, not similar. */
const MIN_SIMILARITY = 2;
/** New arrivals: created within this many days of now. */
const NEW_DAYS = 60;
/** Buy again: propose a category this share of its cycle before it is due. */
const DUE_EARLY = 0.2;

/**
 * Affinity → 0…1, rising with the affinity and blind to every other key: so raising one
 * category's affinity can never lower the score of an item outside it (no max-normalising).
 */
const sat = (a: number) => (a > 0 ? 1 - 1 / (1 + a) : 0);
/** Rank → score, 1 for the first and falling slowly: orders fillers without beating real signal. */
const rankScore = (rank: number) => 1 / (1 + rank / 50);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Stable sort by score (ties keep the order found), capped. */
function ranked(list: Candidate[]): Candidate[] {
  return list.sort((a, b) => b.score - a.score).slice(0, MAX_CANDIDATES);
}

/**
 * True when `out` holds {@link MAX_CANDIDATES} items that no later item of a ranked list can
 * pass, later ones scoring at most `bound`: reading on cannot change the list. So a list read
 * in part is exactly the list read in full (to {@link MAX_SCAN}), and raising the affinity of
 * a category can only lift its items, never stop the reading before them. Counted every 64
 * entries, once the list could be full.
 */
function settled(out: readonly Candidate[], bound: number, step: number): boolean {
  if (out.length < MAX_CANDIDATES || step % 64) return false;
  let n = 0;
  for (const c of out) if (c.score >= bound && ++n >= MAX_CANDIDATES) return true;
  return false;
}

/** Adds ids to a pool until it holds `cap`. */
function gather(pool: Set<string>, ids: readonly string[], cap: number) {
  for (const id of ids) {
    if (pool.size >= cap) return;
    pool.add(id);
  }
}

/**
 * The shopper's favourite category keys. Every action counts for all ancestors, so the root
 * always has the most; weighting by depth lets "Giyim > Kadın > Kışlık Mont" outrank "Giyim"
 * when most of the attention is on coats, yet lets "Giyim > Kadın" win when it is split.
 */
export function favouriteCategories(memory: Memory, n = 5): string[] {
  return [...memory.affinities.categories]
    .filter(([, a]) => a > 0)
    .map(
      ([key, a]) => [key, sat(a) * (1 + 0.5 * (key.split(CATEGORY_SEPARATOR).length - 1))] as const,
    )
    .sort((x, y) => y[1] - x[1] || cmp(x[0], y[0]))
    .slice(0, n)
    .map(([key]) => key);
}

function topBrands(memory: Memory, n: number): string[] {
  return [...memory.affinities.brands]
    .filter(([, a]) => a > 0)
    .sort((x, y) => y[1] - x[1] || cmp(x[0], y[0]))
    .slice(0, n)
    .map(([brand]) => brand);
}

/** The first of `favourites` an item is in, as [rank, key], or undefined. */
function favouriteOf(keys: readonly string[], favourites: ReadonlyMap<string, number>) {
  let best: [number, string] | undefined;
  for (const key of keys) {
    const at = favourites.get(key);
    if (at !== undefined && (!best || at < best[0])) best = [at, key];
  }
  return best;
}

const ranks = (keys: readonly string[]) => new Map(keys.map((key, at) => [key, at]));

/**
 * Scores items against `a`. Weights favour the deepest shared category (a dress is closer to
 * a dress than to a coat), then brand, attributes, closeness in price on a log scale (₺100 vs
 * ₺200 as far apart as ₺1.000 vs ₺2.000) and shared title words.
 */
function similarTo(
  a: CatalogItem,
  // The index's cached keys and words in a slot; computed afresh for a pair without a catalog.
  attrs: (item: CatalogItem) => readonly string[],
  words: (item: CatalogItem) => ReadonlySet<string>,
) {
  const ownAttrs = new Set(attrs(a));
  const ownWords = words(a);
  const pa = effectivePrice(a);
  const labels = a.categories.map(
    (_, depth) => `category:${a.categories.slice(0, depth + 1).join(CATEGORY_SEPARATOR)}`,
  );
  return (b: CatalogItem): { score: number; shared: string[] } => {
    let score = 0;
    const shared: string[] = [];
    let depth = 0;
    while (depth < a.categories.length && a.categories[depth] === b.categories[depth]) depth++;
    if (depth > 0) {
      score += depth * 2;
      shared.push(labels[depth - 1] as string);
    }
    if (a.brand && a.brand === b.brand) {
      score += 1.5;
      shared.push(`brand:${a.brand}`);
    }
    let matched = 0;
    for (const key of attrs(b)) {
      if (matched < 4 && ownAttrs.has(key)) {
        matched++;
        score += 0.5;
        shared.push(`attribute:${key}`);
      }
    }
    const pb = effectivePrice(b);
    if (pa > 0 && pb > 0) {
      const closeness = 1 - Math.min(1, Math.abs(Math.log(pa / pb)));
      if (closeness > 0.5) shared.push("price");
      score += closeness;
    }
    let common = 0;
    for (const w of words(b)) if (ownWords.has(w)) common++;
    if (common > 0) {
      score += Math.min(common, 3) * 0.5;
      shared.push("title");
    }
    return { score, shared };
  };
}

/** Content similarity of two catalog items with the features that matched. */
export function similarity(
  a: CatalogItem,
  b: CatalogItem,
  catalog?: Catalog,
): { score: number; shared: string[] } {
  const index = catalog && indexCatalog(catalog);
  return similarTo(
    a,
    index ? index.attributeKeys : attributeKeysOf,
    index ? index.titleWords : (item) => wordsOf(item.title),
  )(b);
}

/** The item a list is about: the given anchor, else the last viewed item still in the catalog. */
function anchorOf({ anchor, catalog, memory }: RecommendInput): CatalogItem | undefined {
  const given = anchor === undefined ? undefined : catalog.byId.get(anchor);
  if (given) return given;
  for (const id of memory.recentlyViewed) {
    const item = catalog.byId.get(id);
    if (item) return item;
  }
  return undefined;
}

function recentlyViewed({ memory, catalog }: RecommendInput): Candidate[] {
  const ids = [...new Set(memory.recentlyViewed)].filter((id) => catalog.byId.has(id));
  return ids.slice(0, MAX_CANDIDATES).map((id, rank) => ({
    id,
    score: ids.length - rank,
    reason: { kind: "recently-viewed", viewedAt: memory.viewedAt.get(id) ?? 0 },
  }));
}

function similar(input: RecommendInput, index: CatalogIndex): Candidate[] {
  const anchor = anchorOf(input);
  if (!anchor) return [];
  // Candidates come from the index, nearest first: leaf and parent category, brand, then
  // the wider category levels; never a scan of the catalog.
  const pool = new Set<string>();
  const keys = index.categoryKeys(anchor);
  const depth = keys.length;
  for (const key of keys.slice(Math.max(0, depth - 2)).reverse())
    gather(pool, index.inCategory(key), 1500);
  if (anchor.brand) gather(pool, index.ofBrand(anchor.brand), 1800);
  for (const key of keys.slice(0, Math.max(0, depth - 2)).reverse())
    gather(pool, index.inCategory(key), MAX_SCORED);
  const score = similarTo(anchor, index.attributeKeys, index.titleWords);
  const out: Candidate[] = [];
  for (const id of pool) {
    const item = usable(input, id);
    // Another colour of the anchor is the same product, not a similar one.
    if (!item || id === anchor.id || (anchor.groupId && item.groupId === anchor.groupId)) continue;
    const s = score(item);
    if (s.score >= MIN_SIMILARITY) {
      out.push({
        id,
        score: s.score,
        reason: { kind: "similar", to: anchor.id, shared: s.shared },
      });
    }
  }
  return ranked(out);
}

/** Sums weighted contributions per id, remembering the source that gave the most. */
function tally(exclude: ReadonlySet<string>, input: RecommendInput) {
  const scores = new Map<string, { score: number; best: number; with: string }>();
  const add = (id: string, weight: number, source: string) => {
    if (!(weight > 0) || !Number.isFinite(weight) || exclude.has(id) || !usable(input, id)) return;
    const entry = scores.get(id);
    if (!entry) scores.set(id, { score: weight, best: weight, with: source });
    else {
      entry.score += weight;
      if (weight > entry.best) Object.assign(entry, { best: weight, with: source });
    }
  };
  return { scores, add };
}

function together(kind: "viewed-together" | "bought-together", input: RecommendInput): Candidate[] {
  const { memory, model } = input;
  const sources = new Map<string, number>();
  const anchor = anchorOf(input);
  if (anchor) sources.set(anchor.id, 1);
  if (kind === "bought-together") {
    for (const line of memory.cart) if (!sources.has(line.id)) sources.set(line.id, 0.8);
    for (const p of memory.purchases.slice(-10).reverse())
      if (!sources.has(p.id)) sources.set(p.id, 0.5);
  }
  const { scores, add } = tally(new Set(sources.keys()), input);
  const relation: keyof ModelItem = kind === "viewed-together" ? "coView" : "coBuy";
  if (model) {
    for (const [source, w] of sources) {
      for (const [id, weight] of model.items.get(source)?.[relation] ?? [])
        add(id, weight * w, source);
    }
  }
  // A model that knows nothing of these items (new products, a stale file) leaves the
  // shopper's own history to speak.
  const from = scores.size ? "model" : "history";
  if (!scores.size) {
    for (const visit of memory.visits) {
      for (const [source, w] of sources) {
        if (kind === "viewed-together") {
          const at = visit.items.indexOf(source);
          if (at < 0) continue;
          // Looked at right after one another says more than somewhere in the same visit.
          visit.items.forEach((id, i) => {
            add(id, w * (0.5 + 0.5 / Math.max(1, Math.abs(i - at))), source);
          });
        } else {
          const strength = visit.bought.includes(source)
            ? 1
            : visit.items.includes(source)
              ? 0.5
              : 0;
          for (const id of visit.bought) add(id, w * strength, source);
        }
      }
    }
  }
  const out: Candidate[] = [];
  for (const [id, entry] of scores) {
    out.push({ id, score: entry.score, reason: { kind, with: entry.with, from } });
  }
  return ranked(out);
}

const modelRanks = new WeakMap<Model, string[]>();

/** Item ids by model trend and popularity, computed once per model. */
function modelRanking(model: Model): string[] {
  let ids = modelRanks.get(model);
  if (!ids) {
    const fin = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : 0);
    const scored: [string, number][] = [];
    for (const [id, m] of model.items) {
      // Trend says "now", popularity "always": a trending slot leans on the first.
      const s = 0.6 * fin(m.trend) + 0.4 * fin(m.popularity);
      if (s > 0) scored.push([id, s]);
    }
    ids = scored.sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).map(([id]) => id);
    modelRanks.set(model, ids);
  }
  return ids;
}

/**
 * Popular items, model first (it knows what sells now), then catalog popularity, with items in
 * the shopper's favourite categories lifted and named. Reads the ranking until nothing further
 * can enter the list (see {@link settled}), so a 100k catalog costs a few thousand look-ups, not
 * a sort.
 */
function popular(
  input: RecommendInput,
  index: CatalogIndex,
  kind: "trending" | "popular",
  favourites: readonly string[],
  skip?: ReadonlySet<string>,
): Candidate[] {
  const { model } = input;
  const out: Candidate[] = [];
  const seen = new Set<string>();
  let rank = 0;
  let scanned = 0;
  let general = 0;
  const liking = ranks(favourites);
  // A favourite lifts a score at most twofold.
  const lift = favourites.length ? 2 : 1;
  const lists = model ? [modelRanking(model), index.byPopularity] : [index.byPopularity];
  scan: for (const list of lists) {
    for (const id of list) {
      if (scanned++ >= MAX_SCAN || settled(out, lift * rankScore(rank), scanned)) break scan;
      const item = usable(input, id);
      if (!item || seen.has(id) || skip?.has(id)) continue;
      seen.add(id);
      const favourite = favouriteOf(index.categoryKeys(item), liking);
      const score = rankScore(rank++);
      if (favourite) {
        // The favourite lifts most, the third favourite a little less.
        const [at, category] = favourite;
        out.push({ id, score: score * (2 - 0.25 * at), reason: { kind, category } });
      } else if (general < MAX_CANDIDATES) {
        general++;
        out.push({ id, score, reason: { kind } });
      }
    }
  }
  return ranked(out);
}

/** Names of the affinity parts of a for-you score, in the order forYou adds them. */
const PARTS = ["category", "brand", "attributes", "price-band"];

/** The parts of a for-you score that are not 0 (a plain loop: it runs for every candidate). */
function partsOf(fromModel: number, split: readonly number[], weight: number) {
  const parts = [{ name: "personal", value: 1 }];
  if (fromModel > 0) parts.push({ name: "model", value: fromModel });
  for (let i = 0; i < split.length; i++) {
    const v = split[i] as number;
    if (v > 0) parts.push({ name: PARTS[i] as string, value: weight * v });
  }
  return parts;
}

/**
 * For you. With a model that knows the shopper's recent items, the model's sequential score
 * (see sequence.ts: what others looked at next, alongside, or bought alongside) scaled to 0…1,
 * plus `affinity` × the affinity score below; without one, the affinity score alone: Σ affinity
 * of the item's category keys (deeper keys weigh more), brand, attribute keys and price band,
 * over the items of the favourite categories and brands. The rest of the list is popular items,
 * always below (scores ≤ 1 against 1 + score), so that any signal only ever lifts an item.
 */
function forYou(input: RecommendInput, index: CatalogIndex, returns = false): Candidate[] {
  const { memory, model } = input;
  const aff = memory.affinities;
  const scoring = { ...SEQUENCE_SCORING, ...(returns && UP_NEXT_SCORING), ...input.scoring };
  const categories = favouriteCategories(memory);
  const brands = topBrands(memory, 3);
  // What the shopper already saw, carted or bought is not news, unless the shop sells it again
  // and again (recently-viewed and buy-again are the slots for those). Up next keeps what they
  // saw: going back to an item is as likely a next step as a new one, and the model's
  // next(a → a) and next(b → a) say how likely (Relevance still drops what was bought).
  const inCart = new Set(memory.cart.map((line) => line.id));
  const old = (item: CatalogItem) =>
    !returns &&
    (memory.viewedAt.has(item.id) || memory.bought.has(item.id) || inCart.has(item.id)) &&
    !item.tags.includes("repeatable");
  const sequence = model
    ? sequenceScores(recentItems(memory, scoring.history), model, scoring, (id) => {
        const item = usable(input, id);
        return !item || old(item);
      })
    : new Map();
  if (!sequence.size && !categories.length && !brands.length)
    return popular(input, index, "popular", []);
  const pool = new Set<string>(sequence.keys());
  const base = pool.size;
  for (const key of categories) gather(pool, index.inCategory(key), base + 1600);
  for (const brand of brands) gather(pool, index.ofBrand(brand), base + MAX_SCORED);
  let top = 0;
  for (const s of sequence.values()) if (s.score > top) top = s.score;
  // Items of one category path share its key list (see catalog-index.ts): its part of the
  // score is worked out once per path, not once per item.
  const byPath = new Map<readonly string[], { value: number; category: string | undefined }>();
  const scored: {
    id: string;
    score: number;
    /** Category, brand, attributes and price-band parts of the affinity score. */
    split: readonly number[];
    fromModel: number;
    category: string | undefined;
    brand?: string;
    model?: { with: string; relation: string };
  }[] = [];
  // What the affinity parts weigh beside the model's (all of the score without one).
  const weight = sequence.size ? scoring.affinity : 1;
  for (const id of pool) {
    const item = usable(input, id);
    // The category and brand pools hold seen items too. Bought ones are left to Relevance,
    // which knows the shop's repeatable categories (books bought again, say).
    if (!item || (old(item) && !memory.bought.has(id))) continue;
    const keys = index.categoryKeys(item);
    let path = byPath.get(keys);
    if (!path) {
      let sum = 0;
      let norm = 0;
      let best = 0;
      let category: string | undefined;
      keys.forEach((key, depth) => {
        const v = sat(aff.categories.get(key) ?? 0) * (depth + 1);
        sum += v;
        norm += depth + 1;
        if (v > best) [best, category] = [v, key];
      });
      path = { value: norm ? (3 * sum) / norm : 0, category };
      byPath.set(keys, path);
    }
    const brand = item.brand ? sat(aff.brands.get(item.brand) ?? 0) : 0;
    let attributes = 0;
    for (const key of index.attributeKeys(item)) attributes += sat(aff.attributes.get(key) ?? 0);
    const split = [
      path.value,
      1.5 * brand,
      Math.min(1, attributes),
      0.5 * sat(aff.priceBands.get(index.priceBand(item)) ?? 0),
    ] as const;
    const affinity = split[0] + split[1] + split[2] + split[3];
    const s = sequence.get(id);
    const fromModel = s && top > 0 ? s.score / top : 0;
    const score = sequence.size ? fromModel + scoring.affinity * affinity : affinity;
    if (score > 0) {
      scored.push({
        id,
        score: 1 + score,
        split,
        fromModel,
        category: path.category,
        ...(brand > 0 && item.brand ? { brand: item.brand } : {}),
        // The reason is the larger part of the score: "viewed together with X" or "your category".
        ...(s && fromModel >= scoring.affinity * affinity
          ? { model: { with: s.with, relation: s.relation } }
          : {}),
      });
    }
  }
  // Reasons only for the candidates kept: a pool holds up to 2,000 items, a slot shows a few.
  const out: Candidate[] = scored
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_CANDIDATES)
    .map(({ id, score, split, fromModel, category, brand, model: from }) => ({
      id,
      score,
      parts: partsOf(fromModel, split, weight),
      reason:
        // An item seen before is there as a way back to it, not as a neighbour of itself.
        returns && memory.viewedAt.has(id)
          ? { kind: "recently-viewed", viewedAt: memory.viewedAt.get(id) as number }
          : from
            ? {
                kind: from.relation === "coBuy" ? "bought-together" : "viewed-together",
                with: from.with,
                from: "model",
              }
            : {
                kind: "for-you",
                ...(category === undefined ? {} : { category }),
                ...(brand === undefined ? {} : { brand }),
              },
    }));
  const mine = ranked(out);
  if (mine.length >= MAX_CANDIDATES) return mine;
  const fill = popular(input, index, "popular", [], new Set(mine.map((c) => c.id)));
  return [...mine, ...fill.map((c) => ({ ...c, score: Math.min(c.score, 1) }))].slice(
    0,
    MAX_CANDIDATES,
  );
}

function crossSell(input: RecommendInput, index: CatalogIndex): Candidate[] {
  const { memory, catalog, model } = input;
  const cart = [...new Set(memory.cart.map((line) => line.id))]
    .map((id) => catalog.byId.get(id))
    .filter((item): item is CatalogItem => item !== undefined);
  if (!cart.length) return [];
  // Another colour of what is in the cart is not a cross-sell.
  const exclude = new Set<string>();
  for (const item of cart) {
    exclude.add(item.id);
    for (const id of item.groupId ? index.inGroup(item.groupId) : []) exclude.add(id);
  }
  const { scores, add } = tally(exclude, input);
  if (model) {
    for (const item of cart)
      for (const [id, w] of model.items.get(item.id)?.coBuy ?? []) add(id, w, item.id);
  }
  if (!scores.size) {
    // What this shopper bought alongside these items before counts most…
    for (const visit of memory.visits) {
      for (const item of cart) {
        const strength = visit.bought.includes(item.id) ? 2 : visit.items.includes(item.id) ? 1 : 0;
        for (const id of visit.bought) add(id, strength, item.id);
      }
    }
    // …then complements: the same department, another leaf (a scarf for a coat, not a second coat).
    const budget = Math.ceil(MAX_SCORED / cart.length);
    for (const item of cart) {
      const keys = index.categoryKeys(item);
      const leaf = keys[keys.length - 1];
      if (keys.length < 2 || leaf === undefined) continue;
      const pool = new Set<string>();
      for (const key of keys.slice(0, -1).reverse()) gather(pool, index.inCategory(key), budget);
      const price = effectivePrice(item);
      for (const id of pool) {
        const other = usable(input, id);
        if (!other || index.categoryKeys(other).includes(leaf)) continue;
        let depth = 0;
        while (
          item.categories[depth] !== undefined &&
          item.categories[depth] === other.categories[depth]
        )
          depth++;
        add(
          id,
          0.3 * depth +
            (item.brand && item.brand === other.brand ? 0.3 : 0) +
            // A complement usually costs a fraction of what it goes with; a substitute about as much.
            (price > 0 ? 0.4 * (1 - Math.min(1, effectivePrice(other) / price)) : 0),
          item.id,
        );
      }
    }
  }
  const out: Candidate[] = [];
  for (const [id, entry] of scores)
    out.push({ id, score: entry.score, reason: { kind: "cart-cross-sell", with: entry.with } });
  return ranked(out);
}

function buyAgain(input: RecommendInput, index: CatalogIndex): Candidate[] {
  const { memory, catalog, now } = input;
  const lastBought = new Map<string, number>();
  for (const p of memory.purchases) lastBought.set(p.id, Math.max(p.ts, lastBought.get(p.id) ?? 0));
  const best = new Map<string, Candidate>();
  const offer = (id: string, score: number, category: string, fallback: number) => {
    const known = best.get(id);
    if (!usable(input, id) || (known && known.score >= score)) return;
    best.set(id, {
      id,
      score,
      reason: { kind: "buy-again", category, lastBought: lastBought.get(id) ?? fallback },
    });
  };
  for (const entry of memory.repurchase) {
    const cycle = entry.cycleDays * DAY;
    if (!(cycle > 0) || entry.dueAt > now + cycle * DUE_EARLY) continue;
    // Most overdue first: 2 when due now, more the longer it is overdue (capped), ≥ 1.8 when early.
    const base = 2 + Math.min(3, (now - entry.dueAt) / cycle);
    entry.items.forEach((id, rank) => {
      const item = catalog.byId.get(id);
      const score = base - rank * 0.01;
      offer(id, score, entry.category, entry.lastAt);
      // The same product in another size or colour is also "that again".
      for (const variant of item?.groupId ? index.inGroup(item.groupId) : []) {
        offer(variant, score - 0.005, entry.category, entry.lastAt);
      }
    });
  }
  return ranked([...best.values()]);
}

function newArrivals(input: RecommendInput, index: CatalogIndex): Candidate[] {
  const { now } = input;
  const favourites = favouriteCategories(input.memory);
  const since = now - NEW_DAYS * DAY;
  const out: Candidate[] = [];
  let older = 0;
  let general = 0;
  let scanned = 0;
  const lift = favourites.length ? 2 : 0;
  const liking = ranks(favourites);
  for (const { id, at } of index.newest) {
    if (scanned++ >= MAX_SCAN) break;
    // Dates in the future are feed mistakes more often than launches.
    if (at > now + DAY) continue;
    const item = usable(input, id);
    if (!item) continue;
    if (at < since) {
      // Nothing new lately: the newest there are still make a non-empty list, ranked below.
      if (out.length >= 24 || older >= 24) break;
      older++;
      out.push({ id, score: rankScore(older) * 0.5, reason: { kind: "new-arrival" } });
      continue;
    }
    // Newest first: no later item is fresher, nor lifted more.
    const fresh = 1 + (at - since) / (now - since);
    if (settled(out, fresh + lift, scanned)) break;
    const category = favouriteOf(index.categoryKeys(item), liking)?.[1];
    // Favourite-category items are never capped here: more interest must not cut them.
    if (category === undefined && general++ >= MAX_CANDIDATES) continue;
    out.push({
      id,
      score: category === undefined ? fresh : fresh + lift,
      reason: { kind: "new-arrival", ...(category === undefined ? {} : { category }) },
    });
  }
  return ranked(out);
}

/** Recommend: proposes candidates for one strategy. Pure; the Relevance stage decides. */
export function recommend(strategy: Strategy, input: RecommendInput): Candidate[] {
  const index = indexCatalog(input.catalog);
  switch (strategy) {
    case "recently-viewed":
      return recentlyViewed(input);
    case "similar":
      return similar(input, index);
    case "viewed-together": {
      // Cold start (no model, no visit linking this item to others): what shoppers look at
      // beside an item is most often something like it, so the slot shows that, said as such.
      const out = together(strategy, input);
      return out.length ? out : similar(input, index);
    }
    case "bought-together":
      // Complements, not look-alikes: with nothing to go on, no guess.
      return together(strategy, input);
    case "trending":
      return popular(input, index, "trending", favouriteCategories(input.memory, 3));
    case "for-you":
      return forYou(input, index);
    case "up-next":
      return forYou(input, index, true);
    case "cart-cross-sell":
      return crossSell(input, index);
    case "buy-again":
      return buyAgain(input, index);
    case "new-arrivals":
      return newArrivals(input, index);
    default:
      return [];
  }
}
