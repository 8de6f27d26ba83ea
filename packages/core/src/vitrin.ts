import { atom, computed, type ReadableAtom } from "nanostores";
import type { Catalog } from "./catalog.js";
import { parseCatalog } from "./catalog.js";
import { loadCatalog } from "./catalog-loader.js";
import { addOverrides, applyOverrides, type Overrides } from "./enrich.js";
import type { VitrinEvent } from "./events.js";
import { readJsonLd } from "./jsonld.js";
import { reportFailure, warnOnce } from "./log.js";
import type { Pick } from "./relevance.js";
import { pickForSlot, type SlotRequest } from "./slot.js";
import { type CacheStore, defaultStores, type EventStore } from "./store.js";
import { createTracker } from "./tracker.js";

/** Options of {@link createVitrin}. */
export interface VitrinOptions {
  /** URL of the catalog file (resolved against the page), or the catalog object itself. */
  catalog?: string | object;
  /** Name of the GA4 data layer to follow, or `false`. Default `dataLayer`. */
  dataLayer?: string | false;
  /** Read schema.org Product JSON-LD for fresh price and stock. Default true. */
  jsonLd?: boolean;
  /** A cached catalog younger than this is used with no request. Default 6 hours. */
  catalogMaxAgeMs?: number;
  /** Storage; IndexedDB by default. */
  stores?: { events: EventStore; cache: CacheStore };
  /** Clock, for tests. */
  now?: () => number;
  fetch?: typeof fetch;
}

/** A slot's contents: still loading, unavailable (no catalog), or the picks to show. */
export type SlotState =
  | { status: "loading" }
  | { status: "unavailable" }
  | { status: "ready"; picks: Pick[]; currency: string };

/** A running Vitrin instance. */
export interface Vitrin {
  /** Records a GA4 event; false when it was malformed (a console warning says why). */
  track(name: string, params?: unknown): boolean;
  /** Every event: the stored history plus this page's. */
  readonly $events: ReadableAtom<readonly VitrinEvent[]>;
  /** The catalog, with fresh price and stock from product pages; undefined while loading, null when none. */
  readonly $catalog: ReadableAtom<Catalog | null | undefined>;
  /** The contents of a slot, recomputed when events or the catalog change. */
  slot(request: SlotRequest): ReadableAtom<SlotState>;
  /** Settles when the stored history and the catalog have been read. */
  readonly ready: Promise<void>;
  /** Writes pending events now. */
  flush(): Promise<void>;
  /** Stops tracking and writes pending events. */
  destroy(): Promise<void>;
}

const SIX_HOURS = 6 * 60 * 60 * 1000;

/** Creates the engine: tracker, stored history, catalog, and slot stores. */
export function createVitrin(options: VitrinOptions = {}): Vitrin {
  const now = options.now ?? Date.now;
  const stores = options.stores ?? defaultStores();
  const $history = atom<readonly VitrinEvent[] | undefined>(undefined);
  const $pageEvents = atom<readonly VitrinEvent[]>([]);
  const $raw = atom<Catalog | null | undefined>(undefined);
  const $overrides = atom<Overrides>({});
  let arrived: VitrinEvent[] = [];

  const tracker = createTracker({
    events: stores.events,
    now,
    ...(options.dataLayer === undefined ? {} : { dataLayer: options.dataLayer }),
    onEvent: (event) => {
      // Events arrive in bursts; one new array per burst, not one per event (O(n²) on busy pages).
      arrived.push(event);
      if (arrived.length > 1) return;
      queueMicrotask(() => {
        $pageEvents.set([...$pageEvents.get(), ...arrived]);
        arrived = [];
      });
    },
  });

  const $events = computed([$history, $pageEvents], (history, page) => {
    if (!history) return page;
    const stored = new Set(history.map((e) => e.id));
    return [...history, ...page.filter((e) => !stored.has(e.id))];
  });

  // The product on screen is the last item viewed on this page load.
  const $pageItem = computed(
    $pageEvents,
    (events) => events.findLast((e) => e.name === "view_item")?.items[0]?.item_id,
  );

  const $catalog = computed([$raw, $overrides], (catalog, overrides) =>
    catalog ? applyOverrides(catalog, overrides) : catalog,
  );

  // A product page's JSON-LD is the merchant's live price and stock; the catalog file may be
  // hours old. What pages said is kept, so the next page shows it too.
  const OVERRIDES = "overrides";
  const overridesRead = stores.cache.get<Overrides>(OVERRIDES).then(
    (saved) => saved && $overrides.set({ ...saved, ...$overrides.get() }),
    () => undefined,
  );
  if (options.jsonLd !== false && typeof document !== "undefined") {
    const read = () => {
      const products = readJsonLd(document);
      if (products.length === 0) return;
      $overrides.set(addOverrides($overrides.get(), products, now()));
      void overridesRead.then(() => stores.cache.set(OVERRIDES, $overrides.get())).catch(() => {});
    };
    if (document.readyState === "loading")
      document.addEventListener("DOMContentLoaded", read, { once: true });
    else read();
  }

  const history = stores.events.all().then(
    (events) => $history.set(events),
    (error: unknown) => {
      warnOnce(`could not read stored events: ${String(error)}`);
      $history.set([]);
    },
  );

  const catalog = (async () => {
    const source = options.catalog;
    if (source === undefined) {
      warnOnce("no catalog configured; slots stay empty (set data-catalog or the catalog option)");
      return null;
    }
    if (typeof source === "object") {
      const { catalog, problems } = parseCatalog(source, "catalog");
      for (const problem of problems.slice(0, 5)) warnOnce(problem);
      return catalog ?? null;
    }
    const url = new URL(source, typeof location === "undefined" ? undefined : location.href).href;
    const loaded = await loadCatalog(
      {
        url,
        cache: stores.cache,
        now,
        maxAgeMs: options.catalogMaxAgeMs ?? SIX_HOURS,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      },
      (updated) => $raw.set(updated),
    );
    return loaded ?? null;
  })().then(
    (loaded) => $raw.set(loaded),
    (error: unknown) => {
      reportFailure("loading the catalog", error);
      $raw.set(null);
    },
  );

  const slot = (request: SlotRequest) =>
    computed(
      [$history, $events, $catalog, $pageItem],
      (stored, events, catalog, pageItem): SlotState => {
        if (catalog === null) return { status: "unavailable" };
        if (catalog === undefined || stored === undefined) return { status: "loading" };
        const picks = pickForSlot(request, { events, catalog, ...(pageItem ? { pageItem } : {}) });
        return { status: "ready", picks, currency: catalog.currency };
      },
    );

  return {
    track: tracker.track,
    $events,
    $catalog,
    slot,
    ready: Promise.all([history, catalog]).then(() => undefined),
    flush: tracker.flush,
    destroy: tracker.destroy,
  };
}
