import type { VitrinEvent } from "./events.js";
import { warnOnce } from "./log.js";

/**
 * Storage is a pair of plain interfaces so the engine never knows where bytes live:
 * IndexedDB in the browser, memory in tests or where IndexedDB is unavailable.
 * This file ships in the tracker-only bundle (3 kB budget): keep it terse.
 */

/** Which events {@link EventStore.prune} removes. */
export interface PruneOptions {
  /** Events older than this (ms since the epoch) go. */
  before: number;
  /** Then the oldest go until at most this many remain. */
  keep: number;
  /** Only report what would go, deleting nothing. */
  dryRun?: boolean;
}

/** Append-only event log. */
export interface EventStore {
  /** Appends events under fresh keys; never rewrites what is there (safe across tabs). */
  append(events: readonly VitrinEvent[]): Promise<void>;
  /** Every stored event, oldest first. */
  all(): Promise<VitrinEvent[]>;
  /** Deletes events with ts < before, then the oldest beyond the newest `keep`; resolves to the deleted events, oldest first. */
  prune(options: PruneOptions): Promise<VitrinEvent[]>;
  /** Deletes every event. */
  clear(): Promise<void>;
}

/** Small key-value cache (catalog copy, revalidation times, aggregates). */
export interface CacheStore {
  /** The value under `key`, or undefined. */
  get<T>(key: string): Promise<T | undefined>;
  /** Stores a structured-cloneable value under `key`. */
  set(key: string, value: unknown): Promise<void>;
  /** Removes `key` (no error when absent). */
  delete(key: string): Promise<void>;
  /** Every key and value. */
  entries(): Promise<[string, unknown][]>;
  /** Removes every key. */
  clear(): Promise<void>;
}

/** Both stores plus whole-database operations. */
export interface Stores {
  events: EventStore;
  cache: CacheStore;
  /** Deletes everything Vitrin stored on this device (the IndexedDB database itself). */
  erase(): Promise<void>;
  /** Where data lives now: "indexeddb", or "memory" when IndexedDB is unavailable. */
  kind(): "indexeddb" | "memory";
}

/** Options of the IndexedDB stores. */
export interface IdbOptions {
  /** Every IndexedDB request (open and delete included) fails after this long. Default 3000. */
  timeoutMs?: number;
}

/** Work in one transaction: issues requests, returns where the result will be once committed. */
type Body<T> = (store: IDBObjectStore) => { result: T } | undefined;

/** One connection to Vitrin's database, shared by its stores. */
export interface VitrinDatabase {
  /** Runs `body` in one transaction on `store`; resolves to `body`'s `.result` once committed. */
  run<T>(store: string, mode: IDBTransactionMode, body: Body<T>): Promise<T>;
  /** Closes the connection and deletes the database; a later `run` recreates it. */
  erase(): Promise<void>;
}

/** Vitrin's own IndexedDB database (never a shared one such as idb-keyval's `keyval-store`). */
export const DB_NAME = "vitrin";
/** Object store holding the event log. */
export const EVENTS_STORE = "events";
/** Object store holding cached files (the catalog) and small records. */
export const CACHE_STORE = "cache";

/** Fixed-width base-36 time: the key prefix of every event at `ts`. */
const timeKey = (ts: number) => ts.toString(36).padStart(9, "0");

/**
 * Event keys sort in time order as strings: a fixed-width base-36 timestamp, then the
 * event's unique id so two tabs writing in the same millisecond never collide.
 */
export function eventKey(event: Pick<VitrinEvent, "ts" | "id">): string {
  return `${timeKey(event.ts)}-${event.id}`;
}

/**
 * Opens Vitrin's database lazily with every object store it needs. Each request times out
 * (a wedged IndexedDB must not hang the page); a connection closed underneath is reopened
 * once and the operation retried once.
 */
