import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyAggregates, foldAggregates } from "./aggregates.js";
import { AVAILABILITIES, type Catalog, type CatalogItem, parseCatalog } from "./catalog.js";
import { indexCatalog } from "./catalog-index.js";
import { EVENT_NAMES, type EventItem, type VitrinEvent } from "./events.js";
import type { Model } from "./model.js";
import { buildProfile } from "./profile.js";
import { type Environment, recognize, type ShopperContext } from "./recognize.js";
import {
  type Candidate,
  type RecommendInput,
  recommend,
  STRATEGIES,
  type Strategy,
} from "./recommend.js";
import { type RelevanceRules, relevance, seasonFit } from "./relevance.js";
import { emptyMemory, type Memory, remember } from "./remember.js";
import { CATALOG } from "./test-fixtures.js";

const DAY = 86_400_000;
const NOW = Date.parse("2024-12-15T12:00:00Z");
const RUNS = 100;

// Small pools, so that categories, brands, titles and groups collide as they do in real feeds.
const NAMES = [
  "Giyim",
  "Kadın",
  "Kışlık Mont",
  "Kitap",
  "",
  "İç Giyim",
  "ı",
  "😀🇹🇷",
  "a > b",
  "__proto__",
];
const BRANDS = ["Ege", "İpek", "ıı", "😀", "constructor"];
const TITLES = ["Mont", "Mont", "Kitap Roman", "", "İİİ ııı", "x".repeat(300), "😀 ürün"];
const SEASONS = ["winter", "summer", "spring", "autumn", "all", "Kış", "WINTER", "bogus", ""];

const itemArb = (id: string): fc.Arbitrary<CatalogItem> =>
  fc
    .record({
      title: fc.oneof(fc.constantFrom(...TITLES), fc.string({ maxLength: 20 })),
      price: fc.oneof(
        fc.constant(0),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.constant(Number.MAX_SAFE_INTEGER),
        fc.constant(1e-300),
      ),
      sale: fc.option(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })),
      availability: fc.constantFrom(...AVAILABILITIES),
      brand: fc.option(fc.constantFrom(...BRANDS)),
      categories: fc.array(fc.constantFrom(...NAMES), { maxLength: 4 }),
      season: fc.option(
        fc.oneof(
          fc.constantFrom(...SEASONS),
          fc.array(fc.constantFrom(...SEASONS), { maxLength: 3 }),
        ),
      ),
      daypart: fc.option(fc.constantFrom("evening", "MORNING", "night", "öğlen")),
      color: fc.option(fc.constantFrom("mavi", "MAVİ", "siyah")),
      tags: fc.subarray(["repeatable", "daypart:evening", "yeni", "daypart:"]),
      createdAt: fc.option(
        fc.oneof(
          fc.integer({ min: -400, max: 30 }).map((d) => new Date(NOW + d * DAY).toISOString()),
          fc.constant("not a date"),
        ),
      ),
      popularity: fc.option(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e9, noNaN: true }))),
      groupId: fc.option(fc.constantFrom("g1", "g2", "g3")),
    })
    .map((r) => {
      const attributes: Record<string, string | string[]> = {};
      if (r.season !== null) attributes.season = r.season;
      if (r.daypart !== null) attributes.daypart = r.daypart;
      if (r.color !== null) attributes.color = r.color;
      const item: CatalogItem = {
        id,
        title: r.title,
        url: `/${id}`,
        price: r.price,
        currency: "TRY",
        availability: r.availability,
        categories: r.categories,
        attributes,
        tags: r.tags,
      };
      if (r.sale !== null && r.price > 0) item.salePrice = r.price * r.sale;
      if (r.brand !== null) item.brand = r.brand;
      if (r.createdAt !== null) item.createdAt = r.createdAt;
      if (r.popularity !== null) item.popularity = r.popularity;
      if (r.groupId !== null) item.groupId = r.groupId;
      return item;
    });

