// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { memoryStores } from "./store.js";
import { CATALOG, viewEvent } from "./test-fixtures.js";
import { createVitrin } from "./vitrin.js";

function productPage(sku: string, price: number, availability: string) {
  document.head.replaceChildren();
  const script = document.createElement("script");
  script.type = "application/ld+json";
  script.textContent = JSON.stringify({
    "@type": "Product",
    sku,
    offers: { price, priceCurrency: "TRY", availability },
  });
  document.head.append(script);
}

describe("createVitrin with JSON-LD", () => {
  it("shows a product page's live price and stock, and remembers them for the next page", async () => {
    const stores = memoryStores();
    await stores.events.append([viewEvent("KBN-1", 1)]);
    productPage("KBN-1", 2999, "https://schema.org/OutOfStock");
    const vitrin = createVitrin({ catalog: CATALOG, stores, dataLayer: false });
    await vitrin.ready;
    const item = () => vitrin.$catalog.get()?.byId.get("KBN-1");
    expect(item()).toMatchObject({ price: 3999, salePrice: 2999, availability: "out_of_stock" });
    // The page itself counts as a view of its product, from the JSON-LD alone.
    await Promise.resolve();
    expect(
      vitrin.$events
        .get()
        .filter((e) => e.source === "jsonld")
        .map((e) => [e.name, e.items[0]?.item_id]),
    ).toEqual([["view_item", "KBN-1"]]);

    document.head.replaceChildren();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const next = createVitrin({ catalog: CATALOG, stores, dataLayer: false });
    await next.ready;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(next.$catalog.get()?.byId.get("KBN-1")).toMatchObject({
      salePrice: 2999,
      availability: "out_of_stock",
    });
  });
});
