// @vitest-environment happy-dom
import { createVitrin, memoryStores, type VitrinEvent } from "@vitrin/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readSlotAttributes } from "./attributes.js";
import { mountSlots } from "./mount.js";

const item = (id: string, title: string, price: number, extra: object = {}) => ({
  id,
  title,
  url: `/urun/${id}.html`,
  image: `/img/${id}.svg`,
  price,
  availability: "in_stock",
  brand: "Ege Dokuma",
  categories: ["Giyim", "Kadın", "Elbise"],
  ...extra,
});
const CATALOG = {
  format: "vitrin-catalog",
  version: 1,
  currency: "TRY",
  items: [
    item("A", "Keten Elbise", 1299.9, { salePrice: 999.9 }),
    item("B", "Pamuklu Elbise", 899.9),
    item("C", "Evil <img src=x onerror=alert(1)>", 10, { url: "/c.html" }),
  ],
};
const view = (id: string, ts: number): VitrinEvent => ({
  id: `e${ts}`,
  name: "view_item",
  ts,
  items: [{ item_id: id }],
  params: {},
  source: "datalayer",
  path: "/",
  session: "s1",
  ctx: { traffic: "direct", device: "desktop" },
});

function element(html: Record<string, string>): HTMLElement {
  const el = document.createElement("div");
  for (const [k, v] of Object.entries(html)) el.setAttribute(k, v);
  document.body.append(el);
  return el;
}

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe("readSlotAttributes", () => {
  it("reads strategy, limit, title and item", () => {
    const el = element({
      "data-vitrin-slot": "similar",
      "data-vitrin-limit": "8",
      "data-vitrin-title": "Benzer",
      "data-vitrin-item": "A",
    });
    expect(readSlotAttributes(el)).toEqual({
      ok: true,
      value: { request: { strategy: "similar", limit: 8, item: "A" }, title: "Benzer" },
      warnings: [],
    });
  });

  it("names the element, the attribute and what is accepted", () => {
    const bad = readSlotAttributes(element({ id: "rec", "data-vitrin-slot": "simlar" }));
    expect(bad).toEqual({
      ok: false,
      error:
        '<div#rec data-vitrin-slot="simlar">: data-vitrin-slot="simlar" is not a strategy; expected one of recently-viewed, similar, viewed-together, bought-together, trending, for-you, cart-cross-sell, buy-again, new-arrivals',
    });
    const limit = readSlotAttributes(
      element({ "data-vitrin-slot": "similar", "data-vitrin-limit": "lots" }),
    );
    expect(!limit.ok && limit.error).toContain(
      'data-vitrin-limit="lots" must be a whole number from 1 to 24',
    );
    const typo = readSlotAttributes(
      element({ "data-vitrin-slot": "similar", "data-vitrin-limt": "3" }),
    );
    expect(typo.ok && typo.warnings[0]).toContain("unknown attribute data-vitrin-limt");
  });
});

describe("mountSlots", () => {
  it("renders picks as cards with TRY prices, safe links, and text-only catalog content", async () => {
    const stores = memoryStores();
    await stores.events.append([view("A", 1), view("C", 2), view("B", 3)]);
    const vitrin = createVitrin({ catalog: CATALOG, stores, dataLayer: false });
    const slot = element({ "data-vitrin-slot": "recently-viewed", "data-vitrin-limit": "6" });
    const fallback = document.createElement("p");
    fallback.textContent = "merchant markup";
    slot.append(fallback);
    mountSlots(vitrin, { lang: "tr", unstyled: true });
    await vitrin.ready;
    const cards = [...slot.querySelectorAll(".vitrin-card")];
    expect(cards.map((c) => c.getAttribute("data-vitrin-id"))).toEqual(["B", "C", "A"]);
    expect(slot.querySelector(".vitrin-slot__title")?.textContent).toBe("Son baktıkların");
    const a = cards[2] as HTMLElement;
    expect(a.querySelector(".vitrin-card__now")?.textContent).toBe("₺999,90");
    expect(a.querySelector(".vitrin-card__was")?.textContent).toBe("Önceki fiyat ₺1.299,90");
    expect(a.querySelector("a")?.getAttribute("href")).toBe(`${location.origin}/urun/A.html`);
    // Catalog text is rendered as text, never parsed as markup.
    expect(slot.querySelectorAll("img[onerror]")).toHaveLength(0);
    expect(cards[1]?.querySelector(".vitrin-card__title")?.textContent).toBe(
      "Evil <img src=x onerror=alert(1)>",
    );
    expect(slot.firstElementChild).toBe(fallback);
  });

  it("warns once about a bad slot and leaves it empty, mounting the good ones", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const vitrin = createVitrin({ catalog: CATALOG, stores: memoryStores(), dataLayer: false });
    const bad = element({ "data-vitrin-slot": "bestsellers-typo" });
    const good = element({
      "data-vitrin-slot": "similar",
      "data-vitrin-item": "A",
      "data-vitrin-title": "Benzer ürünler",
    });
    const unmount = mountSlots(vitrin, { unstyled: true, lang: "en" });
    mountSlots(vitrin, { unstyled: true });
    await vitrin.ready;
    expect(bad.childElementCount).toBe(0);
    expect(good.querySelectorAll(".vitrin-slot-root")).toHaveLength(1);
    expect(good.querySelector(".vitrin-card")?.getAttribute("data-vitrin-id")).toBe("B");
    expect(good.querySelector(".vitrin-card__now")?.textContent).toMatch(/^TRY\s899\.90$/);
    expect(warn.mock.calls.filter(([m]) => String(m).includes("bestsellers-typo"))).toHaveLength(1);
    unmount();
    expect(good.childElementCount).toBe(0);
  });
});
