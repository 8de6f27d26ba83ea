import { describe, expect, it } from "vitest";
import { problemMessage } from "../fields.js";
import { collect, fixture } from "../test-helpers.js";
import { readWooCommerce } from "./woocommerce.js";

describe("WooCommerce Store API page", () => {
  const file = fixture("woocommerce-products.json");

  it("decodes entities, strips tags and reads prices in minor units", async () => {
    const { items } = await collect(readWooCommerce, file);
    expect(items[0]).toEqual({
      id: "BTK-EL-311",
      groupId: "311",
      title: "Kadın Elbise – Lacivert & Beyaz Çizgili",
      url: "https://butik.example/urun/kadin-elbise-lacivert-beyaz/",
      image: "https://butik.example/wp-content/uploads/2026/04/elbise.jpg",
      price: 1699.9,
      salePrice: 1299.9,
      currency: "TRY",
      availability: "in_stock",
      brand: "Butik Lara",
      categories: ["Kadın", "Elbise & Tulum"],
      attributes: { color: "Lacivert", size: ["S", "M", "L"], season: "all" },
      tags: ["Yeni Sezon"],
      rating: 4.5,
    });
  });

  it("uses the product id without a sku, and reads stock and backorder", async () => {
    const { items } = await collect(readWooCommerce, file);
    expect(items[1]).toEqual({
      id: "320",
      title: "Şişme Mont “Kar” – Haki",
      url: "https://butik.example/urun/sisme-mont-kar-haki/",
      price: 2499,
      currency: "TRY",
      availability: "out_of_stock",
      categories: ["Kadın", "Dış Giyim"],
      attributes: { season: "winter" },
      tags: [],
    });
    expect(items[2]).toMatchObject({
      id: "BTK-GZ-340",
      price: 450,
      availability: "backorder",
      attributes: { material: "Ahşap", season: "summer" },
    });
  });

  it("refuses a price that is not in minor units", async () => {
    const { entries } = await collect(readWooCommerce, file);
    const bad = entries.filter((entry) => entry.problem);
    expect(bad.map((entry) => problemMessage(entry, entry.problem as never))).toEqual([
      `${file} [2] item "BTK-CN-330": prices.price: expected an integer amount in minor units (currency_minor_unit 2), got "599,90"`,
    ]);
  });
});
