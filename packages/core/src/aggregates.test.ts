import { describe, expect, it } from "vitest";
import {
  AGGREGATE_CAPS,
  type Aggregates,
  categoryPrefixes,
  emptyAggregates,
  foldAggregates,
  readAggregates,
} from "./aggregates.js";
import type { EventItem, EventParams, VitrinEvent } from "./events.js";
import { viewEvent } from "./test-fixtures.js";

/** A stored event of any kind, built on the shared fixture so it follows the event shape. */
function event(
  name: VitrinEvent["name"],
  ts: number,
  items: EventItem[] = [],
  params: EventParams = {},
): VitrinEvent {
  return { ...viewEvent("unused", ts, name), items, params };
}

const dress: EventItem = {
  item_id: "ELB-1",
  item_brand: "Ege Dokuma",
  item_category: "Giyim",
  item_category2: "Kadın",
  item_category3: "Elbise",
};
const book: EventItem = { item_id: "KTP-1", item_brand: "Pusula", item_category: "Kitap" };

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe("foldAggregates", () => {
  it("counts views, cart units and purchased units per item, with the last time seen", () => {
    const a = foldAggregates(undefined, [
      event("view_item", 10, [dress]),
      event("view_item", 20, [dress]),
      event("add_to_cart", 30, [{ ...dress, quantity: 2 }]),
      event("purchase", 40, [{ ...dress, quantity: 2 }, book]),
      event("select_item", 50, [book]),
    ]);
    expect(a.items).toEqual({
      "ELB-1": { views: 2, carts: 2, purchases: 2, last: 40 },
      "KTP-1": { views: 0, carts: 0, purchases: 1, last: 50 },
    });
    expect(a).toMatchObject({ version: 1, from: 10, to: 50, events: 5 });
  });

  it("keeps each purchase with its time and quantity, oldest first", () => {
    const a = foldAggregates(undefined, [
      event("purchase", 40, [{ ...dress, quantity: 3 }]),
      event("purchase", 5, [book]),
    ]);
    expect(a.purchases).toEqual([
      { id: "KTP-1", ts: 5, qty: 1 },
      { id: "ELB-1", ts: 40, qty: 3 },
    ]);
  });

  it("weights interest per category prefix and per brand by event strength, not quantity", () => {
    const a = foldAggregates(undefined, [
      event("view_item", 1, [dress]), // +1
      event("select_item", 2, [dress]), // +2
      event("add_to_wishlist", 3, [dress]), // +3
      event("add_to_cart", 4, [{ ...dress, quantity: 5 }]), // +4
      event("remove_from_cart", 5, [dress]), // −2
      event("purchase", 6, [dress]), // +6
      event("view_item", 7, [book]), // +1
    ]);
    expect(a.categories).toEqual({
      Giyim: 14,
      "Giyim > Kadın": 14,
      "Giyim > Kadın > Elbise": 14,
      Kitap: 1,
    });
    expect(a.brands).toEqual({ "Ege Dokuma": 14, Pusula: 1 });
  });

  it("ignores events that say nothing about interest, but counts them as folded", () => {
    const a = foldAggregates(undefined, [
      event("view_item_list", 1, [dress, book]),
      event("view_cart", 2, [dress]),
      event("page_view", 3),
    ]);
    expect(a.items).toEqual({});
    expect(a.categories).toEqual({});
    expect(a.events).toBe(3);
  });

  it("counts search terms, lower-cased with spaces collapsed", () => {
    const a = foldAggregates(undefined, [
      event("search", 1, [], { search_term: "Keten  Elbise" }),
      event("search", 2, [], { search_term: "keten elbise" }),
      event("search", 3, [], { search_term: "kaban" }),
      event("search", 4, [], {}),
    ]);
    expect(a.searches).toEqual({ "keten elbise": 2, kaban: 1 });
  });

  it("adds onto a previous record", () => {
    const first = foldAggregates(undefined, [
      event("view_item", 10, [dress]),
      event("search", 11, [], { search_term: "elbise" }),
    ]);
    const second = foldAggregates(first, [
      event("view_item", 20, [dress]),
      event("search", 21, [], { search_term: "elbise" }),
    ]);
    expect(second).toMatchObject({ from: 10, to: 21, events: 4 });
    expect(second.items["ELB-1"]).toEqual({ views: 2, carts: 0, purchases: 0, last: 20 });
    expect(second.categories.Giyim).toBe(2);
    expect(second.searches).toEqual({ elbise: 2 });
  });

  it("is pure: the previous record and the events are left as they were", () => {
    const previous = deepFreeze(
      foldAggregates(undefined, [event("purchase", 10, [dress]), event("view_item", 11, [book])]),
    );
    const snapshot = structuredClone(previous);
    const events = deepFreeze([event("purchase", 20, [dress]), event("view_item", 21, [book])]);
    const next = foldAggregates(previous, events);
    expect(previous).toEqual(snapshot);
    expect(next.items["ELB-1"]?.purchases).toBe(2);
    // Nothing shared: changing the result cannot reach back into the previous record.
    expect(next.items["ELB-1"]).not.toBe(previous.items["ELB-1"]);
    expect(next.items["KTP-1"]).not.toBe(previous.items["KTP-1"]);
    expect(next.purchases[0]).toEqual(previous.purchases[0]);
    expect(next.purchases[0]).not.toBe(previous.purchases[0]);
  });

  it("folding the same events again counts nothing twice (the `to` watermark)", () => {
    const events = [event("view_item", 10, [dress]), event("purchase", 20, [dress])];
    const once = foldAggregates(undefined, events);
    expect(foldAggregates(once, events)).toEqual(once);
    // A retry that saw one more, newer event adds only that one.
    const retried = foldAggregates(once, [...events, event("view_item", 30, [dress])]);
    expect(retried.events).toBe(3);
    expect(retried.items["ELB-1"]).toEqual({ views: 2, carts: 0, purchases: 1, last: 30 });
  });

  it("keeps only the 2,000 most recently seen items", () => {
    const many = Array.from({ length: AGGREGATE_CAPS.items + 5 }, (_, i) =>
      event("view_item", 1000 + i, [{ item_id: `I${i}` }]),
    );
    // Oldest first: the cut must go by timestamp, not by the order events arrive in.
    const a = foldAggregates(undefined, many);
    expect(Object.keys(a.items)).toHaveLength(AGGREGATE_CAPS.items);
    for (const dropped of ["I0", "I1", "I2", "I3", "I4"])
      expect(a.items).not.toHaveProperty(dropped);
    expect(a.items).toHaveProperty("I5");
    expect(a.items).toHaveProperty(`I${AGGREGATE_CAPS.items + 4}`);
  });

  it("keeps only the newest 500 purchases", () => {
    const many = Array.from({ length: AGGREGATE_CAPS.purchases + 3 }, (_, i) =>
      event("purchase", 1000 + i, [{ item_id: `P${i}` }]),
    );
    const a = foldAggregates(undefined, many);
    expect(a.purchases).toHaveLength(AGGREGATE_CAPS.purchases);
    expect(a.purchases[0]).toEqual({ id: "P3", ts: 1003, qty: 1 });
    expect(a.purchases.at(-1)?.id).toBe(`P${AGGREGATE_CAPS.purchases + 2}`);
  });

  it("keeps the 200 most frequent search terms, the most recent among equals", () => {
    const terms = Array.from({ length: AGGREGATE_CAPS.searches + 2 }, (_, i) =>
      event("search", 100 + i, [], { search_term: `t${i}` }),
    );
    const frequent = event("search", 1, [], { search_term: "t0" });
    const a = foldAggregates(undefined, [frequent, ...terms]);
    expect(Object.keys(a.searches)).toHaveLength(AGGREGATE_CAPS.searches);
    expect(a.searches.t0).toBe(2);
    // t1 and t2 are the stalest of the terms seen once.
    expect(a.searches).not.toHaveProperty("t1");
    expect(a.searches).not.toHaveProperty("t2");
    expect(a.searches[`t${AGGREGATE_CAPS.searches + 1}`]).toBe(1);
    // A term searched again later is fresh again, and survives the next cut.
    const b = foldAggregates(a, [
      event("search", 1000, [], { search_term: "t3" }),
      event("search", 1001, [], { search_term: "brand new" }),
    ]);
    expect(b.searches.t3).toBe(2);
    expect(b.searches["brand new"]).toBe(1);
    expect(b.searches).not.toHaveProperty("t4");
  });

  it("breaks ties at the search cap by the latest search, not the first", () => {
    const search = (term: string, ts: number) => event("search", ts, [], { search_term: term });
    const popular = Array.from({ length: AGGREGATE_CAPS.searches - 1 }, (_, i) =>
      Array.from({ length: 3 }, () => search(`popular ${i}`, 50)),
    ).flat();
    // "b" is first seen before "a", but searched again after it.
    const a = foldAggregates(undefined, [
      search("b", 1),
      search("a", 2),
      search("a", 3),
      search("b", 4),
      ...popular,
    ]);
    expect(Object.keys(a.searches)).toHaveLength(AGGREGATE_CAPS.searches);
    expect(a.searches.b).toBe(2);
    expect(a.searches).not.toHaveProperty("a");
  });

  it("treats ids and terms from the page as plain keys, even __proto__", () => {
    const a = foldAggregates(undefined, [
      event("view_item", 1, [{ item_id: "__proto__", item_brand: "__proto__" }]),
    ]);
    expect(Object.hasOwn(a.items, "__proto__")).toBe(true);
    expect(Object.hasOwn(a.brands, "__proto__")).toBe(true);
    const b = foldAggregates(a, [event("view_item", 2, [{ item_id: "__proto__" }])]);
    expect(Object.getOwnPropertyDescriptor(b.items, "__proto__")?.value).toMatchObject({
      views: 2,
    });
  });
});

describe("categoryPrefixes", () => {
  it("lists every prefix of the path, stopping at the first missing level", () => {
    expect(categoryPrefixes(dress)).toEqual(["Giyim", "Giyim > Kadın", "Giyim > Kadın > Elbise"]);
    expect(categoryPrefixes({ item_id: "x", item_category2: "Kadın" })).toEqual([]);
  });
});

describe("readAggregates", () => {
  it("accepts a folded record and rejects what this version cannot read", () => {
    const good: Aggregates = foldAggregates(emptyAggregates(), [event("purchase", 1, [dress])]);
    expect(readAggregates(structuredClone(good))).toEqual(good);
    expect(readAggregates(undefined)).toBeUndefined();
    expect(readAggregates({ ...good, version: 2 })).toBeUndefined();
    expect(readAggregates({ ...good, items: { x: { views: "1" } } })).toBeUndefined();
    expect(readAggregates({ ...good, purchases: [{ id: "x", ts: 1 }] })).toBeUndefined();
    expect(readAggregates({ ...good, searches: { a: null } })).toBeUndefined();
  });
});
