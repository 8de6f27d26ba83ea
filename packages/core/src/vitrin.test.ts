// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { memoryStores } from "./store.js";
import { CATALOG, viewEvent } from "./test-fixtures.js";
import { createVitrin, type SlotState } from "./vitrin.js";

/** Page sources off: these tests feed events through track() and stored history only. */
const NO_SOURCES = {
  dataLayer: false,
  jsonLd: false,
  dataAttributes: false,
  spa: false,
  engagement: false,
} as const;

function picks(state: SlotState): string[] {
  return state.status === "ready" ? state.picks.map((p) => p.item.id) : [];
}

describe("createVitrin", () => {
  it("combines stored history with this page's events in a slot", async () => {
    const stores = memoryStores();
    await stores.events.append([viewEvent("KTP-1", 1), viewEvent("KBN-1", 2)]);
    const vitrin = createVitrin({
      catalog: CATALOG,
      stores,
      ...NO_SOURCES,
    });
    const slot = vitrin.slot({ strategy: "recently-viewed", limit: 6 });
    await vitrin.ready;
    expect(picks(slot.get())).toEqual(["KBN-1", "KTP-1"]);
    vitrin.track("view_item", { items: [{ item_id: "ELB-3" }] });
    await Promise.resolve();
    // On the product page itself, the product on screen is not "recently viewed".
    expect(picks(slot.get())).toEqual(["KBN-1", "KTP-1"]);
    vitrin.track("view_item_list", { items: [{ item_id: "ELB-1" }] });
    await vitrin.flush();
    const next = createVitrin({
      catalog: CATALOG,
      stores,
      ...NO_SOURCES,
    });
    await next.ready;
    expect(picks(next.slot({ strategy: "recently-viewed", limit: 6 }).get())).toEqual([
      "ELB-3",
      "KBN-1",
      "KTP-1",
    ]);
  });

  it("in a single-page app, the product on screen is left behind at the next route change", async () => {
    const vitrin = createVitrin({ catalog: CATALOG, stores: memoryStores(), ...NO_SOURCES });
    const slot = vitrin.slot({ strategy: "recently-viewed", limit: 6 });
    await vitrin.ready;
    // A product page as first loaded (the tracker has recorded the load's page_view).
    vitrin.track("view_item", { items: [{ item_id: "ELB-3" }] });
    await Promise.resolve();
    expect(vitrin.$events.get().map((event) => event.name)).toEqual(["page_view", "view_item"]);
    expect(picks(slot.get())).toEqual([]);
    // A client-side route change to a category page: ELB-3 is no longer on screen.
    vitrin.track("page_view", {});
    await Promise.resolve();
    expect(picks(slot.get())).toEqual(["ELB-3"]);
    // The next product route: its own item is on screen, the previous one is history.
    vitrin.track("page_view", {});
    vitrin.track("view_item", { items: [{ item_id: "KBN-1" }] });
    await Promise.resolve();
    expect(picks(slot.get())).toEqual(["ELB-3"]);
  });

  it("reports loading, then ready; unavailable without a catalog", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const vitrin = createVitrin({
      catalog: CATALOG,
      stores: memoryStores(),
      ...NO_SOURCES,
    });
    const slot = vitrin.slot({ strategy: "similar", limit: 2, item: "ELB-1" });
    expect(slot.get()).toEqual({ status: "loading" });
    await vitrin.ready;
    expect(slot.get()).toMatchObject({ status: "ready", currency: "TRY" });
    expect(picks(slot.get())).toHaveLength(2);

    const none = createVitrin({
      stores: memoryStores(),
      ...NO_SOURCES,
    });
    await none.ready;
    expect(none.slot({ strategy: "similar", limit: 2 }).get()).toEqual({ status: "unavailable" });
  });

  it("degrades to unavailable with one console error when the catalog cannot be fetched", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const vitrin = createVitrin({
      catalog: "https://shop.example/missing.json",
      stores: memoryStores(),
      ...NO_SOURCES,
      fetch: async () => new Response("", { status: 500 }),
    });
    await vitrin.ready;
    expect(vitrin.slot({ strategy: "recently-viewed", limit: 3 }).get()).toEqual({
      status: "unavailable",
    });
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[0]).toContain("HTTP 500");
    error.mockRestore();
  });

  it("keeps a live $profile that recomputes as events arrive, and a visitor record on the device", async () => {
    // Earlier tests left a session in this document's localStorage: start as a first visit.
    localStorage.clear();
    const stores = memoryStores();
    const now = Date.UTC(2026, 11, 10, 18);
    const options = {
      catalog: CATALOG,
      stores,
      now: () => now,
      environment: {
        userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148",
        maxTouchPoints: 5,
        screenWidth: 390,
        coarsePointer: true,
        hover: false,
        saveData: false,
        reducedMotion: false,
        languages: ["tr-TR"],
        timeZone: "Europe/Istanbul",
        referrer: "https://www.google.com/",
        host: "magaza.example",
        search: "",
      },
      ...NO_SOURCES,
    };
    const vitrin = createVitrin(options);
    expect(vitrin.$profile.get()).toBeUndefined();
    await vitrin.ready;
    await vi.waitFor(() => expect(vitrin.$profile.get()?.visitor.id).not.toBe("anonymous"));
    const profile = vitrin.$profile.get();
    expect(profile?.context).toMatchObject({
      device: "mobile",
      input: "touch",
      season: "winter",
      // 18:00 UTC is 21:00 in Istanbul.
      daypart: "evening",
      hour: 21,
    });
    expect(profile?.segments).toContain("new-visitor");
    expect(profile?.segments).not.toContain("high-intent");

    vitrin.track("add_to_cart", { items: [{ item_id: "KBN-1", quantity: 1 }] });
    await Promise.resolve();
    expect(vitrin.$profile.get()?.segments).toContain("high-intent");
    expect(vitrin.$profile.get()?.memory.cart.map((line) => line.id)).toEqual(["KBN-1"]);
    await vitrin.flush();

    // The visitor record is kept on the device: the next page load is the same visitor.
    const stored = await stores.cache.get<{ id: string }>("visitor");
    expect(stored?.id).toBe(profile?.visitor.id);
    const next = createVitrin(options);
    await next.ready;
    await vi.waitFor(() => expect(next.$profile.get()?.visitor.id).toBe(stored?.id));
  });

  it("explains a slot's items and contains a failing stage to that slot", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const vitrin = createVitrin({
      catalog: CATALOG,
      stores: memoryStores(),
      now: () => Date.UTC(2026, 5, 10, 12),
      ...NO_SOURCES,
      // A merchant rule whose match throws when read: the slot is lost, the page is not.
      relevance: {
        merchant: [
          {
            action: "boost",
            factor: 2,
            get match(): never {
              throw new Error("bad rule");
            },
          },
        ],
      },
    });
    await vitrin.ready;
    expect(vitrin.slot({ strategy: "trending", limit: 3 }).get()).toEqual({
      status: "unavailable",
    });
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[0]).toContain('choosing items for a "trending" slot failed');
    error.mockRestore();

    const fine = createVitrin({
      catalog: CATALOG,
      stores: memoryStores(),
      now: () => Date.UTC(2026, 5, 10, 12),
      ...NO_SOURCES,
    });
    await fine.ready;
    const state = fine.slot({ strategy: "trending", limit: 3 }).get();
    expect(state.status).toBe("ready");
    if (state.status !== "ready") return;
    expect(state.explain(state.picks[0]?.item.id ?? "")?.position).toBe(0);
    expect(state.explain("ELB-4")?.dropped).toBe("out of stock");
  });

  it("applies the config and model files when they arrive: slots and the profile recompute", async () => {
    const files: Record<string, unknown> = {
      "/vitrin/config.json": {
        segments: [{ id: "everyone", when: { not: { fact: "segments", has: "nobody" } } }],
        relevance: { merchant: [{ match: { id: "KTP-1" }, action: "pin", position: 0 }] },
      },
      "/vitrin/model.json": {
        format: "vitrin-model",
        version: 1,
        items: { "ELB-1": { coView: [["ELB-3", 0.9]] } },
      },
    };
    let answer: () => void = () => {};
    const arrived = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const vitrin = createVitrin({
      catalog: CATALOG,
      config: "/vitrin/config.json",
      model: "/vitrin/model.json",
      stores: memoryStores(),
      now: () => Date.UTC(2026, 5, 10, 12),
      ...NO_SOURCES,
      // The files arrive only when the test says so: tracking has started before.
      fetch: async (url) => {
        await arrived;
        return Response.json(files[new URL(String(url)).pathname]);
      },
    });
    const trending = vitrin.slot({ strategy: "trending", limit: 6 });
    const together = vitrin.slot({ strategy: "viewed-together", limit: 3, item: "ELB-1" });
    const seen: string[][] = [];
    trending.subscribe((state) => seen.push(picks(state)));
    together.listen(() => {});
    await vi.waitFor(() => expect(trending.get().status).toBe("ready"));
    expect(picks(trending.get())[0]).not.toBe("KTP-1");
    // No model yet: the cold start's items like ELB-1, each said to be similar.
    const before = together.get();
    expect(before.status === "ready" && before.picks.length).toBeGreaterThan(0);
    if (before.status === "ready")
      expect(before.picks.every((p) => p.reasons[0]?.kind === "similar")).toBe(true);
    expect(vitrin.$profile.get()?.segments).not.toContain("everyone");

    answer();
    await vitrin.ready;
    expect(picks(trending.get())[0]).toBe("KTP-1");
    expect(seen.at(-1)?.[0]).toBe("KTP-1");
    expect(picks(together.get())).toEqual(["ELB-3"]);
    expect(vitrin.$profile.get()?.segments).toContain("everyone");
  });

  it("configure() replaces each setting given, field by field within profile and relevance", () => {
    const vitrin = createVitrin({
      catalog: CATALOG,
      stores: memoryStores(),
      ...NO_SOURCES,
      profile: { halfLifeDays: 10 },
      relevance: { maxPerBrand: 1 },
    });
    vitrin.configure({ profile: { segments: [] }, relevance: { frequencyCap: 3 }, offers: [] });
    vitrin.configure({ relevance: { maxPerBrand: 2 } });
    expect(vitrin.$settings.get()).toEqual({
      profile: { halfLifeDays: 10, segments: [] },
      relevance: { maxPerBrand: 2, frequencyCap: 3 },
      offers: [],
    });
  });
});
