import { describe, expect, it } from "vitest";
import { problemMessage } from "../fields.js";
import { collect, fixture, TURKISH_MAP } from "../test-helpers.js";
import { InputError } from "../types.js";
import { csvTarget, readCsv } from "./csv.js";
import { delimiterOf } from "./delimited.js";

describe("CSV with Turkish headers and numbers", () => {
  const file = fixture("urunler.csv");
  const options = { currency: "TRY", baseUrl: "https://anadolu.example", map: TURKISH_MAP };

  it("needs --map for headers that are not field names, and says which", async () => {
    await expect(collect(readCsv, file, { currency: "TRY" })).rejects.toThrow(
      new InputError(
        `${file}: no column for "id", "title", "url", "price" (header: Ürün Kodu, Ürün Adı, Bağlantı, Görsel, Fiyat, İndirimli Fiyat, Stok, Marka, Kategori, Renk, Beden, Sezon, Açıklama); map one with --map "Header=id"`,
      ),
    );
  });

  it("reads semicolon-separated rows with Turkish number formatting", async () => {
    const { items, notices } = await collect(readCsv, file, options);
    expect(notices).toEqual([`${file}: semicolon-separated; ignored columns: Açıklama`]);
    expect(items[0]).toEqual({
      id: "TR-1001",
      title: "Yünlü Kaşe Kaban",
      url: "https://anadolu.example/urun/tr-1001",
      image: "https://anadolu.example/img/tr-1001.jpg",
      price: 3499.9,
      salePrice: 2999.9,
      currency: "TRY",
      availability: "in_stock",
      brand: "Anadolu Giyim",
      categories: ["Giyim", "Kadın", "Kaban"],
      attributes: { color: "Camel", size: ["S", "M", "L"], season: "winter" },
      tags: [],
    });
    expect(items.map((item) => [item.id, item.price, item.availability])).toEqual([
      ["TR-1001", 3499.9, "in_stock"],
      ["TR-1002", 899, "out_of_stock"],
      ["TR-1003", 1250, "in_stock"],
      ["TR-1005", 199.9, "out_of_stock"],
    ]);
  });

  it("keeps the feed's season, and derives one with Turkish capitals", async () => {
    const { items } = await collect(readCsv, file, options);
    expect(items[1]?.attributes.season).toBe("İlkbahar");
    expect(items[2]?.attributes).toEqual({ color: "Bej", size: "38,5", season: "summer" });
    expect(items[3]?.title).toBe("ŞORT IŞIKLI DESEN");
    expect(items[3]?.attributes.season).toBe("summer");
  });

  it("names the line and the header of a bad value", async () => {
    const { entries } = await collect(readCsv, file, options);
    const bad = entries.filter((entry) => entry.problem);
    expect(bad.map((entry) => problemMessage(entry, entry.problem as never))).toEqual([
      `${file}:5 item "TR-1004": Fiyat: expected a number ≥ 0 (1299.90, 1.299,90 or 1,299.90), got "yok"`,
    ]);
  });
});

describe("CSV with English field names", () => {
  const file = fixture("products-en.csv");

  it("reads quoted values, English number formatting, tags, dates and ratings", async () => {
    const { items, notices } = await collect(readCsv, file);
    expect(notices).toEqual([]);
    expect(items).toEqual([
      {
        id: "EN-1",
        title: "Wool Overcoat, Charcoal",
        url: "https://northwind.example/p/en-1",
        image: "https://northwind.example/img/en-1.jpg",
        price: 1299.9,
        salePrice: 999.9,
        currency: "USD",
        availability: "in_stock",
        brand: "Northwind",
        categories: ["Apparel", "Men", "Coats"],
        attributes: {
          color: "charcoal",
          size: ["S", "M", "L"],
          material: "wool",
          season: "winter",
        },
        tags: ["new", "bestseller"],
        createdAt: "2026-01-15",
        rating: 4.7,
      },
      {
        id: "EN-3",
        title: "Everyday Sneakers",
        url: "/p/en-3",
        image: "/img/en-3.jpg",
        price: 89,
        currency: "USD",
        availability: "backorder",
        brand: "Northwind",
        categories: ["Shoes"],
        attributes: { color: "white", size: "42", season: "all" },
        tags: [],
        createdAt: "2026-03-12",
      },
    ]);
  });

  it("refuses data: images and sale prices above the price", async () => {
    const { entries } = await collect(readCsv, file);
    const bad = entries.filter((entry) => entry.problem);
    expect(bad.map((entry) => problemMessage(entry, entry.problem as never))).toEqual([
      `${file}:3 item "EN-2": image: expected an http(s) URL or a path, got "data:image/png;base64AAAA"`,
      `${file}:5 item "EN-4": sale_price: expected a sale price lower than the price (120), got 130`,
    ]);
  });
});

describe("CSV with a thumbnail column", () => {
  it("reads it as the item's small image, checked like the image", async () => {
    const file = fixture("thumbnails.csv");
    const { entries, items } = await collect(readCsv, file, { baseUrl: "https://shop.example" });
    expect(items).toEqual([
      expect.objectContaining({
        id: "T-1",
        image: "https://shop.example/img/t-1.jpg",
        thumb: "https://shop.example/img/t-1-200.jpg",
      }),
    ]);
    const bad = entries.filter((entry) => entry.problem);
    expect(bad.map((entry) => problemMessage(entry, entry.problem as never))).toEqual([
      `${file}:3 item "T-2": thumbnail: expected an http(s) URL or a path, got "javascript:alert(1)"`,
    ]);
  });
});

describe("CSV details", () => {
  it("detects the delimiter from the header line, ignoring quoted ones", () => {
    expect(delimiterOf("id,title,price\n1;2;3")).toBe(",");
    expect(delimiterOf("id;title;price\n")).toBe(";");
    expect(delimiterOf("id\ttitle\tprice")).toBe("\t");
    expect(delimiterOf('"a;b;c",title\n')).toBe(",");
    expect(delimiterOf("id")).toBe(",");
  });

  it("maps --map targets in any spelling", () => {
    expect(csvTarget("salePrice")).toEqual({ field: "salePrice" });
    expect(csvTarget("sale_price")).toEqual({ field: "salePrice" });
    expect(csvTarget("Category")).toEqual({ field: "categories" });
    expect(csvTarget("color")).toEqual({ attribute: "color" });
    expect(csvTarget("Thumbnail URL")).toEqual({ field: "thumb" });
    expect(csvTarget("attributes.Kol Boyu")).toEqual({ attribute: "kol_boyu" });
    expect(csvTarget("fiyat")).toBeUndefined();
  });
});
