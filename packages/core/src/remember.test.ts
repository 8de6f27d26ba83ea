import { describe, expect, it } from "vitest";
import { emptyAggregates, foldAggregates } from "./aggregates.js";
import { type Catalog, parseCatalog } from "./catalog.js";
import type { EventItem, VitrinEvent } from "./events.js";
import { emptyMemory, hourOfWeek, normaliseSearch, remember } from "./remember.js";
import { CATALOG, makeEvent } from "./test-fixtures.js";

const catalog = parseCatalog(CATALOG, "test").catalog as Catalog;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 15, 12);

describe("remember", () => {
  it("is the empty memory without events", () => {
    const memory = remember([], catalog, { now: NOW });
    expect(memory.recentlyViewed).toEqual([]);
    expect(memory.tally).toEqual(emptyMemory().tally);
    expect(memory.nextActiveHour).toBeUndefined();
  });

  it("lists viewed items newest first, each once, by timestamp not log order", () => {
    const events = [
      makeEvent("view_item", 10, ["A"]),
      makeEvent("view_item", 30, ["B"]),
      makeEvent("view_item", 40, ["A"]),
      makeEvent("select_item", 20, ["C"]),
    ];
    expect(remember(events, undefined, { now: NOW }).recentlyViewed).toEqual(["A", "B", "C"]);
  });

  it("weighs a purchase above a cart above a view, counts ancestors, and decays by half-life", () => {
    const events = [
      makeEvent("view_item", NOW, ["ELB-1"]),
      makeEvent("add_to_cart", NOW, ["KBN-1"]),
      makeEvent("purchase", NOW, ["KTP-1"]),
    ];
    const { categories, brands } = remember(events, catalog, { now: NOW }).affinities;
    expect(categories.get("Giyim > Kadın > Elbise")).toBe(1);
    expect(categories.get("Giyim > Kadın > Kaban")).toBe(4);
    expect(categories.get("Giyim")).toBe(5);
    expect(categories.get("Kitap")).toBe(6);
    expect(brands.get("Pusula Yayınları")).toBe(6);

    const old = remember([makeEvent("purchase", NOW - 30 * DAY, ["KTP-1"])], catalog, {
      now: NOW,
    });
    expect(old.affinities.categories.get("Kitap")).toBeCloseTo(3);
    const faster = remember([makeEvent("purchase", NOW - 30 * DAY, ["KTP-1"])], catalog, {
      now: NOW,
      halfLifeDays: 10,
    });
    expect(faster.affinities.categories.get("Kitap")).toBeCloseTo(0.75);
  });

  it("counts a removal from the cart against the interest", () => {
    const events = [
      makeEvent("add_to_cart", NOW, ["ELB-3"]),
      makeEvent("remove_from_cart", NOW, ["ELB-3"]),
    ];
    const memory = remember(events, catalog, { now: NOW });
    expect(memory.affinities.categories.get("Giyim > Kadın > Elbise")).toBe(2);
    expect(memory.cart).toEqual([]);
  });

  it("uses the event's own categories and brand for items the catalog lacks", () => {
    const item = {
      item_id: "X",
      item_category: "Ev",
      item_category2: "Mutfak",
      item_brand: "Paşabahçe",
    };
    const { affinities } = remember([makeEvent("add_to_cart", NOW, [item])], catalog, { now: NOW });
    expect(affinities.categories.get("Ev > Mutfak")).toBe(4);
    expect(affinities.brands.get("Paşabahçe")).toBe(4);
  });

  it("keeps attribute and price-band interest for catalog items", () => {
    const { affinities } = remember([makeEvent("view_item", NOW, ["KBN-1"])], catalog, {
      now: NOW,
    });
    expect(affinities.attributes.get("material=yün")).toBe(1);
    expect(affinities.attributes.get("season=winter")).toBe(1);
    expect([...affinities.priceBands.keys()]).toHaveLength(1);
  });

  it("tracks the cart: adds, partial removals, and a purchase empties it", () => {
    const add = (id: string, ts: number, quantity = 1) =>
      makeEvent("add_to_cart", ts, [{ item_id: id, quantity }]);
    let memory = remember(
      [
        add("A", 1, 3),
        add("B", 2),
        makeEvent("remove_from_cart", 3, [{ item_id: "A", quantity: 1 }]),
      ],
      undefined,
      { now: NOW },
    );
    expect(memory.cart.map((l) => [l.id, l.qty])).toEqual([
      ["B", 1],
      ["A", 2],
    ]);
    memory = remember([add("A", 1), makeEvent("purchase", 5, ["A"]), add("C", 6)], undefined, {
      now: NOW,
    });
    expect(memory.cart.map((l) => l.id)).toEqual(["C"]);
    expect([...memory.bought]).toEqual(["A"]);
    expect(memory.tally.lastPurchaseAt).toBe(5);
  });

  it("calls cart lines from an earlier session abandoned", () => {
    const events = [
      makeEvent("add_to_cart", NOW - DAY, ["ELB-3"], { session: "yesterday" }),
      makeEvent("add_to_cart", NOW - 60_000, ["KTP-1"], { session: "today" }),
      makeEvent("page_view", NOW, [], { session: "today" }),
    ];
    const memory = remember(events, catalog, { now: NOW });
    expect(memory.abandonedCart.map((l) => l.id)).toEqual(["ELB-3"]);
    expect(memory.cart.map((l) => l.id)).toEqual(["KTP-1", "ELB-3"]);
    // The session the page says is current wins over the newest event's.
    expect(remember(events, catalog, { now: NOW, session: "other" }).abandonedCart).toHaveLength(2);
  });

  it("finds repurchase cycles per leaf category from purchases on different days", () => {
    const buy = (id: string, day: number) => makeEvent("purchase", NOW - day * DAY, [id]);
    const memory = remember(
      [buy("KTP-1", 60), buy("KTP-1", 30), buy("KTP-1", 0), buy("KBN-1", 5)],
      catalog,
      {
        now: NOW,
      },
    );
    expect(memory.repurchase).toHaveLength(1);
    const [books] = memory.repurchase;
    expect(books?.category).toBe("Kitap > Roman");
    expect(books?.cycleDays).toBe(30);
    expect(books?.dueAt).toBe(NOW + 30 * DAY);
    // Two items in one order are one occasion, not a zero-day cycle.
    const oneOrder = remember([makeEvent("purchase", NOW, ["ELB-1", "ELB-3"])], catalog, {
      now: NOW,
    });
    expect(oneOrder.repurchase).toEqual([]);
  });

  it("normalises searches Turkish-aware and counts them", () => {
    // ı and i are one letter: an ASCII "I" may stand for either.
    expect(normaliseSearch("  KIŞLIK   MONT ")).toBe("kişlik mont");
    for (const term of ["İSTANBUL", "ISTANBUL", "Istanbul", "İstanbul", "ıstanbul", "istanbul"])
      expect(normaliseSearch(term), term).toBe("istanbul");
    const search = (term: string, ts: number) =>
      makeEvent("search", ts, [], { params: { search_term: term } });
    const memory = remember(
      [search("Kışlık Mont", 1), search("KIŞLIK MONT", 2), search("elbise", 3)],
      undefined,
      {
        now: NOW,
      },
    );
    expect(memory.searches).toEqual([
      { term: "kişlik mont", count: 2, last: 2 },
      { term: "elbise", count: 1, last: 3 },
    ]);
  });

  it("counts Istanbul, İstanbul, ISTANBUL and ıstanbul as one search, the pruned past too", () => {
    const search = (term: string, ts: number) =>
      makeEvent("search", ts, [], { params: { search_term: term } });
    // The aggregates lower-case plainly: "İSTANBUL" is kept there as "i̇stanbul".
    const aggregates = foldAggregates(emptyAggregates(), [search("İSTANBUL", NOW - 9 * DAY)]);
    const events = ["Istanbul", "İstanbul", "ISTANBUL", "ıstanbul", "istanbul"].map((t, i) =>
      search(t, NOW - i),
    );
    expect(remember(events, undefined, { now: NOW, aggregates }).searches).toEqual([
      { term: "istanbul", count: 6, last: NOW },
    ]);
  });

  it("builds the hour-of-week histogram in the shopper's time and predicts the next active hour", () => {
    // 14 December 2026 is a Monday.
    const monday20Istanbul = Date.UTC(2026, 11, 14, 17); // 20:00 in Istanbul (UTC+3)
    expect(hourOfWeek(monday20Istanbul, 180)).toBe(20);
    expect(hourOfWeek(monday20Istanbul, 0)).toBe(17);
    expect(hourOfWeek(Date.UTC(2026, 11, 13, 23), 180)).toBe(2); // Sunday 23:00 UTC = Monday 02:00
    const events = [0, 1, 2].map((week) =>
      makeEvent("page_view", monday20Istanbul - week * 7 * DAY),
    );
    events.push(makeEvent("page_view", monday20Istanbul + DAY)); // once on Tuesday 20:00
    const memory = remember(events, undefined, { now: NOW, utcOffsetMinutes: 180 });
    expect(memory.activeHours[20]).toBe(3);
    expect(memory.activeHours[44]).toBe(1);
    expect(memory.activeHours.reduce((a, b) => a + b)).toBe(4);
    // NOW is Tuesday 15:00 in Istanbul: Monday 20:00 (three visits) beats Tuesday 20:00 (one).
    expect(memory.nextActiveHour).toBe(20);
  });

  it("sees deal seeking beyond the shop's own share of sale items", () => {
    // ELB-1 is the only sale item of six (a sixth of the catalog).
    const sale = Array.from({ length: 6 }, (_, i) => makeEvent("view_item", NOW - i, ["ELB-1"]));
    expect(remember(sale, catalog, { now: NOW }).intent.dealSeeking).toBe(1);
    const mixed = [makeEvent("view_item", NOW, ["ELB-1"]), makeEvent("view_item", NOW, ["ELB-3"])];
    const half = remember(mixed, catalog, { now: NOW }).intent.dealSeeking;
    expect(half).toBeCloseTo((0.5 - 1 / 6) / (1 - 1 / 6));
    const none = [makeEvent("view_item", NOW, ["KBN-1"])];
    expect(remember(none, catalog, { now: NOW }).intent.dealSeeking).toBe(0);
    const list = makeEvent("view_item_list", NOW, ["ELB-3"], {
      params: { item_list_id: "indirimli-urunler" },
    });
    expect(remember([list], catalog, { now: NOW }).intent.dealSeeking).toBe(1);
  });

  it("counts lists sorted cheapest first as deal seeking, as shops and URLs name them", () => {
    const seeking = (params: VitrinEvent["params"], items: (string | EventItem)[] = ["KBN-1"]) =>
      remember([makeEvent("view_item_list", NOW, items, { params })], catalog, { now: NOW }).intent
        .dealSeeking;
    for (const name of [
      "category?sort=price-asc",
      "collections/all?sort_by=price-ascending",
      "shop?orderby=price",
      "search_results_price_low_to_high",
      "Price: Low to High",
      "Lowest price",
      "FİYAT (ARTAN)",
      "Fiyata göre artan",
      "fiyat-artan",
      "Artan fiyat",
      "En düşük fiyat",
      "en-dusuk-fiyat",
      "Fiyat: Düşükten Yükseğe",
      "FIRSAT ÜRÜNLERİ",
    ])
      expect(seeking({ item_list_name: name }), name).toBe(1);
    for (const name of [
      "category?sort=price-desc",
      "shop?orderby=price-desc",
      "Price: High to Low",
      "Fiyat (azalan)",
      "Fiyat: Yüksekten Düşüğe",
      "En yeniler",
      "Çok satanlar",
    ])
      expect(seeking({ item_list_name: name }), name).toBe(0);
    // GA4 may put the list only on the items.
    expect(seeking({}, [{ item_id: "KBN-1", item_list_id: "kategori_fiyat_artan" }])).toBe(1);
  });

  it("sees comparing in the latest visit: alternatives in one category, or one item again", () => {
    const view = (id: string, session = "s1") => makeEvent("view_item", NOW, [id], { session });
    expect(remember([view("ELB-1")], catalog, { now: NOW }).intent.comparing).toBe(0);
    const three = [view("ELB-1"), view("ELB-2"), view("ELB-3")];
    expect(remember(three, catalog, { now: NOW }).intent.comparing).toBeCloseTo(2 / 3);
    const again = [view("KBN-1"), view("KBN-1"), view("KBN-1"), view("KBN-1")];
    expect(remember(again, catalog, { now: NOW }).intent.comparing).toBe(1);
    // Comparing is about now: an earlier visit's alternatives do not count.
    const earlier = [
      ...three.map((e) => ({ ...e, session: "old", ts: NOW - DAY })),
      view("KTP-1", "s2"),
    ];
    expect(remember(earlier, catalog, { now: NOW }).intent.comparing).toBe(0);
  });

  it("sees gift browsing when recent views go to toys the shopper never looked at", () => {
    const toy = { item_id: "T1", item_category: "Oyuncak" };
    const book = { item_id: "B1", item_category: "Kitap" };
    const usual = Array.from({ length: 10 }, (_, i) =>
      makeEvent("view_item", NOW - (30 + i) * DAY, [book]),
    );
    const now = [makeEvent("view_item", NOW, [toy]), makeEvent("view_item", NOW, [toy])];
    expect(remember([...usual, ...now], undefined, { now: NOW }).intent.giftBrowsing).toBe(1);
    // A shopper who always looks at toys is not buying a gift.
    const toyUsual = usual.map((e) => ({ ...e, items: [toy] }));
    expect(remember([...toyUsual, ...now], undefined, { now: NOW }).intent.giftBrowsing).toBe(0);
    // A shop names its own gift-like categories; then toys are not among them.
    const pets = { item_id: "P1", item_category: "EVCİL HAYVAN" };
    const petNow = [makeEvent("view_item", NOW, [pets]), makeEvent("view_item", NOW, [toy])];
    const giftWords = ["evcil hayvan"];
    const own = remember([...usual, ...petNow], undefined, { now: NOW, giftWords });
    expect(own.intent.giftBrowsing).toBe(0.5);
    expect(remember([...usual, ...petNow], undefined, { now: NOW }).intent.giftBrowsing).toBe(0.5);
    expect(
      remember([...usual, ...now], undefined, { now: NOW, giftWords }).intent.giftBrowsing,
    ).toBe(0);
  });

  it("groups events into visits with the items touched and bought", () => {
    const events = [
      makeEvent("view_item", 1, ["A"], { session: "v1" }),
      makeEvent("add_to_cart", 2, ["B"], { session: "v1" }),
      makeEvent("view_item", 3, ["A"], { session: "v1" }),
      makeEvent("purchase", 4, ["B"], { session: "v1" }),
      makeEvent("view_item", 10, ["C"], { session: "v2" }),
    ];
    const memory = remember(events, undefined, { now: NOW });
    expect(memory.visits).toEqual([
      { id: "v1", start: 1, last: 4, items: ["A", "B"], bought: ["B"] },
      { id: "v2", start: 10, last: 10, items: ["C"], bought: [] },
    ]);
    expect(memory.tally).toMatchObject({
      sessions: 2,
      views: 3,
      cartAdds: 1,
      purchases: 1,
      events: 5,
    });
  });

  it("counts impressions since the last click, for frequency capping", () => {
    const list = (ts: number) => makeEvent("view_item_list", ts, ["A", "B"]);
    const events = [list(1), list(2), makeEvent("select_item", 3, ["A"]), list(4)];
    const { interactions } = remember(events, undefined, { now: NOW });
    expect(interactions.get("A")?.unclickedImpressions).toBe(1);
    expect(interactions.get("B")?.unclickedImpressions).toBe(3);
  });

  it("folds in the pruned past from the aggregates, decayed from its newest event", () => {
    const old = [
      makeEvent("purchase", NOW - 40 * DAY, [
        {
          item_id: "KTP-1",
          item_category: "Kitap",
          item_category2: "Roman",
          item_brand: "Pusula Yayınları",
        },
      ]),
      makeEvent("search", NOW - 30 * DAY, [], { params: { search_term: "roman" } }),
    ];
    const aggregates = foldAggregates(emptyAggregates(), old);
    const recent = [makeEvent("purchase", NOW, ["KTP-1"])];
    const memory = remember(recent, catalog, { now: NOW, aggregates });
    // 6 decayed over 30 days (the aggregates' newest event) plus 6 now.
    expect(memory.affinities.categories.get("Kitap")).toBeCloseTo(9);
    expect(memory.purchases.map((p) => p.ts)).toEqual([NOW - 40 * DAY, NOW]);
    expect(memory.searches).toEqual([{ term: "roman", count: 1, last: NOW - 30 * DAY }]);
    expect(memory.tally.purchases).toBe(2);
    expect(memory.tally.firstAt).toBe(NOW - 40 * DAY);
    expect(memory.repurchase[0]).toMatchObject({ category: "Kitap > Roman", cycleDays: 40 });
  });
});
