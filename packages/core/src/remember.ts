import { type Aggregates, categoryPrefixes, EVENT_WEIGHTS } from "./aggregates.js";
import type { Catalog } from "./catalog.js";
import { CATEGORY_SEPARATOR, indexCatalog } from "./catalog-index.js";
import type { EventItem, VitrinEvent } from "./events.js";

/** Options of {@link remember}. */
export interface RememberOptions {
  /** The clock: affinities decay towards this moment. */
  now: number;
  /** Days after which an action counts half as much. Default {@link DEFAULT_HALF_LIFE_DAYS}. */
  halfLifeDays?: number;
  /** The current session's id; cart lines from earlier sessions are "abandoned". */
  session?: string;
  /** The shopper's offset from UTC now, in minutes (Istanbul: 180), for the hour-of-week histogram. */
  utcOffsetMinutes?: number;
  /** The stored events' older, pruned part (see aggregates.ts). */
  aggregates?: Aggregates;
  /**
   * Words that make a top-level category gift-like (for `intent.giftBrowsing`), matched in its
   * folded name. Default {@link GIFT_WORDS}.
   */
  giftWords?: readonly string[];
}

/** How much a shopper's interest halves over, by default. */
export const DEFAULT_HALF_LIFE_DAYS = 30;

/** A product in the cart, with when it was last added and in which session. */
export interface CartLine {
  id: string;
  qty: number;
  addedAt: number;
  session: string;
}

/** One purchase of one product. */
export interface Purchase {
  id: string;
  ts: number;
  qty: number;
}

/** A category the shopper buys from again and again, with its rhythm. */
export interface Repurchase {
  /** Category path prefix, e.g. "Kozmetik > Cilt Bakımı". */
  category: string;
  /** Median days between purchases in the category. */
  cycleDays: number;
  lastAt: number;
  /** When the next purchase is expected (ms since epoch). */
  dueAt: number;
  /** Ids bought in the category, most recent first. */
  items: string[];
}

/** A search term, folded (see {@link normaliseSearch}), with how often and when. */
export interface Search {
  term: string;
  count: number;
  last: number;
}

/** What the shopper did with one product. */
export interface Interaction {
  views: number;
  /** Clicks on the product in a list (`select_item`). */
  clicks: number;
  carts: number;
  purchases: number;
  /** Times it was shown in a list (`view_item_list`) since the last click on it. */
  unclickedImpressions: number;
  last: number;
}

/** One visit, as the items touched in it, in order: for co-occurrence in the shopper's own history. */
export interface Visit {
  id: string;
  start: number;
  last: number;
  /** Items viewed, clicked or carted, in order, each once. */
  items: string[];
  /** Items bought. */
  bought: string[];
}

/** Time-decayed interest, by key. Keys of `attributes` are "name=value"; of `priceBands`, "0"…"4". */
export interface Affinities {
  /** Category path prefixes ("Giyim", "Giyim > Kadın"): an action counts for every ancestor. */
  categories: ReadonlyMap<string, number>;
  brands: ReadonlyMap<string, number>;
  attributes: ReadonlyMap<string, number>;
  /** Price band within the item's top-level category: 0 cheapest fifth … 4 dearest fifth. */
  priceBands: ReadonlyMap<number, number>;
}

/** Signs of what the shopper is after right now, each 0…1. */
export interface Intent {
  /** Share of attention on discounted items (and sorting by price, when reported). */
  dealSeeking: number;
  /** Repeat views of alternatives in one category within a session. */
  comparing: number;
  /** Recent attention on categories far from the usual ones (baby, toys, gifts). */
  giftBrowsing: number;
}

/** Counts over the whole history (stored events plus aggregates). */
export interface Tally {
  events: number;
  views: number;
  clicks: number;
  cartAdds: number;
  cartRemovals: number;
  checkouts: number;
  purchases: number;
  searches: number;
  /** Views of items on sale (catalog sale price, or a list marked as a sale). */
  saleViews: number;
  /** Visible time on product pages, summed. */
  engagementMs: number;
  /** Distinct visits seen in the stored events. */
  sessions: number;
  firstAt?: number;
  lastAt?: number;
  lastPurchaseAt?: number;
  /** Distinct top-level categories and brands touched. */
  topCategories: number;
  brands: number;
}

