import { CONSENT_KEY, type ConsentSetting, initialConsent, readConsentMode } from "./consent.js";
import {
  classifyDevice,
  classifyTraffic,
  deviceSignals,
  type PageContext,
  readUtm,
} from "./context.js";
import { followDataLayer } from "./datalayer.js";
import { followDataAttributes } from "./dom-capture.js";
import { measureEngagement } from "./engagement.js";
import { type EventSource, parseEvent, type VitrinEvent } from "./events.js";
import { isRecord } from "./guards.js";
import { randomId } from "./ids.js";
import { type JsonLdProduct, readJsonLd } from "./jsonld.js";
import { warnOnce } from "./log.js";
import { followRoutes } from "./navigation.js";
import { fromSegment } from "./segment.js";
import { continueSession, readSession, type Session } from "./session.js";
import type { TrackerStores } from "./store.js";
import { openTabChannel, type TabMessage } from "./sync.js";

/** Attributes a merchant may give about the shopper, kept on the device only. */
export type Identity = Record<string, string | number | boolean>;

/** How the tracker is wired to the page and to storage. */
export interface TrackerOptions {
  /** Full `Stores` do too; the tracker needs only these methods. */
  stores: Pick<TrackerStores, "events" | "cache" | "erase">;
  /** Name of the GA4 data layer to follow, or `false`. Default `dataLayer`. */
  dataLayer?: string | false;
  /** Read schema.org Product JSON-LD (product views). Default true. */
  jsonLd?: boolean;
  /** Follow `data-vitrin-item` cards and `data-vitrin-event` buttons. Default true. */
  dataAttributes?: boolean;
  /** Count single-page-app route changes as page views. Default true. */
  spa?: boolean;
  /** Measure visible time and scroll depth of product pages. Default true. */
  engagement?: boolean;
  /** Default `granted`. */
  consent?: ConsentSetting;
  /** Treat Global Privacy Control as a refusal. Default true. */
  respectGpc?: boolean;
  /** Clock, for tests. */
  now?: () => number;
  /** Every event recorded on this page load, after validation. */
  onEvent?: (event: VitrinEvent) => void;
  /** Products read from the page's JSON-LD (fresh price and stock for the catalog). */
  onProducts?: (products: JsonLdProduct[]) => void;
  /** `identify()` attributes, once validated. */
  onIdentity?: (identity: Identity) => void;
  /** Another tab stored events, or everything was erased (here or in another tab). */
  onSync?: (message: TabMessage) => void;
}

