import { describe, expect, it } from "vitest";
import { parseCatalog } from "./catalog.js";
import { CATALOG } from "./test-fixtures.js";

describe("parseCatalog", () => {
  it("reads a valid catalog and indexes it by id", () => {
    const { catalog, problems } = parseCatalog(CATALOG, "catalog.json");
    expect(problems).toEqual([]);
    expect(catalog?.items).toHaveLength(CATALOG.items.length);
    expect(catalog?.byId.get("ELB-1")).toMatchObject({
      salePrice: 999.9,
      currency: "TRY",
      tags: [],
    });
  });

  it("skips bad items, naming index, id and field, and keeps the rest", () => {
    const items = [
      ...CATALOG.items,
      { id: "BAD-1", title: "x", url: "/x", price: "12" },
      { id: "BAD-2", title: "x", url: "javascript:alert(1)", price: 1 },
      { id: "BAD-3", title: "x", url: "/x", price: 10, salePrice: 12 },
      { id: "BAD-4", title: "x", url: "/x", price: 1, availability: "soon" },
      { id: "BAD-5", title: "x", url: "/x", price: 1, attributes: { size: [1] } },
      { id: "ELB-1", title: "dup", url: "/x", price: 1 },
      "nope",
    ];
    const { catalog, problems } = parseCatalog({ ...CATALOG, items }, "c.json");
    expect(catalog?.items).toHaveLength(CATALOG.items.length);
    expect(problems).toEqual([
      'c.json: items[6] (id "BAD-1").price: expected a number ≥ 0',
      'c.json: items[7] (id "BAD-2").url: expected an http(s) URL or a path',
      'c.json: items[8] (id "BAD-3").salePrice: expected less than price',
      'c.json: items[9] (id "BAD-4").availability: expected one of in_stock, out_of_stock, preorder, backorder',
      'c.json: items[10] (id "BAD-5").attributes.size: expected a string or an array of strings',
      'c.json: items[11] (id "ELB-1").id: expected a unique id, this one repeats',
      "c.json: items[12].expected an object",
    ]);
  });

  it("reads an optional small image, checked like the image", () => {
    const item = { id: "T-1", title: "x", url: "/x", price: 1, image: "/a.jpg" };
    const items = [
      { ...item, thumb: "https://cdn.example/a-200.jpg" },
      { ...item, id: "T-2", thumb: "data:image/png;base64,AAAA" },
    ];
    const { catalog, problems } = parseCatalog({ ...CATALOG, items }, "c.json");
    expect(catalog?.byId.get("T-1")?.thumb).toBe("https://cdn.example/a-200.jpg");
    expect(problems).toEqual([
      'c.json: items[1] (id "T-2").thumb: expected an http(s) URL or a path',
    ]);
  });

  it("rejects a file that is not a Vitrin catalog", () => {
    expect(parseCatalog([], "a").problems).toEqual(["a: expected a JSON object"]);
    expect(parseCatalog({ ...CATALOG, format: "x" }, "a").catalog).toBeUndefined();
    expect(parseCatalog({ ...CATALOG, version: 2 }, "a").problems[0]).toContain(
      "version: expected 1",
    );
    expect(parseCatalog({ ...CATALOG, items: {} }, "a").problems).toEqual([
      "a: items: expected an array",
    ]);
  });
});
