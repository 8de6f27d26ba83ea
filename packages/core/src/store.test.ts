import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, type MockInstance, vi } from "vitest";
import {
  DB_NAME,
  defaultStores,
  EVENTS_STORE,
  eventKey,
  indexedDbStores,
  memoryStores,
  type Stores,
} from "./store.js";
import { viewEvent } from "./test-fixtures.js";

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const freshName = () => `vitrin-test-${Math.random()}`;
const ids = (events: { items: { item_id: string }[] }[]) => events.map((e) => e.items[0]?.item_id);
const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name);

/** Spies on `indexedDB.open` (calling through) to reach the connections Vitrin opens. */
function spyOnOpen(): { spy: MockInstance; connection: (i?: number) => IDBDatabase } {
  const spy = vi.spyOn(indexedDB, "open");
  return {
    spy,
    connection: (i = 0) => {
      const request = spy.mock.results[i]?.value as IDBOpenDBRequest | undefined;
      if (!request) throw new Error(`indexedDB.open was called fewer than ${i + 1} times`);
      return request.result;
    },
  };
}

/** Makes every data transaction refuse, as on a connection closing for good. */
function refuseTransactions(message: string) {
  const real = IDBDatabase.prototype.transaction;
  vi.spyOn(IDBDatabase.prototype, "transaction").mockImplementation(function (
    this: IDBDatabase,
    ...args: Parameters<IDBDatabase["transaction"]>
  ) {
    // fake-indexeddb runs its schema upgrades through transaction() too.
    if ((args[1] as string) === "versionchange") return real.apply(this, args);
    throw new DOMException(message, "InvalidStateError");
  });
}

/** An open request that never answers: a wedged IndexedDB. */
const silentRequest = () => ({}) as IDBOpenDBRequest;

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
  ["IndexedDB", () => indexedDbStores(freshName())],
  ["memory", memoryStores],
] as const) {
  describe(`${kind} stores`, () => {
    it("append events and read them back oldest first, never overwriting", async () => {
      const { events } = make();
      await events.append([viewEvent("B", 2000), viewEvent("A", 1000)]);
      // Same timestamp from another tab: a distinct id keeps both.
      await events.append([viewEvent("C", 2000)]);
      const all = await events.all();
      expect(ids(all)[0]).toBe("A");
      expect(ids(all).sort()).toEqual(["A", "B", "C"]);
      expect(all.map((e) => e.ts)).toEqual([1000, 2000, 2000]);
    });

    it("prunes by age: exactly the events older than `before`, oldest first", async () => {
      const { events } = make();
      await events.append([5, 1, 4, 3, 2].map((ts) => viewEvent(`T${ts}`, ts * 1000)));
      const gone = await events.prune({ before: 3000, keep: 100 });
      expect(ids(gone)).toEqual(["T1", "T2"]);
      // An event at exactly `before` is not older than it: it stays.
      expect(ids(await events.all())).toEqual(["T3", "T4", "T5"]);
    });

    it("prunes by count: the oldest beyond the newest `keep`", async () => {
      const { events } = make();
      await events.append([1, 2, 3, 4, 5].map((ts) => viewEvent(`T${ts}`, ts * 1000)));
      expect(ids(await events.prune({ before: 0, keep: 2 }))).toEqual(["T1", "T2", "T3"]);
      expect(ids(await events.all())).toEqual(["T4", "T5"]);
      // Already within both caps: nothing more goes.
      expect(await events.prune({ before: 0, keep: 2 })).toEqual([]);
      expect(ids(await events.all())).toEqual(["T4", "T5"]);
    });

    it("applies the age cut, then the count cut on what is left", async () => {
      const { events } = make();
      await events.append([1, 2, 3, 4, 5, 6].map((ts) => viewEvent(`T${ts}`, ts * 1000)));
      // Age alone removes 2, count alone would remove 3: the larger cut wins.
      expect(ids(await events.prune({ before: 3000, keep: 3 }))).toEqual(["T1", "T2", "T3"]);
      // Count alone removes 1, age alone removes 2.
      expect(ids(await events.prune({ before: 6000, keep: 2 }))).toEqual(["T4", "T5"]);
      expect(ids(await events.all())).toEqual(["T6"]);
    });

    it("a dry run reports what would be pruned and deletes nothing", async () => {
      const { events } = make();
      await events.append([1, 2, 3].map((ts) => viewEvent(`T${ts}`, ts)));
      expect(ids(await events.prune({ before: 3, keep: 10, dryRun: true }))).toEqual(["T1", "T2"]);
      expect(ids(await events.all())).toEqual(["T1", "T2", "T3"]);
    });

    it("clear empties the log", async () => {
      const { events } = make();
      await events.append([viewEvent("A", 1), viewEvent("B", 2)]);
      await events.clear();
      expect(await events.all()).toEqual([]);
    });

    it("cache values round-trip, list, delete and clear", async () => {
      const { cache } = make();
      expect(await cache.get("k")).toBeUndefined();
      await cache.set("k", { a: [1, 2] });
      await cache.set("j", 7);
      expect(await cache.get("k")).toEqual({ a: [1, 2] });
      expect(new Map(await cache.entries())).toEqual(
        new Map<string, unknown>([
          ["j", 7],
          ["k", { a: [1, 2] }],
        ]),
      );
      await cache.delete("k");
      await cache.delete("absent");
      expect(await cache.get("k")).toBeUndefined();
      expect(await cache.entries()).toEqual([["j", 7]]);
      await cache.clear();
      expect(await cache.entries()).toEqual([]);
    });

    it("erase forgets events and cache", async () => {
      const stores = make();
      await stores.events.append([viewEvent("A", 1)]);
      await stores.cache.set("k", 1);
      await stores.erase();
      expect(await stores.events.all()).toEqual([]);
      expect(await stores.cache.entries()).toEqual([]);
    });

    it("says where data lives", () => {
      expect(make().kind()).toBe(kind === "memory" ? "memory" : "indexeddb");
    });
  });
}

