import { describe, expect, it } from "vitest";
import { type Catalog, parseCatalog } from "./catalog.js";
import { recommend, similarity } from "./recommend.js";
import { relevance } from "./relevance.js";
import { remember } from "./remember.js";
import { pickForSlot } from "./slot.js";
import { CATALOG, viewEvent } from "./test-fixtures.js";

const catalog = parseCatalog(CATALOG, "test").catalog as Catalog;
const item = (id: string) => catalog.byId.get(id) ?? expect.unreachable(id);

describe("remember", () => {
  it("lists viewed items newest first, each once, by timestamp not log order", () => {
    const events = [
      viewEvent("A", 10),
      viewEvent("B", 30),
      viewEvent("A", 40),
      viewEvent("C", 20, "select_item"),
    ];
    expect(remember(events).recentlyViewed).toEqual(["A", "B", "C"]);
    expect(remember([]).recentlyViewed).toEqual([]);
  });
});

describe("similarity", () => {
  it("ranks a same-category sibling above a different category", () => {
    const dress = similarity(item("ELB-1"), item("ELB-3"));
    const coat = similarity(item("ELB-1"), item("KBN-1"));
    const book = similarity(item("ELB-1"), item("KTP-1"));
    expect(dress.score).toBeGreaterThan(coat.score);
    expect(coat.score).toBeGreaterThan(book.score);
    expect(dress.shared).toContain("category:Giyim > Kadın > Elbise");
    expect(similarity(item("ELB-1"), item("ELB-2")).shared).toContain("brand:Ege Dokuma");
  });
});

describe("recommend + relevance", () => {
  it("similar: excludes the anchor, sold-out items and a second variant of one group", () => {
    const memory = remember([]);
    const candidates = recommend("similar", { memory, catalog, anchor: "ELB-3" });
    expect(candidates.map((c) => c.id)).not.toContain("ELB-3");
    expect(candidates.map((c) => c.id)).not.toContain("KTP-1");
    const picks = relevance(candidates, catalog, {
      limit: 10,
      exclude: new Set(["ELB-3"]),
      inStockOnly: true,
      onePerGroup: true,
    });
    const ids = picks.map((p) => p.item.id);
    expect(ids).not.toContain("ELB-4");
    expect(ids.filter((id) => id.startsWith("ELB-1") || id === "ELB-2")).toHaveLength(1);
    expect(picks[0]?.reason).toMatchObject({ kind: "similar", to: "ELB-3" });
  });

  it("similar with an unknown anchor proposes nothing", () => {
    expect(recommend("similar", { memory: remember([]), catalog, anchor: "NOPE" })).toEqual([]);
  });
});

describe("pickForSlot", () => {
  const events = [
    viewEvent("KTP-1", 1),
    viewEvent("ELB-4", 2),
    viewEvent("KBN-1", 3),
    viewEvent("GONE", 4),
  ];

  it("recently viewed: newest first, keeps sold-out items, skips items no longer in the catalog", () => {
    const picks = pickForSlot({ strategy: "recently-viewed", limit: 6 }, { events, catalog });
    expect(picks.map((p) => p.item.id)).toEqual(["KBN-1", "ELB-4", "KTP-1"]);
    expect(picks[0]?.reason).toEqual({ kind: "recently-viewed", viewedAt: 3 });
  });

  it("recently viewed leaves out the product on screen and honours the limit", () => {
    const picks = pickForSlot(
      { strategy: "recently-viewed", limit: 1 },
      { events, catalog, pageItem: "KBN-1" },
    );
    expect(picks.map((p) => p.item.id)).toEqual(["ELB-4"]);
  });

  it("similar is about the slot's item, else the page's, else the last viewed", () => {
    const about = (request: { item?: string }, pageItem?: string) =>
      pickForSlot(
        { strategy: "similar", limit: 3, ...request },
        { events, catalog, ...(pageItem ? { pageItem } : {}) },
      )[0]?.reason;
    expect(about({ item: "ELB-1" }, "KBN-1")).toMatchObject({ to: "ELB-1" });
    expect(about({}, "ELB-3")).toMatchObject({ to: "ELB-3" });
    expect(about({})).toMatchObject({ to: "KBN-1" });
  });
});
