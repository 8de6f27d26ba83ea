// @vitest-environment happy-dom
import { createVitrin, memoryStores } from "@vitrin/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defineSlotElement } from "./element.js";
import { mountSlot, mountSlots, refreshSlots } from "./mount.js";
import {
  CATALOG,
  destroyAll,
  device,
  FakeIntersectionObserver,
  settle,
  view,
  vitrinWith,
} from "./slot-fixtures.js";

function element(attrs: Record<string, string>, tag = "div"): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}
const cardIds = (el: Element) =>
  [...el.querySelectorAll(".vitrin-card [data-vitrin-item]")].map((c) =>
    c.getAttribute("data-vitrin-item"),
  );
const w = window as unknown as { dataLayer?: unknown[] };
const stops: (() => void)[] = [];

beforeEach(() => {
  FakeIntersectionObserver.all = [];
  vi.stubGlobal("IntersectionObserver", FakeIntersectionObserver);
});
afterEach(async () => {
  await destroyAll();
  for (const stop of stops.splice(0)) stop();
  document.body.replaceChildren();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  delete w.dataLayer;
});

describe("mountSlots", () => {
  it("renders picks into a container of its own, leaving the merchant's markup alone", async () => {
    const vitrin = await vitrinWith(["A", "C", "B"]);
    const slot = element({ "data-vitrin-slot": "recently-viewed" });
    const fallback = element({ "data-vitrin-fallback": "" }, "p");
    slot.append(fallback);
    document.body.append(slot);
    stops.push(mountSlots(vitrin, { lang: "tr", unstyled: true, conditions: device() }));
    expect(cardIds(slot)).toEqual(["B", "C", "A"]);
    expect(slot.firstElementChild).toBe(fallback);
    expect(slot.querySelector(".vitrin-slot-root section")).not.toBeNull();
    expect(slot.querySelectorAll("img[onerror]")).toHaveLength(0);
    expect(slot.getAttribute("data-vitrin-state")).toBe("ready");
  });

  it("warns once about a bad slot and leaves it empty, mounting the good ones", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const vitrin = await vitrinWith(["A"]);
    const bad = element({ "data-vitrin-slot": "bestsellers-typo" });
    const good = element({ "data-vitrin-slot": "similar", "data-vitrin-item": "A" });
    document.body.append(bad, good);
    stops.push(mountSlots(vitrin, { unstyled: true, conditions: device() }));
    stops.push(mountSlots(vitrin, { unstyled: true, conditions: device() }));
    expect(bad.childElementCount).toBe(0);
    expect(bad.getAttribute("data-vitrin-state")).toBe("empty");
    expect(good.querySelectorAll(".vitrin-slot-root")).toHaveLength(1);
    expect(cardIds(good)).not.toContain("A");
    expect(cardIds(good).length).toBeGreaterThan(0);
    expect(warn.mock.calls.filter(([m]) => String(m).includes("bestsellers-typo"))).toHaveLength(1);
  });

  it("shows the fallback state when the slot ends empty", async () => {
    const vitrin = await vitrinWith([]);
    const slot = element({ "data-vitrin-slot": "recently-viewed" });
    slot.append(element({ "data-vitrin-fallback": "" }, "p"));
    document.body.append(slot);
    stops.push(mountSlots(vitrin, { unstyled: true, conditions: device() }));
    expect(slot.getAttribute("data-vitrin-state")).toBe("empty");
    expect(slot.querySelector("section")).toBeNull();
  });

  it("follows the page: mounts added slots, unmounts removed ones, re-mounts changed ones", async () => {
    const vitrin = await vitrinWith(["A", "B", "F"]);
    const stop = mountSlots(vitrin, { unstyled: true, conditions: device() });
    stops.push(stop);
    // A single-page app's route change: new markup with a slot inside.
    const page = element({ id: "route" });
    const slot = element({ "data-vitrin-slot": "recently-viewed", "data-vitrin-limit": "2" });
    page.append(slot);
    document.body.append(page);
    await settle();
    expect(cardIds(slot)).toEqual(["F", "B"]);
    slot.setAttribute("data-vitrin-limit", "3");
    await settle();
    expect(cardIds(slot)).toEqual(["F", "B", "A"]);
    expect(slot.querySelectorAll(".vitrin-slot-root")).toHaveLength(1);
    page.remove();
    await settle();
    expect(slot.querySelector(".vitrin-slot-root")).toBeNull();
    expect(slot.hasAttribute("data-vitrin-state")).toBe(false);
    // Its store is no longer followed: nothing renders into it any more.
    vitrin.track("view_item", { items: [{ item_id: "G" }] });
    await settle();
    expect(slot.childElementCount).toBe(0);
    stop();
    const late = element({ "data-vitrin-slot": "recently-viewed" });
    document.body.append(late);
    await settle();
    expect(late.childElementCount).toBe(0);
  });

  it("refreshSlots re-reads attributes the page changed without notice", async () => {
    const vitrin = await vitrinWith(["A", "B", "F"]);
    const slot = element({ "data-vitrin-slot": "recently-viewed", "data-vitrin-limit": "1" });
    document.body.append(slot);
    stops.push(mountSlot(vitrin, slot, { unstyled: true, conditions: device() }));
    expect(cardIds(slot)).toEqual(["F"]);
    slot.setAttribute("data-vitrin-limit", "2"); // no observer here
    expect(cardIds(slot)).toEqual(["F"]);
    refreshSlots();
    expect(cardIds(slot)).toEqual(["F", "B"]);
  });

  it("a stop function kept from an earlier mount leaves the current one alone", async () => {
    const vitrin = await vitrinWith(["A"]);
    const slot = element({ "data-vitrin-slot": "recently-viewed" });
    document.body.append(slot);
    const first = mountSlot(vitrin, slot, { unstyled: true, conditions: device() });
    const second = mountSlot(vitrin, slot, { unstyled: true, conditions: device() });
    expect(slot.querySelectorAll(".vitrin-slot-root")).toHaveLength(1);
    first();
    expect(cardIds(slot)).toEqual(["A"]);
    second();
    expect(slot.childElementCount).toBe(0);
  });

  it("mount() takes attribute overrides and a renderer of the merchant's own", async () => {
    const vitrin = await vitrinWith(["A", "B"]);
    const slot = element({ "data-vitrin-slot": "trending" });
    document.body.append(slot);
    const seen: string[] = [];
    stops.push(
      mountSlot(vitrin, slot, {
        conditions: device(),
        unstyled: true,
        attributes: { strategy: "recently-viewed", limit: "1" },
        render: (state, container) => {
          seen.push(state.status);
          container.textContent = state.picks.map((p) => p.item.title).join();
        },
      }),
    );
    expect(seen.at(-1)).toBe("ready");
    expect(slot.textContent).toBe("Parka");
  });
});

