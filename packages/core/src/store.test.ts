import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { DB_NAME, EVENTS_STORE, eventKey, indexedDbStores, memoryStores } from "./store.js";
import { viewEvent } from "./test-fixtures.js";

describe("event keys", () => {
  it("sort as strings in time order", () => {
    const times = [5, 1_700_000_000_000, 99, 1_800_000_000_000, 1_700_000_000_001];
    const keys = times.map((ts, i) => eventKey({ ts, id: `id${i}` }));
    const byKey = [...keys].sort();
    expect(byKey.map((k) => keys.indexOf(k)).map((i) => times[i])).toEqual(
      [...times].sort((a, b) => a - b),
    );
  });
});

for (const [kind, make] of [
  ["IndexedDB", () => indexedDbStores(`vitrin-test-${Math.random()}`)],
  ["memory", memoryStores],
] as const) {
  describe(`${kind} stores`, () => {
    it("append events and read them back oldest first, never overwriting", async () => {
      const { events } = make();
      await events.append([viewEvent("B", 2000), viewEvent("A", 1000)]);
      // Same timestamp from another tab: a distinct id keeps both.
      await events.append([viewEvent("C", 2000)]);
      const all = await events.all();
      expect(all.map((e) => e.items[0]?.item_id)).toEqual([
        "A",
        expect.any(String),
        expect.any(String),
      ]);
      expect(all.map((e) => e.items[0]?.item_id).sort()).toEqual(["A", "B", "C"]);
      expect(all.map((e) => e.ts)).toEqual([1000, 2000, 2000]);
    });

    it("cache values round-trip", async () => {
      const { cache } = make();
      expect(await cache.get("k")).toBeUndefined();
      await cache.set("k", { a: [1, 2] });
      expect(await cache.get("k")).toEqual({ a: [1, 2] });
    });
  });
}

describe("IndexedDB layout", () => {
  it("uses Vitrin's own database and object store, not idb-keyval's default", async () => {
    const { events } = indexedDbStores();
    await events.append([viewEvent("A", 1)]);
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).toContain(DB_NAME);
    expect(names).not.toContain("keyval-store");
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect([...db.objectStoreNames].sort()).toEqual(["cache", EVENTS_STORE]);
    db.close();
  });
});
