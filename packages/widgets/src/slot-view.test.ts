// @vitest-environment happy-dom
import type { Vitrin } from "@vitrin/core";
import { atom, computed } from "nanostores";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Conditions } from "./attributes.js";
import { mountSlot } from "./mount.js";
import { device, FakeIntersectionObserver, fakeVitrin, pickOf } from "./slot-fixtures.js";
import { dative } from "./strings.js";

const PICKS = Array.from({ length: 10 }, (_, i) => pickOf(`P${i}`));
const w = window as unknown as { dataLayer?: unknown[] };

function slot(attrs: Record<string, string>, children: Node[] = []): HTMLElement {
  const el = document.createElement("div");
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  document.body.append(el);
  return el;
}
function show(
  attrs: Record<string, string>,
  picks = PICKS,
  on: Partial<Conditions> = {},
  lang = "tr",
  titles: Record<string, string> = {},
) {
  const el = slot({ "data-vitrin-slot": "trending", ...attrs });
  mountSlot(fakeVitrin(picks, titles), el, { conditions: device(on), lang, unstyled: true });
  return el;
}
const cards = (el: Element) => [...el.querySelectorAll("li.vitrin-card")];

beforeEach(() => {
  FakeIntersectionObserver.all = [];
  vi.stubGlobal("IntersectionObserver", FakeIntersectionObserver);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  delete w.dataLayer;
  document.body.replaceChildren();
});

