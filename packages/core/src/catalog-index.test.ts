import { describe, expect, it } from "vitest";
import type { Catalog, CatalogItem } from "./catalog.js";
import { indexCatalog } from "./catalog-index.js";
import { applyOverrides } from "./enrich.js";

function catalogOf(items: Partial<CatalogItem>[]): Catalog {
  const full = items.map(
    (item, i): CatalogItem => ({
      id: `I${i}`,
      title: `Item ${i}`,
      url: `/i/${i}`,
      price: 100,
      currency: "TRY",
      availability: "in_stock",
      categories: [],
      attributes: {},
      tags: [],
      ...item,
    }),
  );
  return { currency: "TRY", items: full, byId: new Map(full.map((item) => [item.id, item])) };
}

describe("indexCatalog", () => {
  it("keys every category prefix, and keeps look-alike paths apart", () => {
    const catalog = catalogOf([
      { categories: ["Giyim", "Kadın", "Mont"] },
      { categories: ["Giyim > Kadın"] },
      { categories: [] },
      { categories: [""] },
    ]);
    const index = indexCatalog(catalog);
    const keys = (i: number) => index.categoryKeys(catalog.items[i] as CatalogItem);
    expect(keys(0)).toEqual(["Giyim", "Giyim > Kadın", "Giyim > Kadın > Mont"]);
    // One category whose name contains the separator is not the two-level path.
    expect(keys(1)).toEqual(["Giyim > Kadın"]);
    expect(keys(2)).toEqual([]);
    expect(keys(3)).toEqual([""]);
    expect(index.inCategory("Giyim > Kadın")).toEqual(["I0", "I1"]);
    expect(index.inCategory("Giyim")).toEqual(["I0"]);
  });

  it("bands prices by fifths within each top-level category", () => {
    const catalog = catalogOf([
      ...[100, 200, 300, 400, 500].map((price) => ({ price, categories: ["Ev"] })),
      { price: 5000, categories: ["Mobilya"] },
      { price: 600, salePrice: 150, categories: ["Ev"] },
    ]);
    const index = indexCatalog(catalog);
    const band = (id: string) => index.priceBand(catalog.byId.get(id) as CatalogItem);
    // "Ev" pays 100, 150 (I6, on sale from 600), 200, 300, 400, 500: fifths start at 150, 200,
    // 300 and 400.
    expect(["I0", "I1", "I2", "I3", "I4"].map(band)).toEqual([0, 2, 3, 4, 4]);
    expect(band("I6")).toBe(1);
    // Alone in its category, the dearest item is in its own top fifth.
    expect(band("I5")).toBe(4);
  });

  it("orders by popularity and by date, and knows the share on sale", () => {
    const catalog = catalogOf([
      { popularity: 5, createdAt: "2026-01-01" },
      { popularity: 9, createdAt: "2026-03-01" },
      { popularity: 5, salePrice: 50 },
      { createdAt: "not a date" },
    ]);
    const index = indexCatalog(catalog);
    expect(index.byPopularity).toEqual(["I1", "I0", "I2", "I3"]);
    expect(index.newest).toEqual([
      { id: "I1", at: Date.parse("2026-03-01") },
      { id: "I0", at: Date.parse("2026-01-01") },
    ]);
    expect(index.saleShare).toBe(0.25);
  });

  it("is built once per catalog, and shared by its copies with fresher prices", () => {
    const catalog = catalogOf([{ categories: ["Kitap"] }]);
    const fresher = applyOverrides({ ...catalog, fetchedAt: 1 }, { I0: { at: 2, price: 80 } });
    expect(indexCatalog(catalog)).toBe(indexCatalog(catalog));
    expect(fresher.base).toBeDefined();
    expect(indexCatalog(fresher)).toBe(indexCatalog(fresher.base as Catalog));
  });
});
