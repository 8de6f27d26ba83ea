// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { VitrinEvent } from "./events.js";
import { type EventStore, memoryStores } from "./store.js";
import { createTracker, type Tracker, type TrackerOptions } from "./tracker.js";

const win = window as unknown as Record<string, unknown>;
let trackers: Tracker[] = [];

/** A tracker on memory stores, with only the sources a test asks for. */
function start(options: Partial<TrackerOptions> = {}) {
  const stores = memoryStores();
  const tracker = createTracker({
    stores,
    dataLayer: false,
    jsonLd: false,
    dataAttributes: false,
    spa: false,
    engagement: false,
    ...options,
  });
  trackers.push(tracker);
  const names = async () => (await stores.events.all()).map((e) => e.name);
  return { tracker, stores, names };
}

beforeEach(() => {
  localStorage.clear();
  document.head.replaceChildren();
  document.body.replaceChildren();
});

afterEach(async () => {
  await Promise.all(trackers.map((t) => t.destroy()));
  trackers = [];
  delete win.dataLayer;
  vi.restoreAllMocks();
});

describe("createTracker", () => {
  it("records a page view, then data layer pushes made before and after it started", async () => {
    win.dataLayer = [{ event: "view_item", ecommerce: { items: [{ item_id: "A", price: 10 }] } }];
    let t = 1000;
    const { tracker, stores } = start({ dataLayer: "dataLayer", now: () => t++ });
    (win.dataLayer as unknown[]).push({ ecommerce: null });
    (win.dataLayer as unknown[]).push({
      event: "add_to_cart",
      ecommerce: { items: [{ item_id: "A", quantity: 1 }] },
    });
    await tracker.flush();
    const stored = await stores.events.all();
    expect(stored.map((e) => [e.name, e.source])).toEqual([
      ["view_item", "datalayer"],
      ["page_view", "auto"],
      ["add_to_cart", "datalayer"],
    ]);
    expect(new Set(stored.map((e) => e.id)).size).toBe(3);
    // Every event carries its session and page context.
    expect(new Set(stored.map((e) => e.session)).size).toBe(1);
    expect(stored[0]?.ctx).toEqual({ traffic: "direct", device: "desktop" });
    expect(stored[0]?.path).toBe(location.pathname);
  });

  it("writes on its own when idle, in one batch", async () => {
    const { tracker, stores } = start();
    const append = vi.spyOn(stores.events, "append");
    tracker.track("view_item", { items: [{ item_id: "A" }] });
    tracker.track("view_item", { items: [{ item_id: "B" }] });
    await vi.waitFor(() => expect(append).toHaveBeenCalledTimes(1));
    expect((await stores.events.all()).map((e) => e.items[0]?.item_id)).toEqual([
      undefined,
      "A",
      "B",
    ]);
  });

  it("flushes when the page is hidden", async () => {
    const { tracker, stores } = start();
    const append = vi.spyOn(stores.events, "append");
    tracker.track("search", { search_term: "kazak" });
    vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    document.dispatchEvent(new Event("visibilitychange"));
    expect(append).toHaveBeenCalledTimes(1);
  });

  it("counts a product view once when both the data layer and JSON-LD report it", async () => {
    const script = document.createElement("script");
    script.type = "application/ld+json";
    script.textContent = JSON.stringify({
      "@type": "Product",
      sku: "P-1",
      name: "Kaban",
      offers: { price: 10 },
    });
    document.head.append(script);
    win.dataLayer = [];
    const products: unknown[] = [];
    const { tracker, names } = start({
      dataLayer: "dataLayer",
      jsonLd: true,
      onProducts: (p) => products.push(...p),
    });
    (win.dataLayer as unknown[]).push({
      event: "view_item",
      ecommerce: { items: [{ item_id: "P-1" }] },
    });
    tracker.track("view_item", { items: [{ item_id: "P-2" }] });
    await tracker.flush();
    expect(await names()).toEqual(["page_view", "view_item", "view_item"]);
    expect(products).toEqual([{ id: "P-1", name: "Kaban", price: 10 }]);
  });

  it("maps Segment e-commerce names in track()", async () => {
    const { tracker, stores } = start();
    expect(
      tracker.track("Order Completed", { order_id: "T1", products: [{ product_id: "A" }] }),
    ).toBe(true);
    await tracker.flush();
    const purchase = (await stores.events.all()).find((e) => e.name === "purchase");
    expect(purchase?.params.transaction_id).toBe("T1");
  });

  it("rejects a malformed track() call with one warning and keeps everything stored", async () => {
    const { tracker, stores } = start();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(tracker.track("add_to_cart", { items: [{ name: "no id" }] })).toBe(false);
    expect(tracker.track("add_to_cart", { items: [{ name: "no id" }] })).toBe(false);
    expect(tracker.track("view_item", { items: [{ item_id: "A", price: 1e12 }] })).toBe(true);
    expect(warn.mock.calls.map(([m]) => m)).toEqual([
      expect.stringContaining('track("add_to_cart").items: "add_to_cart" needs at least one item'),
      expect.stringContaining('track("view_item").items[0].price: expected a number from 0 to 1e9'),
    ]);
    await tracker.flush();
    expect((await stores.events.all()).map((e) => e.name)).toEqual(["page_view", "view_item"]);
  });

  it("keeps events whose write failed and writes them with the next batch", async () => {
    const stored: VitrinEvent[] = [];
    let fail = true;
    const flaky: EventStore = {
      ...memoryStores().events,
      append: async (batch) => {
        if (fail) throw new Error("QuotaExceededError");
        stored.push(...batch);
      },
    };
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const { tracker } = start({ stores: { ...memoryStores(), events: flaky } });
    tracker.track("view_item", { items: [{ item_id: "A" }] });
    await tracker.flush();
    expect(stored).toEqual([]);
    fail = false;
    tracker.track("view_item", { items: [{ item_id: "B" }] });
    await tracker.flush();
    expect(stored.map((e) => e.items[0]?.item_id)).toEqual([undefined, "A", "B"]);
  });

  it("keeps sessions across page loads and starts a new one after 30 minutes", async () => {
    let t = 0;
    const first = start({ now: () => t });
    await first.tracker.flush();
    t = 10 * 60 * 1000;
    const second = start({ now: () => t });
    await second.tracker.flush();
    t = 60 * 60 * 1000;
    const third = start({ now: () => t });
    await third.tracker.flush();
    const sessionOf = async (s: typeof first) => (await s.stores.events.all())[0]?.session;
    expect(await sessionOf(second)).toBe(await sessionOf(first));
    expect(await sessionOf(third)).not.toBe(await sessionOf(first));
  });

  it("stores identify() attributes locally and names bad ones", async () => {
    const identities: unknown[] = [];
    const { tracker, stores } = start({ onIdentity: (i) => identities.push(i) });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(tracker.identify({ firstName: " Ayşe ", tier: "gold", "bad key": 1, nested: {} })).toBe(
      true,
    );
    expect(tracker.identify("Ayşe")).toBe(false);
    expect(identities.at(-1)).toEqual({ firstName: "Ayşe", tier: "gold" });
    await vi.waitFor(async () =>
      expect(await stores.cache.get("identity")).toEqual({ firstName: "Ayşe", tier: "gold" }),
    );
    expect(warn).toHaveBeenCalledTimes(3);
  });
});

