import { atom, computed, type ReadableAtom } from "nanostores";
import { type Aggregates, readAggregates } from "./aggregates.js";
import { type Catalog, parseCatalog } from "./catalog.js";
import { loadCatalog } from "./catalog-loader.js";
import { AGGREGATES_KEY, compactWhenIdle } from "./compaction.js";
import type { VitrinSettings } from "./config.js";
import type { ConsentSetting } from "./consent.js";
import { addOverrides, applyOverrides, type Overrides } from "./enrich.js";
import { readEnvironment } from "./environment.js";
import type { VitrinEvent } from "./events.js";
import { randomId } from "./ids.js";
import { reportFailure, warnOnce } from "./log.js";
import type { Model } from "./model.js";
import { buildProfile, type Profile, type ProfileConfig } from "./profile.js";
import type { Environment, VisitorRecord } from "./recognize.js";
import type { Explanation, Pick as SlotPick } from "./relevance.js";
import { exportData, type VitrinExport } from "./rights.js";
import { loadSettings } from "./settings-loader.js";
import { pickForSlot, type SlotRequest, type SlotRules } from "./slot.js";
import { defaultStores, memoryStores, type Stores } from "./store.js";
import { createTracker, type Identity, type Tracker, type TrackerOptions } from "./tracker.js";

/** Options of {@link createVitrin}. */
export interface VitrinOptions
  extends Pick<
    TrackerOptions,
    "dataLayer" | "jsonLd" | "dataAttributes" | "spa" | "engagement" | "respectGpc"
  > {
  /** URL of the catalog file (resolved against the page), or the catalog object itself. */
  catalog?: string | object;
  /** `granted` (default), `required` (nothing stored until `consent(true)`) or `gcm` (Google Consent Mode). */
  consent?: ConsentSetting;
  /**
   * A cached catalog (and config and model file) younger than this is used with no request.
   * Default 6 hours.
   */
  catalogMaxAgeMs?: number;
  /**
   * URL of the config file (offers, segments, personas, relevance; see docs/config.md), or its
   * content. Applied when it arrives, over `profile` and `relevance`.
   */
  config?: string | object;
  /** Segments, personas and the half-life of interest. */
  profile?: ProfileConfig;
  /** Relevance settings for every slot: merchant rules, repeatable categories, diversity. */
  relevance?: SlotRules;
  /**
   * A model made by `vitrin model` (viewed-together, bought-together, trending): the URL of
   * its file (see docs/model-format.md), or a model already loaded.
   */
  model?: string | Model;
  /** Device, settings and page the profile reads; this browser's by default. */
  environment?: Environment;
  /** Storage; IndexedDB (falling back to memory) by default. */
  stores?: Stores;
  /** Clock, for tests. */
  now?: () => number;
  fetch?: typeof fetch;
}

/** A slot's contents: still loading, unavailable (no catalog), or the picks to show. */
export type SlotState =
  | { status: "loading" }
  | { status: "unavailable" }
  | {
      status: "ready";
      picks: SlotPick[];
      currency: string;
      /** The score breakdown of a candidate: why it is shown where it is, or why it is not. */
      explain(id: string): Explanation | undefined;
    };

/** The visitor record's cache key. */
export const VISITOR_KEY = "visitor";

/** A running Vitrin instance. */
export interface Vitrin {
  /** Records a GA4 (or Segment e-commerce) event; false when it was malformed (a console warning says why). */
  track(name: string, params?: unknown): boolean;
  /** Keeps merchant-provided attributes (`{ firstName, tier }`) on this device, for greetings. */
  identify(traits: unknown): boolean;
  /** Grants or withdraws consent; withdrawing erases everything Vitrin stored, in every tab. */
  consent(granted: boolean): Promise<void>;
  /** Whether Vitrin may keep anything on the device now (consent given, or not needed). */
  storing(): boolean;
  /** Everything Vitrin stored on this device, as one JSON-ready object. */
  export(): Promise<VitrinExport>;
  /** Deletes everything Vitrin stored on this device, in every open tab. */
  erase(): Promise<void>;
  /** Every event: the stored history, this page's, and other tabs' as they store them. */
  readonly $events: ReadableAtom<readonly VitrinEvent[]>;
  /** The catalog, with fresh price and stock from product pages; undefined while loading, null when none. */
  readonly $catalog: ReadableAtom<Catalog | null | undefined>;
  /** Attributes given to `identify()`. */
  readonly $identity: ReadableAtom<Identity>;
  /** The shopper's profile (Recognize + Remember); undefined until the stored history is read. */
  readonly $profile: ReadableAtom<Profile | undefined>;
  /** The contents of a slot, recomputed when events, the catalog or the settings change. */
  slot(request: SlotRequest): ReadableAtom<SlotState>;
  /** The merchant settings in effect: options, then the config and model files as they arrive. */
  readonly $settings: ReadableAtom<VitrinSettings>;
  /**
   * Applies merchant settings now (the profile and every slot recompute): each one given
   * replaces the one in effect, field by field within `profile` and `relevance`.
   */
  configure(settings: VitrinSettings): void;
  /** Settles when the stored history, the catalog, and the config and model files have been read. */
  readonly ready: Promise<void>;
  /** Writes pending events now. */
  flush(): Promise<void>;
  /** Stops tracking and writes pending events. */
  destroy(): Promise<void>;
}