/** What the shopper did, and why it matters: the output of the Remember stage. */
export interface Memory {
  /** Item ids the shopper looked at, most recent first, each once. */
  recentlyViewed: string[];
  /** When each recently viewed item was last looked at (ms since epoch). */
  viewedAt: ReadonlyMap<string, number>;
  affinities: Affinities;
  /** What is in the cart now (added, not removed, not bought since). */
  cart: CartLine[];
  /** Cart lines left in an earlier session, newest first. */
  abandonedCart: CartLine[];
  /** Purchases, oldest first. */
  purchases: Purchase[];
  bought: ReadonlySet<string>;
  /** Categories bought from at least twice, with their cycle. */
  repurchase: Repurchase[];
  /** Searches, most frequent first. */
  searches: Search[];
  /** Events per hour of the week in the shopper's time (0 = Monday 00:00), 168 entries. */
  activeHours: number[];
  /** The hour of the week the shopper is most likely next active, if there is history. */
  nextActiveHour?: number;
  intent: Intent;
  interactions: ReadonlyMap<string, Interaction>;
  /** Visits in the stored events, oldest first. */
  visits: Visit[];
  tally: Tally;
}

/** The memory of a shopper with no history: the cold start. */
export function emptyMemory(): Memory {
  return {
    recentlyViewed: [],
    viewedAt: new Map(),
    affinities: {
      categories: new Map(),
      brands: new Map(),
      attributes: new Map(),
      priceBands: new Map(),
    },
    cart: [],
    abandonedCart: [],
    purchases: [],
    bought: new Set(),
    repurchase: [],
    searches: [],
    activeHours: new Array<number>(168).fill(0),
    intent: { dealSeeking: 0, comparing: 0, giftBrowsing: 0 },
    interactions: new Map(),
    visits: [],
    tally: {
      events: 0,
      views: 0,
      clicks: 0,
      cartAdds: 0,
      cartRemovals: 0,
      checkouts: 0,
      purchases: 0,
      searches: 0,
      saleViews: 0,
      engagementMs: 0,
      sessions: 0,
      topCategories: 0,
      brands: 0,
    },
  };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
/**
 * Lists (their id and name, folded) about discounts, or sorted cheapest first, as shops and
 * URLs write it: `price_asc`, `sort=price-ascending`, `orderby=price`, "Price: low to high",
 * "Fiyat (artan)", "Fiyata göre artan", "En düşük fiyat", "Fiyat: Düşükten yükseğe".
 */
const DEAL_LIST =
  /sale|deal|discount|outlet|clearance|indirim|firsat|kampanya|ucuz|cheap|price[\W_]*(asc|low)|low(est)?[\W_]*(to[\W_]*high|price)|orderby[\W_]*price(?![\W_]*desc)|fiyat\p{L}*[\W_]*(göre[\W_]*)?(artan|azdan|d[uü][sş][uü]k)|(artan|d[uü][sş][uü]k)[\W_]*fiyat/u;
/** Words of categories people browse for someone else (baby, children, toys, gifts). */
export const GIFT_WORDS: readonly string[] = [
  "bebek",
  "baby",
  "çocuk",
  "cocuk",
  "kid",
  "oyuncak",
  "toy",
  "hediye",
  "gift",
];
/** Attention in the last two weeks is "now"; before that, "usual". */
const RECENT_DAYS = 14;

/**
 * Case folding for what shoppers type and feeds write, in Turkish and English alike: lower case,
 * with the dotless ı and the dot of İ dropped to plain i. An ASCII keyboard's "I" may mean ı
 * ("KIŞLIK") or i ("Istanbul"), so the two are one letter here: "Istanbul", "İSTANBUL",
 * "ıstanbul" and "istanbul" all fold to "istanbul". Cheap: no locale-aware lower case.
 */
export function looseFold(text: string): string {
  return text
    .toLowerCase()
    .replace(/\u0307/g, "")
    .replace(/ı/g, "i");
}

/** A search term as remembered: folded ({@link looseFold}), one space between words. */
export function normaliseSearch(term: string): string {
  return looseFold(term).trim().replace(/\s+/g, " ");
}

/** Hour of the week (0 = Monday 00:00) of a moment, in a time zone `offset` minutes from UTC. */
export function hourOfWeek(ts: number, offsetMinutes: number): number {
  const local = ts + offsetMinutes * 60_000;
  // 1 January 1970 was a Thursday: day 0 is weekday 3 counting from Monday.
  const weekday = (((Math.floor(local / DAY) + 3) % 7) + 7) % 7;
  const hour = ((Math.floor(local / HOUR) % 24) + 24) % 24;
  return weekday * 24 + hour;
}

const bump = <K>(map: Map<K, number>, key: K, by: number) => map.set(key, (map.get(key) ?? 0) + by);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** What Remember knows about an event's item: from the catalog when it has it, else from the event. */
interface Known {
  categories: readonly string[];
  brand?: string | undefined;
  attributes: readonly string[];
  band?: number;
  onSale: boolean;
}

/**
 * Remember: a pure function of the events, the catalog and the clock. Events may arrive in any
 * order (several tabs append to one log), so order comes from timestamps, not positions.
 * Interest decays by half every `halfLifeDays`; a purchase weighs more than a view (see
 * EVENT_WEIGHTS), a removal from the cart counts against.
 */
export function remember(
  events: readonly VitrinEvent[],
  catalog: Catalog | undefined,
  options: RememberOptions,
): Memory {
  const { now, aggregates } = options;
  const halfLife = (options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS) * DAY;
  const decay = (ts: number) => 2 ** (-Math.max(0, now - ts) / halfLife);
  const offset = options.utcOffsetMinutes ?? 0;
  const index = catalog && indexCatalog(catalog);
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (a.id < b.id ? -1 : 1));
  const { tally, activeHours } = emptyMemory();

  const viewedAt = new Map<string, number>();
  const categories = new Map<string, number>();
  const brands = new Map<string, number>();
  const attributes = new Map<string, number>();
  const priceBands = new Map<number, number>();
  const interactions = new Map<string, Interaction>();
  const cart = new Map<string, CartLine>();
  const purchases: Purchase[] = [];
  const searches = new Map<string, Search>();
  const visits = new Map<string, Visit>();
  const known = new Map<string, Known>();
  // Attention (decayed views) overall, on sale items and deal lists, and per top category now vs usual.
  let attention = 0;
  let dealAttention = 0;
  const recentTop = new Map<string, number>();
  const usualTop = new Map<string, number>();

  const interaction = (id: string, ts: number) => {
    let entry = interactions.get(id);
    if (!entry) {
      entry = { views: 0, clicks: 0, carts: 0, purchases: 0, unclickedImpressions: 0, last: ts };
      interactions.set(id, entry);
    }
    entry.last = Math.max(entry.last, ts);
    return entry;
  };
  const about = (item: EventItem): Known => {
    let k = known.get(item.item_id);
    if (!k) {
      const entry = catalog?.byId.get(item.item_id);
      k =
        entry && index
          ? {
              categories: index.categoryKeys(entry),
              brand: entry.brand,
              attributes: index.attributeKeys(entry),
              band: index.priceBand(entry),
              onSale: entry.salePrice !== undefined,
            }
          : {
              categories: categoryPrefixes(item),
              brand: item.item_brand,
              attributes: [],
              onSale: false,
            };
      known.set(item.item_id, k);
    }
    return k;
  };
  // An action counts for the item's category and every ancestor, its brand, attributes and band.
  const fold = (k: Known, weight: number) => {
    for (const key of k.categories) bump(categories, key, weight);
    if (k.brand) bump(brands, k.brand, weight);
    for (const key of k.attributes) bump(attributes, key, weight);
    if (k.band !== undefined) bump(priceBands, k.band, weight);
  };

  for (const event of sorted) {
    const { ts, name, items } = event;
    tally.events++;
    tally.firstAt ??= ts;
    tally.lastAt = ts;
    const slot = activeHours[hourOfWeek(ts, offset)];
    if (slot !== undefined) activeHours[hourOfWeek(ts, offset)] = slot + 1;
    const visit =
      visits.get(event.session) ??
      (visits
        .set(event.session, { id: event.session, start: ts, last: ts, items: [], bought: [] })
        .get(event.session) as Visit);
    visit.last = ts;
    const strength = EVENT_WEIGHTS[name];
    const d = decay(ts);
    if (strength !== undefined) {
      for (const item of items) fold(about(item), strength * d);
    }
    const first = items[0];
    switch (name) {
      case "view_item":
      case "select_item": {
        if (!first) break;
        const k = about(first);
        if ((viewedAt.get(first.item_id) ?? -Infinity) < ts) viewedAt.set(first.item_id, ts);
        const entry = interaction(first.item_id, ts);
        if (name === "view_item") {
          tally.views++;
          entry.views++;
          attention += d;
          if (k.onSale) {
            tally.saleViews++;
            dealAttention += d;
          }
          const top = k.categories[0];
          if (top !== undefined) bump(now - ts < RECENT_DAYS * DAY ? recentTop : usualTop, top, 1);
        } else {
          tally.clicks++;
          entry.clicks++;
          entry.unclickedImpressions = 0;
        }
        if (!visit.items.includes(first.item_id)) visit.items.push(first.item_id);
        break;
      }
      case "view_item_list": {
        // GA4 puts the list's id on the event, or only on its items.
        const { item_list_id = first?.item_list_id, item_list_name } = event.params;
        if (DEAL_LIST.test(looseFold(`${item_list_id ?? ""} ${item_list_name ?? ""}`))) {
          attention += d;
          dealAttention += d;
        }
        for (const item of items) interaction(item.item_id, ts).unclickedImpressions++;
        break;
      }
      case "add_to_cart":
        tally.cartAdds++;
        for (const item of items) {
          const qty = item.quantity ?? 1;
          const line = cart.get(item.item_id);
          cart.set(item.item_id, {
            id: item.item_id,
            qty: (line?.qty ?? 0) + qty,
            addedAt: ts,
            session: event.session,
          });
          interaction(item.item_id, ts).carts += qty;
          if (!visit.items.includes(item.item_id)) visit.items.push(item.item_id);
        }
        break;
      case "remove_from_cart":
        tally.cartRemovals++;
        for (const item of items) {
          const line = cart.get(item.item_id);
          if (!line) continue;
          const qty = line.qty - (item.quantity ?? line.qty);
          if (qty > 0) cart.set(item.item_id, { ...line, qty });
          else cart.delete(item.item_id);
        }
        break;
      case "begin_checkout":
        tally.checkouts++;
        break;
      case "purchase":
        tally.purchases++;
        tally.lastPurchaseAt = ts;
        // A purchase empties the cart: shops check out the whole basket.
        cart.clear();
        for (const item of items) {
          const qty = item.quantity ?? 1;
          purchases.push({ id: item.item_id, ts, qty });
          interaction(item.item_id, ts).purchases += qty;
          if (!visit.bought.includes(item.item_id)) visit.bought.push(item.item_id);
        }
        break;
      case "search": {
        const term = event.params.search_term && normaliseSearch(event.params.search_term);
        if (!term) break;
        tally.searches++;
        const seen = searches.get(term);
        searches.set(term, { term, count: (seen?.count ?? 0) + 1, last: ts });
        break;
      }
      case "user_engagement":
        tally.engagementMs += event.params.engagement_time_msec ?? 0;
        break;
      default:
        break;
    }
  }

  if (aggregates && aggregates.events > 0) foldAggregates(aggregates);

  /** The pruned past: undecayed sums, decayed here as of its newest event. */
  function foldAggregates(agg: Aggregates) {
    const d = decay(agg.to);
    for (const [key, v] of Object.entries(agg.categories)) bump(categories, key, v * d);
    for (const [key, v] of Object.entries(agg.brands)) bump(brands, key, v * d);
    for (const [id, v] of Object.entries(agg.items)) {
      const entry = interaction(id, v.last);
      entry.views += v.views;
      entry.carts += v.carts;
      entry.purchases += v.purchases;
      if (v.views > 0 && !viewedAt.has(id)) viewedAt.set(id, v.last);
      tally.views += v.views;
    }
    // Compaction folds only events it then deletes, but a retried run may leave both copies.
    const stored = new Set(purchases.map((p) => `${p.ts} ${p.id}`));
    purchases.unshift(...agg.purchases.filter((p) => !stored.has(`${p.ts} ${p.id}`)));
    for (const [raw, count] of Object.entries(agg.searches)) {
      // The aggregates lower-case plainly ("İ" → "i̇"): folded again, they join the same term.
      const term = normaliseSearch(raw);
      if (!term) continue;
      const seen = searches.get(term);
      searches.set(term, { term, count: (seen?.count ?? 0) + count, last: seen?.last ?? agg.to });
      tally.searches += count;
    }
    tally.events += agg.events;
    // One purchase event may hold several items: count orders, by their time.
    tally.purchases += new Set(agg.purchases.map((p) => p.ts)).size;
    tally.firstAt = Math.min(tally.firstAt ?? agg.from, agg.from);
    tally.lastAt = Math.max(tally.lastAt ?? agg.to, agg.to);
    const lastBought = agg.purchases.at(-1)?.ts;
    if (lastBought !== undefined)
      tally.lastPurchaseAt = Math.max(tally.lastPurchaseAt ?? 0, lastBought);
  }

  const session = options.session ?? sorted.at(-1)?.session;
  const lines = [...cart.values()].sort((a, b) => b.addedAt - a.addedAt);
  const recentlyViewed = [...viewedAt.keys()].sort(
    (a, b) => (viewedAt.get(b) ?? 0) - (viewedAt.get(a) ?? 0) || (a < b ? -1 : 1),
  );

  purchases.sort((a, b) => a.ts - b.ts);
  const visitList = [...visits.values()].sort((a, b) => a.start - b.start);
  tally.sessions = visits.size;
  tally.topCategories = [...categories].filter(
    ([key, v]) => v > 0 && !key.includes(CATEGORY_SEPARATOR),
  ).length;
  tally.brands = [...brands.values()].filter((v) => v > 0).length;

  const saleShare = index?.saleShare ?? 0;
  const dealShare = attention > 0 ? dealAttention / attention : 0;
  // Viewing sale items means little in a shop where most items are on sale.
  const dealSeeking = saleShare < 1 ? Math.max(0, (dealShare - saleShare) / (1 - saleShare)) : 0;
  // Keys in the order of emptyMemory(), nextActiveHour last.
  return {
    recentlyViewed,
    viewedAt,
    affinities: { categories, brands, attributes, priceBands },
    cart: lines,
    abandonedCart: lines.filter((line) => line.session !== session),
    purchases,
    bought: new Set(purchases.map((p) => p.id)),
    repurchase: repurchaseCycles(purchases, (id) => {
      const item = catalog?.byId.get(id);
      return item && index ? index.categoryKeys(item).at(-1) : known.get(id)?.categories.at(-1);
    }),
    searches: [...searches.values()].sort((a, b) => b.count - a.count || b.last - a.last),
    activeHours,
    intent: {
      dealSeeking: Math.min(1, dealSeeking),
      comparing: comparing(
        visitList.at(-1),
        (id) => known.get(id)?.categories.at(-1),
        viewedAt,
        sorted,
      ),
      giftBrowsing: giftBrowsing(recentTop, usualTop, options.giftWords ?? GIFT_WORDS),
    },
    interactions,
    visits: visitList,
    tally,
    nextActiveHour: nextActiveHour(activeHours, hourOfWeek(now, offset)),
  };
}

