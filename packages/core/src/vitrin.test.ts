// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { memoryStores } from "./store.js";
import { CATALOG, viewEvent } from "./test-fixtures.js";
import { createVitrin, type SlotState } from "./vitrin.js";

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
      dataLayer: false,
      jsonLd: false,
      dataAttributes: false,
      spa: false,
      engagement: false,
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
      dataLayer: false,
      jsonLd: false,
      dataAttributes: false,
      spa: false,
      engagement: false,
    });
    await next.ready;
    expect(picks(next.slot({ strategy: "recently-viewed", limit: 6 }).get())).toEqual([
      "ELB-3",
      "KBN-1",
      "KTP-1",
    ]);
  });

  it("reports loading, then ready; unavailable without a catalog", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const vitrin = createVitrin({
      catalog: CATALOG,
      stores: memoryStores(),
      dataLayer: false,
      jsonLd: false,
      dataAttributes: false,
      spa: false,
      engagement: false,
    });
    const slot = vitrin.slot({ strategy: "similar", limit: 2, item: "ELB-1" });
    expect(slot.get()).toEqual({ status: "loading" });
    await vitrin.ready;
    expect(slot.get()).toMatchObject({ status: "ready", currency: "TRY" });
    expect(picks(slot.get())).toHaveLength(2);

    const none = createVitrin({
      stores: memoryStores(),
      dataLayer: false,
      jsonLd: false,
      dataAttributes: false,
      spa: false,
      engagement: false,
    });
    await none.ready;
    expect(none.slot({ strategy: "similar", limit: 2 }).get()).toEqual({ status: "unavailable" });
  });

  it("degrades to unavailable with one console error when the catalog cannot be fetched", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const vitrin = createVitrin({
      catalog: "https://shop.example/missing.json",
      stores: memoryStores(),
      dataLayer: false,
      jsonLd: false,
      dataAttributes: false,
      spa: false,
      engagement: false,
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
});