describe("SlotView layouts", () => {
  it("draws each layout as a labelled section with a list of `limit` cards", () => {
    for (const layout of ["grid", "list", "carousel", "strip"]) {
      const el = show({ "data-vitrin-layout": layout, "data-vitrin-limit": "5" });
      const section = el.querySelector("section");
      expect(section?.className).toBe(`vitrin-slot vitrin-${layout} vitrin-img-medium`);
      expect(section?.getAttribute("aria-label")).toBe("Çok satanlar");
      expect(section?.querySelector("h2")?.textContent).toBe("Çok satanlar");
      expect(section?.querySelectorAll("ul.vitrin-items > li.vitrin-card")).toHaveLength(5);
      const buttons = [...(section?.querySelectorAll(".vitrin-nav") ?? [])];
      expect(buttons.map((b) => b.getAttribute("aria-label"))).toEqual(
        layout === "carousel" ? ["Önceki ürünler", "Sonraki ürünler"] : [],
      );
      expect(section?.getAttribute("aria-roledescription") ?? null).toBe(
        layout === "carousel" ? "kaydırmalı liste" : null,
      );
      expect(el.getAttribute("data-vitrin-state")).toBe("ready");
    }
  });

  it("picks layout, count and image size by device", () => {
    const attrs = {
      "data-vitrin-layout": "mobile:carousel desktop:grid",
      "data-vitrin-limit": "mobile:4 desktop:8",
      "data-vitrin-image": "mobile:small large",
    };
    const phone = show(attrs, PICKS, { mobile: true, desktop: false, touch: true, mouse: false });
    const desk = show(attrs);
    expect(phone.querySelector("section")?.className).toContain("vitrin-carousel vitrin-img-small");
    expect(cards(phone)).toHaveLength(4);
    expect(desk.querySelector("section")?.className).toContain("vitrin-grid vitrin-img-large");
    expect(cards(desk)).toHaveLength(8);
    expect(desk.querySelector("img")?.getAttribute("width")).toBe("224");
    expect(phone.querySelector("img")?.getAttribute("height")).toBe("96");
  });

  it("sizes every image and loads all but the first row lazily", () => {
    const loading = (el: Element) =>
      [...el.querySelectorAll("img")].map((i) => i.getAttribute("loading"));
    const grid = show({ "data-vitrin-limit": "6" });
    expect(loading(grid)).toEqual(["eager", "eager", "eager", "eager", "lazy", "lazy"]);
    const list = show({ "data-vitrin-layout": "list", "data-vitrin-limit": "3" });
    expect(loading(list)).toEqual(["eager", "lazy", "lazy"]);
    const phone = show({ "data-vitrin-limit": "3" }, PICKS, { mobile: true, desktop: false });
    expect(loading(phone)).toEqual(["eager", "eager", "lazy"]);
    for (const img of grid.querySelectorAll("img")) {
      expect(img.getAttribute("width")).toBe("160");
      expect(img.getAttribute("height")).toBe("160");
    }
  });

  it("offers the browser the item's small image beside the large one, and the small one alone where images are small", () => {
    const withThumb = PICKS.map((p) =>
      pickOf(p.item.id, { thumb: `https://shop.example/t/${p.item.id}.jpg` }),
    );
    const img = (el: Element) => el.querySelector("img");
    const grid = img(show({}, withThumb));
    expect(grid?.getAttribute("src")).toBe("https://shop.example/P0.jpg");
    expect(grid?.getAttribute("srcset")).toBe(
      "https://shop.example/t/P0.jpg 200w,https://shop.example/P0.jpg 800w",
    );
    expect(grid?.getAttribute("sizes")).toMatch(/^auto,/);
    // Data saver, a small image size, a list or a strip: the small copy only.
    for (const [attrs, on] of [
      [{}, { saver: true }],
      [{ "data-vitrin-image": "small" }, {}],
      [{ "data-vitrin-layout": "list" }, {}],
      [{ "data-vitrin-layout": "strip" }, {}],
    ] as const) {
      const small = img(show(attrs, withThumb, on));
      expect(small?.getAttribute("src")).toBe("https://shop.example/t/P0.jpg");
      expect(small?.hasAttribute("srcset")).toBe(false);
    }
    // Without a thumb, the image, with no srcset; under data saver too.
    const plain = img(show({}, PICKS, { saver: true }));
    expect(plain?.getAttribute("src")).toBe("https://shop.example/P0.jpg");
    expect(plain?.hasAttribute("srcset")).toBe(false);
  });

  it("uses the merchant's title, or none", () => {
    const titled = show({ "data-vitrin-title": "Kış için" });
    expect(titled.querySelector("h2")?.textContent).toBe("Kış için");
    const bare = show({ "data-vitrin-title": "" });
    expect(bare.querySelector("h2")).toBeNull();
    expect(bare.querySelector("section")?.getAttribute("aria-label")).toBe("Çok satanlar");
  });

  it("renders hostile catalog text as text and drops unsafe images", () => {
    const el = show({}, [
      pickOf("X", { title: "<img src=x onerror=alert(1)>", brand: "<b>B</b>" }),
      pickOf("Y", { image: "javascript:alert(1)" }),
    ]);
    expect(el.querySelectorAll("img[onerror], b")).toHaveLength(0);
    expect(el.querySelector(".vitrin-card__title")?.textContent).toBe(
      "<img src=x onerror=alert(1)>",
    );
    expect(cards(el)[1]?.querySelector("img")).toBeNull();
    expect(cards(el)[0]?.querySelector("a")?.getAttribute("href")).toBe("https://shop.example/X");
    for (const node of el.querySelectorAll("[href],[src]"))
      expect(node.getAttribute("href") ?? node.getAttribute("src")).toMatch(/^https?:/);
  });

  it("formats prices in the catalog currency for the shopper's language", () => {
    const sale = pickOf("S", { price: 1299.9, salePrice: 999.9 });
    const tr = show({}, [sale]);
    expect(tr.querySelector(".vitrin-card__now")?.textContent).toBe("₺999,90");
    expect(tr.querySelector(".vitrin-card__was")?.textContent).toBe("Önceki fiyat ₺1.299,90");
    const en = show({}, [pickOf("U", { price: 10, currency: "USD" })], {}, "en");
    expect(en.querySelector(".vitrin-card__now")?.textContent).toBe("US$10.00");
  });
});

describe("Why this?", () => {
  const reasons = [
    pickOf("R1", {}, [
      { kind: "similar", to: "K", shared: [] },
      { kind: "in-season", season: "winter" },
    ]),
    pickOf("R2", {}, [{ kind: "trending", category: "Giyim > Kışlık Mont" }]),
    pickOf("R3", {}, [
      { kind: "for-you", brand: "Ege" },
      { kind: "merchant", action: "boost" },
    ]),
  ];
  const texts = (el: Element) =>
    [...el.querySelectorAll(".vitrin-why > p")].map((p) => p.textContent);

  it("explains each card in Turkish, naming the item and the last part of the category", () => {
    const el = show({}, reasons, {}, "tr", { K: "Kaban" });
    expect(texts(el)).toEqual([
      "Kaban'a benziyor. Mevsimine uygun",
      "Kışlık Mont kategorisinde çok satıyor",
      "Sevdiğin marka: Ege. Mağazanın önerisi",
    ]);
    const summary = el.querySelector(".vitrin-why > summary");
    expect(summary?.textContent).toBe("?Neden bu? Ürün R1");
    expect(el.querySelector(".vitrin-why")?.tagName).toBe("DETAILS");
  });

  it("explains in English", () => {
    const el = show({}, reasons, {}, "en", { K: "Wool Coat" });
    expect(texts(el)).toEqual([
      "Similar to Wool Coat you viewed. In season for you",
      "Popular in Kışlık Mont",
      "From Ege, a brand you like. Recommended by the store",
    ]);
  });

  it("inflects Turkish names by vowel harmony", () => {
    expect(["Kaban", "Elbise", "Gömlek", "Yün Atkı", "Bot", "XL"].map(dative)).toEqual([
      "Kaban'a",
      "Elbise'ye",
      "Gömlek'e",
      "Yün Atkı'ya",
      "Bot'a",
      undefined,
    ]);
  });
});

