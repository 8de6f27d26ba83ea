// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import type { VitrinSettings } from "./config.js";
import { loadSettings } from "./settings-loader.js";
import { memoryStores } from "./store.js";

const HOUR = 3_600_000;
const CONFIG = {
  segments: [{ id: "warm-lead", when: { fact: "tally.cartAdds", gte: 2 } }],
  relevance: { merchant: [{ match: { id: "KTP-1" }, action: "pin" }] },
  offers: [{ id: "hosgeldin", text: "Hoş geldin" }],
};
const MODEL = {
  format: "vitrin-model",
  version: 1,
  items: { "ELB-1": { coView: [["ELB-3", 0.9]] } },
};

/** A static server for the test's files, answering conditional requests. */
function server(files: Record<string, unknown>) {
  return vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const path = new URL(String(url)).pathname;
    if (!Object.hasOwn(files, path)) return new Response("not found", { status: 404 });
    if (new Headers(init?.headers).get("If-None-Match") === '"v1"')
      return new Response(null, { status: 304 });
    const body = files[path];
    return new Response(typeof body === "string" ? body : JSON.stringify(body), {
      headers: { ETag: '"v1"' },
    });
  });
}

/** Runs loadSettings and collects what it applies. */
async function load(
  options: { config?: string | object; model?: string },
  fetch: ReturnType<typeof server>,
  cache = memoryStores().cache,
  now = 0,
) {
  const applied: VitrinSettings[] = [];
  await loadSettings(options, { cache, now: () => now, maxAgeMs: 6 * HOUR, fetch }, (settings) =>
    applied.push(settings),
  );
  return applied;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("loadSettings", () => {
  it("applies the config and model files, then serves them from the cache with no request", async () => {
    const fetch = server({ "/vitrin/config.json": CONFIG, "/vitrin/model.json": MODEL });
    const { cache } = memoryStores();
    const files = { config: "/vitrin/config.json", model: "/vitrin/model.json" };
    const first = await load(files, fetch, cache);
    expect(fetch).toHaveBeenCalledTimes(2);
    const check = (applied: VitrinSettings[]) => {
      const config = applied.find((s) => s.profile);
      expect(config?.profile?.segments?.map((s) => s.id)).toEqual(["warm-lead"]);
      expect(config?.relevance?.merchant).toEqual(CONFIG.relevance.merchant);
      expect(config?.offers).toEqual(CONFIG.offers);
      const model = applied.find((s) => s.model)?.model;
      expect(model?.items.get("ELB-1")?.coView).toEqual([["ELB-3", 0.9]]);
    };
    check(first);
    // The next page view, an hour later: both fresh in the cache, no request at all.
    const again = await load(files, fetch, cache, HOUR);
    check(again);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect((await cache.entries()).map(([key]) => key).sort()).toEqual([
      "config:http://localhost:3000/vitrin/config.json",
      "model:http://localhost:3000/vitrin/model.json",
    ]);
  });

  it("revalidates a stale copy with its ETag, keeping what it has", async () => {
    const fetch = server({ "/c.json": CONFIG });
    const { cache } = memoryStores();
    await load({ config: "/c.json" }, fetch, cache);
    const later = await load({ config: "/c.json" }, fetch, cache, 7 * HOUR);
    expect(later).toHaveLength(1);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(new Headers(fetch.mock.calls[1]?.[1]?.headers).get("If-None-Match")).toBe('"v1"');
  });

  it("runs without a file that cannot be had, with one warning naming it", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const applied = await load(
      { config: "/missing.json", model: "/vitrin/model.json" },
      server({ "/vitrin/model.json": MODEL }),
    );
    expect(applied.map((s) => Object.keys(s))).toEqual([["model"]]);
    expect(warn.mock.calls.map(([m]) => m)).toEqual([
      "[vitrin] config: could not use /missing.json, running without it: http://localhost:3000/missing.json: HTTP 404",
    ]);
  });

  it("names a file that is not JSON, not a config or not a model, and caches none of them", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { cache } = memoryStores();
    const fetch = server({
      "/broken.json": "{ not json",
      "/list.json": [CONFIG],
      "/old-model.json": { ...MODEL, version: 2 },
    });
    expect(await load({ config: "/broken.json" }, fetch, cache)).toEqual([]);
    expect(await load({ config: "/list.json", model: "/old-model.json" }, fetch, cache)).toEqual(
      [],
    );
    const messages = warn.mock.calls.map(([m]) => String(m));
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(
      /^\[vitrin\] config: could not use \/broken\.json, running without it: .*JSON/,
    );
    expect(messages.slice(1)).toEqual([
      "[vitrin] config: could not use /list.json, running without it: list.json: expected an object with any of offers, segments, personas, halfLifeDays, giftWords, relevance",
      "[vitrin] model: could not use /old-model.json, running without it: old-model.json: version: expected 1, the model version this Vitrin reads",
    ]);
    expect(await cache.entries()).toEqual([]);
  });

  it("applies the good parts of a config with bad ones, naming them in one warning", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const applied = await load(
      { config: "/vitrin/config.json" },
      server({
        "/vitrin/config.json": {
          ...CONFIG,
          segments: [...CONFIG.segments, { id: "x", when: { fact: "visitor.visits", gte: "2" } }],
          extra: true,
        },
      }),
    );
    expect(applied[0]?.profile?.segments?.map((s) => s.id)).toEqual(["warm-lead"]);
    expect(applied[0]?.relevance?.merchant).toHaveLength(1);
    expect(warn.mock.calls.map(([m]) => m)).toEqual([
      "[vitrin] config: skipped invalid settings:\nconfig.json: extra: unknown key; expected one of offers, segments, personas, halfLifeDays, giftWords, relevance\nconfig.json: segments[1].when.gte: expected a number",
    ]);
  });

  it("checks a config given as an object at once, with no request", async () => {
    const fetch = server({});
    const applied = await load({ config: CONFIG }, fetch);
    expect(applied[0]?.profile?.segments).toHaveLength(1);
    expect(fetch).not.toHaveBeenCalled();
  });
});
