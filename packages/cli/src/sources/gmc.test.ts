import { describe, expect, it } from "vitest";
import { problemMessage } from "../fields.js";
import { collect, fixture } from "../test-helpers.js";
import { readGmcTsv } from "./gmc-tsv.js";
import { readGmcXml } from "./gmc-xml.js";

const messages = (entries: Awaited<ReturnType<typeof collect>>["entries"]) =>
  entries.flatMap((entry) => (entry.problem ? [problemMessage(entry, entry.problem)] : []));

describe("GMC RSS feed", () => {
  const file = fixture("gmc-feed.xml");

  it("converts variants with a sale price, namespaced attributes, tags and a derived season", async () => {
    const { items } = await collect(readGmcXml, file);
    expect(items.map((item) => item.id)).toEqual([
      "GYM-0001-S",
      "GYM-0001-M",
      "GYM-0002",
      "GYM-0005",
      "GYM-0006",
    ]);
    expect(items[0]).toEqual({
      id: "GYM-0001-S",
      groupId: "GYM-0001",
      title: "Keten Gömlek Kısa Kollu – Bej",
      url: "https://ege-dokuma.example/urun/gym-0001.html?beden=S",
      image: "https://ege-dokuma.example/img/gym-0001.jpg",
      // g:shipping's nested <g:price>0 TRY</g:price> is not the item's price
      price: 1299.9,
      salePrice: 999.9,
      currency: "TRY",
      availability: "in_stock",
      brand: "Ege Dokuma",
      categories: ["Giyim", "Erkek", "Gömlek"],
      attributes: { color: "Bej", size: "S", material: "keten", gender: "male", season: "summer" },
      tags: ["yeni-sezon"],
    });
    expect(items[1]?.groupId).toBe("GYM-0001");
    expect(items[1]?.attributes.size).toBe("M");
  });

  it("reads out of stock, preorder and backorder, Turkish-formatted prices and relative links", async () => {
    const { items } = await collect(readGmcXml, file);
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get("GYM-0002")).toEqual({
      id: "GYM-0002",
      title: "KAŞE KABAN UZUN – LACİVERT",
      url: "/urun/gym-0002.html",
      image: "/img/gym-0002.jpg",
      price: 3499,
      currency: "TRY",
      availability: "out_of_stock",
      brand: "Ege Dokuma",
      categories: ["Giyim", "Kadın", "Dış Giyim"],
      attributes: { color: "lacivert", season: "winter" },
      tags: ["kis-indirimi", "çok-satan"],
    });
    expect(byId.get("GYM-0005")).toMatchObject({
      title: "Yün Atkı & Bere Seti",
      availability: "preorder",
      categories: ["Giyim ve Aksesuarlar", "Giyim Aksesuarları", "Atkılar"],
      attributes: { pattern: "ekose", age_group: "adult", season: "winter" },
    });
    // A numeric google_product_category cannot be named without Google's taxonomy.
    expect(byId.get("GYM-0006")).toMatchObject({
      availability: "backorder",
      categories: [],
      attributes: { size: "42", season: "winter" },
    });
  });

  it("resolves relative links against --base-url", async () => {
    const { items } = await collect(readGmcXml, file, { baseUrl: "https://ege-dokuma.example" });
    expect(items.find((item) => item.id === "GYM-0002")).toMatchObject({
      url: "https://ege-dokuma.example/urun/gym-0002.html",
      image: "https://ege-dokuma.example/img/gym-0002.jpg",
    });
  });

  it("names the line, id and attribute of bad items", async () => {
    const { entries } = await collect(readGmcXml, file);
    expect(messages(entries)).toEqual([
      `${file}:62 item "GYM-0003": g:price: expected "<number> <currency>", got "abc"`,
      `${file}:68 item "GYM-0004": link: expected an http(s) URL or a path, got "javascript:alert(document.cookie)"`,
    ]);
  });
});

describe("GMC Atom feed", () => {
  it("reads <entry> with <link href> and drops a sale price whose period is over", async () => {
    const { items } = await collect(readGmcXml, fixture("gmc-feed-atom.xml"));
    expect(items).toEqual([
      {
        id: "NW-100",
        title: "Linen Shorts – Sand",
        url: "https://northwind.example/p/linen-shorts",
        price: 39,
        currency: "USD",
        availability: "in_stock",
        brand: "Northwind",
        categories: ["Apparel", "Men", "Shorts"],
        attributes: { season: "summer" },
        tags: [],
      },
      {
        id: "NW-200",
        title: "Merino Wool Beanie",
        url: "https://northwind.example/p/merino-beanie",
        price: 24.5,
        currency: "USD",
        availability: "out_of_stock",
        categories: [],
        attributes: { season: "winter" },
        tags: [],
      },
    ]);
  });
});

describe("GMC TSV feed", () => {
  const file = fixture("gmc-feed.tsv");

  it("converts rows by GMC column name", async () => {
    const { items } = await collect(readGmcTsv, file);
    expect(items.map((item) => item.id)).toEqual(["NW-301-M", "NW-301-L", "NW-302", "NW-301-M"]);
    expect(items[0]).toEqual({
      id: "NW-301-M",
      groupId: "NW-301",
      title: "Cotton T-Shirt – Navy",
      url: "https://northwind.example/p/cotton-tee?size=M",
      image: "https://northwind.example/img/tee-navy.jpg",
      price: 19.9,
      salePrice: 14.9,
      currency: "USD",
      availability: "in_stock",
      brand: "Northwind",
      categories: ["Apparel", "Men", "T-Shirts"],
      attributes: { color: "navy", size: "M", season: "summer" },
      tags: [],
    });
    expect(items[2]).toMatchObject({
      id: "NW-302",
      categories: ["Apparel", "Women", "Coats & Jackets"],
      attributes: { color: "black", season: "winter" },
    });
  });

  it("names the line and column of bad rows (duplicates are judged later, by the converter)", async () => {
    const { entries } = await collect(readGmcTsv, file);
    expect(messages(entries)).toEqual([
      `${file}:6 item "NW-303": columns: expected 13 tab-separated values, got 10`,
      `${file}:7 item "NW-304": availability: expected one of in stock, out of stock, preorder, backorder, got "sold maybe"`,
    ]);
  });
});
