// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import type { VitrinEvent } from "./events.js";
import { type EventStore, memoryStores } from "./store.js";
import { createTracker } from "./tracker.js";

afterEach(() => {
  delete (window as unknown as Record<string, unknown>).dataLayer;
  vi.restoreAllMocks();
});

describe("createTracker", () => {
  it("records data layer pushes made before and after it starts, and stores them on flush", async () => {
    const layer: unknown[] = [
      { event: "view_item", ecommerce: { items: [{ item_id: "A", price: 10 }] } },
    ];
    (window as unknown as Record<string, unknown>).dataLayer = layer;
    const { events } = memoryStores();
    let t = 1000;
    const tracker = createTracker({ events, now: () => t++ });
    layer.push({ ecommerce: null });
    layer.push({ event: "add_to_cart", ecommerce: { items: [{ item_id: "A", quantity: 1 }] } });
    await tracker.flush();
    const stored = await events.all();
    expect(stored.map((e) => [e.name, e.ts, e.source])).toEqual([
      ["view_item", 1000, "datalayer"],
      ["add_to_cart", 1001, "datalayer"],
    ]);
    expect(new Set(stored.map((e) => e.id)).size).toBe(2);
    await tracker.destroy();
  });

  it("writes on its own when idle, in one batch", async () => {
    const { events } = memoryStores();
    const append = vi.spyOn(events, "append");
    const tracker = createTracker({ events, dataLayer: false });
    tracker.track("view_item", { items: [{ item_id: "A" }] });
    tracker.track("view_item", { items: [{ item_id: "B" }] });
    await vi.waitFor(() => expect(append).toHaveBeenCalledTimes(1));
    expect((await events.all()).map((e) => e.items[0]?.item_id)).toEqual(["A", "B"]);
    await tracker.destroy();
  });

  it("flushes when the page is hidden", async () => {
    const { events } = memoryStores();
    const append = vi.spyOn(events, "append");
    const tracker = createTracker({ events, dataLayer: false });
    tracker.track("search", { search_term: "kazak" });
    vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    document.dispatchEvent(new Event("visibilitychange"));
    expect(append).toHaveBeenCalledTimes(1);
    await tracker.destroy();
  });

  it("rejects a malformed track() call with one warning and keeps everything stored", async () => {
    const { events } = memoryStores();
    await events.append([
      {
        id: "old",
        name: "view_item",
        ts: 1,
        items: [{ item_id: "OLD" }],
        params: {},
        source: "api",
        path: "/",
      },
    ]);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const tracker = createTracker({ events, dataLayer: false });
    expect(tracker.track("add_to_cart", { items: [{ name: "no id" }] })).toBe(false);
    expect(tracker.track("add_to_cart", { items: [{ name: "no id" }] })).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('track("add_to_cart").items');
    await tracker.flush();
    expect((await events.all()).map((e) => e.id)).toEqual(["old"]);
  });

  it("keeps events whose write failed and writes them with the next batch", async () => {
    const stored: VitrinEvent[] = [];
    let fail = true;
    const flaky: EventStore = {
      append: async (batch) => {
        if (fail) throw new Error("QuotaExceededError");
        stored.push(...batch);
      },
      all: async () => stored,
    };
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const tracker = createTracker({ events: flaky, dataLayer: false });
    tracker.track("view_item", { items: [{ item_id: "A" }] });
    await tracker.flush();
    expect(stored).toEqual([]);
    fail = false;
    tracker.track("view_item", { items: [{ item_id: "B" }] });
    await tracker.flush();
    expect(stored.map((e) => e.items[0]?.item_id)).toEqual(["A", "B"]);
  });

  it("writes a large burst at once, and says so when unsaved events must be dropped", async () => {
    const { events } = memoryStores();
    const append = vi.spyOn(events, "append");
    const tracker = createTracker({ events, dataLayer: false });
    for (let i = 0; i < 200; i++) tracker.track("view_item", { items: [{ item_id: `B${i}` }] });
    expect(append).toHaveBeenCalledTimes(1);
    await tracker.flush();
    expect(await events.all()).toHaveLength(200);

    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const failing = {
      ...events,
      append: async () => Promise.reject(new Error("QuotaExceededError")),
    };
    const stuck = createTracker({ events: failing, dataLayer: false });
    for (let i = 0; i < 5001; i++) stuck.track("view_item", { items: [{ item_id: `C${i}` }] });
    await stuck.flush();
    expect(warn.mock.calls.filter(([m]) => String(m).includes("dropping the oldest"))).toHaveLength(
      1,
    );
  });

  it("writes events that come just before leaving the page at once, views when idle", async () => {
    const { events } = memoryStores();
    const append = vi.spyOn(events, "append");
    const tracker = createTracker({ events, dataLayer: false });
    tracker.track("view_item", { items: [{ item_id: "A" }] });
    expect(append).not.toHaveBeenCalled();
    tracker.track("add_to_cart", { items: [{ item_id: "A" }] });
    tracker.track("add_to_cart", { items: [{ item_id: "B" }] });
    // Before the task ends: one write for both.
    await Promise.resolve();
    expect(append).toHaveBeenCalledTimes(1);
    expect(append.mock.calls[0]?.[0].map((e) => e.name)).toEqual([
      "view_item",
      "add_to_cart",
      "add_to_cart",
    ]);
    tracker.track("select_item", { items: [{ item_id: "C" }] });
    await Promise.resolve();
    expect(append).toHaveBeenCalledTimes(2);
  });
});