const SIX_HOURS = 6 * 60 * 60 * 1000;

function merge(a: readonly VitrinEvent[], b: readonly VitrinEvent[]): readonly VitrinEvent[] {
  const ids = new Set(a.map((e) => e.id));
  const extra = b.filter((e) => !ids.has(e.id));
  return extra.length ? [...a, ...extra] : a;
}

/** Creates the engine: tracker, stored history, catalog, and slot stores. */
export function createVitrin(options: VitrinOptions = {}): Vitrin {
  const now = options.now ?? Date.now;
  const stores = options.stores ?? defaultStores();
  const $history = atom<readonly VitrinEvent[] | undefined>(undefined);
  const $pageEvents = atom<readonly VitrinEvent[]>([]);
  const $raw = atom<Catalog | null | undefined>(undefined);
  const $overrides = atom<Overrides>({});
  const $identity = atom<Identity>({});
  const $aggregates = atom<Aggregates | undefined>(undefined);
  const $visitor = atom<VisitorRecord | undefined>(undefined);
  const environment = options.environment ?? readEnvironment();
  const { profile, relevance, model } = options;
  const $settings = atom<VitrinSettings>({
    ...(profile && { profile }),
    ...(relevance && { relevance }),
    ...(typeof model === "object" && { model }),
  });
  const configure = (next: VitrinSettings) => {
    const current = $settings.get();
    $settings.set({
      ...current,
      ...next,
      ...(next.profile && { profile: { ...current.profile, ...next.profile } }),
      ...(next.relevance && { relevance: { ...current.relevance, ...next.relevance } }),
    });
  };
  // Each part separately, so that a model arriving does not rebuild the profile.
  const $profileConfig = computed($settings, (s) => s.profile);
  const $relevance = computed($settings, (s) => s.relevance);
  const $model = computed($settings, (s) => s.model);
  let arrived: VitrinEvent[] = [];

  // The tracker reports JSON-LD while it starts, before `tracker` below is assigned.
  let started: Tracker | undefined;
  const tracker = createTracker({
    ...options,
    stores,
    now,
    onEvent: (event) => {
      // Events arrive in bursts; one new array per burst, not one per event (O(n²) on busy pages).
      arrived.push(event);
      if (arrived.length > 1) return;
      queueMicrotask(() => {
        $pageEvents.set([...$pageEvents.get(), ...arrived]);
        arrived = [];
      });
    },
    onProducts: (products) => {
      const next = addOverrides($overrides.get(), products, now());
      $overrides.set(next);
      // During start-up `started` is not assigned yet: decide once the tracker exists.
      queueMicrotask(() => {
        if (started?.storing())
          void stores.cache.set("overrides", $overrides.get()).catch(() => {});
      });
    },
    onIdentity: (identity) => $identity.set(identity),
    onSync: (message) => {
      if (message.type === "events") $history.set(merge($history.get() ?? [], message.events));
      if (message.type === "erase") {
        $history.set([]);
        $pageEvents.set([]);
        $identity.set({});
        $aggregates.set(undefined);
        $visitor.set(undefined);
      }
    },
  });

  started = tracker;

  // Before consent, nothing is read from or written to the device: not even the catalog cache.
  const storing = tracker.storing();
  const cache = storing ? stores.cache : memoryStores().cache;

  const $events = computed([$history, $pageEvents], (history, page) => merge(history ?? [], page));
  // The product on screen is the last item viewed on this page load, since the last route
  // change of a single-page app: every page_view after the load's own one leaves the product.
  const $pageItem = computed($pageEvents, (events) => {
    let item: string | undefined;
    let loaded = false;
    for (const event of events) {
      if (event.name === "view_item") item = event.items[0]?.item_id;
      else if (event.name === "page_view") {
        if (loaded) item = undefined;
        loaded = true;
      }
    }
    return item;
  });
  const $catalog = computed([$raw, $overrides], (catalog, overrides) =>
    catalog ? applyOverrides(catalog, overrides) : catalog,
  );

  const history = (storing ? stores.events.all() : Promise.resolve([])).then(
    (events) => $history.set(merge(events, $history.get() ?? [])),
    (error: unknown) => {
      warnOnce(`could not read stored events: ${String(error)}`);
      $history.set([]);
    },
  );
  if (storing) {
    // Caps (5,000 events, 180 days) are applied when the browser is idle, at most hourly,
    // by one tab at a time; what is pruned is folded into aggregates first.
    compactWhenIdle(stores, now);
    void cache
      .get<Identity>("identity")
      .then((identity) => identity && $identity.set({ ...identity, ...$identity.get() }));
    void cache
      .get<Overrides>("overrides")
      .then((saved) => saved && $overrides.set({ ...saved, ...$overrides.get() }));
    void cache.get(AGGREGATES_KEY).then((stored) => $aggregates.set(readAggregates(stored)));
    // A random id made here and kept here: "new or returning" without cookies or a server.
    void cache.get<VisitorRecord>(VISITOR_KEY).then((stored) => {
      if (stored && typeof stored.id === "string" && Number.isFinite(stored.firstSeen)) {
        $visitor.set(stored);
        return;
      }
      const visitor = { id: randomId(), firstSeen: now() };
      $visitor.set(visitor);
      return cache.set(VISITOR_KEY, visitor);
    });
  }

  // The merchant's static files (catalog, config, model) share one cache and one freshness.
  const maxAgeMs = options.catalogMaxAgeMs ?? SIX_HOURS;
  const files = { cache, now, maxAgeMs, ...(options.fetch ? { fetch: options.fetch } : {}) };
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
    const url = new URL(source, location.href).href;
    const loaded = await loadCatalog({ ...files, url }, (updated) => $raw.set(updated));
    return loaded ?? null;
  })().then(
    (loaded) => $raw.set(loaded),
    (error: unknown) => {
      reportFailure("loading the catalog", error);
      $raw.set(null);
    },
  );

  const settings = loadSettings(options, files, configure);

  // One profile for every slot, recomputed when events, the catalog, the stored records or the
  // merchant's settings change.
  const $profile = computed(
    [$history, $events, $catalog, $aggregates, $visitor, $profileConfig],
    (stored, events, catalog, aggregates, visitor, config): Profile | undefined => {
      if (stored === undefined) return undefined;
      const session = tracker.session();
      // A fault in the profile stages must cost personalization, never the page.
      try {
        return buildProfile({
          events,
          environment,
          now: now(),
          ...(catalog ? { catalog } : {}),
          ...(aggregates ? { aggregates } : {}),
          ...(visitor ? { visitor } : {}),
          ...(session ? { session: { id: session.id, count: session.count } } : {}),
          ...(config ? { config } : {}),
        });
      } catch (error) {
        reportFailure("building the profile", error);
        return undefined;
      }
    },
  );

  const slot = (request: SlotRequest) =>
    computed(
      [$profile, $catalog, $pageItem, $relevance, $model],
      (profile, catalog, pageItem, relevance, model): SlotState => {
        if (catalog === null) return { status: "unavailable" };
        if (catalog === undefined || profile === undefined) return { status: "loading" };
        try {
          const { picks, explain } = pickForSlot(
            request,
            profile,
            { catalog, now: now(), ...(model ? { model } : {}) },
            relevance,
            pageItem,
          );
          return { status: "ready", picks, currency: catalog.currency, explain };
        } catch (error) {
          reportFailure(`choosing items for a "${request.strategy}" slot`, error);
          return { status: "unavailable" };
        }
      },
    );

  return {
    track: tracker.track,
    identify: tracker.identify,
    consent: tracker.consent,
    storing: tracker.storing,
    export: async () => {
      await tracker.flush();
      return exportData(stores, now());
    },
    erase: tracker.erase,
    $events,
    $catalog,
    $identity,
    $profile,
    slot,
    $settings,
    configure,
    ready: Promise.all([history, catalog, settings]).then(() => undefined),
    flush: tracker.flush,
    destroy: tracker.destroy,
  };
}
