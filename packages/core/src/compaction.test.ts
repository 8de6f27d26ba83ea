import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Aggregates, readAggregates } from "./aggregates.js";
import {
  AGGREGATES_KEY,
  COMPACTED_AT_KEY,
  COMPACTION_LOCK,
  compact,
  compactWhenIdle,
  DEFAULT_CAPS,
  shouldCompact,
} from "./compaction.js";
import type { VitrinEvent } from "./events.js";
import { indexedDbStores, memoryStores, type Stores } from "./store.js";
import { viewEvent } from "./test-fixtures.js";

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const DAY = 24 * 60 * 60 * 1000;
const NOW = 1_750_000_000_000;
const options = { ...DEFAULT_CAPS, now: () => NOW };

/** `count` product views, one a minute, ending a minute before NOW. */
function views(count: number): VitrinEvent[] {
  return Array.from({ length: count }, (_, i) =>
    viewEvent(`ITEM-${i}`, NOW - (count - i) * 60_000),
  );
}

const aggregatesOf = async (stores: Stores) =>
  readAggregates(await stores.cache.get(AGGREGATES_KEY)) as Aggregates;

/** A Web Locks stand-in that honours `ifAvailable`. */
function fakeLocks() {
  const held = new Set<string>();
  return {
    request: async <T>(
      name: string,
      _options: { ifAvailable: boolean },
      callback: (lock: { name: string } | null) => Promise<T> | T,
    ) => {
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  };
}

describe("compact", () => {
  for (const [kind, make] of [
    ["memory", memoryStores],
    ["IndexedDB", () => indexedDbStores(`vitrin-compact-${Math.random()}`)],
  ] as const) {
    it(`keeps the newest 5,000 of 5,100 events and folds the other 100 (${kind})`, async () => {
      const stores = make();
      const all = views(5100);
      await stores.events.append(all);
      expect(await compact(stores, options)).toBe(100);
      const left = await stores.events.all();
      expect(left).toHaveLength(5000);
      expect(left[0]?.id).toBe(all[100]?.id);
      const aggregates = await aggregatesOf(stores);
      expect(aggregates).toMatchObject({ events: 100, from: all[0]?.ts, to: all[99]?.ts });
      expect(Object.keys(aggregates.items)).toHaveLength(100);
      expect(aggregates.items["ITEM-99"]).toMatchObject({ views: 1 });
      expect(aggregates.items).not.toHaveProperty("ITEM-100");
      expect(await stores.cache.get(COMPACTED_AT_KEY)).toBe(NOW);
    }, 30_000);
  }

  it("prunes events older than the age cap even under the count cap", async () => {
    const stores = memoryStores();
    const old = [viewEvent("OLD-1", NOW - 200 * DAY), viewEvent("OLD-2", NOW - 181 * DAY)];
    const recent = [viewEvent("NEW-1", NOW - 179 * DAY), viewEvent("NEW-2", NOW - DAY)];
    await stores.events.append([...old, ...recent]);
    expect(await compact(stores, options)).toBe(2);
    expect((await stores.events.all()).map((e) => e.id)).toEqual(recent.map((e) => e.id));
    expect(Object.keys((await aggregatesOf(stores)).items).sort()).toEqual(["OLD-1", "OLD-2"]);
  });

  it("does nothing but note the time when the log is within its caps", async () => {
    const stores = memoryStores();
    await stores.events.append(views(10));
    expect(await compact(stores, options)).toBe(0);
    expect(await stores.events.all()).toHaveLength(10);
    expect(await stores.cache.get(AGGREGATES_KEY)).toBeUndefined();
    expect(await stores.cache.get(COMPACTED_AT_KEY)).toBe(NOW);
  });

  it("never counts twice when run again", async () => {
    const stores = memoryStores();
    await stores.events.append(views(5100));
    await compact(stores, options);
    const first = await aggregatesOf(stores);
    expect(await compact(stores, options)).toBe(0);
    expect(await aggregatesOf(stores)).toEqual(first);
    // New events push 30 more over the cap: only those are added.
    await stores.events.append(
      Array.from({ length: 30 }, (_, i) => viewEvent(`LATE-${i}`, NOW + i)),
    );
    expect(await compact(stores, options)).toBe(30);
    const second = await aggregatesOf(stores);
    expect(second.events).toBe(130);
    expect(second.items["ITEM-0"]).toEqual(first.items["ITEM-0"]);
  });

  it("loses nothing and counts nothing twice when it dies between folding and deleting", async () => {
    const stores = memoryStores();
    await stores.events.append(views(5100));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const prune = stores.events.prune;
    // The first real delete fails, as if the tab died right after the aggregates were written.
    let crashed = false;
    stores.events.prune = (o) => {
      if (!o.dryRun && !crashed) {
        crashed = true;
        return Promise.reject(new Error("tab closed mid-compaction"));
      }
      return prune(o);
    };
    expect(await compact(stores, options)).toBe(0);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain("tab closed mid-compaction");
    expect(await stores.events.all()).toHaveLength(5100);
    expect((await aggregatesOf(stores)).events).toBe(100);

    expect(await compact(stores, options)).toBe(100);
    expect(await stores.events.all()).toHaveLength(5000);
    const aggregates = await aggregatesOf(stores);
    expect(aggregates.events).toBe(100);
    expect(aggregates.items["ITEM-0"]?.views).toBe(1);
  });

  it("deletes only what it folded when another tab appends meanwhile", async () => {
    const stores = memoryStores();
    await stores.events.append(views(5100));
    const prune = stores.events.prune;
    stores.events.prune = async (o) => {
      const result = await prune(o);
      // Another tab flushes 10 new events right after the events to prune were read.
      if (o.dryRun) await stores.events.append(views(10).map((e) => ({ ...e, ts: e.ts + DAY })));
      return result;
    };
    expect(await compact(stores, options)).toBe(100);
    // Every event is either still in the log or folded into the aggregates: none lost.
    expect(await stores.events.all()).toHaveLength(5010);
    expect((await aggregatesOf(stores)).events).toBe(100);
  });

  it("starts afresh over an unreadable stored record, with a warning", async () => {
    const stores = memoryStores();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await stores.cache.set(AGGREGATES_KEY, { version: 1, items: "garbage" });
    await stores.events.append(views(5001));
    expect(await compact(stores, options)).toBe(1);
    expect((await aggregatesOf(stores)).events).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("never rejects: a failing store is warned about once and resolves to 0", async () => {
    const stores = memoryStores();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    stores.cache.get = () => Promise.reject(new Error("cache unreadable for compaction"));
    await expect(compact(stores, options)).resolves.toBe(0);
    await expect(compact(stores, options)).resolves.toBe(0);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("runs in one tab at a time: another tab gets null while the lock is held", async () => {
    const locks = fakeLocks();
    const request = vi.spyOn(locks, "request");
    vi.stubGlobal("navigator", { locks });
    const stores = memoryStores();
    await stores.events.append(views(5010));
    // Hold the first run inside the lock until released.
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const get = stores.cache.get;
    stores.cache.get = async <T>(key: string) => {
      await gate;
      return get<T>(key);
    };
    const first = compact(stores, options);
    const second = await compact(stores, options);
    expect(second).toBeNull();
    expect(await stores.events.all()).toHaveLength(5010);
    release();
    expect(await first).toBe(10);
    expect(request.mock.calls.map(([name, opts]) => [name, opts])).toEqual([
      [COMPACTION_LOCK, { ifAvailable: true }],
      [COMPACTION_LOCK, { ifAvailable: true }],
    ]);
    // Released: the next run takes the lock again.
    expect(await compact(stores, options)).toBe(0);
  });

  it("runs without Web Locks where the browser has none", async () => {
    vi.stubGlobal("navigator", {});
    const stores = memoryStores();
    await stores.events.append(views(5002));
    expect(await compact(stores, options)).toBe(2);
  });
});

describe("shouldCompact", () => {
  it("allows at most one run an hour", () => {
    const hour = 60 * 60 * 1000;
    expect(shouldCompact(undefined, NOW)).toBe(true);
    expect(shouldCompact(NOW - hour + 1, NOW)).toBe(false);
    expect(shouldCompact(NOW, NOW)).toBe(false);
    expect(shouldCompact(NOW - hour, NOW)).toBe(true);
  });

  it("does not wait forever on a clock that went back or a broken record", () => {
    expect(shouldCompact(NOW + 10 * 60 * 1000, NOW)).toBe(true);
    expect(shouldCompact(Number.NaN, NOW)).toBe(true);
  });
});

describe("compactWhenIdle", () => {
  const idle = () => {
    const callbacks: (() => void)[] = [];
    vi.stubGlobal("requestIdleCallback", (fn: () => void) => callbacks.push(fn));
    return () => {
      for (const fn of callbacks.splice(0)) fn();
    };
  };

  it("waits for the browser to be idle, then applies the caps", async () => {
    const runIdle = idle();
    const stores = memoryStores();
    await stores.events.append(views(5010));
    compactWhenIdle(stores, () => NOW);
    await new Promise((r) => setTimeout(r, 0));
    expect(await stores.events.all()).toHaveLength(5010);
    runIdle();
    await vi.waitFor(async () => expect(await stores.events.all()).toHaveLength(5000));
    expect(await stores.cache.get(COMPACTED_AT_KEY)).toBe(NOW);
  });

  it("skips a run when the last one is under an hour old", async () => {
    const runIdle = idle();
    const stores = memoryStores();
    await stores.events.append(views(5010));
    await stores.cache.set(COMPACTED_AT_KEY, NOW - 30 * 60_000);
    compactWhenIdle(stores, () => NOW);
    runIdle();
    await new Promise((r) => setTimeout(r, 10));
    expect(await stores.events.all()).toHaveLength(5010);
  });
});
