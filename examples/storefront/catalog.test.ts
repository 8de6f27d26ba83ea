import { describe, expect, it } from "vitest";
import { CATEGORIES, generateCatalog } from "./catalog-data.mjs";

describe("demo storefront catalog", () => {
  const tr = generateCatalog("tr");
  const en = generateCatalog("en");

  it("has the vitrin-catalog envelope", () => {
    expect(tr).toMatchObject({ format: "vitrin-catalog", version: 1, currency: "TRY" });
    expect(tr.language).toBe("tr");
    expect(en.language).toBe("en");
  });

  it("is large and broad enough to demo recommendations", () => {
    expect(tr.items.length).toBeGreaterThanOrEqual(320);
    const topLevel = new Set(tr.items.map((item) => item.categories[0]));
    expect(topLevel.size).toBeGreaterThanOrEqual(9);
    expect(CATEGORIES.length).toBe(topLevel.size);
  });

  it("uses unique, well-formed ids", () => {
    const ids = tr.items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z]{3}-\d{4}$/);
  });

  it("is deterministic", () => {
    expect(generateCatalog("tr")).toEqual(tr);
    expect(JSON.stringify(generateCatalog("en"))).toBe(JSON.stringify(en));
  });

  it("has realistic, mostly distinct titles", () => {
    for (const catalog of [tr, en]) {
      const titles = catalog.items.map((item) => item.title);
      expect(new Set(titles).size / titles.length).toBeGreaterThanOrEqual(0.9);
      for (const title of titles) expect(title).not.toMatch(/^(Product|Ürün) \d+$/);
    }
  });

  it("keeps prices, stock and ratings in range", () => {
    for (const item of tr.items) {
      expect(item.price).toBeGreaterThan(0);
      expect(Math.round(item.price * 100) / 100).toBe(item.price);
      if (item.salePrice !== undefined) expect(item.salePrice).toBeLessThan(item.price);
      expect(["in_stock", "out_of_stock"]).toContain(item.availability);
      expect(Number.isInteger(item.popularity)).toBe(true);
      expect(item.popularity).toBeGreaterThanOrEqual(0);
      expect(item.popularity).toBeLessThanOrEqual(2000);
      expect(item.rating).toBeGreaterThanOrEqual(1);
      expect(item.rating).toBeLessThanOrEqual(5);
      expect(item.createdAt).toMatch(/^202[56]-\d{2}-\d{2}$/);
    }
  });

  it("uses site-absolute urls and images", () => {
    for (const item of [...tr.items, ...en.items]) {
      expect(item.url.startsWith("/")).toBe(true);
      expect(item.image.startsWith("/")).toBe(true);
    }
    for (const item of en.items) expect(item.url.startsWith("/en/urun/")).toBe(true);
  });

  it("has the same ids in the same order in both languages", () => {
    expect(en.items.map((item) => item.id)).toEqual(tr.items.map((item) => item.id));
    expect(en.items.map((item) => item.price)).toEqual(tr.items.map((item) => item.price));
    expect(en.items.map((item) => item.title)).not.toEqual(tr.items.map((item) => item.title));
  });

  it("has both summer and winter clothing", () => {
    const clothing = tr.items.filter((item) => item.categories[0] === "Giyim");
    const seasons = new Set(clothing.map((item) => item.attributes.season));
    expect(seasons.has("summer")).toBe(true);
    expect(seasons.has("winter")).toBe(true);
  });

  it("groups colour variants under the first variant's id", () => {
    const byGroup = new Map<string, string[]>();
    for (const item of tr.items)
      byGroup.set(item.groupId, [...(byGroup.get(item.groupId) ?? []), item.id]);
    const shared = [...byGroup.values()].filter((ids) => ids.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const ids of shared) expect(byGroup.has(ids[0] ?? "")).toBe(true);
    for (const [groupId, ids] of byGroup) expect(ids[0]).toBe(groupId);
  });
});