const idArb = fc.oneof(
  fc.string({ minLength: 1, maxLength: 3 }),
  fc.constantFrom("İ", "ı", "😀", "constructor", "__proto__", " ", "toString"),
);

const catalogArb: fc.Arbitrary<Catalog> = fc
  // Mostly small catalogs (where odd values meet often), some up to 300 items.
  .oneof(
    fc.uniqueArray(idArb, { maxLength: 30 }),
    fc.uniqueArray(idArb, { minLength: 30, maxLength: 300, size: "max" }),
  )
  .chain((ids) => fc.tuple(...ids.map(itemArb)))
  .map((items) => ({ currency: "TRY", items, byId: new Map(items.map((i) => [i.id, i])) }));

/**
 * Catalogs of 250 to 450 items, mostly new, in a few categories with one shared root: lists
 * fill up, favourites hold more items than a list, and reading stops before the end.
 */
const PATHS = [["Giyim", "Erkek"], ["Giyim", "Kadın"], ["Ev"], ["Ev", "Mutfak"], ["Oyuncak"]];
const denseCatalogArb: fc.Arbitrary<Catalog> = fc
  .array(
    fc.record({
      // Mostly "Ev": then a favourite's items sit behind a full list of others.
      path: fc.constantFrom(0, 1, 2, 2, 2, 2, 2, 3, 4),
      popularity: fc.nat(1000),
      age: fc.integer({ min: 0, max: 90 }),
    }),
    { minLength: 250, maxLength: 450 },
  )
  .map((rows) => {
    const items: CatalogItem[] = rows.map((r, i) => ({
      id: `D${i}`,
      title: `Ürün ${i}`,
      url: `/D${i}`,
      price: 100 + (i % 7) * 50,
      currency: "TRY",
      availability: "in_stock",
      categories: PATHS[r.path] as string[],
      attributes: {},
      tags: [],
      popularity: r.popularity,
      createdAt: new Date(NOW - r.age * DAY).toISOString(),
    }));
    return { currency: "TRY", items, byId: new Map(items.map((i) => [i.id, i])) };
  });

/** A memory about a catalog: ids from it (and one that left it), keys as the index makes them. */
function memoryArb(catalog: Catalog): fc.Arbitrary<Memory> {
  const index = indexCatalog(catalog);
  const ids = [...catalog.byId.keys(), "GONE"];
  const categoryKeys = [
    ...new Set(catalog.items.flatMap((i) => [...index.categoryKeys(i)])),
    "Nowhere",
  ];
  const attributeKeys = [
    ...new Set(catalog.items.flatMap((i) => [...index.attributeKeys(i)])),
    "x=y",
  ];
  const id = fc.constantFrom(...ids);
  const weight = fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), fc.constant(-1));
  const entries = <K>(keys: fc.Arbitrary<K>) =>
    fc.array(fc.tuple(keys, weight), { maxLength: 8 }).map((e) => new Map(e));
  const ts = fc.integer({ min: NOW - 400 * DAY, max: NOW });
  return fc
    .record({
      recentlyViewed: fc.uniqueArray(id, { maxLength: 20 }),
      categories: entries(fc.constantFrom(...categoryKeys)),
      brands: entries(fc.constantFrom(...BRANDS, "Nobody")),
      attributes: entries(fc.constantFrom(...attributeKeys)),
      priceBands: entries(fc.integer({ min: 0, max: 4 })),
      cart: fc.array(
        fc.record({
          id,
          qty: fc.integer({ min: 1, max: 3 }),
          addedAt: ts,
          session: fc.constant("s"),
        }),
        {
          maxLength: 4,
        },
      ),
      purchases: fc.array(fc.record({ id, ts, qty: fc.constant(1) }), { maxLength: 6 }),
      repurchase: fc.array(
        fc.record({
          category: fc.constantFrom(...categoryKeys),
          cycleDays: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 90 })),
          lastAt: ts,
          dueAt: fc.integer({ min: NOW - 100 * DAY, max: NOW + 100 * DAY }),
          items: fc.array(id, { maxLength: 3 }),
        }),
        { maxLength: 3 },
      ),
      impressions: fc.array(fc.tuple(id, fc.integer({ min: 0, max: 10 })), { maxLength: 10 }),
      visits: fc.array(
        fc.record({
          id: fc.string(),
          start: ts,
          last: ts,
          items: fc.array(id, { maxLength: 8 }),
          bought: fc.array(id, { maxLength: 3 }),
        }),
        { maxLength: 5 },
      ),
    })
    .map((r) => {
      const base = emptyMemory();
      return {
        ...base,
        recentlyViewed: r.recentlyViewed,
        viewedAt: new Map(r.recentlyViewed.map((v, i) => [v, NOW - i * 1000])),
        affinities: {
          categories: r.categories,
          brands: r.brands,
          attributes: r.attributes,
          priceBands: r.priceBands,
        },
        cart: r.cart,
        purchases: r.purchases,
        bought: new Set(r.purchases.map((p) => p.id)),
        repurchase: r.repurchase,
        interactions: new Map(
          r.impressions.map(([i, n]) => [
            i,
            { views: 1, clicks: 0, carts: 0, purchases: 0, unclickedImpressions: n, last: NOW },
          ]),
        ),
        visits: r.visits,
      };
    });
}

