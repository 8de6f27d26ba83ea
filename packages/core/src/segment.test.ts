import { describe, expect, it } from "vitest";
import { parseEvent } from "./events.js";
import { fromSegment, SEGMENT_EVENTS } from "./segment.js";

describe("fromSegment", () => {
  it("maps a single-product event, its properties being the product", () => {
    const mapped = fromSegment("Product Added", {
      product_id: "GYM-0001",
      name: "Keten Gömlek",
      brand: "Ege Dokuma",
      category: "Giyim",
      price: 1299.9,
      quantity: 2,
      position: 3,
      currency: "TRY",
    });
    expect(mapped?.[0]).toBe("add_to_cart");
    const parsed = mapped && parseEvent(mapped[0], mapped[1], "t");
    expect(parsed?.ok && parsed.value).toEqual({
      name: "add_to_cart",
      params: { currency: "TRY", value: 1299.9 },
      items: [
        {
          item_id: "GYM-0001",
          item_name: "Keten Gömlek",
          item_brand: "Ege Dokuma",
          item_category: "Giyim",
          price: 1299.9,
          quantity: 2,
          index: 2,
        },
      ],
    });
  });

  it("maps Order Completed with its products and order id", () => {
    const mapped = fromSegment("Order Completed", {
      order_id: "T-42",
      revenue: 250,
      currency: "TRY",
      products: [
        { sku: "KTP-1", price: 100 },
        { product_id: "KTP-2", price: 150 },
      ],
    });
    const parsed = mapped && parseEvent(mapped[0], mapped[1], "t");
    expect(parsed?.ok && parsed.value).toMatchObject({
      name: "purchase",
      params: { transaction_id: "T-42", value: 250, currency: "TRY" },
      items: [{ item_id: "KTP-1" }, { item_id: "KTP-2" }],
    });
  });

  it("maps searches, and leaves other names alone", () => {
    expect(fromSegment("Products Searched", { query: "kazak" })?.[1]).toMatchObject({
      search_term: "kazak",
    });
    expect(fromSegment("Signed Up", {})).toBeUndefined();
    expect(fromSegment("toString", {})).toBeUndefined();
    expect(Object.values(SEGMENT_EVENTS)).toContain("begin_checkout");
  });
});