/** Per leaf category bought from on two or more days: the median gap, and when the next is due. */
function repurchaseCycles(
  purchases: readonly Purchase[],
  categoryOf: (id: string) => string | undefined,
): Repurchase[] {
  const byCategory = new Map<string, Purchase[]>();
  for (const p of purchases) {
    const category = categoryOf(p.id);
    if (category === undefined) continue;
    const list = byCategory.get(category) ?? byCategory.set(category, []).get(category);
    list?.push(p);
  }
  const out: Repurchase[] = [];
  for (const [category, list] of byCategory) {
    // Two items in one order are one purchase occasion; only gaps of a day or more count.
    const days: number[] = [];
    for (const p of list) if (days.every((t) => Math.abs(p.ts - t) >= DAY)) days.push(p.ts);
    if (days.length < 2) continue;
    const gaps = days.slice(1).map((t, i) => (t - (days[i] as number)) / DAY);
    const cycleDays = median(gaps);
    const lastAt = days[days.length - 1] as number;
    const items = [...new Set(list.map((p) => p.id).reverse())];
    out.push({ category, cycleDays, lastAt, dueAt: lastAt + cycleDays * DAY, items });
  }
  return out.sort((a, b) => a.dueAt - b.dueAt || (a.category < b.category ? -1 : 1));
}

