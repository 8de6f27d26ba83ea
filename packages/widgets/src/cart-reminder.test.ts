// @vitest-environment happy-dom
import { createVitrin, memoryStores, parseCatalog } from "@vitrin/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { reminderFor, renderReminder } from "./cart-reminder.js";
import {
  abandonerProfile,
  CATALOG,
  CATALOG_JSON,
  DAY,
  event,
  fakeVitrin,
  NOW,
  profileWith,
} from "./content-fixtures.js";
import { mountContent } from "./content-mount.js";

const QUIET = {
  dataLayer: false,
  jsonLd: false,
  dataAttributes: false,
  spa: false,
  engagement: false,
} as const;

function host(attrs: Record<string, string> = {}): HTMLElement {
  const node = document.createElement("div");
  node.setAttribute("data-vitrin-cart-reminder", "");
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  document.body.append(node);
  return node;
}

const message = (node: Element) => node.querySelector(".vitrin-reminder__message")?.textContent;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute("lang");
  vi.restoreAllMocks();
});

describe("reminderFor", () => {
  it("lists abandoned items still sold, with their shared category as the noun", () => {
    const reminder = reminderFor(abandonerProfile(["KTP-1", "KTP-2", "GONE"]), CATALOG, {});
    expect(reminder?.items.map((i) => i.id).sort()).toEqual(["KTP-1", "KTP-2"]);
    expect(reminder?.count).toBe(2);
    expect(reminder?.noun).toBe("roman");
    expect(reminder?.name).toBeUndefined();
  });

  it("says ürün for mixed categories and for a plural category name", () => {
    expect(reminderFor(abandonerProfile(["KTP-1", "ELB-1"]), CATALOG)?.noun).toBeUndefined();
    // "Kalemler" is already plural: "2 kalemler" would be wrong Turkish.
    expect(reminderFor(abandonerProfile(["KLM-1"]), CATALOG)?.noun).toBeUndefined();
  });

  it("takes a first name only as text from identify()", () => {
    const profile = abandonerProfile(["KTP-1"]);
    expect(reminderFor(profile, CATALOG, { firstName: "  Ayşe " })?.name).toBe("Ayşe");
    expect(reminderFor(profile, CATALOG, { firstName: 42 })?.name).toBeUndefined();
    expect(reminderFor(profile, CATALOG, { firstName: "   " })?.name).toBeUndefined();
  });

  it("is nothing for a new visitor, without a catalog, or when the items left the catalog", () => {
    expect(reminderFor(profileWith({ segments: ["cart-abandoner"] }), CATALOG)).toBeUndefined();
    expect(reminderFor(abandonerProfile(["KTP-1"]), null)).toBeUndefined();
    const smaller = parseCatalog(
      { ...CATALOG_JSON, items: CATALOG_JSON.items.slice(2) },
      "c",
    ).catalog;
    expect(reminderFor(abandonerProfile(["KTP-1", "KTP-2"]), smaller)).toBeUndefined();
    expect(reminderFor(abandonerProfile(["GONE"]), CATALOG)).toBeUndefined();
  });
});

describe("renderReminder", () => {
  it("renders hostile catalog text as text and drops non-http images", () => {
    const reminder = reminderFor(abandonerProfile(["EVIL", "KTP-1"]), CATALOG);
    if (!reminder) throw new Error("expected a reminder");
    const region = renderReminder(reminder, {
      lang: "tr",
      cartUrl: "https://magaza.example/sepet",
      incentive: "<b>20 TL</b> hediye çeki",
      onDismiss: () => {},
    });
    document.body.append(region);
    expect(region.querySelector("img[onerror]")).toBeNull();
    const images = [...region.querySelectorAll("img")];
    expect(images.map((img) => img.alt)).toEqual(["Sessiz Liman"]);
    expect(images.every((img) => img.src.startsWith("http"))).toBe(true);
    expect(region.querySelector(".vitrin-reminder__incentive")?.textContent).toBe(
      "<b>20 TL</b> hediye çeki",
    );
    expect(region.querySelector("b")).toBeNull();
  });
});

