import { describe, expect, it } from "vitest";
import { type Catalog, parseCatalog } from "./catalog.js";
import type { Model, ModelItem } from "./model.js";
import {
  type Candidate,
  favouriteCategories,
  type RecommendInput,
  recommend,
  STRATEGIES,
  similarity,
} from "./recommend.js";
import { emptyMemory, type Memory, type Visit } from "./remember.js";
import { CATALOG } from "./test-fixtures.js";

const DAY = 86_400_000;
const NOW = Date.parse("2024-12-15T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW - days * DAY).toISOString();

/** The shared fixture plus winter coats, books and cosmetics: a small Turkish store. */
const catalog = parseCatalog(
  {
    ...CATALOG,
    items: [
      ...CATALOG.items,
      {
        id: "MNT-1",
        groupId: "MNT-1",
        title: "Kaz Tüyü Kışlık Mont – Siyah",
        url: "/urun/mnt-1.html",
        price: 4999,
        brand: "Karadeniz Örgü",
        categories: ["Giyim", "Kadın", "Kışlık Mont"],
        attributes: { season: "winter", color: "siyah" },
        popularity: 50,
        createdAt: daysAgo(20),
      },
      {
        id: "MNT-1B",
        groupId: "MNT-1",
        title: "Kaz Tüyü Kışlık Mont – Bej",
        url: "/urun/mnt-1b.html",
        price: 4999,
        brand: "Karadeniz Örgü",
        categories: ["Giyim", "Kadın", "Kışlık Mont"],
        attributes: { season: "winter", color: "bej" },
        popularity: 10,
      },
      {
        id: "MNT-2",
        title: "Kapüşonlu Kışlık Mont – Lacivert",
        url: "/urun/mnt-2.html",
        price: 3999,
        brand: "Anadolu Outdoor",
        categories: ["Giyim", "Kadın", "Kışlık Mont"],
        attributes: { season: "winter", color: "lacivert" },
        popularity: 80,
        createdAt: daysAgo(5),
      },
      {
        id: "MNT-3",
        title: "Uzun Kışlık Mont",
        url: "/urun/mnt-3.html",
        price: 6999,
        brand: "Karadeniz Örgü",
        categories: ["Giyim", "Kadın", "Kışlık Mont"],
        attributes: { season: "winter", color: "siyah" },
        popularity: 20,
      },
      {
        id: "ATK-1",
        title: "Yün Atkı",
        url: "/urun/atk-1.html",
        price: 399,
        brand: "Karadeniz Örgü",
        categories: ["Giyim", "Kadın", "Aksesuar"],
        attributes: { season: "winter", material: "yün" },
        popularity: 30,
      },
      {
        id: "KTP-2",
        title: "Kayıp Şehir (Roman)",
        url: "/urun/ktp-2.html",
        price: 159.9,
        brand: "Pusula Yayınları",
        categories: ["Kitap", "Roman"],
        popularity: 70,
        createdAt: daysAgo(3),
      },
      {
        id: "KTP-3",
        title: "Kısa Osmanlı Tarihi",
        url: "/urun/ktp-3.html",
        price: 210,
        brand: "Deniz Kitap",
        categories: ["Kitap", "Tarih"],
        popularity: 40,
        createdAt: daysAgo(200),
      },
      {
        id: "KOZ-1",
        title: "Nemlendirici Krem 50 ml",
        url: "/urun/koz-1.html",
        price: 349,
        brand: "Lale Kozmetik",
        categories: ["Kozmetik", "Cilt Bakımı"],
        popularity: 90,
        createdAt: daysAgo(40),
      },
      {
        id: "KOZ-2",
        title: "Güneş Kremi SPF 50",
        url: "/urun/koz-2.html",
        price: 449,
        brand: "Lale Kozmetik",
        categories: ["Kozmetik", "Cilt Bakımı"],
        attributes: { season: "summer" },
        popularity: 60,
      },
      {
        id: "KOZ-3",
        title: "Dudak Balmı",
        url: "/urun/koz-3.html",
        price: 99,
        brand: "Lale Kozmetik",
        categories: ["Kozmetik", "Dudak"],
        popularity: 5,
      },
    ],
  },
  "test",
).catalog as Catalog;
const item = (id: string) => catalog.byId.get(id) ?? expect.unreachable(id);

/** A memory from the empty one, with the given fields. */
function memoryWith(
  fields: Partial<Memory> & { categories?: [string, number][]; brands?: [string, number][] } = {},
): Memory {
  const { categories, brands, ...rest } = fields;
  const base = emptyMemory();
  return {
    ...base,
    ...rest,
    affinities: {
      ...base.affinities,
      ...rest.affinities,
      ...(categories ? { categories: new Map(categories) } : {}),
      ...(brands ? { brands: new Map(brands) } : {}),
    },
  };
}

const visit = (id: string, items: string[], bought: string[] = []): Visit => ({
  id,
  start: NOW - DAY,
  last: NOW - DAY,
  items,
  bought,
});

const model = (entries: Record<string, ModelItem>): Model => ({
  items: new Map(Object.entries(entries)),
});

const run = (strategy: Parameters<typeof recommend>[0], input: Partial<RecommendInput> = {}) =>
  recommend(strategy, { memory: emptyMemory(), catalog, now: NOW, ...input });
const ids = (list: Candidate[]) => list.map((c) => c.id);

describe("similarity", () => {
  it("ranks a same-category sibling above a different category, and names what matched", () => {
    const dress = similarity(item("ELB-1"), item("ELB-3"));
    const coat = similarity(item("ELB-1"), item("KBN-1"));
    const book = similarity(item("ELB-1"), item("KTP-1"));
    expect(dress.score).toBeGreaterThan(coat.score);
    expect(coat.score).toBeGreaterThan(book.score);
    expect(dress.shared).toContain("category:Giyim > Kadın > Elbise");
    expect(similarity(item("ELB-1"), item("ELB-2")).shared).toContain("brand:Ege Dokuma");
  });

  it("gives the same answer with and without the catalog index", () => {
    expect(similarity(item("MNT-1"), item("MNT-3"), catalog)).toEqual(
      similarity(item("MNT-1"), item("MNT-3")),
    );
    expect(similarity(item("MNT-1"), item("MNT-3")).shared).toEqual([
      "category:Giyim > Kadın > Kışlık Mont",
      "brand:Karadeniz Örgü",
      "attribute:season=winter",
      "attribute:color=siyah",
      "price",
      "title",
    ]);
  });
});

describe("recommend", () => {
  it("knows ten strategies and never throws on an unknown one", () => {
    expect(STRATEGIES).toHaveLength(10);
    expect(recommend("nope" as never, { memory: emptyMemory(), catalog, now: NOW })).toEqual([]);
  });

  it("recently-viewed: newest first, skipping items no longer in the catalog", () => {
    const memory = memoryWith({
      recentlyViewed: ["KTP-1", "GONE", "MNT-2"],
      viewedAt: new Map([
        ["KTP-1", NOW - 1000],
        ["MNT-2", NOW - 5000],
      ]),
    });
    const list = run("recently-viewed", { memory });
    expect(ids(list)).toEqual(["KTP-1", "MNT-2"]);
    expect(list[0]?.reason).toEqual({ kind: "recently-viewed", viewedAt: NOW - 1000 });
    expect(run("recently-viewed")).toEqual([]);
  });

  describe("similar", () => {
    it("puts coats next to a coat, leaving out the anchor, its variants and other departments", () => {
      const list = run("similar", { anchor: "MNT-1" });
      expect(ids(list).slice(0, 2)).toEqual(["MNT-3", "MNT-2"]);
      expect(ids(list)).not.toContain("MNT-1");
      expect(ids(list)).not.toContain("MNT-1B");
      expect(ids(list)).not.toContain("KTP-1");
      expect(ids(list)).not.toContain("KOZ-1");
      expect(list[0]?.reason).toMatchObject({ kind: "similar", to: "MNT-1" });
    });

    it("is about the last viewed item when there is no anchor, and empty when there is neither", () => {
      const memory = memoryWith({ recentlyViewed: ["GONE", "KTP-2"] });
      expect(run("similar", { memory })[0]?.reason).toMatchObject({ to: "KTP-2" });
      expect(ids(run("similar", { memory }))).toContain("KTP-1");
      expect(run("similar")).toEqual([]);
      expect(run("similar", { anchor: "NOPE" })).toEqual([]);
    });

    it("scores a bounded pool on a large catalog", () => {
      const big = parseCatalog(
        {
          ...CATALOG,
          items: Array.from({ length: 20_000 }, (_, i) => ({
            id: `X${i}`,
            title: `Ürün ${i}`,
            url: `/x/${i}`,
            price: 100 + (i % 50),
            categories: ["Ev", `Alt ${i % 2}`],
          })),
        },
        "big",
      ).catalog as Catalog;
      const list = recommend("similar", {
        memory: emptyMemory(),
        catalog: big,
        now: NOW,
        anchor: "X0",
      });
      expect(list.length).toBeGreaterThan(0);
      expect(list.length).toBeLessThanOrEqual(300);
      expect(list.every((c) => c.id !== "X0")).toBe(true);
    });
  });

  describe("viewed-together and bought-together", () => {
    it("viewed-together reads the model's co-views, strongest first, skipping unknown ids", () => {
      const m = model({
        "MNT-1": {
          coView: [
            ["ATK-1", 0.4],
            ["GONE", 0.9],
            ["MNT-2", 0.7],
          ],
        },
      });
      const list = run("viewed-together", { anchor: "MNT-1", model: m });
      expect(ids(list)).toEqual(["MNT-2", "ATK-1"]);
      expect(list[0]?.reason).toEqual({ kind: "viewed-together", with: "MNT-1", from: "model" });
    });

    it("viewed-together falls back to the shopper's own visits, nearer in the visit ranking higher", () => {
      const memory = memoryWith({
        recentlyViewed: ["MNT-1"],
        visits: [
          visit("v1", ["KTP-1", "MNT-1", "ATK-1", "MNT-2"]),
          visit("v2", ["KOZ-1", "KOZ-3"]),
        ],
      });
      for (const input of [
        { memory },
        { memory, model: model({ "KOZ-1": { coView: [["KOZ-3", 1]] } }) },
      ]) {
        const list = run("viewed-together", input);
        expect(ids(list)).toEqual(["KTP-1", "ATK-1", "MNT-2"]);
        expect(list[0]?.reason).toEqual({
          kind: "viewed-together",
          with: "MNT-1",
          from: "history",
        });
      }
    });

    it("viewed-together on a cold start shows items like the one on the page, said as similar; bought-together stays empty", () => {
      const list = run("viewed-together", { anchor: "MNT-1" });
      expect(ids(list)).toEqual(ids(run("similar", { anchor: "MNT-1" })));
      expect(list.length).toBeGreaterThan(0);
      expect(list[0]?.reason).toMatchObject({ kind: "similar", to: "MNT-1" });
      expect(run("bought-together", { anchor: "MNT-1" })).toEqual([]);
      // Nothing on the page and nothing seen: nothing to be like.
      expect(run("viewed-together")).toEqual([]);
    });

    it("bought-together reads co-buys of the anchor and of the cart from the model", () => {
      const memory = memoryWith({ cart: [{ id: "KOZ-1", qty: 1, addedAt: NOW, session: "s" }] });
      const m = model({
        "MNT-1": { coBuy: [["ATK-1", 0.5]] },
        "KOZ-1": {
          coBuy: [
            ["KOZ-3", 0.9],
            ["MNT-1", 1],
          ],
        },
      });
      const list = run("bought-together", { memory, anchor: "MNT-1", model: m });
      expect(ids(list)).toEqual(["KOZ-3", "ATK-1"]);
      expect(list[0]?.reason).toEqual({ kind: "bought-together", with: "KOZ-1", from: "model" });
    });

    it("bought-together from history: what was bought in the same visits", () => {
      const memory = memoryWith({
        visits: [
          visit("v1", ["MNT-1", "ATK-1", "KTP-1"], ["MNT-1", "ATK-1"]),
          visit("v2", ["KTP-2"], ["KTP-2"]),
        ],
      });
      const list = run("bought-together", { memory, anchor: "MNT-1" });
      expect(ids(list)).toEqual(["ATK-1"]);
      expect(list[0]?.reason).toEqual({ kind: "bought-together", with: "MNT-1", from: "history" });
      expect(run("bought-together")).toEqual([]);
    });
  });

  describe("trending", () => {
    it("cold start: the catalog's popularity order", () => {
      const list = run("trending");
      expect(ids(list).slice(0, 4)).toEqual(["KOZ-1", "MNT-2", "KTP-2", "KOZ-2"]);
      expect(list[0]?.reason).toEqual({ kind: "trending" });
      expect(new Set(ids(list)).size).toBe(catalog.items.length);
    });

    it("lifts the favourite category and names it", () => {
      const memory = memoryWith({
        categories: [
          ["Giyim", 5],
          ["Giyim > Kadın", 5],
          ["Giyim > Kadın > Kışlık Mont", 5],
        ],
      });
      const list = run("trending", { memory });
      expect(ids(list).slice(0, 4)).toEqual(["MNT-2", "MNT-1", "MNT-3", "MNT-1B"]);
      expect(list[0]?.reason).toEqual({
        kind: "trending",
        category: "Giyim > Kadın > Kışlık Mont",
      });
    });

    it("prefers the model's trend over catalog popularity", () => {
      const m = model({
        "KOZ-3": { trend: 1, popularity: 0.2 },
        "KTP-3": { trend: 0.5 },
        GONE: { trend: 1 },
      });
      expect(ids(run("trending", { model: m })).slice(0, 3)).toEqual(["KOZ-3", "KTP-3", "KOZ-1"]);
    });
  });

  describe("for-you", () => {
    it("cold start: popular items", () => {
      const list = run("for-you");
      expect(list.length).toBeGreaterThan(0);
      expect(list[0]).toMatchObject({ id: "KOZ-1", reason: { kind: "popular" } });
    });

    it("ranks items of the favourite category and brand first, popular ones after", () => {
      const memory = memoryWith({
        categories: [
          ["Kitap", 3],
          ["Kitap > Roman", 3],
        ],
        brands: [["Pusula Yayınları", 2]],
      });
      const list = run("for-you", { memory });
      expect(ids(list).slice(0, 3)).toEqual(["KTP-1", "KTP-2", "KTP-3"]);
      expect(list[0]?.reason).toEqual({
        kind: "for-you",
        category: "Kitap > Roman",
        brand: "Pusula Yayınları",
      });
      expect(list[2]?.reason).toEqual({ kind: "for-you", category: "Kitap" });
      expect(list[3]?.reason.kind).toBe("popular");
      expect(list[2]?.score).toBeGreaterThan(list[3]?.score ?? Infinity);
      expect(new Set(ids(list)).size).toBe(catalog.items.length);
    });

    it("lists the parts of each score: category, brand, attributes, price band, model", () => {
      const memory = memoryWith({
        categories: [
          ["Kitap", 3],
          ["Kitap > Roman", 3],
        ],
        brands: [["Pusula Yayınları", 2]],
      });
      const sum = (c: Candidate | undefined) =>
        (c?.parts ?? []).reduce((total, part) => total + part.value, 0);
      const [first] = run("for-you", { memory });
      expect(first?.parts?.map((part) => part.name)).toEqual(["personal", "category", "brand"]);
      expect(first?.parts?.find((part) => part.name === "brand")?.value).toBeCloseTo(1.5 * (2 / 3));
      expect(sum(first)).toBeCloseTo(first?.score ?? 0, 12);
      // With a model, its part is the scaled neighbour score; affinities weigh `affinity`.
      const withModel = run("for-you", {
        memory: { ...memory, recentlyViewed: ["KTP-1"], viewedAt: new Map([["KTP-1", NOW]]) },
        model: model({ "KTP-1": { coView: [["KTP-2", 1]] } }),
      });
      const ktp2 = withModel.find((c) => c.id === "KTP-2");
      expect(ktp2?.parts?.map((part) => part.name)).toEqual([
        "personal",
        "model",
        "category",
        "brand",
      ]);
      expect(sum(ktp2)).toBeCloseTo(ktp2?.score ?? 0, 12);
      // Popular filler is one number: no parts.
      expect(withModel.find((c) => c.reason.kind === "popular")?.parts).toBeUndefined();
    });

    it("favourite categories weigh depth, so a focused interest beats its root", () => {
      const memory = memoryWith({
        categories: [
          ["Giyim", 6],
          ["Giyim > Kadın", 6],
          ["Giyim > Kadın > Kışlık Mont", 5],
          ["Giyim > Kadın > Elbise", 1],
        ],
      });
      expect(favouriteCategories(memory, 2)).toEqual([
        "Giyim > Kadın > Kışlık Mont",
        "Giyim > Kadın",
      ]);
    });
  });

  describe("up-next", () => {
    // The shopper looked at KTP-1, then KTP-2 (the newest). Others who looked at KTP-2 looked
    // at it again (next KTP-2 → KTP-2) or went on to KTP-3; after KTP-1 they went to KTP-2.
    const memory = memoryWith({
      recentlyViewed: ["KTP-2", "KTP-1"],
      viewedAt: new Map([
        ["KTP-2", NOW - 1000],
        ["KTP-1", NOW - 2000],
      ]),
    });
    const m = model({
      "KTP-2": {
        next: [
          ["KTP-2", 1],
          ["KTP-3", 0.5],
        ],
      },
      "KTP-1": { next: [["KTP-2", 1]] },
    });

    it("keeps the items of the visit, scored by how likely a return is; for-you leaves them out", () => {
      // KTP-2: 1 (KTP-2 → KTP-2, the newest item, weight 1) + ½ · 1 (KTP-1 → KTP-2, one step
      // older) = 1.5; KTP-3: 0.5. No affinities, no popularity: scaled by 1.5 and lifted by 1.
      const list = run("up-next", { memory, model: m });
      expect(ids(list).slice(0, 2)).toEqual(["KTP-2", "KTP-3"]);
      expect(list[0]).toEqual({
        id: "KTP-2",
        score: 2,
        reason: { kind: "recently-viewed", viewedAt: NOW - 1000 },
        parts: [
          { name: "personal", value: 1 },
          { name: "model", value: 1 },
        ],
      });
      expect(list[1]?.score).toBeCloseTo(1 + 0.5 / 1.5, 9);
      expect(list[1]?.reason).toEqual({ kind: "viewed-together", with: "KTP-2", from: "model" });
      const forYou = run("for-you", { memory, model: m });
      expect(ids(forYou)[0]).toBe("KTP-3");
      expect(forYou.find((c) => c.id === "KTP-2" && c.reason.kind !== "popular")).toBeUndefined();
    });
  });

  describe("cart-cross-sell", () => {
    const cart = memoryWith({ cart: [{ id: "MNT-1", qty: 1, addedAt: NOW, session: "s" }] });

    it("proposes complements: the same department, another leaf, never the cart item or its variants", () => {
      const list = run("cart-cross-sell", { memory: cart });
      expect(ids(list)[0]).toBe("ATK-1");
      expect(list[0]?.reason).toEqual({ kind: "cart-cross-sell", with: "MNT-1" });
      for (const id of ["MNT-1", "MNT-1B", "MNT-2", "MNT-3", "KTP-1"])
        expect(ids(list)).not.toContain(id);
    });

    it("prefers the model's co-buys, and history before complements", () => {
      const m = model({ "MNT-1": { coBuy: [["KOZ-3", 1]] } });
      expect(ids(run("cart-cross-sell", { memory: cart, model: m }))).toEqual(["KOZ-3"]);
      const history = { ...cart, visits: [visit("v", ["MNT-1"], ["MNT-1", "KTP-2"])] };
      expect(ids(run("cart-cross-sell", { memory: history }))[0]).toBe("KTP-2");
    });

    it("is empty with an empty cart", () => {
      expect(run("cart-cross-sell")).toEqual([]);
    });
  });

  describe("buy-again", () => {
    const memory = memoryWith({
      purchases: [
        { id: "KOZ-1", ts: NOW - 70 * DAY, qty: 1 },
        { id: "KTP-1", ts: NOW - 40 * DAY, qty: 1 },
        { id: "KOZ-1", ts: NOW - 35 * DAY, qty: 1 },
        { id: "MNT-1", ts: NOW - 20 * DAY, qty: 1 },
      ],
      repurchase: [
        {
          category: "Kitap",
          cycleDays: 60,
          lastAt: NOW - 40 * DAY,
          dueAt: NOW + 20 * DAY,
          items: ["KTP-1"],
        },
        {
          category: "Kozmetik > Cilt Bakımı",
          cycleDays: 35,
          lastAt: NOW - 35 * DAY,
          dueAt: NOW,
          items: ["KOZ-1"],
        },
        {
          category: "Giyim > Kadın > Kışlık Mont",
          cycleDays: 10,
          lastAt: NOW - 20 * DAY,
          dueAt: NOW - 10 * DAY,
          items: ["MNT-1"],
        },
      ],
    });

    it("proposes what is due, most overdue first, with same-group variants, not what is not due", () => {
      const list = run("buy-again", { memory });
      expect(ids(list)).toEqual(["MNT-1", "MNT-1B", "KOZ-1"]);
      expect(list[2]?.reason).toEqual({
        kind: "buy-again",
        category: "Kozmetik > Cilt Bakımı",
        lastBought: NOW - 35 * DAY,
      });
    });

    it("a little before it is due counts too, and nothing without purchases", () => {
      expect(ids(run("buy-again", { memory, now: NOW + 9 * DAY }))).toContain("KTP-1");
      expect(run("buy-again")).toEqual([]);
    });
  });

  describe("new-arrivals", () => {
    it("cold start: the newest items of the last 60 days, then older ones below", () => {
      const list = run("new-arrivals");
      expect(ids(list)).toEqual(["KTP-2", "MNT-2", "MNT-1", "KOZ-1", "KTP-3"]);
      expect(list[0]?.reason).toEqual({ kind: "new-arrival" });
      expect(list[4]?.score).toBeLessThan(list[3]?.score ?? 0);
    });

    it("puts new items in favourite categories first and names the category", () => {
      const memory = memoryWith({ categories: [["Kozmetik", 2]] });
      const list = run("new-arrivals", { memory });
      expect(list[0]).toMatchObject({
        id: "KOZ-1",
        reason: { kind: "new-arrival", category: "Kozmetik" },
      });
    });
  });

  describe("more interest in a category never cuts its items, however long the lists", () => {
    /** Items of one category path, popularity falling from `popularity`, created `age` days ago. */
    const items = (prefix: string, n: number, categories: string[], popularity: number, age = 5) =>
      Array.from({ length: n }, (_, i) => ({
        id: `${prefix}-${i}`,
        title: `${prefix} ${i}`,
        url: `/${prefix}-${i}`,
        price: 100,
        currency: "TRY",
        availability: "in_stock" as const,
        categories,
        attributes: {},
        tags: [],
        popularity: popularity - i,
        createdAt: new Date(NOW - (age + i / 1000) * DAY).toISOString(),
      }));
    const catalogOf = (list: ReturnType<typeof items>): Catalog => ({
      currency: "TRY",
      items: list,
      byId: new Map(list.map((item) => [item.id, item])),
    });
    /** Every item of `category` proposed before is proposed after, scoring no less. */
    const kept = (before: Candidate[], after: Candidate[], prefix: string) => {
      const scores = new Map(after.map((c) => [c.id, c.score]));
      const mine = before.filter((c) => c.id.startsWith(prefix));
      expect(mine.length).toBeGreaterThan(0);
      for (const c of mine) expect(scores.get(c.id) ?? -1, c.id).toBeGreaterThanOrEqual(c.score);
    };

    it("trending: a favourite's item stays when its parent category becomes a favourite too", () => {
      // 50 men's items, then 300 home items, then the women's items the shopper likes.
      const big = catalogOf([
        ...items("ERK", 50, ["Giyim", "Erkek"], 10_000),
        ...items("EV", 300, ["Ev"], 9_000),
        ...items("KDN", 20, ["Giyim", "Kadın"], 8_000),
      ]);
      const before = memoryWith({ categories: [["Giyim > Kadın", 1]] });
      const after = memoryWith({
        categories: [
          ["Giyim > Kadın", 1],
          ["Giyim", 50],
        ],
      });
      const trending = (memory: Memory) =>
        recommend("trending", { memory, catalog: big, now: NOW });
      kept(trending(before), trending(after), "KDN");
    });

    it("new-arrivals: more favourite-category items than one list ever held are all kept", () => {
      const shop = catalogOf([
        ...items("OYN", 80, ["Oyuncak"], 0),
        ...items("KTP", 5, ["Kitap"], 0),
      ]);
      const before = memoryWith({ categories: [["Kitap", 1]] });
      const after = memoryWith({
        categories: [
          ["Kitap", 1],
          ["Oyuncak", 5],
        ],
      });
      const arrivals = (memory: Memory) =>
        recommend("new-arrivals", { memory, catalog: shop, now: NOW });
      kept(arrivals(before), arrivals(after), "OYN");
      expect(
        arrivals(after).filter(
          (c) => c.reason.kind === "new-arrival" && c.reason.category === "Oyuncak",
        ),
      ).toHaveLength(80);
    });
  });

  it("cold start: trending, for-you and new-arrivals are non-empty from the catalog alone", () => {
    for (const strategy of ["trending", "for-you", "new-arrivals"] as const) {
      expect(run(strategy).length, strategy).toBeGreaterThan(0);
    }
  });
});
