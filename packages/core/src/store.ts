import { clear, del, entries, get, promisifyRequest, set, type UseStore, values } from "idb-keyval";
import type { VitrinEvent } from "./events.js";
import { warnOnce } from "./log.js";

/**
 * Storage is a pair of plain interfaces so the engine never knows where bytes live:
 * IndexedDB in the browser, memory in tests or where IndexedDB is unavailable.
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

/** The part of {@link Stores} the tracker and `export()` use. */
export interface TrackerStores {
  events: Pick<EventStore, "append" | "all">;
  cache: Pick<CacheStore, "set" | "entries">;
  /** Deletes everything Vitrin stored on this device (the IndexedDB database itself). */
  erase(): Promise<void>;
  /** Where data lives now: "indexeddb", or "memory" when IndexedDB is unavailable. */
  kind(): "indexeddb" | "memory";
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

/** Vitrin's database: an idb-keyval store per object store, and the whole-database delete. */
export interface VitrinDatabase {
  /** idb-keyval `UseStore` for one of Vitrin's object stores. */
  use(store: string): UseStore;
  /** Closes the connection and deletes the database; a later use recreates it. */
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
 * Opens Vitrin's database lazily with every object store it needs (idb-keyval's own
 * `createStore` makes one object store per database). Each operation times out — a wedged
 * IndexedDB must not hang the page — and a connection closed underneath is reopened once.
 */
export function vitrinDatabase(name = DB_NAME, options: IdbOptions = {}): VitrinDatabase {
  const ms = options.timeoutMs ?? 3000;
  let db: Promise<IDBDatabase> | undefined;
  const within = <T>(what: string, work: () => T | PromiseLike<T>) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(reject, ms, Error(`IndexedDB ${what} timed out after ${ms} ms`));
      // Started inside a promise, so a missing or throwing `indexedDB` rejects instead of throwing.
      Promise.resolve()
        .then(work)
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
        return promisifyRequest(r).then((c) => {
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
  const use =
    (store: string, retry = true): UseStore =>
    (mode, body) => {
      const p = open();
      return p.then((c) =>
        within(`${store} ${mode}`, () => body(c.transaction(store, mode).objectStore(store))).catch(
          (e) => {
            // Closed underneath (close event, or transaction() refusing): reopen once, retry once.
            if (!retry || (db === p && e?.name !== "InvalidStateError")) throw e;
            if (db === p) db = undefined;
            return use(store, false)(mode, body);
          },
        ),
      );
    };
  return {
    use,
    erase: () => {
      db?.then(
        (c) => c.close(),
        () => {},
      );
      db = undefined;
      return within("delete", () => promisifyRequest(indexedDB.deleteDatabase(name))).then(
        () => {},
      );
    },
  };
}

/** Deletes the events the prune cut selects, in one transaction; resolves to them. */
const pruneIdb = (use: UseStore, { before, keep, dryRun }: PruneOptions) =>
  use(dryRun ? "readonly" : "readwrite", async (s) => {
    // Counts and a bounded getAll: only the events that go are loaded.
    const [aged, total] = await Promise.all([
      promisifyRequest(s.count(IDBKeyRange.upperBound(timeKey(before)))),
      promisifyRequest(s.count()),
    ]);
    const n = Math.max(aged, Math.ceil(total - keep));
    if (!(n > 0)) return [];
    const gone = await promisifyRequest<VitrinEvent[]>(s.getAll(null, n));
    const last = gone.at(-1);
    if (last && !dryRun) await promisifyRequest(s.delete(IDBKeyRange.upperBound(eventKey(last))));
    return gone;
  });

/** IndexedDB-backed stores sharing one connection to Vitrin's own database. */
export function indexedDbStores(name = DB_NAME, options?: IdbOptions): Stores {
  const db = vitrinDatabase(name, options);
  const ev = db.use(EVENTS_STORE);
  const ca = db.use(CACHE_STORE);
  return {
    events: {
      append: (events) =>
        ev("readwrite", (s) => {
          for (const e of events) s.put(e, eventKey(e));
          // Committed at once rather than when the task ends: a write started in `pagehide`
          // is otherwise lost when the page is torn down before the transaction auto-commits.
          s.transaction.commit?.();
          return promisifyRequest(s.transaction);
        }),
      // getAll answers in key order, and keys are time-ordered.
      all: () => values(ev),
      prune: (o) => pruneIdb(ev, o),
      clear: () => clear(ev),
    },
    cache: {
      get: (key) => get(key, ca),
      set: (key, value) => set(key, value, ca),
      delete: (key) => del(key, ca),
      entries: () => entries(ca),
      clear: () => clear(ca),
    },
    erase: db.erase,
    kind: () => "indexeddb",
  };
}

/** In-memory stores, for tests and for browsers without IndexedDB. */
export function memoryStores(): Stores {
  const log = new Map<string, VitrinEvent>();
  const cache = new Map<string, unknown>();
  const sorted = () => [...log].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Values are cloned in and out, as IndexedDB does.
  const copy = async <T>(value: T) => structuredClone(value);
  return {
    events: {
      append: async (events) => {
        for (const e of events) log.set(eventKey(e), structuredClone(e));
      },
      all: () => copy(sorted().map(([, e]) => e)),
      // Same cut as IndexedDB's: by key, so both agree to the millisecond.
      prune: ({ before, keep, dryRun }) => {
        const all = sorted();
        const cut = timeKey(before);
        const n = Math.max(all.filter(([k]) => k < cut).length, Math.ceil(all.length - keep), 0);
        const gone = all.slice(0, n);
        if (!dryRun) for (const [k] of gone) log.delete(k);
        return copy(gone.map(([, e]) => e));
      },
      clear: async () => log.clear(),
    },
    cache: {
      get: <T>(key: string) => copy(cache.get(key) as T | undefined),
      set: async (key, value) => void cache.set(key, structuredClone(value)),
      delete: async (key) => void cache.delete(key),
      entries: () => copy([...cache]),
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
function withFallback(idb: Stores, memory: () => Stores): Stores {
  let mem: Stores | undefined;
  const fallback = (e: unknown) => {
    if (!mem) {
      warnOnce(
        `IndexedDB unavailable (${(e as Error)?.message ?? e}); keeping data in memory for this page`,
      );
      mem = memory();
    }
    return mem;
  };
  // Said up front where it is plain (so `kind()` is right at once); the rest shows on first use.
  try {
    if (!indexedDB) throw Error("not in this browser");
  } catch (e) {
    fallback(e);
  }
  // Every method of `events` and `cache` goes to IndexedDB, or to memory once it has failed.
  const part = (k: "events" | "cache") =>
    Object.fromEntries(
      Object.keys(idb[k]).map((m) => [
        m,
        (...args: unknown[]) => {
          const call = (s: Stores) =>
            (s[k] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[m]?.(
              ...args,
            ) as Promise<unknown>;
          return mem ? call(mem) : call(idb).catch((e) => call(fallback(e)));
        },
      ]),
    );
  return {
    events: part("events"),
    cache: part("cache"),
    // Memory and the database both: data written before a switch may still be on disk.
    erase: () => Promise.all([mem?.erase(), idb.erase().catch(fallback)]).then(() => {}),
    kind: () => (mem ? "memory" : "indexeddb"),
  } as unknown as Stores;
}

/** Vitrin's storage: IndexedDB, or memory once IndexedDB has failed (see withFallback). */
export function defaultStores(options: IdbOptions & { name?: string } = {}): Stores {
  return withFallback(indexedDbStores(options.name, options), memoryStores);
}
