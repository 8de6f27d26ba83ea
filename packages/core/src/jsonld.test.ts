// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { productsFromJsonLd, readJsonLd } from "./jsonld.js";

describe("productsFromJsonLd", () => {
  it("reads a Product with its offer", () => {
    expect(
      productsFromJsonLd({
        "@context": "https://schema.org",
        "@type": "Product",
        name: "Yün Kaban",
        sku: "GYM-0042",
        brand: { "@type": "Brand", name: "Karadeniz Örgü" },
        category: "Giyim > Kadın > Kaban",
        offers: {
          "@type": "Offer",
          price: "3999.00",
          priceCurrency: "TRY",
          availability: "https://schema.org/OutOfStock",
        },
      }),
    ).toEqual([
      {
        id: "GYM-0042",
        name: "Yün Kaban",
        brand: "Karadeniz Örgü",
        category: "Giyim > Kadın > Kaban",
        price: 3999,
        currency: "TRY",
        availability: "out_of_stock",
      },
    ]);
  });

  it("reads ProductGroup variants, @graph and arrays; skips products without an id", () => {
    const products = productsFromJsonLd({
      "@graph": [
        { "@type": "WebPage", name: "x" },
        {
          "@type": "ProductGroup",
          name: "Keten Gömlek",
          brand: "Ege Dokuma",
          hasVariant: [
            { "@type": "Product", sku: "G-1", offers: { price: 10, availability: "InStock" } },
            { "@type": "Product", sku: "G-2", offers: [{ lowPrice: 12 }] },
          ],
        },
        [
          { "@type": ["Product", "Thing"], sku: "P-9" },
          { "@type": "Product", name: "no id" },
        ],
      ],
    });
    expect(products.map((p) => [p.id, p.name, p.brand, p.price, p.availability])).toEqual([
      ["G-1", "Keten Gömlek", "Ege Dokuma", 10, "in_stock"],
      ["G-2", "Keten Gömlek", "Ege Dokuma", 12, undefined],
      ["P-9", undefined, undefined, undefined, undefined],
    ]);
  });
});

describe("readJsonLd", () => {
  it("reads every block on the page and skips malformed ones", () => {
    document.head.innerHTML = "";
    for (const text of [
      '{"@type":"Product","sku":"A"}',
      "{not json",
      '[{"@type":"Product","sku":"B"}]',
    ]) {
      const script = document.createElement("script");
      script.type = "application/ld+json";
      script.textContent = text;
      document.head.append(script);
    }
    expect(readJsonLd(document).map((p) => p.id)).toEqual(["A", "B"]);
  });
});