describe("<vitrin-slot>", () => {
  it("mounts when added, re-mounts on attribute change, unmounts when removed", async () => {
    const vitrin = await vitrinWith(["A", "B", "F"]);
    defineSlotElement(vitrin, { unstyled: true, conditions: device() });
    defineSlotElement(vitrin); // once per page: a second call changes nothing
    const el = element({ strategy: "recently-viewed", limit: "2", id: "pdp" }, "vitrin-slot");
    document.body.append(el);
    expect(cardIds(el)).toEqual(["F", "B"]);
    expect(el.querySelector("section")?.getAttribute("data-vitrin-list")).toBe("pdp");
    el.setAttribute("layout", "carousel");
    expect(el.querySelector("section")?.className).toContain("vitrin-carousel");
    expect(el.querySelectorAll("section")).toHaveLength(1);
    refreshSlots();
    expect(el.querySelectorAll("section")).toHaveLength(1);
    el.remove();
    expect(el.childElementCount).toBe(0);
    expect(el.hasAttribute("data-vitrin-state")).toBe(false);
  });

  it("warns about a bad attribute and stays empty", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    defineSlotElement(await vitrinWith([]));
    const el = element({ strategy: "trending", layout: "wall" }, "vitrin-slot");
    document.body.append(el);
    expect(el.getAttribute("data-vitrin-state")).toBe("empty");
    expect(warn.mock.calls.map(([m]) => String(m)).join()).toContain('layout="wall"');
  });
});

describe("analytics round trip", () => {
  it("pushes marked impressions and clicks that Vitrin does not ingest back, with no loop", async () => {
    w.dataLayer = [];
    const stores = memoryStores();
    await stores.events.append([view("A", 1), view("B", 2)]);
    // A real instance following the page's data layer, as the script tag runs it.
    const vitrin = createVitrin({ catalog: CATALOG, stores });
    stops.push(() => void vitrin.destroy());
    await vitrin.ready;
    const slot = element({ "data-vitrin-slot": "recently-viewed", "data-vitrin-id": "recent" });
    document.body.append(slot);
    stops.push(mountSlots(vitrin, { unstyled: true, conditions: device() }));
    const before = vitrin.$events.get().length;
    FakeIntersectionObserver.show(1);
    await settle();
    FakeIntersectionObserver.show(1);
    const link = slot.querySelector<HTMLAnchorElement>(".vitrin-card__link");
    link?.addEventListener("click", (e) => e.preventDefault());
    link?.click();
    (slot.querySelector(".vitrin-why > summary") as HTMLElement).click();
    // Card impressions are batched for 300 ms; then the profile recomputes and the slot redraws.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await settle();
    const pushed = w.dataLayer.map((e) => (e as { event?: string }).event).filter(Boolean);
    expect(pushed).toEqual(["view_item_list", "select_item"]);
    // Vitrin's own card tracking records the impression and the click once, from the cards
    // (source "dom"), never from the data layer.
    const fresh = vitrin.$events.get().slice(before);
    expect(fresh.filter((e) => e.source === "datalayer")).toEqual([]);
    expect(fresh.map((e) => `${e.source}:${e.name}`).sort()).toEqual(
      ["dom:select_item", "dom:view_item_list"].sort(),
    );
  });
});
