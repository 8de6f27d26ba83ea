import { describe, expect, it, vi } from "vitest";
import type { Catalog } from "./catalog.js";
import { loadCatalog } from "./catalog-loader.js";
import { memoryStores } from "./store.js";
import { CATALOG } from "./test-fixtures.js";

const URL_ = "https://shop.example/vitrin/catalog.json";
const HOUR = 3_600_000;

function server(body: unknown = CATALOG, etag = '"v1"') {
  return vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    if (headers.get("If-None-Match") === etag) return new Response(null, { status: 304 });
    return new Response(JSON.stringify(body), { status: 200, headers: { ETag: etag } });
  });
}

describe("loadCatalog", () => {
  it("fetches once, then serves a fresh cached copy with no request", async () => {
    const { cache } = memoryStores();
    const fetch = server();
    let now = 0;
    const source = { url: URL_, cache, now: () => now, maxAgeMs: 6 * HOUR, fetch };
    expect((await loadCatalog(source, () => {}))?.items).toHaveLength(6);
    now = 5 * HOUR;
    expect((await loadCatalog(source, () => {}))?.items).toHaveLength(6);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("uses a stale copy at once and revalidates with its ETag in the background", async () => {
    const { cache } = memoryStores();
    const fetch = server();
    let now = 0;
    const source = { url: URL_, cache, now: () => now, maxAgeMs: HOUR, fetch };
    await loadCatalog(source, () => {});
    now = 2 * HOUR;
    const updates: Catalog[] = [];
    expect(await loadCatalog(source, (c) => updates.push(c))).toBeDefined();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(new Headers(fetch.mock.calls[1]?.[1]?.headers).get("If-None-Match")).toBe('"v1"');
    // 304: nothing new to announce, and the copy counts as fresh again.
    expect(updates).toEqual([]);
    now = 2.5 * HOUR;
    await vi.waitFor(async () => {
      await loadCatalog(source, () => {});
      expect(fetch).toHaveBeenCalledTimes(2);
    });
  });

  it("announces a changed catalog after revalidation", async () => {
    const { cache } = memoryStores();
    let now = 0;
    await loadCatalog(
      { url: URL_, cache, now: () => now, maxAgeMs: HOUR, fetch: server() },
      () => {},
    );
    now = 2 * HOUR;
    const changed = { ...CATALOG, items: CATALOG.items.slice(0, 2) };
    const updated = new Promise<Catalog>((resolve) => {
      void loadCatalog(
        { url: URL_, cache, now: () => now, maxAgeMs: HOUR, fetch: server(changed, '"v2"') },
        resolve,
      );
    });
    expect((await updated).items).toHaveLength(2);
  });

  it("keeps the cached copy when the network fails", async () => {
    const { cache } = memoryStores();
    let now = 0;
    await loadCatalog(
      { url: URL_, cache, now: () => now, maxAgeMs: HOUR, fetch: server() },
      () => {},
    );
    now = 3 * HOUR;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const failing = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    });
    const catalog = await loadCatalog(
      { url: URL_, cache, now: () => now, maxAgeMs: HOUR, fetch: failing },
      () => {},
    );
    expect(catalog?.items).toHaveLength(6);
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("using the cached copy")),
    );
    warn.mockRestore();
  });

  it("fails clearly with no cache and a failed fetch", async () => {
    const { cache } = memoryStores();
    const notFound = vi.fn(async () => new Response("no", { status: 404 }));
    await expect(
      loadCatalog({ url: URL_, cache, now: () => 0, maxAgeMs: HOUR, fetch: notFound }, () => {}),
    ).rejects.toThrow(`${URL_}: HTTP 404`);
  });

  it("caches the validated items, so a repeat load only rebuilds the index", async () => {
    const { cache } = memoryStores();
    const fetch = server();
    const source = { url: URL_, cache, now: () => 0, maxAgeMs: HOUR, fetch };
    await loadCatalog(source, () => {});
    const entry = await cache.get<{
      value: { items: { tags: string[]; currency: string }[] };
      etag: string;
    }>(`catalog:${URL_}`);
    // Defaults filled in by validation are what is stored.
    expect(entry?.value.items).toHaveLength(6);
    expect(entry?.value.items.every((i) => Array.isArray(i.tags) && i.currency === "TRY")).toBe(
      true,
    );
    expect(entry?.etag).toBe('"v1"');
    const again = await loadCatalog(source, () => {});
    expect(again?.byId.get("ELB-1")?.salePrice).toBe(999.9);
    expect(again?.fetchedAt).toBe(0);
  });

  it("downloads again over a cache entry it cannot read (an older format)", async () => {
    const { cache } = memoryStores();
    await cache.set(`catalog:${URL_}`, { fetchedAt: 0, etag: '"v1"', body: CATALOG });
    const fetch = server();
    const catalog = await loadCatalog(
      { url: URL_, cache, now: () => 1, maxAgeMs: HOUR, fetch },
      () => {},
    );
    expect(catalog?.items).toHaveLength(6);
    // Unconditionally: a 304 would leave nothing usable to show.
    expect(new Headers(fetch.mock.calls[0]?.[1]?.headers).get("If-None-Match")).toBeNull();
  });

  it("rejects a downloaded file that is not a catalog, naming it", async () => {
    const { cache } = memoryStores();
    vi.spyOn(console, "warn").mockImplementation(() => {});
    await expect(
      loadCatalog(
        { url: URL_, cache, now: () => 0, maxAgeMs: HOUR, fetch: server({ items: [] }) },
        () => {},
      ),
    ).rejects.toThrow(`${URL_}: not a usable Vitrin catalog`);
    expect(await cache.get(`catalog:${URL_}`)).toBeUndefined();
  });
});
