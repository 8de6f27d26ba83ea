import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AVAILABILITIES, type Catalog, type CatalogItem } from "./catalog.js";
import { indexCatalog } from "./catalog-index.js";
import type { Model } from "./model.js";
import type { ShopperContext } from "./recognize.js";
import { type Candidate, type RecommendInput, recommend, STRATEGIES } from "./recommend.js";
import { type RelevanceRules, relevance, seasonFit } from "./relevance.js";
import { emptyMemory, type Memory } from "./remember.js";

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

  it("more affinity for a category never lowers the for-you score of its items", () => {
    const arb = catalogArb
      .filter((catalog) => catalog.items.some((item) => item.categories.length > 0))
      .chain((catalog) => {
        const index = indexCatalog(catalog);
        const keys = [...new Set(catalog.items.flatMap((item) => [...index.categoryKeys(item)]))];
        return fc.record({
          catalog: fc.constant(catalog),
          memory: memoryArb(catalog),
          key: fc.constantFrom(...keys),
          more: fc.double({ min: 1e-3, max: 100, noNaN: true }),
        });
      });
    fc.assert(
      fc.property(arb, ({ catalog, memory, key, more }) => {
        const index = indexCatalog(catalog);
        const raised = new Map(memory.affinities.categories);
        raised.set(key, Math.max(0, raised.get(key) ?? 0) + more);
        const score = (m: Memory) =>
          new Map(
            recommend("for-you", { memory: m, catalog, now: NOW }).map((c: Candidate) => [
              c.id,
              c.score,
            ]),
          );
        const before = score(memory);
        const after = score({
          ...memory,
          affinities: { ...memory.affinities, categories: raised },
        });
        for (const item of catalog.items) {
          const was = before.get(item.id);
          if (was === undefined || !index.categoryKeys(item).includes(key)) continue;
          expect(after.get(item.id), item.id).toBeGreaterThanOrEqual(was);
        }
      }),
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
