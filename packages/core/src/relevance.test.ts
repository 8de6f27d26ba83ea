import { describe, expect, it } from "vitest";
import { type Catalog, parseCatalog } from "./catalog.js";
import type { Climate, Hemisphere, Season, ShopperContext } from "./recognize.js";
import { type Candidate, type Reason, recommend, type Strategy } from "./recommend.js";
import { type MerchantRule, type RelevanceRules, relevance, seasonFit } from "./relevance.js";
import { emptyMemory, type Memory } from "./remember.js";

const NOW = Date.parse("2024-12-15T12:00:00Z");

const raw = (
  id: string,
  categories: string[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> => ({ id, title: id, url: `/${id}`, price: 100, categories, ...extra });

/** Coats, dresses, books, cosmetics and an evening item: every filter has something to act on. */
const catalog = parseCatalog(
  {
    format: "vitrin-catalog",
    version: 1,
    currency: "TRY",
    items: [
      raw("MNT-1", ["Giyim", "Kadın", "Kışlık Mont"], {
        title: "Kaz Tüyü Kışlık Mont",
        brand: "Karadeniz",
        price: 4999,
        attributes: { season: "winter" },
        popularity: 9,
      }),
      raw("MNT-2", ["Giyim", "Kadın", "Kışlık Mont"], {
        brand: "Anadolu",
        price: 3999,
        attributes: { season: ["winter", "autumn"] },
        popularity: 8,
      }),
      raw("MNT-3", ["Giyim", "Kadın", "Kışlık Mont"], {
        brand: "Karadeniz",
        attributes: { season: "Kış" },
        popularity: 7,
      }),
      raw("ELB-1", ["Giyim", "Kadın", "Elbise"], {
        brand: "Ege",
        groupId: "ELB",
        attributes: { season: "summer", color: "mavi" },
        tags: ["yeni"],
      }),
      raw("ELB-2", ["Giyim", "Kadın", "Elbise"], {
        brand: "Ege",
        groupId: "ELB",
        attributes: { season: "summer", color: "sarı" },
      }),
      raw("ELB-3", ["Giyim", "Kadın", "Elbise"], {
        brand: "Ege",
        attributes: { season: "spring" },
        availability: "out_of_stock",
      }),
      raw("ABY-1", ["Giyim", "Kadın", "Abiye"], {
        brand: "Ege",
        attributes: { season: "all", daypart: "evening" },
      }),
      raw("KTP-1", ["Kitap", "Roman"], { brand: "Pusula", price: 150 }),
      raw("KTP-2", ["Kitap", "Roman"], { brand: "Pusula", price: 160 }),
      raw("KTP-3", ["Kitap", "Tarih"], { brand: "Deniz", price: 5000 }),
      raw("KOZ-1", ["Kozmetik", "Cilt"], { brand: "Lale", tags: ["repeatable", "daypart:night"] }),
    ],
  },
  "test",
).catalog as Catalog;

function context(
  season: Season,
  climate: Climate = "temperate",
  hemisphere: Hemisphere = "north",
  daypart: ShopperContext["daypart"] = "afternoon",
): ShopperContext {
  return {
    device: "desktop",
    input: "mouse",
    hover: true,
    saveData: false,
    reducedMotion: false,
    locale: "tr-TR",
    currency: "TRY",
    timeZone: hemisphere === "north" ? "Europe/Istanbul" : "Australia/Sydney",
    utcOffsetMinutes: 180,
    hemisphere,
    climate,
    season,
    daypart,
    weekday: 0,
    hour: 15,
    hourOfWeek: 15,
    traffic: "direct",
  };
}
const ISTANBUL_DECEMBER = context("winter", "temperate", "north");
const SYDNEY_DECEMBER = context("summer", "temperate", "south");

const RULES: RelevanceRules = {
  limit: 20,
  exclude: new Set(),
  inStockOnly: true,
  onePerGroup: false,
};
const reason: Reason = { kind: "trending" };
/** Candidates in the given order, scores falling from 10. */
const candidates = (...ids: string[]): Candidate[] =>
  ids.map((id, i) => ({ id, score: 10 - i * 0.5, reason }));

function run(
  list: Candidate[],
  rules: Partial<RelevanceRules> = {},
  options: { memory?: Memory; context?: ShopperContext; strategy?: Strategy } = {},
) {
  return relevance(
    list,
    {
      catalog,
      memory: options.memory ?? emptyMemory(),
      strategy: options.strategy ?? "trending",
      ...(options.context ? { context: options.context } : {}),
    },
    { ...RULES, ...rules },
  );
}
const ids = (result: ReturnType<typeof run>) => result.picks.map((p) => p.item.id);

describe("relevance filters", () => {
  it("drops unknown, excluded and sold-out items, and says why", () => {
    const result = run(candidates("GONE", "MNT-1", "ELB-3", "KTP-1"), {
      exclude: new Set(["MNT-1"]),
    });
    expect(ids(result)).toEqual(["KTP-1"]);
    expect(result.explain("GONE")?.dropped).toBe("not in the catalog");
    expect(result.explain("MNT-1")?.dropped).toBe("excluded by the slot");
    expect(result.explain("ELB-3")?.dropped).toBe("out of stock");
    expect(ids(run(candidates("ELB-3"), { inStockOnly: false }))).toEqual(["ELB-3"]);
  });

  it("keeps the first of duplicate candidates", () => {
    const list = [...candidates("KTP-1", "KTP-2"), { id: "KTP-1", score: 99, reason }];
    expect(ids(run(list))).toEqual(["KTP-1", "KTP-2"]);
    expect(run(list).explain("KTP-1")?.base).toBe(10);
  });

  it("drops bought items unless repeatable (by category prefix or tag), and never in buy-again", () => {
    const memory = { ...emptyMemory(), bought: new Set(["KTP-1", "KOZ-1"]) };
    const list = candidates("KTP-1", "KTP-2", "KOZ-1");
    expect(ids(run(list, {}, { memory }))).toEqual(["KTP-2", "KOZ-1"]);
    expect(run(list, {}, { memory }).explain("KTP-1")?.dropped).toBe("already bought");
    // All three; the second book after the cream, as diversity penalises a repeat of brand and leaf.
    expect(ids(run(list, { repeatable: ["Kitap"] }, { memory }))).toEqual([
      "KTP-1",
      "KOZ-1",
      "KTP-2",
    ]);
    expect(ids(run(list, { repeatable: ["Kitap>Roman"] }, { memory }))).toContain("KTP-1");
    expect(ids(run(list, {}, { memory, strategy: "buy-again" }))).toContain("KTP-1");
    expect(ids(run(list, { dropBought: false }, { memory }))).toContain("KTP-1");
  });

  it("shows one variant per group when asked", () => {
    const result = run(candidates("ELB-1", "ELB-2", "KTP-1"), { onePerGroup: true });
    expect(ids(result)).toEqual(["ELB-1", "KTP-1"]);
    expect(result.explain("ELB-2")?.dropped).toBe("another variant of its group is shown");
  });

  it("moves items shown many times without a click after everything else", () => {
    const memory = {
      ...emptyMemory(),
      interactions: new Map([
        [
          "KTP-1",
          { views: 0, clicks: 0, carts: 0, purchases: 0, unclickedImpressions: 5, last: 0 },
        ],
        [
          "KTP-2",
          { views: 0, clicks: 0, carts: 0, purchases: 0, unclickedImpressions: 4, last: 0 },
        ],
      ]),
    };
    const result = run(candidates("KTP-1", "KTP-2", "KTP-3"), {}, { memory });
    expect(ids(result)).toEqual(["KTP-2", "KTP-3", "KTP-1"]);
    expect(result.explain("KTP-1")).toMatchObject({ placement: "frequency-capped", position: 2 });
    expect(ids(run(candidates("KTP-1", "KTP-2"), { frequencyCap: 10 }, { memory }))).toEqual([
      "KTP-1",
      "KTP-2",
    ]);
  });
});

describe("season and climate fit", () => {
  const item = (id: string) => catalog.byId.get(id) ?? expect.unreachable(id);

  it("follows the table: mismatch, shoulder season, neutral", () => {
    expect(seasonFit(item("MNT-1"), ISTANBUL_DECEMBER)).toBe(1);
    expect(seasonFit(item("MNT-1"), SYDNEY_DECEMBER)).toBe(0);
    expect(seasonFit(item("MNT-3"), SYDNEY_DECEMBER)).toBe(0); // "Kış" is winter
    expect(seasonFit(item("MNT-1"), context("spring"))).toBeCloseTo(0.4);
    expect(seasonFit(item("MNT-2"), context("autumn"))).toBe(1); // winter and autumn
    expect(seasonFit(item("ELB-1"), ISTANBUL_DECEMBER)).toBe(0);
    expect(seasonFit(item("ELB-1"), context("winter", "arid"))).toBeCloseTo(0.6);
    expect(seasonFit(item("MNT-1"), context("winter", "tropical"))).toBe(0);
    expect(seasonFit(item("MNT-1"), context("summer", "polar"))).toBeCloseTo(0.6);
    expect(seasonFit(item("ABY-1"), SYDNEY_DECEMBER)).toBe(1); // "all"
    expect(seasonFit(item("KTP-1"), SYDNEY_DECEMBER)).toBe(1); // no season
    expect(seasonFit(item("MNT-1"))).toBe(1); // no context
  });

  it("drops mismatches, marks in-season items and discounts shoulder seasons", () => {
    const list = candidates("MNT-1", "ELB-1", "KTP-1", "ABY-1");
    const winter = run(list, {}, { context: ISTANBUL_DECEMBER });
    expect(ids(winter)).toEqual(["MNT-1", "KTP-1", "ABY-1"]);
    expect(winter.picks[0]?.reasons).toEqual([reason, { kind: "in-season", season: "winter" }]);
    expect(winter.picks[2]?.reasons).toEqual([reason]);
    expect(winter.explain("ELB-1")?.dropped).toBe("season: summer item in temperate winter");
    const spring = run(list, {}, { context: context("spring") });
    expect(spring.explain("MNT-1")?.factors).toEqual([{ name: "season", value: 0.4 }]);
    expect(ids(run(list, { season: false }, { context: SYDNEY_DECEMBER }))).toContain("MNT-1");
  });
});

describe("daypart and price band", () => {
  it("lifts items tagged for the daypart and demotes them a little at other times", () => {
    const list = [
      { id: "KTP-1", score: 1.1, reason },
      { id: "ABY-1", score: 1, reason },
    ];
    const evening = run(list, {}, { context: context("winter", "temperate", "north", "evening") });
    expect(ids(evening)).toEqual(["ABY-1", "KTP-1"]);
    expect(evening.picks[0]?.reasons).toContainEqual({ kind: "daypart", daypart: "evening" });
    const morning = run(list, {}, { context: context("winter", "temperate", "north", "morning") });
    expect(morning.explain("ABY-1")?.factors).toEqual([{ name: "daypart", value: 0.9 }]);
    const night = run(
      candidates("KOZ-1"),
      {},
      { context: context("winter", "temperate", "north", "night") },
    );
    expect(night.picks[0]?.reasons).toContainEqual({ kind: "daypart", daypart: "night" });
  });

  it("prefers the price bands the shopper buys in", () => {
    const base = emptyMemory();
    // KTP-3 is the dearest book (band 4), KTP-1 the cheapest (band 0).
    const memory = { ...base, affinities: { ...base.affinities, priceBands: new Map([[4, 2]]) } };
    const list = [
      { id: "KTP-1", score: 1.1, reason },
      { id: "KTP-3", score: 1, reason },
    ];
    const result = run(list, {}, { memory });
    expect(ids(result)).toEqual(["KTP-3", "KTP-1"]);
    expect(result.picks[0]?.reasons).toContainEqual({ kind: "price-band", band: 4 });
    expect(ids(run(list, { priceFit: false }, { memory }))).toEqual(["KTP-1", "KTP-3"]);
  });
});

describe("diversity", () => {
  const list = candidates("MNT-1", "MNT-3", "ELB-1", "ELB-2", "ABY-1", "KTP-1", "KTP-2");

  it("caps items per brand and per leaf category", () => {
    const result = run(list, { maxPerBrand: 1, maxPerCategory: 2 });
    expect(ids(result)).toEqual(["MNT-1", "ELB-1", "KTP-1"]);
    expect(result.explain("ABY-1")?.dropped).toBe("diversity: 1 of brand Ege already");
    const leaves = run(candidates("MNT-1", "MNT-2", "MNT-3", "KTP-1"), { maxPerCategory: 2 });
    expect(ids(leaves)).toEqual(["MNT-1", "MNT-2", "KTP-1"]);
    expect(leaves.explain("MNT-3")?.dropped).toBe(
      "diversity: 2 of category Giyim > Kadın > Kışlık Mont already",
    );
  });

  it("defaults to max(2, ⌈limit/2⌉) and penalises repeats, MMR-style", () => {
    const result = run(list, { limit: 4 });
    // A second Karadeniz coat (×0.85 brand, ×0.9 leaf) falls behind a dress and a book.
    expect(ids(result)).toEqual(["MNT-1", "ELB-1", "KTP-1", "MNT-3"]);
    expect(result.explain("MNT-3")?.factors).toContainEqual({
      name: "diversity",
      value: 0.85 * 0.9,
    });
  });

  it("leaves the shopper's own lists in their order and caps only brands in similar", () => {
    expect(ids(run(list, { limit: 4 }, { strategy: "recently-viewed" }))).toEqual([
      "MNT-1",
      "MNT-3",
      "ELB-1",
      "ELB-2",
    ]);
    const similar = run(
      candidates("MNT-1", "MNT-2", "MNT-3"),
      { limit: 2, maxPerBrand: 5 },
      { strategy: "similar" },
    );
    expect(ids(similar)).toEqual(["MNT-1", "MNT-2"]);
  });
});

describe("merchant rules", () => {
  const list = candidates("KTP-1", "KTP-2", "KTP-3", "KOZ-1", "MNT-1");
  const apply = (merchant: MerchantRule[], strategy: Strategy = "trending") =>
    run(list, { merchant, limit: 10 }, { strategy });

  it("pins to a position (default the top) with a reason", () => {
    const top = apply([{ match: { id: "MNT-1" }, action: "pin" }]);
    expect(ids(top)[0]).toBe("MNT-1");
    expect(top.picks[0]?.reasons).toContainEqual({ kind: "merchant", action: "pin" });
    expect(top.explain("MNT-1")).toMatchObject({ placement: "pinned", position: 0 });
    expect(ids(apply([{ match: { id: "MNT-1" }, action: "pin", position: 2 }]))[2]).toBe("MNT-1");
    expect(ids(apply([{ match: { id: "MNT-1" }, action: "pin", position: 99 }]))[4]).toBe("MNT-1");
  });

  it("shows a pinned item the strategy never proposed, at its position, with the pin as reason", () => {
    // MNT-1 is not among the candidates (books, cosmetics): the pin brings it in.
    const only = candidates("KTP-1", "KTP-2", "KOZ-1");
    const pinned = run(only, {
      merchant: [{ match: { id: "MNT-1" }, action: "pin", position: 1 }],
      limit: 3,
    });
    expect(ids(pinned)).toEqual(["KTP-1", "MNT-1", "KOZ-1"]);
    expect(pinned.picks[1]?.reasons).toEqual([{ kind: "merchant", action: "pin" }]);
    expect(pinned.explain("MNT-1")).toEqual({
      id: "MNT-1",
      base: 0,
      factors: [],
      score: 0,
      placement: "pinned",
      position: 1,
    });
    expect(pinned.explain("KTP-2")?.dropped).toBe("below the slot limit");
  });

  it("still drops a pinned item that fails the filters: sold out, out of season, excluded", () => {
    const pin = (id: string, more: MerchantRule[] = []): MerchantRule[] => [
      { match: { id }, action: "pin" },
      ...more,
    ];
    const list = candidates("KTP-1");
    const soldOut = run(list, { merchant: pin("ELB-3") });
    expect(ids(soldOut)).toEqual(["KTP-1"]);
    expect(soldOut.explain("ELB-3")?.dropped).toBe("out of stock");
    const summer = run(list, { merchant: pin("ELB-1") }, { context: ISTANBUL_DECEMBER });
    expect(summer.explain("ELB-1")?.dropped).toMatch(/^season/);
    const excluded = run(list, {
      merchant: pin("KOZ-1", [{ match: { tag: "repeatable" }, action: "exclude" }]),
    });
    expect(excluded.explain("KOZ-1")?.dropped).toBe("merchant rule: exclude");
    expect(run(list, { merchant: pin("NOPE") }).explain("NOPE")?.dropped).toBe(
      "not in the catalog",
    );
  });

  it("brings in at most a slot's worth per category, tag or attribute pin, most popular first", () => {
    const coats: MerchantRule[] = [
      { match: { category: "Giyim>Kadın>Kışlık Mont" }, action: "pin" },
    ];
    const two = run(
      candidates("KTP-1"),
      { merchant: coats, limit: 2 },
      { context: ISTANBUL_DECEMBER },
    );
    // Popularity 9, 8, 7: the third coat is not brought in at all.
    expect(ids(two)).toEqual(["MNT-1", "MNT-2"]);
    expect(two.explain("MNT-3")).toBeUndefined();
    expect(two.explain("KTP-1")?.dropped).toBe("below the slot limit");
    // A proposed coat counts among them and keeps its own score and reason first.
    const proposed = run(candidates("MNT-3", "KTP-1"), { merchant: coats, limit: 2 });
    expect(ids(proposed)).toEqual(["MNT-3", "MNT-1"]);
    expect(proposed.picks[0]?.reasons).toEqual([reason, { kind: "merchant", action: "pin" }]);
    const byTag = run([], { merchant: [{ match: { tag: "yeni" }, action: "pin" }] });
    expect(ids(byTag)).toEqual(["ELB-1"]);
    const byAttribute = run([], {
      merchant: [{ match: { attribute: { name: "daypart", value: "EVENING" } }, action: "pin" }],
    });
    expect(ids(byAttribute)).toEqual(["ABY-1"]);
  });

  it("brings pinned items only into the strategies a pin names, and not into lists about something", () => {
    const rule: MerchantRule = { match: { id: "MNT-1" }, action: "pin", strategies: ["for-you"] };
    expect(ids(run(candidates("KTP-1"), { merchant: [rule] }))).toEqual(["KTP-1"]);
    expect(ids(run(candidates("KTP-1"), { merchant: [rule] }, { strategy: "for-you" }))).toEqual([
      "MNT-1",
      "KTP-1",
    ]);
    // Without strategies: every discovery list, no list about an item, the cart or the shopper.
    const everywhere: MerchantRule = { match: { id: "MNT-1" }, action: "pin" };
    for (const strategy of ["trending", "for-you", "up-next", "new-arrivals"] as const)
      expect(ids(run(candidates("KTP-1"), { merchant: [everywhere] }, { strategy }))[0]).toBe(
        "MNT-1",
      );
    for (const strategy of [
      "recently-viewed",
      "buy-again",
      "similar",
      "viewed-together",
      "bought-together",
      "cart-cross-sell",
    ] as const) {
      expect(ids(run(candidates("KTP-1"), { merchant: [everywhere] }, { strategy }))).toEqual([
        "KTP-1",
      ]);
      // …where it still places the item when the strategy proposed it, as before.
      expect(
        ids(run(candidates("KTP-1", "MNT-1"), { merchant: [everywhere] }, { strategy })),
      ).toEqual(["MNT-1", "KTP-1"]);
      const named = { ...everywhere, strategies: [strategy] };
      expect(ids(run(candidates("KTP-1"), { merchant: [named] }, { strategy }))).toEqual([
        "MNT-1",
        "KTP-1",
      ]);
    }
  });

  it("boosts by a factor, buries to the end, excludes by category, tag or attribute", () => {
    const boosted = apply([{ match: { category: "Kozmetik" }, action: "boost", factor: 3 }]);
    expect(ids(boosted)[0]).toBe("KOZ-1");
    expect(boosted.explain("KOZ-1")?.factors).toEqual([{ name: "boost", value: 3 }]);
    expect(boosted.picks[0]?.reasons).toContainEqual({ kind: "merchant", action: "boost" });
    expect(ids(apply([{ match: { id: "KTP-1" }, action: "bury" }])).at(-1)).toBe("KTP-1");
    expect(ids(apply([{ match: { category: "Kitap" }, action: "exclude" }]))).toEqual([
      "KOZ-1",
      "MNT-1",
    ]);
    expect(ids(apply([{ match: { tag: "repeatable" }, action: "exclude" }]))).not.toContain(
      "KOZ-1",
    );
    const bySeason = apply([
      { match: { attribute: { name: "season", value: "WINTER" } }, action: "exclude" },
    ]);
    expect(bySeason.explain("MNT-1")?.dropped).toBe("merchant rule: exclude");
  });

  it("applies a rule only to the strategies it names", () => {
    const rule: MerchantRule = {
      match: { id: "KTP-3" },
      action: "exclude",
      strategies: ["for-you"],
    };
    expect(ids(apply([rule]))).toContain("KTP-3");
    expect(ids(apply([rule], "for-you"))).not.toContain("KTP-3");
  });
});

describe("explain", () => {
  it("gives base, factors, final score and position or the reason it was left out", () => {
    const base = emptyMemory();
    const memory = { ...base, affinities: { ...base.affinities, priceBands: new Map([[4, 1]]) } };
    // MNT-2 is the dearest but one in Giyim: band 4.
    const result = run(
      candidates("MNT-2", "KTP-1", "KTP-2"),
      { limit: 1 },
      { memory, context: context("autumn") },
    );
    expect(result.explain("MNT-2")).toEqual({
      id: "MNT-2",
      base: 10,
      factors: [{ name: "price-band", value: 1.2 }],
      score: 12,
      position: 0,
    });
    expect(result.explain("KTP-1")?.dropped).toBe("below the slot limit");
    expect(result.explain("NOT-A-CANDIDATE")).toBeUndefined();
    expect(result.picks[0]?.score).toBe(12);
  });

  it("breaks ties by the candidates' order, never by chance", () => {
    const tied = ["KTP-2", "KOZ-1", "KTP-1"].map((id) => ({ id, score: 1, reason }));
    expect(ids(run(tied))).toEqual(["KTP-2", "KOZ-1", "KTP-1"]);
  });
});

describe("scenarios", () => {
  const coatBrowser = (() => {
    const base = emptyMemory();
    return {
      ...base,
      recentlyViewed: ["MNT-1"],
      affinities: {
        ...base.affinities,
        categories: new Map([
          ["Giyim", 4],
          ["Giyim > Kadın", 4],
          ["Giyim > Kadın > Kışlık Mont", 4],
        ]),
      },
    };
  })();
  const slot = (
    memory: Memory,
    shopper: ShopperContext,
    strategy: Strategy,
    rules: Partial<RelevanceRules> = {},
  ) =>
    relevance(
      recommend(strategy, { memory, catalog, now: NOW, context: shopper }),
      { catalog, memory, context: shopper, strategy },
      { ...RULES, limit: 6, ...rules },
    );

  it("a shopper who browsed winter coats in Istanbul in December sees coats, in season", () => {
    const picks = slot(coatBrowser, ISTANBUL_DECEMBER, "for-you").picks;
    expect(picks[0]?.item.categories).toEqual(["Giyim", "Kadın", "Kışlık Mont"]);
    expect(picks.filter((p) => p.item.id.startsWith("MNT")).length).toBeGreaterThanOrEqual(2);
    expect(picks[0]?.reasons).toContainEqual({ kind: "in-season", season: "winter" });
  });

  it("the same shopper in Sydney in December sees no winter coats", () => {
    const result = slot(coatBrowser, SYDNEY_DECEMBER, "for-you");
    const shown = result.picks.map((p) => p.item.id);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).not.toContain("MNT-1");
    expect(shown).not.toContain("MNT-3");
    expect(result.explain("MNT-1")?.dropped).toBe("season: winter item in temperate summer");
    // A coat also sold for autumn is a shoulder-season fit: kept, at half its score.
    expect(result.explain("MNT-2")?.factors).toContainEqual({ name: "season", value: 0.5 });
    expect(result.picks.every((p) => seasonFit(p.item, SYDNEY_DECEMBER) > 0)).toBe(true);
  });

  it("for-you leaves out what the shopper already looked at, even without a model", () => {
    const base = emptyMemory();
    const memory = {
      ...base,
      recentlyViewed: ["KTP-2"],
      viewedAt: new Map([["KTP-2", NOW - 60_000]]),
      affinities: {
        ...base.affinities,
        categories: new Map([
          ["Kitap", 5],
          ["Kitap > Roman", 5],
        ]),
      },
    };
    const ids = slot(memory, ISTANBUL_DECEMBER, "for-you").picks.map((p) => p.item.id);
    expect(ids).toContain("KTP-3");
    expect(ids).not.toContain("KTP-2");
  });

  it("a book buyer is offered other books, and the bought one only when books are repeatable", () => {
    const base = emptyMemory();
    const memory = {
      ...base,
      bought: new Set(["KTP-1"]),
      purchases: [{ id: "KTP-1", ts: NOW - 86_400_000, qty: 1 }],
      affinities: {
        ...base.affinities,
        categories: new Map([
          ["Kitap", 5],
          ["Kitap > Roman", 5],
        ]),
      },
    };
    const picks = slot(memory, ISTANBUL_DECEMBER, "for-you").picks;
    expect(picks.slice(0, 2).map((p) => p.item.id)).toEqual(["KTP-2", "KTP-3"]);
    expect(picks.map((p) => p.item.id)).not.toContain("KTP-1");
    expect(picks[0]?.reason).toMatchObject({ kind: "for-you", category: "Kitap > Roman" });
    const again = slot(memory, ISTANBUL_DECEMBER, "for-you", { repeatable: ["Kitap"] }).picks;
    expect(again.map((p) => p.item.id)).toContain("KTP-1");
  });
});