/** The tracker of one page load. */
export interface Tracker {
  /** Records a GA4 (or Segment e-commerce) event; false, with one warning, if it is malformed. */
  track(name: string, params?: unknown): boolean;
  /** Stores merchant-provided attributes (a first name for greetings); never sent anywhere. */
  identify(traits: unknown): boolean;
  /** Grants or withdraws consent; withdrawing erases everything, in every tab. */
  consent(granted: boolean): Promise<void>;
  /** Whether events are being stored now (consent given, or not needed). */
  storing(): boolean;
  /** The current session, once there is one (the first event starts it). */
  session(): Session | undefined;
  /** Writes pending events now. */
  flush(): Promise<void>;
  /** Deletes everything Vitrin stored on this device, in every tab. */
  erase(): Promise<void>;
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
const SESSION_KEY = "vitrin:session";

/** localStorage that never throws (it does, in some privacy modes). */
function local(key: string, value?: string | null): string | null {
  try {
    if (value === undefined) return localStorage.getItem(key);
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage refused: sessions and remembered consent last for this page only.
  }
  return null;
}

function pageContext(traffic: PageContext["traffic"]): PageContext {
  const utm = readUtm(location.search);
  return { traffic, device: classifyDevice(deviceSignals()), ...(utm ? { utm } : {}) };
}

/**
 * Captures on-site behaviour into the event store, from every source a shop already has: the
 * GA4 data layer, JSON-LD, data attributes, route changes and the JavaScript API. Writes are
 * batched and flushed when idle, when the page is hidden and on `pagehide` — never on
 * `unload`, which would take the page out of the back/forward cache.
 */
export function createTracker(options: TrackerOptions): Tracker {
  const { stores } = options;
  const now = options.now ?? Date.now;
  const setting = options.consent ?? "granted";
  const channel = openTabChannel((message) => onTab(message));

  let allowed = initialConsent({
    setting,
    gpc:
      (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true,
    respectGpc: options.respectGpc ?? true,
    remembered: setting === "required" && local(CONSENT_KEY) === "granted",
  });
  let pending: VitrinEvent[] = [];
  let scheduled = false;
  let lastTs = 0;
  const writes = new Set<Promise<void>>();
  let session: Session | undefined = allowed ? readSession(local(SESSION_KEY)) : undefined;
  let context = pageContext(classifyTraffic(document.referrer, location.host, location.search));
  // Items viewed in this page view: a view seen in both the data layer and JSON-LD counts once.
  let viewed = new Set<string>();
  let pageItem: string | undefined;
  // Set while a route change reports what the route being left measured: those events are
  // that route's, though the URL has already changed.
  let leavingPath: string | undefined;
  let routePath = location.pathname;
  let identity: Identity = {};

  // The write starts synchronously, so one called from a `pagehide` handler is under way
  // before the page is frozen. Keys are time-ordered, so parallel batches need no queue.
  const flush = (): Promise<void> => {
    scheduled = false;
    if (allowed && pending.length > 0) {
      const batch = pending;
      pending = [];
      if (session) local(SESSION_KEY, JSON.stringify(session));
      const write: Promise<void> = stores.events
        .append(batch)
        .then(
          () => channel.post({ type: "events", events: batch }),
          (error: unknown) => {
            // Keep the batch for the next flush: one failed write must not lose events.
            pending = [...batch, ...pending];
            trim();
            warnOnce(`could not store events, will retry: ${String(error)}`);
          },
        )
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
    if (scheduled || !allowed) return;
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
    const { value } = parsed;
    const item = value.items[0]?.item_id;
    if (value.name === "view_item" && item !== undefined) {
      if (viewed.has(item)) return true;
      viewed.add(item);
      pageItem = item;
    }
    // Strictly increasing: two events in one millisecond keep their order in the time-keyed log.
    lastTs = Math.max(now(), lastTs + 1);
    const utm = context.utm;
    session = continueSession(
      session,
      lastTs,
      utm && `${utm.source}/${utm.medium}/${utm.campaign}`,
      randomId,
    );
    const event: VitrinEvent = {
      ...value,
      id: randomId(),
      ts: lastTs,
      source,
      path: leavingPath ?? location.pathname,
      session: session.id,
      ctx: context,
    };
    pending.push(event);
    trim();
    options.onEvent?.(event);
    if (pending.length >= BATCH) void flush();
    else if (LEAVING.has(event.name)) flushSoon();
    else schedule();
    return true;
  };

  const readProducts = () => {
    const products = readJsonLd(document);
    if (products.length) options.onProducts?.(products);
    // Exactly one product: this is a product page. (Category pages list several.)
    const [product] = products;
    if (products.length !== 1 || !product) return;
    record(
      "view_item",
      {
        currency: product.currency,
        value: product.price,
        items: [
          {
            item_id: product.id,
            item_name: product.name,
            item_brand: product.brand,
            item_category: product.category?.split(/\s*[>/]\s*/)[0],
            price: product.price,
          },
        ],
      },
      "JSON-LD Product",
      "jsonld",
    );
  };

  const engagement = options.engagement === false ? undefined : measureEngagement(now);
  const reportEngagement = (leaving?: boolean) => {
    const measured = engagement?.take(leaving);
    if (measured && pageItem !== undefined) {
      record(
        "user_engagement",
        {
          items: [{ item_id: pageItem }],
          engagement_time_msec: measured.ms,
          percent_scrolled: measured.scrolled,
        },
        "engagement",
        "auto",
      );
    }
  };

  // Hidden may be for good (a closed tab on a phone): what was seen so far is written now.
  const onHidden = () => {
    if (document.visibilityState !== "hidden") return;
    reportEngagement();
    dom?.flush();
    void flush();
  };
  const onPageHide = () => {
    reportEngagement(true);
    dom?.flush();
    void flush();
  };
  document.addEventListener("visibilitychange", onHidden);
  addEventListener("pagehide", onPageHide);

  const forget = (withdrawn: boolean) => {
    pending = [];
    identity = {};
    session = undefined;
    if (withdrawn) allowed = false;
    // Every key of Vitrin's (session, offer view counts, a dismissed reminder…); remembered
    // consent only on withdrawal.
    try {
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith("vitrin:") && (withdrawn || key !== CONSENT_KEY)) local(key, null);
      }
      for (const key of Object.keys(sessionStorage)) {
        if (key.startsWith("vitrin:")) sessionStorage.removeItem(key);
      }
    } catch {
      // Storage refused: nothing of Vitrin's is there.
    }
  };

  const grant = (granted: boolean, fromTab = false): Promise<void> => {
    if (granted === allowed) return Promise.resolve();
    if (granted) {
      allowed = true;
      if (setting === "required") local(CONSENT_KEY, "granted");
      if (!fromTab) channel.post({ type: "consent" });
      // What this page recorded before consent is kept: the shopper consented on this page.
      if (Object.keys(identity).length) void stores.cache.set("identity", identity).catch(() => {});
      return flush();
    }
    return erase(true);
  };

  const erase = async (withdrawn = false): Promise<void> => {
    forget(withdrawn);
    await Promise.all(writes);
    channel.post({ type: "erase", withdrawn });
    options.onSync?.({ type: "erase", withdrawn });
    await stores.erase();
  };

  const onTab = (message: TabMessage) => {
    if (message.type === "erase") forget(message.withdrawn);
    if (message.type === "consent") void grant(true, true);
    options.onSync?.(message);
  };

  const stops: (() => void)[] = [];
  const layerName = options.dataLayer ?? "dataLayer";
  if (layerName !== false) {
    try {
      stops.push(
        followDataLayer(
          window as unknown as Record<string, unknown>,
          layerName,
          ({ name, params, where }) => record(name, params, where, "datalayer"),
          setting === "gcm"
            ? (entry) => {
                const state = readConsentMode(entry);
                if (state !== undefined) void grant(state);
              }
            : undefined,
        ),
      );
    } catch (error) {
      warnOnce(`not following the data layer: ${error instanceof Error ? error.message : error}`);
    }
  }
  record("page_view", {}, "page_view", "auto");

  let dom: ReturnType<typeof followDataAttributes> | undefined;
  const onDomReady = () => {
    if (options.jsonLd !== false) readProducts();
    if (options.dataAttributes !== false)
      dom = followDataAttributes(document, (n, p, w) => record(n, p, w, "dom"));
  };
  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", onDomReady, { once: true });
  else onDomReady();

  if (options.spa !== false) {
    stops.push(
      followRoutes(() => {
        leavingPath = routePath;
        reportEngagement();
        dom?.flush();
        leavingPath = undefined;
        routePath = location.pathname;
        viewed = new Set();
        pageItem = undefined;
        dom?.reset();
        context = pageContext("internal");
        record("page_view", {}, "page_view", "auto");
        // The app renders the new route's JSON-LD after the URL changes.
        if (options.jsonLd !== false) setTimeout(readProducts, 300);
      }),
    );
  }

  return {
    session: () => session,
    track(name, params) {
      const segment = typeof name === "string" ? fromSegment(name, params) : undefined;
      return segment
        ? record(segment[0], segment[1], `track("${name}")`, "api")
        : record(name, params, `track("${String(name)}")`, "api");
    },
    identify(traits) {
      if (!isRecord(traits)) {
        warnOnce("identify(): expected an object like { firstName: 'Ayşe', tier: 'gold' }");
        return false;
      }
      const next: Identity = { ...identity };
      for (const [key, value] of Object.entries(traits).slice(0, 20)) {
        const ok =
          /^[A-Za-z_]\w{0,39}$/.test(key) && ["string", "number", "boolean"].includes(typeof value);
        if (!ok) {
          warnOnce(
            `identify(): ${key.slice(0, 40)}: expected a string, number or boolean under a plain name`,
          );
          continue;
        }
        next[key] =
          typeof value === "string" ? value.trim().slice(0, 100) : (value as number | boolean);
      }
      identity = next;
      options.onIdentity?.(identity);
      if (allowed) void stores.cache.set("identity", identity).catch(() => {});
      return true;
    },
    consent: (granted) => grant(granted === true),
    storing: () => allowed,
    flush,
    erase: () => erase(false),
    destroy: () => {
      for (const stop of stops) stop();
      dom?.stop();
      engagement?.stop();
      document.removeEventListener("visibilitychange", onHidden);
      removeEventListener("pagehide", onPageHide);
      channel.close();
      return flush();
    },
  };
}