function modelArb(catalog: Catalog): fc.Arbitrary<Model | undefined> {
  const id = fc.constantFrom(...catalog.byId.keys(), "GONE");
  const weight = fc.oneof(fc.double({ min: -1, max: 1, noNaN: false }), fc.constant(0.5));
  const neighbours = fc.array(fc.tuple(id, weight), { maxLength: 5 });
  return fc.option(
    fc
      .array(
        fc.tuple(
          id,
          fc.record(
            { coView: neighbours, coBuy: neighbours, popularity: weight, trend: weight },
            { requiredKeys: [] },
          ),
        ),
        { maxLength: 20 },
      )
      .map((entries) => ({ items: new Map(entries) })),
    { nil: undefined },
  );
}

const contextArb: fc.Arbitrary<ShopperContext | undefined> = fc.option(
  fc
    .record({
      season: fc.constantFrom("winter", "spring", "summer", "autumn"),
      climate: fc.constantFrom("tropical", "arid", "temperate", "continental", "polar"),
      hemisphere: fc.constantFrom("north", "south"),
      daypart: fc.constantFrom("morning", "afternoon", "evening", "night"),
    })
    .map((c) => ({
      ...c,
      device: "mobile" as const,
      input: "touch" as const,
      hover: false,
      saveData: false,
      reducedMotion: false,
      locale: "tr-TR",
      currency: "TRY",
      timeZone: "Europe/Istanbul",
      utcOffsetMinutes: 180,
      weekday: 1,
      hour: 20,
      hourOfWeek: 44,
      traffic: "direct" as const,
    })),
  { nil: undefined },
);

const rulesArb: fc.Arbitrary<RelevanceRules> = fc
  .record({
    limit: fc.integer({ min: 0, max: 20 }),
    exclude: fc.constant(new Set<string>()),
    inStockOnly: fc.boolean(),
    onePerGroup: fc.boolean(),
    season: fc.option(fc.boolean(), { nil: undefined }),
    maxPerBrand: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    repeatable: fc.option(fc.constant(["Kitap"]), { nil: undefined }),
    merchant: fc.option(
      fc.constant([
        { match: { category: "Giyim" }, action: "boost" as const, factor: 2 },
        { match: { tag: "yeni" }, action: "pin" as const, position: 1 },
        { match: { attribute: { name: "color", value: "MAVİ" } }, action: "bury" as const },
        { match: { id: "a" }, action: "exclude" as const },
      ]),
      { nil: undefined },
    ),
  })
  .map(({ season, maxPerBrand, repeatable, merchant, ...rest }) => ({
    ...rest,
    ...(season === undefined ? {} : { season }),
    ...(maxPerBrand === undefined ? {} : { maxPerBrand }),
    ...(repeatable === undefined ? {} : { repeatable }),
    ...(merchant === undefined ? {} : { merchant }),
  }));