export function vitrinDatabase(name = DB_NAME, options: IdbOptions = {}): VitrinDatabase {
  const ms = options.timeoutMs ?? 3000;
  let db: Promise<IDBDatabase> | undefined;
  const req = <T>(r: IDBRequest<T>) =>
    new Promise<T>((ok, fail) => {
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
  const within = <T>(what: string, make: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(reject, ms, Error(`IndexedDB ${what} timed out after ${ms} ms`));
      // Inside the executor, so a missing or throwing `indexedDB` rejects instead of throwing.
      make()
        .then(resolve, reject)
        .finally(() => clearTimeout(timer));
    });
  const open = (): Promise<IDBDatabase> => {
    if (!db) {
      const p: Promise<IDBDatabase> = within("open", () => {
        const r = indexedDB.open(name, 1);
        r.onupgradeneeded = () => {
          for (const s of [EVENTS_STORE, CACHE_STORE])
            if (!r.result.objectStoreNames.contains(s)) r.result.createObjectStore(s);
        };
        return req(r).then((c) => {
          // Closing on versionchange keeps another tab's upgrade or deleteDatabase unblocked.
          c.onclose = c.onversionchange = () => {
            c.close();
            if (db === p) db = undefined;
          };
          // Timed out or erased while opening: nobody may keep this connection.
          if (db !== p) c.close();
          return c;
        });
      });
      db = p;
      p.catch(() => {
        if (db === p) db = undefined;
      });
    }
    return db;
  };
  const run = <T>(
    store: string,
    mode: IDBTransactionMode,
    body: Body<T>,
    retry = true,
  ): Promise<T> => {
    const p = open();
    return p.then((c) =>
      within(`${store} ${mode}`, () => {
        const tx = c.transaction(store, mode);
        const out = body(tx.objectStore(store));
        return new Promise<T>((resolve, reject) => {
          tx.oncomplete = () => resolve(out?.result as T);
          tx.onerror = tx.onabort = () => reject(tx.error);
        });
      }).catch((e) => {
        // Closed underneath (close event, or transaction() refusing): reopen once, retry once.
        if (!retry || (db === p && e?.name !== "InvalidStateError")) throw e;
        if (db === p) db = undefined;
        return run(store, mode, body, false);
      }),
    );
  };
  return {
    run,
    erase: () => {
      db?.then(
        (c) => c.close(),
        () => {},
      );
      db = undefined;
      return within("delete", () => req(indexedDB.deleteDatabase(name))).then(() => {});
    },
  };
}

/** The event log in IndexedDB. */
export function idbEventStore(db = vitrinDatabase()): EventStore {
  const run = <T>(mode: IDBTransactionMode, body: Body<T>) => db.run<T>(EVENTS_STORE, mode, body);
  return {
    append: (events) =>
      run("readwrite", (s) => {
        for (const e of events) s.put(e, eventKey(e));
        return undefined;
      }),
    all: () => run("readonly", (s) => s.getAll()),
    prune: ({ before, keep, dryRun }) =>
      run(dryRun ? "readonly" : "readwrite", (s) => {
        const out = { result: [] as VitrinEvent[] };
        // Counts and a bounded getAll: only the events that go are loaded.
        const aged = s.count(IDBKeyRange.upperBound(timeKey(before)));
        const total = s.count();
        total.onsuccess = () => {
          const n = Math.max(aged.result, Math.ceil(total.result - keep));
          if (!(n > 0)) return;
          const gone = s.getAll(null, n);
          gone.onsuccess = () => {
            out.result = gone.result;
            const last = gone.result.at(-1);
            if (last && !dryRun) s.delete(IDBKeyRange.upperBound(eventKey(last)));
          };
        };
        return out;
      }),
    clear: () => run("readwrite", (s) => void s.clear()),
  };
}

/** The cache in IndexedDB. */
export function idbCacheStore(db = vitrinDatabase()): CacheStore {
  const run = <T>(mode: IDBTransactionMode, body: Body<T>) => db.run<T>(CACHE_STORE, mode, body);
  return {
    get: (key) => run("readonly", (s) => s.get(key)),
    set: (key, value) => run("readwrite", (s) => void s.put(value, key)),
    delete: (key) => run("readwrite", (s) => void s.delete(key)),
    entries: () =>
      run("readonly", (s) => {
        const out = { result: [] as [string, unknown][] };
        const keys = s.getAllKeys();
        const values = s.getAll();
        values.onsuccess = () => {
          out.result = values.result.map((v, i) => [String(keys.result[i]), v]);
        };
        return out;
      }),
    clear: () => run("readwrite", (s) => void s.clear()),
  };
}

/** IndexedDB-backed stores sharing one connection to Vitrin's own database. */
export function indexedDbStores(name = DB_NAME, options?: IdbOptions): Stores {
  const db = vitrinDatabase(name, options);
  return {
    events: idbEventStore(db),
    cache: idbCacheStore(db),
    erase: db.erase,
    kind: () => "indexeddb",
  };
}

/** In-memory stores, for tests and for browsers without IndexedDB. */
export function memoryStores(): Stores {
  const log = new Map<string, VitrinEvent>();
  const cache = new Map<string, unknown>();
  const sorted = () => [...log].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    events: {
      append: async (events) => {
        for (const e of events) log.set(eventKey(e), structuredClone(e));
      },
      all: async () => sorted().map(([, e]) => structuredClone(e)),
      // Same cut as IndexedDB's: by key, so both agree to the millisecond.
      prune: async ({ before, keep, dryRun }) => {
        const all = sorted();
        const cut = timeKey(before);
        const n = Math.max(all.filter(([k]) => k < cut).length, Math.ceil(all.length - keep), 0);
        const gone = all.slice(0, n);
        if (!dryRun) for (const [k] of gone) log.delete(k);
        return gone.map(([, e]) => structuredClone(e));
      },
      clear: async () => log.clear(),
    },
    cache: {
      get: async <T>(key: string) => structuredClone(cache.get(key)) as T | undefined,
      set: async (key, value) => {
        cache.set(key, structuredClone(value));
      },
      delete: async (key) => {
        cache.delete(key);
      },
      entries: async () => structuredClone([...cache]),
      clear: async () => cache.clear(),
    },
    erase: async () => {
      log.clear();
      cache.clear();
    },
    kind: () => "memory",
  };
}