describe("carousel behaviour", () => {
  it("moves focus between cards with arrow keys, Home and End", () => {
    const el = show({ "data-vitrin-layout": "carousel", "data-vitrin-limit": "4" });
    const links = [...el.querySelectorAll<HTMLAnchorElement>(".vitrin-card__link")];
    links[0]?.focus();
    links[0]?.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    expect(document.activeElement).toBe(links[1]);
    links[1]?.dispatchEvent(new KeyboardEvent("keydown", { key: "End", bubbles: true }));
    expect(document.activeElement).toBe(links[3]);
    links[3]?.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    expect(document.activeElement).toBe(links[3]);
    links[3]?.dispatchEvent(new KeyboardEvent("keydown", { key: "Home", bubbles: true }));
    expect(document.activeElement).toBe(links[0]);
  });

  it("stays at its first card when its picks change, where scroll snapping would follow a card that moved", () => {
    for (const layout of ["carousel", "strip"]) {
      const $picks = atom(PICKS.slice(0, 4));
      const vitrin = {
        slot: () =>
          computed($picks, (picks) => ({
            status: "ready",
            picks,
            currency: "TRY",
            explain: () => {},
          })),
        $catalog: atom({ byId: new Map() }),
      } as unknown as Vitrin;
      const el = slot({ "data-vitrin-slot": "trending", "data-vitrin-layout": layout });
      mountSlot(vitrin, el, { conditions: device(), unstyled: true });
      const track = el.querySelector(".vitrin-items") as HTMLElement;
      expect(track.parentElement?.hasAttribute("data-at-start")).toBe(true);
      // The browser re-snaps to the first card, now last: the track scrolls to its end.
      const picks = $picks.get();
      track.scrollLeft = 500;
      $picks.set([...PICKS.slice(4, 7), picks[0] as (typeof picks)[number]]);
      expect(el.querySelector(".vitrin-card")?.getAttribute("data-vitrin-id")).toBe("P4");
      expect(track.scrollLeft).toBe(0);
      // Scrolled by the shopper, it is left where it is.
      track.scrollLeft = 200;
      track.dispatchEvent(new Event("scroll"));
      $picks.set(PICKS.slice(0, 4));
      expect(track.scrollLeft).toBe(200);
    }
  });

  it("scrolls by a view with its buttons, without animation under reduced motion", () => {
    const calls: ScrollToOptions[] = [];
    vi.spyOn(HTMLElement.prototype, "scrollBy").mockImplementation((o) => {
      calls.push(o as ScrollToOptions);
    });
    const smooth = show({ "data-vitrin-layout": "carousel" });
    (smooth.querySelector(".vitrin-next") as HTMLElement).click();
    const still = show({ "data-vitrin-layout": "carousel" }, PICKS, { "reduced-motion": true });
    (still.querySelector(".vitrin-prev") as HTMLElement).click();
    expect(calls.map((c) => [Math.sign(c.left ?? 0) || c.left, c.behavior])).toEqual([
      [expect.anything(), "smooth"],
      [expect.anything(), "auto"],
    ]);
  });

  it("autoplays only when asked, and never under data saver or reduced motion", () => {
    const attrs = { "data-vitrin-layout": "carousel", "data-vitrin-autoplay": "4" };
    expect(show(attrs).querySelector(".vitrin-pause")?.textContent).toBe(
      "Otomatik kaydırmayı durdur",
    );
    expect(show({ "data-vitrin-layout": "carousel" }).querySelector(".vitrin-pause")).toBeNull();
    expect(show(attrs, PICKS, { saver: true }).querySelector(".vitrin-pause")).toBeNull();
    expect(
      show(attrs, PICKS, { "reduced-motion": true }).querySelector(".vitrin-pause"),
    ).toBeNull();
  });

  it("autoplay steps on a timer and stops for good at the first interaction", () => {
    vi.useFakeTimers();
    try {
      const calls: unknown[] = [];
      vi.spyOn(HTMLElement.prototype, "scrollTo").mockImplementation((o) => calls.push(o));
      const el = show({ "data-vitrin-layout": "carousel", "data-vitrin-autoplay": "3" });
      vi.advanceTimersByTime(6100);
      expect(calls).toHaveLength(2);
      el.querySelector(".vitrin-pause")?.dispatchEvent(new Event("click", { bubbles: true }));
      expect(el.querySelector(".vitrin-pause")?.hasAttribute("hidden")).toBe(true);
      vi.advanceTimersByTime(9000);
      expect(calls).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("clicks", () => {
  it("push select_item with the card's index; the Why disclosure is not a click on the item", () => {
    w.dataLayer = [];
    const el = show({ "data-vitrin-id": "home-top" });
    const second = cards(el)[1] as Element;
    second.querySelector("a")?.addEventListener("click", (e) => e.preventDefault());
    (second.querySelector(".vitrin-card__title") as HTMLElement).click();
    (second.querySelector("summary") as HTMLElement).click();
    const selects = w.dataLayer.filter((e) => (e as { event?: string }).event === "select_item");
    expect(selects).toEqual([
      expect.objectContaining({
        ecommerce: expect.objectContaining({
          item_list_id: "home-top",
          items: [expect.objectContaining({ item_id: "P1", index: 1 })],
        }),
      }),
    ]);
  });
});

describe("template cards", () => {
  function template(id: string, html: [string, Record<string, string>][]) {
    const t = document.createElement("template");
    t.id = id;
    const a = document.createElement("a");
    a.className = "my-card";
    for (const [tag, attrs] of html) {
      const node = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
      a.append(node);
    }
    a.setAttribute("data-vitrin-field", "link");
    t.content.append(a);
    document.body.append(t);
    return t;
  }

  it("fills marked elements with text and safe URLs, removing what is missing", () => {
    template("tpl", [
      ["img", { "data-vitrin-field": "image", width: "50", height: "50" }],
      ["h3", { "data-vitrin-field": "title" }],
      ["span", { "data-vitrin-field": "brand" }],
      ["s", { "data-vitrin-field": "was" }],
      ["strong", { "data-vitrin-field": "price" }],
      ["em", { "data-vitrin-field": "reason" }],
    ]);
    const el = show({ "data-vitrin-card": "tpl" }, [
      pickOf("T1", { title: "<script>alert(1)</script>", brand: "Ege", price: 50, salePrice: 40 }),
      pickOf("T2", { image: "javascript:alert(1)" }),
    ]);
    const [one, two] = cards(el);
    expect(one?.querySelector("a")?.getAttribute("data-vitrin-item")).toBe("T1");
    expect(one?.querySelector("a.my-card")?.getAttribute("href")).toBe("https://shop.example/T1");
    expect(one?.querySelector("img")?.getAttribute("src")).toBe("https://shop.example/T1.jpg");
    expect(one?.querySelector("h3")?.textContent).toBe("<script>alert(1)</script>");
    expect(one?.querySelector("script")).toBeNull();
    expect(one?.querySelector("span")?.textContent).toBe("Ege");
    expect(one?.querySelector("s")?.textContent).toBe("₺50,00");
    expect(one?.querySelector("strong")?.textContent).toBe("₺40,00");
    expect(one?.querySelector("em")?.textContent).toBe("Şu sıralar çok satıyor");
    // No image, no brand, no sale: those elements are gone rather than empty.
    expect(two?.querySelector("img")).toBeNull();
    expect(two?.querySelector("span")).toBeNull();
    expect(two?.querySelector("s")).toBeNull();
  });

  it("warns about an unknown field, and about a card id that is no template", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    template("tpl2", [["b", { "data-vitrin-field": "titel" }]]);
    show({ "data-vitrin-card": "tpl2" });
    expect(warn.mock.calls.map(([m]) => m)).toContainEqual(
      '[vitrin] <template#tpl2>: data-vitrin-field="titel" is unknown; expected one of link, image, title, brand, price, was, reason',
    );
    const missing = show({ "data-vitrin-card": "nope" });
    expect(missing.getAttribute("data-vitrin-state")).toBe("empty");
    expect(missing.querySelector("section")).toBeNull();
    expect(warn.mock.calls.map(([m]) => m)).toContainEqual(
      '[vitrin] <div data-vitrin-slot="trending">: data-vitrin-card="nope" names no <template>; expected the id of a <template> in the page',
    );
  });
});