describe("consent", () => {
  it("required: stores nothing, not even in localStorage, until consent; then this page's events", async () => {
    const { tracker, stores, names } = start({ consent: "required" });
    tracker.track("view_item", { items: [{ item_id: "A" }] });
    tracker.identify({ firstName: "Ayşe" });
    await tracker.flush();
    expect(tracker.storing()).toBe(false);
    expect(await stores.events.all()).toEqual([]);
    expect(await stores.cache.get("identity")).toBeUndefined();
    expect(localStorage.length).toBe(0);
    await tracker.consent(true);
    expect(await names()).toEqual(["page_view", "view_item"]);
    expect(await stores.cache.get("identity")).toEqual({ firstName: "Ayşe" });
    expect(localStorage.getItem("vitrin:consent")).toBe("granted");
    // The next page remembers the consent.
    expect(start({ consent: "required" }).tracker.storing()).toBe(true);
  });

  it("withdrawing consent erases everything and stops storing", async () => {
    const { tracker, stores } = start({ consent: "required" });
    const erase = vi.spyOn(stores, "erase");
    await tracker.consent(true);
    tracker.track("view_item", { items: [{ item_id: "A" }] });
    await tracker.flush();
    // Keys the widgets keep (offer view counts, a dismissed reminder) go too; the shop's do not.
    localStorage.setItem("vitrin:offers", "{}");
    sessionStorage.setItem("vitrin:reminder-dismissed", "1");
    sessionStorage.setItem("shop:basket", "kept");
    await tracker.consent(false);
    expect(erase).toHaveBeenCalledOnce();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.getItem("vitrin:reminder-dismissed")).toBeNull();
    expect(sessionStorage.getItem("shop:basket")).toBe("kept");
    sessionStorage.clear();
    tracker.track("view_item", { items: [{ item_id: "B" }] });
    await tracker.flush();
    expect(await stores.events.all()).toEqual([]);
    expect(tracker.storing()).toBe(false);
  });

  it("honours Global Privacy Control as a refusal unless told otherwise", () => {
    Object.defineProperty(navigator, "globalPrivacyControl", { value: true, configurable: true });
    try {
      expect(start().tracker.storing()).toBe(false);
      expect(start({ respectGpc: false }).tracker.storing()).toBe(true);
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  it("gcm: follows personalization_storage from Consent Mode commands on the data layer", async () => {
    function gtag(..._: unknown[]) {
      // biome-ignore lint/complexity/noArguments: gtag() pushes its arguments object.
      (win.dataLayer as unknown[]).push(arguments);
    }
    win.dataLayer = [];
    gtag("consent", "default", { personalization_storage: "denied" });
    const { tracker, stores, names } = start({ consent: "gcm", dataLayer: "dataLayer" });
    expect(tracker.storing()).toBe(false);
    gtag("consent", "update", { personalization_storage: "granted" });
    await tracker.flush();
    expect(tracker.storing()).toBe(true);
    expect(await names()).toEqual(["page_view"]);
    const erase = vi.spyOn(stores, "erase");
    gtag("consent", "update", { personalization_storage: "denied" });
    await vi.waitFor(() => expect(erase).toHaveBeenCalledOnce());
    expect(tracker.storing()).toBe(false);
  });
});

describe("writing", () => {
  it("writes a large burst at once, and says so when unsaved events must be dropped", async () => {
    const { tracker, stores } = start();
    const append = vi.spyOn(stores.events, "append");
    for (let i = 0; i < 200; i++) tracker.track("view_item", { items: [{ item_id: `B${i}` }] });
    expect(append).toHaveBeenCalledTimes(1);
    await tracker.flush();
    expect(await stores.events.all()).toHaveLength(201);

    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const failing = {
      ...memoryStores().events,
      append: async () => Promise.reject(new Error("QuotaExceededError")),
    };
    const stuck = start({ stores: { ...memoryStores(), events: failing } }).tracker;
    for (let i = 0; i < 5001; i++) stuck.track("view_item", { items: [{ item_id: `C${i}` }] });
    await stuck.flush();
    expect(warn.mock.calls.filter(([m]) => String(m).includes("dropping the oldest"))).toHaveLength(
      1,
    );
  });

  it("writes events that come just before leaving the page in the same task, views when idle", async () => {
    const { tracker, stores } = start();
    const append = vi.spyOn(stores.events, "append");
    tracker.track("view_item", { items: [{ item_id: "A" }] });
    expect(append).not.toHaveBeenCalled();
    tracker.track("add_to_cart", { items: [{ item_id: "A" }] });
    tracker.track("add_to_cart", { items: [{ item_id: "B" }] });
    // Before the task ends (a microtask): one write for both.
    await Promise.resolve();
    expect(append).toHaveBeenCalledTimes(1);
    expect(append.mock.calls[0]?.[0].map((e) => e.name)).toEqual([
      "page_view",
      "view_item",
      "add_to_cart",
      "add_to_cart",
    ]);
    tracker.track("select_item", { items: [{ item_id: "C" }] });
    await Promise.resolve();
    expect(append).toHaveBeenCalledTimes(2);
  });
});

describe("page sources", () => {
  const product = (sku: string) => {
    const script = document.createElement("script");
    script.type = "application/ld+json";
    script.textContent = JSON.stringify({ "@type": "Product", sku, name: sku });
    document.head.append(script);
  };

  it("engagement: pagehide reports once, and the hidden state after it adds nothing", async () => {
    product("ENG");
    let t = 0;
    const { tracker, stores } = start({ jsonLd: true, engagement: true, now: () => t });
    t = 4000;
    dispatchEvent(new Event("pagehide"));
    t = 4001;
    Object.defineProperty(document, "visibilityState", { configurable: true, value: "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
    delete (document as { visibilityState?: unknown }).visibilityState;
    await tracker.flush();
    const engagement = (await stores.events.all()).filter((e) => e.name === "user_engagement");
    expect(engagement).toHaveLength(1);
    expect(engagement[0]?.items[0]?.item_id).toBe("ENG");
    expect(engagement[0]?.params.engagement_time_msec).toBe(4000);
  });

  it("a route change records the route left's engagement under its path, then a page view", async () => {
    history.replaceState({}, "", "/urun/a");
    product("A");
    let t = 0;
    const { tracker, stores } = start({ jsonLd: true, engagement: true, spa: true, now: () => t });
    t = 2500;
    history.pushState({}, "", "/kategori");
    await tracker.flush();
    const stored = await stores.events.all();
    expect(stored.map((e) => `${e.name}@${e.path}`)).toEqual([
      "page_view@/urun/a",
      "view_item@/urun/a",
      "user_engagement@/urun/a",
      "page_view@/kategori",
    ]);
  });
});
