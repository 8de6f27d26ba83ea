import { describe, expect, it, vi } from "vitest";
import { type DataLayerEvent, followDataLayer, readDataLayerEntry } from "./datalayer.js";

function gtagArgs(...args: unknown[]): IArguments {
  // gtag() pushes its real `arguments` object, not an array.
  function gtag(..._: unknown[]): IArguments {
    // biome-ignore lint/complexity/noArguments: the arguments object is what is under test.
    return arguments;
  }
  return gtag(...args);
}

describe("readDataLayerEntry", () => {
  it("reads the Tag Manager shape", () => {
    expect(
      readDataLayerEntry({ event: "view_item", ecommerce: { items: [] } }, "dataLayer[0]"),
    ).toEqual({
      name: "view_item",
      params: { items: [] },
      where: "dataLayer[0].ecommerce",
    });
  });

  it("reads gtag() argument lists", () => {
    expect(readDataLayerEntry(gtagArgs("event", "purchase", { value: 1 }), "dataLayer[4]")).toEqual(
      {
        name: "purchase",
        params: { value: 1 },
        where: "dataLayer[4]",
      },
    );
  });

  it("ignores what is not a GA4 ecommerce event", () => {
    for (const entry of [
      { ecommerce: null },
      { event: "gtm.js" },
      { event: "view_item", vitrin: true, ecommerce: {} },
      gtagArgs("config", "G-XXXX"),
      gtagArgs("event", "view_item", { vitrin: true }),
      gtagArgs("consent", "default", {}),
      "view_item",
      null,
    ]) {
      expect(readDataLayerEntry(entry, "d")).toBeUndefined();
    }
  });
});

describe("followDataLayer", () => {
  it("replays earlier entries, sees later ones, and keeps the original push working", () => {
    const win: Record<string, unknown> = {};
    const layer: unknown[] = [{ event: "view_item", ecommerce: { items: [{ item_id: "A" }] } }];
    const gtmListener = vi.fn();
    // Tag Manager replaces push with its own that calls the array's push.
    layer.push = function push(this: unknown[], ...entries: unknown[]) {
      gtmListener(...entries);
      return Array.prototype.push.apply(this, entries);
    };
    win.dataLayer = layer;
    const seen: DataLayerEvent[] = [];
    const stop = followDataLayer(win, "dataLayer", (e) => seen.push(e));
    expect(seen.map((e) => e.where)).toEqual(["dataLayer[0].ecommerce"]);

    layer.push(
      { ecommerce: null },
      { event: "add_to_cart", ecommerce: { items: [{ item_id: "B" }] } },
    );
    expect(gtmListener).toHaveBeenCalledTimes(1);
    expect(layer).toHaveLength(3);
    expect(seen.map((e) => [e.name, e.where])).toEqual([
      ["view_item", "dataLayer[0].ecommerce"],
      ["add_to_cart", "dataLayer[2].ecommerce"],
    ]);

    stop();
    layer.push({ event: "purchase", ecommerce: { items: [{ item_id: "C" }] } });
    expect(seen).toHaveLength(2);
    expect(gtmListener).toHaveBeenCalledTimes(2);
  });

  it("creates the data layer when the page has none, under a configurable name", () => {
    const win: Record<string, unknown> = {};
    const seen: string[] = [];
    followDataLayer(win, "shopLayer", (e) => seen.push(e.name));
    (win.shopLayer as unknown[]).push({ event: "view_cart", ecommerce: {} });
    expect(seen).toEqual(["view_cart"]);
  });

  it("refuses a data layer that is not an array", () => {
    expect(() => followDataLayer({ dataLayer: {} }, "dataLayer", () => {})).toThrow(/not an array/);
  });
});