describe("IndexedDB layout", () => {
  it("uses Vitrin's own database and object store, not idb-keyval's default", async () => {
    const { events } = indexedDbStores();
    await events.append([viewEvent("A", 1)]);
    const names = await databaseNames();
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

  it("prune loads only the events it deletes", async () => {
    const { events } = indexedDbStores(freshName());
    await events.append([1, 2, 3, 4, 5].map((ts) => viewEvent(`T${ts}`, ts)));
    const getAll = vi.spyOn(IDBObjectStore.prototype, "getAll");
    await events.prune({ before: 0, keep: 3 });
    expect(getAll.mock.calls).toEqual([[null, 2]]);
  });
});

describe("IndexedDB connection", () => {
  it("erase closes the connection and deletes the database; later use recreates it", async () => {
    const name = freshName();
    const { connection } = spyOnOpen();
    const stores = indexedDbStores(name);
    await stores.events.append([viewEvent("A", 1)]);
    const close = vi.spyOn(connection(), "close");
    expect(await databaseNames()).toContain(name);
    await stores.erase();
    expect(close).toHaveBeenCalled();
    expect(await databaseNames()).not.toContain(name);
    expect(await stores.events.all()).toEqual([]);
    expect(await databaseNames()).toContain(name);
    await stores.erase();
    expect(await databaseNames()).not.toContain(name);
  });

  it("reopens once when the connection was closed underneath", async () => {
    const { spy, connection } = spyOnOpen();
    const { events } = indexedDbStores(freshName());
    await events.append([viewEvent("A", 1)]);
    connection().close();
    expect(ids(await events.all())).toEqual(["A"]);
    expect(spy).toHaveBeenCalledTimes(2);
    // The new connection is kept: no third open.
    await events.append([viewEvent("B", 2)]);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it("reopens after the browser closes the connection (close event)", async () => {
    const { spy, connection } = spyOnOpen();
    const { cache } = indexedDbStores(freshName());
    await cache.set("k", 1);
    const db = connection();
    db.onclose?.call(db, new Event("close"));
    expect(await cache.get("k")).toBe(1);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it("retries only once: a connection that keeps refusing rejects", async () => {
    const { spy } = spyOnOpen();
    const { events } = indexedDbStores(freshName());
    await events.all();
    refuseTransactions("closing");
    await expect(events.all()).rejects.toMatchObject({ name: "InvalidStateError" });
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it("does not block another tab's schema upgrade", async () => {
    const name = freshName();
    const { events } = indexedDbStores(name);
    await events.append([viewEvent("A", 1)]);
    const blocked = vi.fn();
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 2);
      request.onblocked = blocked;
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect(upgraded.version).toBe(2);
    expect(blocked).not.toHaveBeenCalled();
    upgraded.close();
  });

  it("an open that never answers times out with a clear error", async () => {
    vi.spyOn(indexedDB, "open").mockImplementation(silentRequest);
    const { events } = indexedDbStores(freshName(), { timeoutMs: 20 });
    await expect(events.append([viewEvent("A", 1)])).rejects.toThrow(
      "IndexedDB open timed out after 20 ms",
    );
  });

  it("a transaction that never completes times out with a clear error", async () => {
    const { connection } = spyOnOpen();
    const { events } = indexedDbStores(freshName(), { timeoutMs: 30 });
    await events.all();
    const never = { objectStore: () => ({ getAll: () => ({}) }) } as unknown as IDBTransaction;
    vi.spyOn(connection(), "transaction").mockReturnValue(never);
    await expect(events.all()).rejects.toThrow("IndexedDB events readonly timed out after 30 ms");
  });

  it("a late open after a timeout does not leave a connection behind", async () => {
    const name = freshName();
    const realOpen = indexedDB.open.bind(indexedDB);
    let late: IDBOpenDBRequest | undefined;
    vi.spyOn(indexedDB, "open").mockImplementationOnce(() => {
      // A request that only starts answering after the timeout has fired.
      const request = silentRequest();
      setTimeout(() => {
        const real = realOpen(name, 1);
        late = real;
        Object.defineProperty(request, "result", { get: () => real.result });
        real.onupgradeneeded = (e) => request.onupgradeneeded?.call(request, e);
        real.onsuccess = (e) => request.onsuccess?.call(request, e);
      }, 30);
      return request;
    });
    const { events } = indexedDbStores(name, { timeoutMs: 10 });
    await expect(events.all()).rejects.toThrow("IndexedDB open timed out after 10 ms");
    await vi.waitFor(() => expect(late?.readyState).toBe("done"));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const connection = late?.result as IDBDatabase;
    expect(() => connection.transaction(EVENTS_STORE)).toThrow(
      expect.objectContaining({ name: "InvalidStateError" }),
    );
  });
});

describe("default stores", () => {
  const warnings = () => vi.spyOn(console, "warn").mockImplementation(() => {});

  /** Appends, reads back, and checks the switch to memory was said exactly once. */
  async function expectMemoryFallback(stores: Stores, warn: MockInstance, reason: RegExp) {
    await Promise.all([
      stores.events.append([viewEvent("A", 1), viewEvent("B", 2)]),
      stores.cache.set("k", "v"),
    ]);
    expect(ids(await stores.events.all())).toEqual(["A", "B"]);
    expect(await stores.cache.get("k")).toBe("v");
    expect(stores.kind()).toBe("memory");
    await stores.erase();
    expect(await stores.events.all()).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(
      /^\[vitrin\] IndexedDB unavailable \(.+\); keeping data in memory for this page$/,
    );
    expect(warn.mock.calls[0]?.[0]).toMatch(reason);
  }

  it("use IndexedDB when it works, with no warning", async () => {
    const warn = warnings();
    const name = freshName();
    const stores = defaultStores({ name });
    await stores.events.append([viewEvent("A", 1)]);
    expect(stores.kind()).toBe("indexeddb");
    expect(ids(await indexedDbStores(name).events.all())).toEqual(["A"]);
    expect(warn).not.toHaveBeenCalled();
  });

  it("fall back to memory when indexedDB is undefined", async () => {
    const warn = warnings();
    vi.stubGlobal("indexedDB", undefined);
    const stores = defaultStores({ name: freshName() });
    expect(stores.kind()).toBe("memory");
    await expectMemoryFallback(stores, warn, /not in this browser/);
  });

  it("fall back to memory when reading indexedDB throws", async () => {
    const warn = warnings();
    vi.stubGlobal("indexedDB", undefined);
    Object.defineProperty(globalThis, "indexedDB", {
      configurable: true,
      get() {
        throw new Error("page forbids indexedDB");
      },
    });
    const stores = defaultStores({ name: freshName() });
    expect(stores.kind()).toBe("memory");
    await expectMemoryFallback(stores, warn, /page forbids/);
  });

  it("fall back to memory when open throws", async () => {
    const warn = warnings();
    vi.spyOn(indexedDB, "open").mockImplementation(() => {
      throw new DOMException("storage disabled by policy", "SecurityError");
    });
    await expectMemoryFallback(defaultStores({ name: freshName() }), warn, /disabled by policy/);
  });

  it("fall back to memory when open fails", async () => {
    const warn = warnings();
    vi.spyOn(indexedDB, "open").mockImplementation(() => {
      const request = silentRequest();
      setTimeout(() => {
        Object.defineProperty(request, "error", {
          value: new DOMException("backing store broke", "UnknownError"),
        });
        request.onerror?.call(request, new Event("error"));
      });
      return request;
    });
    await expectMemoryFallback(defaultStores({ name: freshName() }), warn, /backing store broke/);
  });

  it("fall back to memory when open times out", async () => {
    const warn = warnings();
    vi.spyOn(indexedDB, "open").mockImplementation(silentRequest);
    const stores = defaultStores({ name: freshName(), timeoutMs: 25 });
    await expectMemoryFallback(stores, warn, /open timed out after 25 ms/);
  });

  it("fall back to memory when an operation still fails after reopening", async () => {
    const warn = warnings();
    const { spy } = spyOnOpen();
    refuseTransactions("connection is closing for good");
    await expectMemoryFallback(defaultStores({ name: freshName() }), warn, /closing for good/);
    // Once reopened, then memory: IndexedDB is not tried again for later operations.
    expect(spy).toHaveBeenCalledTimes(2);
  });
});