/**
 * IndexedDB until it first proves unusable (missing, throwing, failing to open, timing out,
 * or failing after a reopen); then memory for the rest of the page, said once. The failed
 * operation is redone in memory, so nothing the caller wrote is lost and nothing rejects.
 */
export function defaultStores(options: IdbOptions & { name?: string } = {}): Stores {
  const idb = indexedDbStores(options.name, options);
  let mem: Stores | undefined;
  const fallback = (e: unknown) => {
    if (!mem) {
      warnOnce(
        `IndexedDB unavailable (${(e as Error)?.message ?? e}); keeping data in memory for this page`,
      );
      mem = memoryStores();
    }
    return mem;
  };
  // Said up front where it is plain (so `kind()` is right at once); the rest shows on first use.
  try {
    if (!indexedDB) throw Error("not in this browser");
  } catch (e) {
    fallback(e);
  }
  const use = <T>(op: (s: Stores) => Promise<T>) =>
    mem ? op(mem) : op(idb).catch((e) => op(fallback(e)));
  return {
    events: {
      append: (events) => use((s) => s.events.append(events)),
      all: () => use((s) => s.events.all()),
      prune: (o) => use((s) => s.events.prune(o)),
      clear: () => use((s) => s.events.clear()),
    },
    cache: {
      get: (key) => use((s) => s.cache.get(key)),
      set: (key, value) => use((s) => s.cache.set(key, value)),
      delete: (key) => use((s) => s.cache.delete(key)),
      entries: () => use((s) => s.cache.entries()),
      clear: () => use((s) => s.cache.clear()),
    },
    // Memory and the database both: data written before a switch may still be on disk.
    erase: () => Promise.all([mem?.erase(), idb.erase().catch(fallback)]).then(() => {}),
    kind: () => (mem ? "memory" : "indexeddb"),
  };
}