const worldArb = catalogArb.chain((catalog) =>
  fc.record({
    catalog: fc.constant(catalog),
    memory: memoryArb(catalog),
    model: modelArb(catalog),
    context: contextArb,
    rules: rulesArb,
    anchor: fc.option(fc.constantFrom(...catalog.byId.keys(), "GONE"), { nil: undefined }),
  }),
);

/** The same catalog as a new object: a fresh index, so nothing memoised can hide a difference. */
const copy = (catalog: Catalog): Catalog => ({
  ...catalog,
  items: [...catalog.items],
  byId: new Map(catalog.byId),
});

// A few seconds of random worlds each: on a busy 2-core CI machine that can pass the default
// 5 s, which would fail a correct build for its speed (speed is the benchmarks' business).
describe("stages, for every strategy, on random catalogs and memories", { timeout: 30_000 }, () => {
  it("are deterministic, propose known ids once, and the filters always hold", () => {
    fc.assert(
      fc.property(worldArb, ({ catalog, memory, model, context, rules, anchor }) => {
        for (const strategy of STRATEGIES) {
          const input: RecommendInput = {
            memory,
            catalog,
            now: NOW,
            ...(model ? { model } : {}),
            ...(context ? { context } : {}),
            ...(anchor === undefined ? {} : { anchor }),
          };
          const candidates = recommend(strategy, input);
          expect(recommend(strategy, { ...input, catalog: copy(catalog) })).toEqual(candidates);
          const ids = candidates.map((c) => c.id);
          expect(new Set(ids).size, strategy).toBe(ids.length);
          expect(
            ids.every((id) => catalog.byId.has(id)),
            strategy,
          ).toBe(true);
          expect(
            candidates.every((c) => Number.isFinite(c.score)),
            strategy,
          ).toBe(true);
          if (catalog.items.length && (strategy === "trending" || strategy === "for-you")) {
            expect(candidates.length, strategy).toBeGreaterThan(0);
          }

          const stage = { catalog, memory, strategy, ...(context ? { context } : {}) };
          const result = relevance(candidates, stage, rules);
          const again = relevance(candidates, { ...stage, catalog: copy(catalog) }, rules);
          expect(again.picks).toEqual(result.picks);
          const picked = result.picks.map((p) => p.item.id);
          expect(new Set(picked).size, strategy).toBe(picked.length);
          expect(picked.length).toBeLessThanOrEqual(rules.limit);
          for (const pick of result.picks) {
            expect(catalog.byId.get(pick.item.id)).toBe(pick.item);
            expect(pick.reasons[0]).toBe(pick.reason);
            if (rules.inStockOnly) expect(pick.item.availability).toBe("in_stock");
            if (rules.season !== false && context)
              expect(seasonFit(pick.item, context)).toBeGreaterThan(0);
            if (rules.onePerGroup && pick.item.groupId) {
              expect(result.picks.filter((p) => p.item.groupId === pick.item.groupId)).toHaveLength(
                1,
              );
            }
          }
          result.picks.forEach((pick, position) => {
            expect(result.explain(pick.item.id)).toMatchObject({ position, score: pick.score });
          });
          for (const id of ids) expect(result.explain(id)).toBeDefined();
        }
      }),
      { numRuns: RUNS },
    );
  });

  /**
   * Monotonicity. Raise the affinity of one category key C (and nothing else); then for every
   * item x under C that a strategy proposed before:
   * (a) x is still proposed — or the list is full (300, MAX_CANDIDATES) of items under C and
   *     items that scored at or above x before: only those may push it out;
   * (b) x's score is no lower;
   * (c) no item y outside C that scored below x before scores at or above x now.
   * So more interest in C can lift its items past others, never drop them out or below items
   * of other categories. Random catalogs, and dense ones of up to 450 items that are mostly
   * new and in a few categories, so that lists fill and reading stops early.
   */
  const MONOTONE: readonly Strategy[] = [
    "trending",
    "new-arrivals",
    "similar",
    "for-you",
    "up-next",
  ];
  it(`more affinity for a category never lowers its items: ${MONOTONE.join(", ")}`, () => {
    const arb = fc
      .oneof(catalogArb, denseCatalogArb)
      .filter((catalog) => catalog.items.some((item) => item.categories.length > 0))
      .chain((catalog) => {
        const index = indexCatalog(catalog);
        const keys = [...new Set(catalog.items.flatMap((item) => [...index.categoryKeys(item)]))];
        return fc.record({
          catalog: fc.constant(catalog),
          memory: memoryArb(catalog),
          model: modelArb(catalog),
          anchor: fc.option(fc.constantFrom(...catalog.byId.keys()), { nil: undefined }),
          key: fc.constantFrom(...keys),
          more: fc.double({ min: 1e-3, max: 100, noNaN: true }),
        });
      });
    fc.assert(
      fc.property(arb, ({ catalog, memory, model, anchor, key, more }) => {
        const index = indexCatalog(catalog);
        const raised = new Map(memory.affinities.categories);
        raised.set(key, Math.max(0, raised.get(key) ?? 0) + more);
        const higher = { ...memory, affinities: { ...memory.affinities, categories: raised } };
        const inC = (id: string) =>
          index.categoryKeys(catalog.byId.get(id) as CatalogItem).includes(key);
        for (const strategy of MONOTONE) {
          // With and without the model: for-you adds its neighbours to the affinity score.
          for (const m of model ? [undefined, model] : [undefined]) {
            const scores = (mem: Memory) =>
              new Map(
                recommend(strategy, {
                  memory: mem,
                  catalog,
                  now: NOW,
                  ...(m ? { model: m } : {}),
                  ...(anchor === undefined ? {} : { anchor }),
                }).map((c: Candidate) => [c.id, c.score]),
              );
            const before = scores(memory);
            const after = scores(higher);
            // Outside C: scores before, and the highest score now of those below each level.
            const others = [...before]
              .filter(([y]) => !inC(y) && after.has(y))
              .sort((p, q) => p[1] - q[1]);
            for (const [x, was] of before) {
              if (!inC(x)) continue;
              const now = after.get(x);
              if (now === undefined) {
                let pushers = 0;
                for (const y of after.keys())
                  if (inC(y) || (before.get(y) ?? -Infinity) >= was) pushers++;
                expect(pushers, `${strategy}: ${x} stays`).toBeGreaterThanOrEqual(300);
                continue;
              }
              if (now < was)
                expect(now, `${strategy}: ${x} scores no lower`).toBeGreaterThanOrEqual(was);
              for (const [y, yWas] of others) {
                if (yWas >= was) break;
                const yNow = after.get(y) as number;
                if (yNow >= now)
                  expect(yNow, `${strategy}: ${y} stays below ${x}`).toBeLessThan(now);
              }
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("on an empty catalog, every strategy proposes nothing and every slot is empty", () => {
    const empty: Catalog = { currency: "TRY", items: [], byId: new Map() };
    const arb = fc.record({
      memory: memoryArb(empty),
      model: modelArb(empty),
      context: contextArb,
      rules: rulesArb,
      anchor: fc.option(fc.constantFrom("GONE", "a"), { nil: undefined }),
    });
    fc.assert(
      fc.property(arb, ({ memory, model, context, rules, anchor }) => {
        for (const strategy of STRATEGIES) {
          const candidates = recommend(strategy, {
            memory,
            catalog: empty,
            now: NOW,
            ...(model ? { model } : {}),
            ...(context ? { context } : {}),
            ...(anchor === undefined ? {} : { anchor }),
          });
          expect(candidates, strategy).toEqual([]);
          // Pins and all: nothing to show is an empty slot, not an error.
          const merchant = [
            ...(rules.merchant ?? []),
            { match: { id: "a" }, action: "pin" as const },
          ];
          const stage = { catalog: empty, memory, strategy, ...(context ? { context } : {}) };
          const { picks, explain } = relevance(
            memory.recentlyViewed.map((id) => ({
              id,
              score: 1,
              reason: { kind: "trending" as const },
            })),
            stage,
            { ...rules, merchant },
          );
          expect(picks, strategy).toEqual([]);
          for (const id of memory.recentlyViewed)
            expect(explain(id)?.dropped).toBe("not in the catalog");
        }
      }),
      { numRuns: RUNS },
    );
  });
});

/** The test catalog, so that events name items it has (and some it does not). */
const shop = parseCatalog(CATALOG, "test").catalog as Catalog;
const DAYS = [0, 1, 2, 20, 45, 200];

const eventItemArb: fc.Arbitrary<EventItem> = fc.record(
  {
    item_id: fc.constantFrom(...shop.byId.keys(), "GONE", "İ", "ı"),
    item_category: fc.constantFrom("Giyim", "Oyuncak", "Bebek", "İNDİRİM", ""),
    item_category2: fc.constantFrom("Kadın", "Çocuk"),
    item_brand: fc.constantFrom("Ege", "İpek"),
    item_list_id: fc.constantFrom("sort=price-asc", "home", "fiyat_artan"),
    price: fc.double({ min: 0, max: 1e5, noNaN: true }),
    quantity: fc.integer({ min: 1, max: 3 }),
  },
  { requiredKeys: ["item_id"] },
);

/** An event log as several tabs write it: times that tie, sessions that interleave, unique ids. */
const eventsArb: fc.Arbitrary<VitrinEvent[]> = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 40 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc
          .record({
            name: fc.constantFrom(...EVENT_NAMES),
            day: fc.constantFrom(...DAYS),
            // Few distinct moments: equal timestamps are the case to get right.
            minute: fc.integer({ min: 0, max: 3 }),
            items: fc.array(eventItemArb, { maxLength: 3 }),
            session: fc.constantFrom("s1", "s2", "s3"),
            params: fc.record(
              {
                search_term: fc.constantFrom(
                  "Istanbul",
                  "İSTANBUL",
                  "ıstanbul",
                  " kışlık  MONT",
                  "",
                ),
                item_list_name: fc.constantFrom("Fiyat (artan)", "En yeniler", "Outlet"),
                engagement_time_msec: fc.integer({ min: 0, max: 60_000 }),
                value: fc.integer({ min: 0, max: 1000 }),
              },
              { requiredKeys: [] },
            ),
            traffic: fc.constantFrom("direct", "internal", "search", "paid", "email"),
          })
          .map(
            (r): VitrinEvent => ({
              id,
              name: r.name,
              ts: NOW - r.day * DAY - r.minute * 60_000,
              items: r.items,
              params: r.params,
              source: "datalayer",
              path: "/",
              session: r.session,
              ctx: { traffic: r.traffic, device: "mobile" },
            }),
          ),
      ),
    ),
  );

const environmentArb: fc.Arbitrary<Environment> = fc.record({
  userAgent: fc.constantFrom(
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile",
    "Mozilla/5.0 (X11; Linux x86_64) Chrome/140",
    "",
  ),
  maxTouchPoints: fc.integer({ min: 0, max: 10 }),
  screenWidth: fc.constantFrom(0, 375, 820, 1920),
  coarsePointer: fc.boolean(),
  hover: fc.boolean(),
  saveData: fc.boolean(),
  reducedMotion: fc.boolean(),
  languages: fc.array(fc.constantFrom("tr-TR", "en", "de-DE", "not a tag", ""), { maxLength: 3 }),
  timeZone: fc.constantFrom(
    "Europe/Istanbul",
    "Australia/Sydney",
    "America/Sao_Paulo",
    "Asia/Dubai",
    "Nowhere/Special",
    "",
  ),
  referrer: fc.constantFrom("", "https://www.google.com/", "https://magaza.example/x"),
  host: fc.constant("magaza.example"),
  search: fc.constantFrom("", "?utm_medium=email", "?gclid=1"),
});

/** The same events in another storage order. */
const shuffledArb = eventsArb.chain((events) =>
  fc.record({
    events: fc.constant(events),
    shuffled: fc.shuffledSubarray(events, { minLength: events.length }),
  }),
);

describe("remember and recognize, on random event logs", { timeout: 30_000 }, () => {
  it("the same events, in any storage order, make the same profile", () => {
    fc.assert(
      fc.property(
        shuffledArb,
        environmentArb,
        eventsArb,
        fc.option(fc.record({ id: fc.constant("s2"), count: fc.integer({ min: 1, max: 9 }) }), {
          nil: undefined,
        }),
        fc.boolean(),
        ({ events, shuffled }, environment, older, session, withCatalog) => {
          // The pruned past, folded once: the same for both.
          const aggregates = foldAggregates(
            emptyAggregates(),
            older.map((e) => ({ ...e, ts: e.ts - 400 * DAY })),
          );
          const input = {
            ...(withCatalog ? { catalog: shop } : {}),
            aggregates,
            environment,
            now: NOW,
            visitor: { id: "v", firstSeen: NOW - 30 * DAY },
            ...(session ? { session } : {}),
            config: {
              segments: [
                { id: "ist", when: { fact: "searches", has: "İstanbul" } },
                { id: "kadin", when: { fact: "share.category:Giyim > Kadın", gte: 0.2 } },
              ],
            },
          };
          const profile = buildProfile({ ...input, events });
          expect(buildProfile({ ...input, events: shuffled })).toEqual(profile);
          // Remember alone, and recognize over the same memory, likewise.
          const options = { now: NOW, aggregates };
          const memory = remember(events, withCatalog ? shop : undefined, options);
          expect(remember(shuffled, withCatalog ? shop : undefined, options)).toEqual(memory);
          const recognition = { memory, environment, now: NOW, ...(session ? { session } : {}) };
          expect(recognize({ ...recognition, events: shuffled })).toEqual(
            recognize({ ...recognition, events }),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("stages on a huge catalog", () => {
  it("no strategy throws at 100,000 items, and each returns a bounded list", () => {
    const items: CatalogItem[] = Array.from({ length: 100_000 }, (_, i) => ({
      id: `P${i}`,
      title: `Ürün ${i % 977} Mont`,
      url: `/p/${i}`,
      price: 50 + ((i * 7919) % 10_000),
      currency: "TRY",
      availability: i % 13 ? "in_stock" : "out_of_stock",
      categories: ["Giyim", `Alt ${i % 20}`, `Yaprak ${i % 200}`],
      attributes: { season: SEASONS[i % 5] as string },
      tags: [],
      brand: `Marka ${i % 300}`,
      popularity: (i * 31) % 1000,
      createdAt: new Date(NOW - (i % 400) * DAY).toISOString(),
    }));
    const catalog: Catalog = { currency: "TRY", items, byId: new Map(items.map((i) => [i.id, i])) };
    const base = emptyMemory();
    const memory: Memory = {
      ...base,
      recentlyViewed: ["P5", "P10"],
      affinities: {
        ...base.affinities,
        categories: new Map([
          ["Giyim", 5],
          ["Giyim > Alt 5", 5],
          ["Giyim > Alt 5 > Yaprak 5", 4],
        ]),
        brands: new Map([["Marka 5", 2]]),
      },
      cart: [{ id: "P25", qty: 1, addedAt: NOW, session: "s" }],
    };
    for (const strategy of STRATEGIES) {
      const candidates = recommend(strategy, { memory, catalog, now: NOW });
      expect(candidates.length, strategy).toBeLessThanOrEqual(300);
      const { picks } = relevance(
        candidates,
        { catalog, memory, strategy },
        { limit: 12, exclude: new Set(), inStockOnly: true, onePerGroup: true },
      );
      expect(picks.length, strategy).toBeLessThanOrEqual(12);
    }
  });
});