/** The upcoming hour of the week (after `from`) with the most past activity; the nearest wins ties. */
function nextActiveHour(hours: readonly number[], from: number): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  for (let step = 1; step <= 168; step++) {
    const hour = (from + step) % 168;
    const count = hours[hour] ?? 0;
    if (count > bestCount) {
      best = hour;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Comparing: in the latest visit, several alternatives from one leaf category looked at, or one
 * item looked at again. 0 with one view per category, 1 at four alternatives.
 */
function comparing(
  visit: Visit | undefined,
  leafOf: (id: string) => string | undefined,
  viewedAt: ReadonlyMap<string, number>,
  events: readonly VitrinEvent[],
): number {
  if (!visit) return 0;
  const perLeaf = new Map<string, number>();
  for (const id of visit.items) {
    const leaf = leafOf(id);
    if (leaf !== undefined && viewedAt.has(id)) bump(perLeaf, leaf, 1);
  }
  let repeats = 0;
  const seen = new Set<string>();
  for (const event of events) {
    if (event.session !== visit.id || event.name !== "view_item") continue;
    const id = event.items[0]?.item_id;
    if (id === undefined) continue;
    if (seen.has(id)) repeats++;
    seen.add(id);
  }
  const alternatives = Math.max(0, ...perLeaf.values()) - 1;
  return Math.min(1, Math.max(alternatives / 3, repeats / 3));
}

/**
 * Gift browsing: the share of the last two weeks' views in gift-like categories (by default
 * baby, toys, gifts: {@link GIFT_WORDS}) that the shopper does not usually look at. A parent who always shops baby clothes is
 * not gift browsing; someone who never did and now does, probably is.
 */
function giftBrowsing(
  recent: ReadonlyMap<string, number>,
  usual: ReadonlyMap<string, number>,
  words: readonly string[],
): number {
  let total = 0;
  let gifts = 0;
  let usualTotal = 0;
  const folded = words.map(looseFold);
  for (const v of usual.values()) usualTotal += v;
  for (const [top, views] of recent) {
    total += views;
    const name = looseFold(top);
    if (!folded.some((word) => word && name.includes(word))) continue;
    const usualShare = usualTotal ? (usual.get(top) ?? 0) / usualTotal : 0;
    gifts += views * (1 - usualShare);
  }
  return total ? Math.min(1, gifts / total) : 0;
}
