import { describe, expect, it } from "vitest";
import { type Catalog, parseCatalog } from "./catalog.js";
import { addOverrides, applyOverrides } from "./enrich.js";
import { CATALOG } from "./test-fixtures.js";

const catalog = { ...(parseCatalog(CATALOG, "t").catalog as Catalog), fetchedAt: 100 };

describe("JSON-LD enrichment", () => {
  it("applies fresher price and stock: lower price is a sale, higher a new list price", () => {
    const overrides = addOverrides(
      {},
      [
        { id: "ELB-3", price: 799.9, availability: "out_of_stock" },
        { id: "KBN-1", price: 4299 },
        { id: "ELB-1", price: 1299.9 },
        { id: "NOPE", price: 1 },
        { id: "KTP-1" },
      ],
      200,
    );
    expect(Object.keys(overrides)).toEqual(["ELB-3", "KBN-1", "ELB-1", "NOPE"]);
    const enriched = applyOverrides(catalog, overrides);
    expect(enriched.byId.get("ELB-3")).toMatchObject({
      price: 899.9,
      salePrice: 799.9,
      availability: "out_of_stock",
    });
    expect(enriched.byId.get("KBN-1")).toMatchObject({ price: 4299 });
    expect(enriched.byId.get("ELB-1")).toMatchObject({ price: 1299.9 });
    expect(enriched.byId.get("ELB-1")?.salePrice).toBeUndefined();
    expect(enriched.items.find((i) => i.id === "ELB-3")?.salePrice).toBe(799.9);
    // The catalog itself is untouched.
    expect(catalog.byId.get("ELB-3")?.salePrice).toBeUndefined();
  });

  it("ignores overrides older than the catalog copy", () => {
    const stale = addOverrides({}, [{ id: "ELB-3", price: 1 }], 50);
    expect(applyOverrides(catalog, stale)).toBe(catalog);
  });
});
