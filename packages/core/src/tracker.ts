import { followDataLayer } from "./datalayer.js";
import { type EventSource, parseEvent, type VitrinEvent } from "./events.js";
import { randomId } from "./ids.js";
import { warnOnce } from "./log.js";
import type { EventStore } from "./store.js";

/** How the tracker is wired to the page and to storage. */
export interface TrackerOptions {
  /** Where events are appended. */
  events: EventStore;
  /** Name of the GA4 data layer to follow, or `false` to ignore it. Default `dataLayer`. */
  dataLayer?: string | false;
  /** Clock, for tests. */
  now?: () => number;
  /** Called for every event recorded on this page load, after validation. */
  onEvent?: (event: VitrinEvent) => void;
}

/** The tracker of one page load. */
export interface Tracker {
  /** Records a GA4 event from the JavaScript API; returns false (and warns once) if it is malformed. */
  track(name: string, params?: unknown): boolean;
  /** Writes pending events now. */
  flush(): Promise<void>;
  /** Stops following the page and writes what is pending. */
  destroy(): Promise<void>;
}

/** Pending writes are capped so a storage that keeps failing cannot grow memory without end. */
const MAX_PENDING = 5000;
/** A burst this large is written at once rather than when the browser is next idle. */
const BATCH = 200;
/**
 * Events a shopper makes just before leaving the page (a card clicked, a cart button, the
 * checkout): written at once, because the write that `pagehide` starts does not always finish
 * before the page is frozen or torn down.
 */
const LEAVING = new Set([
  "select_item",
  "add_to_cart",
  "remove_from_cart",
  "add_to_wishlist",
  "begin_checkout",
  "purchase",
]);

/**
 * Captures on-site behaviour into the event store. Writes are batched and flushed when the
 * browser is idle, when the page is hidden and on `pagehide` — never on `unload`, which would
 * take the page out of the back/forward cache.
 */
export function createTracker(options: TrackerOptions): Tracker {
  const now = options.now ?? Date.now;
  let pending: VitrinEvent[] = [];
  let lastTs = 0;
  let scheduled = false;
  const writes = new Set<Promise<void>>();

  // The write starts synchronously, so one called from a `pagehide` handler is under way
  // before the page is frozen. Keys are time-ordered, so parallel batches need no queue.
  const flush = (): Promise<void> => {
    scheduled = false;
    if (pending.length > 0) {
      const batch = pending;
      pending = [];
      const write: Promise<void> = options.events
        .append(batch)
        .catch((error: unknown) => {
          // Keep the batch for the next flush: one failed write must not lose events.
          pending = [...batch, ...pending];
          trim();
          warnOnce(`could not store events, will retry: ${String(error)}`);
        })
        .finally(() => writes.delete(write));
      writes.add(write);
    }
    return Promise.all(writes).then(() => undefined);
  };

  // One write per task for events that precede a navigation: a microtask runs before the
  // browser can start leaving the page, and a loop of pushes costs one transaction, not many.
  let soon = false;
  const flushSoon = () => {
    if (soon) return;
    soon = true;
    queueMicrotask(() => {
      soon = false;
      void flush();
    });
  };

  const trim = () => {
    if (pending.length <= MAX_PENDING) return;
    pending = pending.slice(-MAX_PENDING);
    warnOnce(`storage is not keeping up; dropping the oldest of ${MAX_PENDING} unsaved events`);
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    if (typeof requestIdleCallback === "function") requestIdleCallback(flush, { timeout: 1000 });
    else setTimeout(flush, 100);
  };

  const record = (name: unknown, params: unknown, where: string, source: EventSource): boolean => {
    const parsed = parseEvent(name, params, where);
    if (!parsed.ok) {
      warnOnce(`ignored an event: ${parsed.error}`);
      return false;
    }
    for (const warning of parsed.warnings) warnOnce(`dropped part of an event: ${warning}`);
    // Strictly increasing: two events in one millisecond keep their order in the time-keyed log.
    lastTs = Math.max(now(), lastTs + 1);
    const event: VitrinEvent = {
      ...parsed.value,
      id: randomId(),
      ts: lastTs,
      source,
      path: typeof location === "undefined" ? "" : location.pathname,
    };
    pending.push(event);
    trim();
    options.onEvent?.(event);
    if (pending.length >= BATCH) void flush();
    else if (LEAVING.has(event.name)) flushSoon();
    else schedule();
    return true;
  };

  const onHidden = () => {
    if (document.visibilityState === "hidden") void flush();
  };
  const onPageHide = () => void flush();
  const hasDom = typeof document !== "undefined" && typeof addEventListener === "function";
  if (hasDom) {
    document.addEventListener("visibilitychange", onHidden);
    addEventListener("pagehide", onPageHide);
  }

  const layerName = options.dataLayer ?? "dataLayer";
  let unfollow = () => {};
  if (layerName !== false && typeof window !== "undefined") {
    try {
      unfollow = followDataLayer(
        window as unknown as Record<string, unknown>,
        layerName,
        ({ name, params, where }) => record(name, params, where, "datalayer"),
      );
    } catch (error) {
      warnOnce(`not following the data layer: ${error instanceof Error ? error.message : error}`);
    }
  }

  return {
    track: (name, params) => record(name, params, `track("${String(name)}")`, "api"),
    flush,
    destroy: () => {
      unfollow();
      if (hasDom) {
        document.removeEventListener("visibilitychange", onHidden);
        removeEventListener("pagehide", onPageHide);
      }
      return flush();
    },
  };
}
