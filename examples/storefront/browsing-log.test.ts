import { describe, expect, it } from "vitest";
import { COMPLEMENTS, LOG_SHOPPERS, simulateBrowsingLog } from "./browsing-log.mjs";
import { generateProducts } from "./catalog-data.mjs";

/** `Map.groupBy`, which Node 20 (the oldest supported) does not have. */
function groupBy<T>(list: readonly T[], key: (entry: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of list) groups.set(key(entry), [...(groups.get(key(entry)) ?? []), entry]);
  return groups;
}

describe("the demo's simulated browsing log", () => {
  const products = generateProducts();
  const byId = new Map(products.map((product) => [product.id, product]));
  const leaf = (id: string) => byId.get(id)?.categories.tr.join(" > ") ?? "";
  const log = simulateBrowsingLog(products);
  const views = log.filter((event) => event.event === "view");
  const sessions = groupBy(log, (event) => event.session);

  it("is deterministic: the same log, event for event, on every build", () => {
    expect(simulateBrowsingLog(products)).toEqual(log);
    // Another seed, another log: the seed is what fixes it.
    expect(simulateBrowsingLog(products, { shoppers: 50, seed: 1 })).not.toEqual(
      simulateBrowsingLog(products, { shoppers: 50, seed: 2 }),
    );
  });

  it("has a few thousand shoppers, each in one to four sessions of catalog items", () => {
    expect(new Set(log.map((event) => event.user)).size).toBe(LOG_SHOPPERS);
    expect(LOG_SHOPPERS).toBeGreaterThanOrEqual(1000);
    for (const event of log) expect(byId.has(event.item)).toBe(true);
    const perUser = groupBy([...sessions.keys()], (session) => session.split("-")[0] ?? "");
    for (const list of perUser.values()) expect(list.length).toBeLessThanOrEqual(4);
    // A month of events, in time order within each session.
    const times = log.map((event) => event.time);
    expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(29 * 86_400_000);
    for (const events of sessions.values())
      for (let i = 1; i < events.length; i++)
        expect(events[i]?.time).toBeGreaterThan(events[i - 1]?.time ?? 0);
  });

  it("stays mostly within one leaf category and department from view to view", () => {
    let sameLeaf = 0;
    let sameDepartment = 0;
    let steps = 0;
    for (const events of sessions.values()) {
      const seen = events.filter((event) => event.event === "view").map((event) => event.item);
      for (let i = 1; i < seen.length; i++) {
        const [a, b] = [seen[i - 1] ?? "", seen[i] ?? ""];
        steps++;
        if (leaf(a) === leaf(b)) sameLeaf++;
        if (leaf(a).split(" > ")[0] === leaf(b).split(" > ")[0]) sameDepartment++;
      }
    }
    expect(sameLeaf / steps).toBeGreaterThan(0.55);
    expect(sameDepartment / steps).toBeGreaterThan(0.8);
  });

  it("shows popular items more often than unpopular ones", () => {
    const count = new Map<string, number>();
    for (const event of views) count.set(event.item, (count.get(event.item) ?? 0) + 1);
    const ranked = products.toSorted((a, b) => b.popularity - a.popularity);
    const quarter = Math.floor(ranked.length / 4);
    const total = (list: typeof products) =>
      list.reduce((sum, product) => sum + (count.get(product.id) ?? 0), 0);
    expect(total(ranked.slice(0, quarter))).toBeGreaterThan(2 * total(ranked.slice(-quarter)));
  });

  it("adds some views to the cart, buys only what is in the cart, and never a sold-out item", () => {
    const carts = log.filter((event) => event.event === "cart");
    const purchases = log.filter((event) => event.event === "purchase");
    expect(carts.length / views.length).toBeGreaterThan(0.03);
    expect(carts.length / views.length).toBeLessThan(0.2);
    expect(purchases.length).toBeGreaterThan(0);
    for (const event of carts) expect(byId.get(event.item)?.availability).toBe("in_stock");
    for (const events of sessions.values()) {
      const carted = new Set(events.filter((e) => e.event === "cart").map((e) => e.item));
      for (const event of events.filter((e) => e.event === "purchase"))
        expect(carted.has(event.item)).toBe(true);
    }
  });

  it("follows a cart add with a complement now and then: a coat, then a scarf", () => {
    // Every category the complement table names exists in the catalog.
    const leaves = new Set(products.map((product) => leaf(product.id)));
    for (const [from, to] of Object.entries(COMPLEMENTS))
      for (const name of [from, ...to]) expect(leaves, name).toContain(name);

    let coatThenScarf = 0;
    for (const events of sessions.values()) {
      events.forEach((event, i) => {
        const after = events[i + 1];
        if (
          event.event === "cart" &&
          leaf(event.item).endsWith("Mont & Kaban") &&
          after?.event === "view" &&
          leaf(after.item) === "Giyim > Kış Aksesuarları > Atkı"
        )
          coatThenScarf++;
      });
    }
    expect(coatThenScarf).toBeGreaterThan(5);
  });
});
