import { describe, expect, it } from "vitest";
import { problemMessage } from "../fields.js";
import { collect, fixture } from "../test-helpers.js";
import { InputError } from "../types.js";
import { readShopify } from "./shopify.js";

describe("Shopify products.json", () => {
  const file = fixture("shopify-products.json");
  const options = { currency: "TRY", baseUrl: "https://moda.example" };

  it("writes one item per variant, the compare-at price as price and the price as sale price", async () => {
    const { items } = await collect(readShopify, file, options);
    expect(items.map((item) => item.id)).toEqual([
      "MA-TS-BYZ-S",
      "MA-TS-BYZ-M",
      "42000000000003",
      "MA-KZ-010",
      "AD-SN-39",
    ]);
    expect(items[0]).toEqual({
      id: "MA-TS-BYZ-S",
      groupId: "7412345678901",
      title: "Pamuklu Basic Tişört – Beyaz / S",
      url: "https://moda.example/products/pamuklu-basic-tisort?variant=42000000000001",
      image: "https://cdn.shopify.example/s/files/tisort-beyaz.jpg",
      price: 549.9,
      salePrice: 399.9,
      currency: "TRY",
      availability: "in_stock",
      brand: "Moda Atölyesi",
      categories: ["Giyim", "Kadın", "Tişört"],
      attributes: { color: "Beyaz", size: "S", season: "summer" },
      tags: ["yeni-sezon", "basic", "pamuk"],
      createdAt: "2026-03-01",
    });
  });

  it("uses the variant id without a sku, its own image, and availability", async () => {
    const { items } = await collect(readShopify, file, options);
    expect(items[2]).toMatchObject({
      id: "42000000000003",
      title: "Pamuklu Basic Tişört – Siyah / S",
      image: "https://cdn.shopify.example/s/files/tisort-siyah.jpg",
      price: 399.9,
      availability: "out_of_stock",
      attributes: { color: "Siyah", size: "S" },
    });
    expect(items[2]?.salePrice).toBeUndefined();
  });

  it("handles a single Default Title variant, array tags, slash paths and // images", async () => {
    const { items } = await collect(readShopify, file, options);
    expect(items[3]).toEqual({
      id: "MA-KZ-010",
      groupId: "7412345678902",
      title: "Yün Karışımlı Balıkçı Yaka Kazak",
      url: "https://moda.example/products/yun-karisimli-balikci-kazak?variant=42000000000010",
      image: "https://cdn.shopify.example/s/files/kazak.jpg",
      price: 1249,
      currency: "TRY",
      availability: "in_stock",
      brand: "Moda Atölyesi",
      categories: ["Giyim", "Kadın", "Triko"],
      attributes: { season: "winter" },
      tags: ["kış", "triko"],
      createdAt: "2025-10-15",
    });
  });

  it("maps Turkish and English option names (Numara, Renk, Color, Size, Malzeme)", async () => {
    const { items } = await collect(readShopify, file, options);
    expect(items[4]?.attributes).toEqual({ size: "39", color: "Taba", season: "summer" });
    const page2 = await collect(readShopify, fixture("shopify-products-page2.json"), options);
    // compare_at_price lower than price: no sale
    expect(page2.items).toEqual([
      expect.objectContaining({
        id: "MA-SR-036",
        price: 649.9,
        attributes: { color: "Ekru", size: "36", material: "Keten", season: "summer" },
        tags: ["yaz"],
      }),
    ]);
    expect(page2.items[0]?.salePrice).toBeUndefined();
  });

  it("writes paths without --base-url", async () => {
    const { items } = await collect(readShopify, file, { currency: "TRY" });
    expect(items[0]?.url).toBe("/products/pamuklu-basic-tisort?variant=42000000000001");
  });

  it("names the product, variant and field of a bad price", async () => {
    const { entries } = await collect(readShopify, file, options);
    const bad = entries.filter((entry) => entry.problem);
    expect(bad.map((entry) => problemMessage(entry, entry.problem as never))).toEqual([
      `${file} products[2].variants[0] item "AD-SN-38": price: expected a number ≥ 0, got "abc"`,
    ]);
  });

  it("needs --currency, and a products array", async () => {
    await expect(collect(readShopify, file)).rejects.toThrow(
      new InputError(`${file}: Shopify's products.json has no currency; pass --currency`),
    );
    await expect(
      collect(readShopify, fixture("woocommerce-products.json"), options),
    ).rejects.toThrow(/expected a Shopify products.json page/);
  });
});
