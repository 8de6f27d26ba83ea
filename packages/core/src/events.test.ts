import { describe, expect, it } from "vitest";
import { parseEvent } from "./events.js";

describe("parseEvent", () => {
  it("keeps GA4 fields and converts numeric strings", () => {
    const parsed = parseEvent(
      "add_to_cart",
      {
        currency: "TRY",
        value: "1299.90",
        items: [
          { item_id: 42, item_name: " Keten Gömlek ", price: "1299.90", quantity: 2, extra: "x" },
        ],
      },
      "test",
    );
    expect(parsed).toEqual({
      ok: true,
      warnings: [],
      value: {
        name: "add_to_cart",
        params: { currency: "TRY", value: 1299.9 },
        items: [{ item_id: "42", item_name: "Keten Gömlek", price: 1299.9, quantity: 2 }],
      },
    });
  });

  it("rejects unknown names, naming where and what was expected", () => {
    const parsed = parseEvent("add_to_kart", {}, "dataLayer[2]");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toContain("dataLayer[2]");
      expect(parsed.error).toContain('"add_to_kart"');
      expect(parsed.error).toContain("add_to_cart");
    }
  });

  it("drops bad items with a warning but keeps the good ones", () => {
    const parsed = parseEvent(
      "purchase",
      { items: [{ item_name: "no id" }, { item_id: "A1", price: -5 }] },
      "x",
    );
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.value.items).toEqual([{ item_id: "A1" }]);
      expect(parsed.warnings).toEqual([
        "x.items[0].item_id: expected a non-empty string or number",
        "x.items[1].price: expected a number from 0 to 1e9",
      ]);
    }
  });

  it("fails an item event with no usable item", () => {
    const parsed = parseEvent("view_item", { items: [{}] }, "track");
    expect(parsed).toEqual({
      ok: false,
      error:
        'track.items: "view_item" needs at least one item with item_id (track.items[0].item_id: expected a non-empty string or number)',
    });
    expect(parseEvent("view_item", { items: "A1" }, "t").ok).toBe(false);
    expect(parseEvent("view_item", "A1", "t").ok).toBe(false);
  });

  it("accepts events that need no items", () => {
    const parsed = parseEvent("search", { search_term: "kazak" }, "t");
    expect(parsed.ok && parsed.value).toEqual({
      name: "search",
      items: [],
      params: { search_term: "kazak" },
    });
  });

  it("bounds untrusted text", () => {
    const parsed = parseEvent(
      "view_item",
      { items: [{ item_id: "A", item_name: "x".repeat(5000) }] },
      "t",
    );
    expect(parsed.ok && parsed.value.items[0]?.item_name?.length).toBe(300);
  });
});
