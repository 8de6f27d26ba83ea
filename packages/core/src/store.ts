import { get, promisifyRequest, set, setMany, type UseStore, values } from "idb-keyval";
import type { VitrinEvent } from "./events.js";

/**
 * Storage is a pair of plain interfaces so the engine never knows where bytes live:
 * IndexedDB in the browser, memory in tests or where IndexedDB is unavailable.
 */

/** Append-only event log. */
export interface EventStore {
  /** Appends events under fresh keys; never rewrites what is there (safe across tabs). */
  append(events: readonly VitrinEvent[]): Promise<void>;
  /** Every stored event, oldest first. */
  all(): Promise<VitrinEvent[]>;
}

/** Small key-value cache (catalog copy, revalidation times). */
export interface CacheStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

/** Vitrin's own IndexedDB database; never idb-keyval's default `keyval-store`. */
export const DB_NAME = "vitrin";
/** Object store holding the event log. */
export const EVENTS_STORE = "events";
/** Object store holding cached files (the catalog). */
export const CACHE_STORE = "cache";
const DB_VERSION = 1;

/**
 * Event keys sort in time order as strings: a fixed-width base-36 timestamp, then the
 * event's unique id so two tabs writing in the same millisecond never collide.
 */
export function eventKey(event: Pick<VitrinEvent, "ts" | "id">): string {
  return `${event.ts.toString(36).padStart(9, "0")}-${event.id}`;
}

/**
 * Opens Vitrin's database once, with every object store it needs, and hands out an
 * idb-keyval `UseStore` per object store. (idb-keyval's own `createStore` makes one object
 * store per database.) The connection opens on first use.
 */
export function vitrinDatabase(name: string = DB_NAME): (storeName: string) => UseStore {
  if (typeof indexedDB === "undefined")
    throw new Error("IndexedDB is not available in this browser");
  let db: Promise<IDBDatabase> | undefined;
  const open = () => {
    if (!db) {
      const request = indexedDB.open(name, DB_VERSION);
      request.onupgradeneeded = () => {
        for (const store of [EVENTS_STORE, CACHE_STORE]) {
          if (!request.result.objectStoreNames.contains(store))
            request.result.createObjectStore(store);
        }
      };
      db = promisifyRequest(request).then((opened) => {
        // Another tab upgrading the schema must not be blocked by this one.
        opened.onversionchange = () => {
          opened.close();
          db = undefined;
        };
        return opened;
      });
      db.catch(() => {
        db = undefined;
      });
    }
    return db;
  };
  return (storeName) => (mode, callback) =>
    open().then((opened) => callback(opened.transaction(storeName, mode).objectStore(storeName)));
}

/** The event log in IndexedDB. */
export function idbEventStore(db = vitrinDatabase()): EventStore {
  const store = db(EVENTS_STORE);
  return {
    append: (events) =>
      setMany(
        events.map((event) => [eventKey(event), event]),
        store,
      ),
    all: () => values<VitrinEvent>(store),
  };
}

/** The cache in IndexedDB. */
export function idbCacheStore(db = vitrinDatabase()): CacheStore {
  const store = db(CACHE_STORE);
  return {
    get: <T>(key: string) => get<T>(key, store),
    set: (key, value) => set(key, value, store),
  };
}

/** IndexedDB-backed stores sharing one connection to Vitrin's own database. */
export function indexedDbStores(name: string = DB_NAME): { events: EventStore; cache: CacheStore } {
  const db = vitrinDatabase(name);
  return { events: idbEventStore(db), cache: idbCacheStore(db) };
}

/** In-memory stores, for tests and for browsers without IndexedDB. */
export function memoryStores(): { events: EventStore; cache: CacheStore } {
  const log = new Map<string, VitrinEvent>();
  const cache = new Map<string, unknown>();
  return {
    events: {
      append: async (events) => {
        for (const event of events) log.set(eventKey(event), structuredClone(event));
      },
      all: async () =>
        [...log.entries()]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([, event]) => structuredClone(event)),
    },
    cache: {
      get: async <T>(key: string) => structuredClone(cache.get(key)) as T | undefined,
      set: async (key, value) => {
        cache.set(key, structuredClone(value));
      },
    },
  };
}

/** IndexedDB where the browser has it, else memory (e.g. some private modes). */
export function defaultStores(): { events: EventStore; cache: CacheStore } {
  return typeof indexedDB === "undefined" ? memoryStores() : indexedDbStores();
}
