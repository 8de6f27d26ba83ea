import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { type CatalogItem, parseCatalog } from "@vitrin/core";
import { afterAll, describe, expect, it } from "vitest";
import { removeTempDirs, tempDir } from "./test-helpers.js";
import { CatalogWriter, serializeItem } from "./writer.js";

afterAll(removeTempDirs);

const item = (n: number): CatalogItem => ({
  id: `GYM-${n}`,
  title: `Ürün "${n}" – <özel>`,
  url: `/urun/${n}.html`,
  price: 100 + n,
  currency: "TRY",
  availability: "in_stock",
  categories: ["Giyim"],
  attributes: { season: "all" },
  tags: [],
});

describe("CatalogWriter", () => {
  it.each([0, 1, 3, 5000])("writes %i items as valid JSON the validator accepts", async (count) => {
    const dir = tempDir();
    const path = join(dir, "catalog.json");
    const writer = await CatalogWriter.open(path);
    await writer.begin("TRY", "tr");
    for (let n = 0; n < count; n++) await writer.write(item(n));
    const bytes = await writer.commit();
    const text = readFileSync(path, "utf8");
    expect(bytes).toBe(Buffer.byteLength(text));
    const json = JSON.parse(text);
    const parsed = parseCatalog(json, path);
    expect(parsed.problems).toEqual([]);
    expect(parsed.catalog?.items).toHaveLength(count);
    expect(parsed.catalog?.language).toBe("tr");
    expect(readdirSync(dir)).toEqual(["catalog.json"]);
  });

  it("keeps an item's small image, after its image", () => {
    const text = serializeItem({ ...item(1), image: "/a.jpg", thumb: "/a-200.jpg" });
    expect(text).toContain('"image":"/a.jpg","thumb":"/a-200.jpg","price"');
    expect(
      parseCatalog(
        JSON.parse(`{"format":"vitrin-catalog","version":1,"currency":"TRY","items":[${text}]}`),
        "t",
      ).catalog?.items[0]?.thumb,
    ).toBe("/a-200.jpg");
  });

  it("writes the header, one item per line, and the footer", async () => {
    const path = join(tempDir(), "catalog.json");
    const writer = await CatalogWriter.open(path);
    await writer.begin("USD");
    await writer.write(item(1));
    await writer.write(item(2));
    await writer.commit();
    expect(readFileSync(path, "utf8")).toBe(
      '{"format":"vitrin-catalog","version":1,"currency":"USD","items":[\n' +
        `${serializeItem(item(1))},\n${serializeItem(item(2))}\n]}\n`,
    );
  });

  it("writes to a temporary file and replaces the output only on commit", async () => {
    const dir = tempDir();
    const path = join(dir, "catalog.json");
    writeFileSync(path, "old");
    const writer = await CatalogWriter.open(path);
    await writer.begin("TRY");
    await writer.write(item(1));
    expect(readFileSync(path, "utf8")).toBe("old");
    expect(basename(writer.tempPath)).toMatch(/^\.catalog\.json\.\d+\.[0-9a-f]{8}\.tmp$/);
    expect(readdirSync(dir).sort()).toEqual([basename(writer.tempPath), "catalog.json"]);
    await writer.abort();
    expect(readFileSync(path, "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["catalog.json"]);
  });

  it("serializes fields in the documented order and leaves out empty ones", () => {
    const full: CatalogItem = {
      rating: 4.4,
      popularity: 412,
      createdAt: "2026-04-12",
      tags: ["yeni-sezon"],
      attributes: { color: "bej", size: ["S", "M"], season: "summer" },
      categories: ["Giyim", "Erkek", "Gömlek"],
      brand: "Ege Dokuma",
      availability: "in_stock",
      currency: "TRY",
      salePrice: 999.9,
      price: 1299.9,
      image: "/img/p/gym-0001.svg",
      url: "/urun/gym-0001.html",
      title: "Keten Gömlek",
      groupId: "GYM-0001",
      id: "GYM-0001",
    };
    expect(Object.keys(JSON.parse(serializeItem(full)))).toEqual([
      "id",
      "groupId",
      "title",
      "url",
      "image",
      "price",
      "salePrice",
      "currency",
      "availability",
      "brand",
      "categories",
      "attributes",
      "tags",
      "createdAt",
      "popularity",
      "rating",
    ]);
    expect(serializeItem({ ...item(7), categories: [], attributes: {}, tags: [] })).toBe(
      '{"id":"GYM-7","title":"Ürün \\"7\\" – <özel>","url":"/urun/7.html","price":107,"currency":"TRY","availability":"in_stock"}',
    );
  });
});
