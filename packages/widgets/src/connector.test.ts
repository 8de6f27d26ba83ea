// @vitest-environment happy-dom
import { VITRIN_MARK } from "@vitrin/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readSlotAttributes, type SlotDeclaration } from "./attributes.js";
import { connectSlot, type SlotRenderState } from "./connector.js";
import {
  destroyAll,
  device,
  FakeIntersectionObserver,
  fakeVitrin,
  pickOf,
  settle,
  vitrinWith,
} from "./slot-fixtures.js";

function declare(attrs: Record<string, string>): SlotDeclaration {
  const el = document.createElement("div");
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const read = readSlotAttributes(el);
  if (!read.ok) throw new Error(read.error);
  return read.value;
}
const ids = (s: SlotRenderState | undefined) => s?.picks.map((p) => p.item.id);
const w = window as unknown as { dataLayer?: unknown[] };

beforeEach(() => {
  FakeIntersectionObserver.all = [];
  vi.stubGlobal("IntersectionObserver", FakeIntersectionObserver);
});
afterEach(async () => {
  await destroyAll();
  vi.unstubAllGlobals();
  delete w.dataLayer;
  document.body.replaceChildren();
});

describe("connectSlot", () => {
  it("renders loading, then the picks, and stops rendering once disposed", async () => {
    const vitrin = await vitrinWith(["A", "B", "F"]);
    const states: SlotRenderState[] = [];
    const dispose = connectSlot(
      vitrin,
      declare({ "data-vitrin-slot": "recently-viewed", "data-vitrin-title": "Baktıkların" }),
      (s) => states.push(s),
      { lang: "tr", conditions: device() },
    );
    const last = states.at(-1);
    expect(last?.status).toBe("ready");
    expect(ids(last)).toEqual(["F", "B", "A"]);
    expect(last).toMatchObject({ title: "Baktıkların", label: "Baktıkların", currency: "TRY" });
    expect(last?.slot).toMatchObject({ layout: "grid", limit: 6, id: "vitrin-recently-viewed" });
    expect(last?.titleOf("A")).toBe("Kaban");
    dispose();
    const count = states.length;
    vitrin.track("view_item", { items: [{ item_id: "G" }] });
    await settle();
    expect(states.length).toBe(count);
  });

  it("re-renders live: a new event changes the list", async () => {
    const vitrin = await vitrinWith(["A"]);
    let last: SlotRenderState | undefined;
    connectSlot(
      vitrin,
      declare({ "data-vitrin-slot": "recently-viewed" }),
      (s) => {
        last = s;
      },
      { conditions: device() },
    );
    expect(ids(last)).toEqual(["A"]);
    // The product on screen (the last viewed on this page) is never in its own page's slots.
    vitrin.track("view_item", { items: [{ item_id: "B" }] });
    vitrin.track("view_item", { items: [{ item_id: "C" }] });
    await settle();
    expect(ids(last)).toEqual(["B", "A"]);
  });

  it("resolves per-device options and follows the device when it changes", async () => {
    const vitrin = await vitrinWith(["A", "B", "F", "G", "H"]);
    const $device = device({ mobile: true, desktop: false, touch: true, mouse: false });
    let last: SlotRenderState | undefined;
    connectSlot(
      vitrin,
      declare({
        "data-vitrin-slot": "recently-viewed",
        "data-vitrin-limit": "mobile:2 4",
        "data-vitrin-layout": "mobile:carousel grid",
      }),
      (s) => {
        last = s;
      },
      { conditions: $device },
    );
    expect(last?.slot).toMatchObject({ layout: "carousel", limit: 2 });
    expect(last?.picks).toHaveLength(2);
    $device.set({ ...$device.get(), mobile: false, desktop: true });
    await settle();
    expect(last?.slot).toMatchObject({ layout: "grid", limit: 4 });
    expect(last?.picks).toHaveLength(4);
  });

  it("marks the element empty when nothing is found, and when no strategy applies here", async () => {
    const vitrin = await vitrinWith([]);
    const el = document.createElement("div");
    const states: string[] = [];
    connectSlot(
      vitrin,
      declare({ "data-vitrin-slot": "recently-viewed" }),
      (s) => states.push(s.status),
      {
        element: el,
        conditions: device(),
      },
    );
    expect(states.at(-1)).toBe("empty");
    expect(el.getAttribute("data-vitrin-state")).toBe("empty");
    const other = document.createElement("div");
    connectSlot(vitrin, declare({ "data-vitrin-slot": "mobile:trending" }), () => {}, {
      element: other,
      conditions: device(),
    });
    expect(other.getAttribute("data-vitrin-state")).toBe("empty");
  });

  it("is unavailable → empty without a catalog, and loading before the history is read", async () => {
    const { createVitrin, memoryStores } = await import("@vitrin/core");
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const vitrin = createVitrin({ stores: memoryStores(), dataLayer: false });
    const states: string[] = [];
    connectSlot(vitrin, declare({ "data-vitrin-slot": "trending" }), (s) => states.push(s.status), {
      conditions: device(),
    });
    await vitrin.ready;
    await settle();
    expect(states[0]).toBe("loading");
    expect(states.at(-1)).toBe("empty");
  });

  it("never passes an item whose link is not http(s)", async () => {
    // The catalog validator refuses such items already; the connector does not rely on it.
    const vitrin = fakeVitrin([
      pickOf("A", { url: "javascript:alert(1)" }),
      pickOf("B", { url: "data:text/html,x" }),
      pickOf("C", { url: "/relative/ok" }),
    ]);
    let last: SlotRenderState | undefined;
    const render = (s: SlotRenderState) => {
      last = s;
    };
    connectSlot(vitrin, declare({ "data-vitrin-slot": "trending" }), render, {
      conditions: device(),
    });
    expect(ids(last)).toEqual(["C"]);
  });

  it("contains a failing renderer: one console error, the page goes on", async () => {
    const vitrin = await vitrinWith(["A"]);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() =>
      connectSlot(
        vitrin,
        declare({ "data-vitrin-slot": "recently-viewed" }),
        () => {
          throw new Error("boom");
        },
        { conditions: device() },
      ),
    ).not.toThrow();
    expect(error.mock.calls.some(([m]) => String(m).includes("boom"))).toBe(true);
  });

  it("pushes one marked view_item_list when half visible, and select_item on a click", async () => {
    const vitrin = await vitrinWith(["A", "B"]);
    w.dataLayer = [];
    const el = document.createElement("div");
    let last: SlotRenderState | undefined;
    connectSlot(
      vitrin,
      declare({ "data-vitrin-slot": "recently-viewed", "data-vitrin-id": "home-recent" }),
      (s) => {
        last = s;
      },
      { element: el, conditions: device(), lang: "en" },
    );
    expect(w.dataLayer).toEqual([]);
    FakeIntersectionObserver.show(0.3);
    expect(w.dataLayer).toEqual([]);
    FakeIntersectionObserver.show(0.6);
    FakeIntersectionObserver.show(1);
    expect(w.dataLayer).toEqual([
      { ecommerce: null },
      {
        event: "view_item_list",
        ecommerce: {
          item_list_id: "home-recent",
          item_list_name: "Recently viewed",
          currency: "TRY",
          items: [
            { item_id: "B", item_name: "Parka", item_brand: "Ege Dokuma", price: 899.9, index: 0 },
            { item_id: "A", item_name: "Kaban", item_brand: "Ege Dokuma", price: 999.9, index: 1 },
          ],
        },
        [VITRIN_MARK]: true,
      },
    ]);
    last?.select(1);
    expect(w.dataLayer.at(-1)).toMatchObject({
      event: "select_item",
      ecommerce: { item_list_id: "home-recent", items: [{ item_id: "A", index: 1 }] },
      [VITRIN_MARK]: true,
    });
    // A new list while visible is a new impression.
    vitrin.track("view_item", { items: [{ item_id: "F" }] });
    vitrin.track("view_item", { items: [{ item_id: "G" }] });
    await settle();
    expect(
      w.dataLayer.filter((e) => (e as { event?: string }).event === "view_item_list"),
    ).toHaveLength(2);
  });

  it("counts a slot taller than half the screen once it fills half the screen", async () => {
    const vitrin = await vitrinWith(["A", "B"]);
    w.dataLayer = [];
    const el = document.createElement("div");
    connectSlot(vitrin, declare({ "data-vitrin-slot": "recently-viewed" }), () => {}, {
      element: el,
      conditions: device(),
    });
    const views = () =>
      (w.dataLayer ?? []).filter((e) => (e as { event?: string }).event === "view_item_list");
    // A list three screens tall: a fifth of it on screen is 600 of 1000 px.
    FakeIntersectionObserver.show(0.1, 300);
    expect(views()).toHaveLength(0);
    FakeIntersectionObserver.show(0.2, 600);
    expect(views()).toHaveLength(1);
  });

  it("pushes nothing when the page has no data layer, or when told not to", async () => {
    const vitrin = await vitrinWith(["A"]);
    const el = document.createElement("div");
    connectSlot(vitrin, declare({ "data-vitrin-slot": "recently-viewed" }), () => {}, {
      element: el,
      conditions: device(),
    });
    expect(() => FakeIntersectionObserver.show(1)).not.toThrow();
    w.dataLayer = [];
    connectSlot(vitrin, declare({ "data-vitrin-slot": "recently-viewed" }), () => {}, {
      element: el,
      conditions: device(),
      dataLayer: false,
    });
    FakeIntersectionObserver.show(1);
    expect(w.dataLayer).toEqual([]);
  });
});