describe("the cart reminder on a page", () => {
  it("appears for a returning shopper with an abandoned cart, by name once identified", async () => {
    // The tracker continues session s2 (second visit); the cart was filled in s1, two days ago.
    localStorage.setItem(
      "vitrin:session",
      JSON.stringify({ id: "s2", start: NOW - 60_000, last: NOW - 60_000, count: 2 }),
    );
    const stores = memoryStores();
    await stores.events.append([
      event("page_view", NOW - 2 * DAY, [], "s1"),
      event("add_to_cart", NOW - 2 * DAY + 1000, ["KTP-1", "KTP-2"], "s1"),
    ]);
    // The catalog's hostile item loses its javascript: image, with a warning.
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const vitrin = createVitrin({ catalog: CATALOG_JSON, stores, now: () => NOW, ...QUIET });
    const node = host({
      "data-vitrin-cart-url": "/sepet",
      "data-vitrin-incentive": "alışverişine özel 20 TL hediye çeki",
    });
    const stop = mountContent(vitrin, { lang: "tr" });
    expect(node.querySelector(".vitrin-reminder")).toBeNull();
    await vitrin.ready;
    expect(message(node)).toBe("Sepetinde seni bekleyen 2 roman var!");
    vitrin.identify({ firstName: "Ayşe" });
    expect(message(node)).toBe("Sevgili Ayşe, seçtiğin 2 roman sepetinde seni bekliyor!");
    const region = node.querySelector("aside.vitrin-reminder");
    expect(region?.getAttribute("aria-label")).toBe("Sepet hatırlatması");
    expect(node.querySelector<HTMLAnchorElement>(".vitrin-reminder__cta")?.href).toBe(
      `${location.origin}/sepet`,
    );
    expect(node.querySelector(".vitrin-reminder__incentive")?.textContent).toBe(
      "alışverişine özel 20 TL hediye çeki",
    );
    expect(node.querySelectorAll(".vitrin-reminder__image")).toHaveLength(2);
    stop();
    await vitrin.destroy();
  });

  it("does not appear for a new visitor with a cart in this visit", async () => {
    localStorage.setItem(
      "vitrin:session",
      JSON.stringify({ id: "s1", start: NOW - 60_000, last: NOW - 60_000, count: 1 }),
    );
    const stores = memoryStores();
    await stores.events.append([event("add_to_cart", NOW - 30_000, ["KTP-1"], "s1")]);
    const vitrin = createVitrin({ catalog: CATALOG_JSON, stores, now: () => NOW, ...QUIET });
    const node = host();
    const stop = mountContent(vitrin);
    await vitrin.ready;
    expect(vitrin.$profile.get()?.visitor.isNew).toBe(true);
    expect(vitrin.$profile.get()?.memory.cart).toHaveLength(1);
    expect(node.querySelector(".vitrin-reminder")).toBeNull();
    stop();
    await vitrin.destroy();
  });

  it("speaks English from the page language", () => {
    document.documentElement.lang = "en";
    const { vitrin, $identity } = fakeVitrin(abandonerProfile(["KTP-1"]));
    const node = host();
    const stop = mountContent(vitrin);
    expect(message(node)).toBe("You have 1 item waiting in your cart!");
    $identity.set({ firstName: "Ayşe" });
    expect(message(node)).toBe("Hi Ayşe, the item you picked is waiting in your cart!");
    expect(node.querySelector(".vitrin-reminder__cta")?.textContent).toBe("Go to cart");
    stop();
    // Stopping takes away what Vitrin drew, and only that.
    expect(node.children).toHaveLength(0);
  });

  it("keeps the toast's height on the document for its scroll padding, and takes it away after", () => {
    const observed: (() => void)[] = [];
    vi.stubGlobal(
      "ResizeObserver",
      class {
        constructor(readonly callback: () => void) {}
        observe() {
          observed.push(this.callback);
        }
        disconnect() {}
      },
    );
    const { vitrin } = fakeVitrin(abandonerProfile(["KTP-1"]));
    host();
    const inline = host({ "data-vitrin-inline": "" });
    const stop = mountContent(vitrin);
    // Only the toast is measured: an inline reminder hides nothing.
    expect(observed).toHaveLength(1);
    const box = document.querySelector<HTMLElement>(".vitrin-reminder-box--toast");
    vi.spyOn(box as HTMLElement, "offsetHeight", "get").mockReturnValue(96);
    for (const callback of observed) callback();
    const height = () => document.documentElement.style.getPropertyValue("--vitrin-toast-h");
    expect(height()).toBe("96px");
    expect(inline.querySelector(".vitrin-reminder-box--toast")).toBeNull();
    stop();
    vi.unstubAllGlobals();
    expect(height()).toBe("");
  });

  it("is dismissed by its button or Escape, for the rest of the visit", () => {
    const { vitrin, $profile } = fakeVitrin(abandonerProfile(["KTP-1"]));
    const node = host();
    const stop = mountContent(vitrin);
    const close = node.querySelector<HTMLButtonElement>(".vitrin-reminder__close");
    expect(close?.getAttribute("aria-label")).toBe("Hatırlatmayı kapat");
    close?.click();
    expect(node.querySelector(".vitrin-reminder")).toBeNull();
    expect(sessionStorage.getItem("vitrin:reminder-dismissed")).toBe("1");
    $profile.set(abandonerProfile(["KTP-1", "KTP-2"]));
    expect(node.querySelector(".vitrin-reminder")).toBeNull();
    stop();

    sessionStorage.clear();
    const other = host();
    const again = mountContent(vitrin, { root: other.parentNode as ParentNode });
    other
      .querySelector(".vitrin-reminder")
      ?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(other.querySelector(".vitrin-reminder")).toBeNull();
    again();
  });

  it("refuses a javascript: cart URL with a warning, linking to /sepet instead", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { vitrin } = fakeVitrin(abandonerProfile(["KTP-1"]));
    const node = host({ "data-vitrin-cart-url": "javascript:alert(1)", id: "hatirlat" });
    const stop = mountContent(vitrin);
    expect(node.querySelector<HTMLAnchorElement>(".vitrin-reminder__cta")?.href).toBe(
      `${location.origin}/sepet`,
    );
    expect(warn).toHaveBeenCalledWith(
      '[vitrin] <div#hatirlat> data-vitrin-cart-url="javascript:alert(1)": expected an http(s) link or a path like /sepet',
    );
    stop();
  });
});
