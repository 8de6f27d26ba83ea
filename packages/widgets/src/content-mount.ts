/**
 * Mounts the content widgets declared in HTML — cart reminders, offer slots and content
 * variants — under a root, now and as they are added later, and keeps them in step with the
 * profile. Each element is mounted on its own and fails on its own: a broken template or a
 * bad attribute costs that element, never the page.
 */
import { reportFailure, type Vitrin, warnOnce } from "@vitrin/core";
import { attr, el } from "./content-dom.js";
import { contentLang } from "./content-strings.js";
import { renderOffer } from "./offer-view.js";
import {
  chooseOffers,
  countView,
  OFFERS_KEY,
  type Offer,
  type OfferSeen,
  parseOffers,
  readSeen,
} from "./offers.js";
import { mountCartReminder } from "./reminder-mount.js";
import { watch } from "./store-watch.js";
import { elementName, resetVariant, showVariant } from "./variants.js";

/** Options of {@link mountContent}. */
export interface ContentOptions {
  /** Where to look for content elements. Default: the document. */
  root?: ParentNode;
  /** Language of the reminder and offers; default the element's nearest `lang`, else Turkish. */
  lang?: string;
  /** Offers in JSON (checked like an inline `<script data-vitrin-offers>`). */
  offers?: unknown;
  /** The cart page, for reminders without `data-vitrin-cart-url`. Default `/sepet`. */
  cartUrl?: string;
}

/** Every element this module mounts. */
export const CONTENT_SELECTOR =
  "[data-vitrin-cart-reminder],[data-vitrin-offer-slot],[data-vitrin-content]";

const MAX_BADGES = 3;
/** Elements mounted by any `mountContent` call, so two calls never mount one element twice. */
const mounted = new WeakSet<Element>();
/** View counts kept for this page only, when Vitrin may not store. */
let memorySeen: OfferSeen = {};

/**
 * Offers from `<script type="application/json" data-vitrin-offers>` elements, the option and
 * the config file (`vitrin.$settings`); the first offer with an id wins.
 */
function collectOffers(root: ParentNode, option: unknown, config: unknown): Offer[] {
  const sources: [unknown, string][] = [];
  for (const script of root.querySelectorAll("script[data-vitrin-offers]")) {
    if (script.getAttribute("type") !== "application/json")
      warnOnce(
        `<script data-vitrin-offers>: expected type="application/json" (any other type runs as a script)`,
      );
    sources.push([script.textContent ?? "", "<script data-vitrin-offers>"]);
  }
  if (option !== undefined) sources.push([option, "offers option"]);
  if (config !== undefined) sources.push([config, "config offers"]);
  const byId = new Map<string, Offer>();
  for (const [json, where] of sources) {
    const { offers, problems } = parseOffers(json, where);
    for (const problem of problems.slice(0, 10)) warnOnce(problem);
    for (const offer of offers) if (!byId.has(offer.id)) byId.set(offer.id, offer);
  }
  return [...byId.values()];
}

/**
 * View counts for frequency caps. Offers are chosen against the counts as they were when the
 * page loaded: an offer counted on this page stays up while the profile changes under it.
 * Counts are written to localStorage only when Vitrin may store (`vitrin.storing()`), else
 * kept for the page only.
 */
function offerCaps(vitrin: Vitrin) {
  const mayStore = (): boolean => {
    try {
      return vitrin.storing();
    } catch {
      return false;
    }
  };
  const local = (value?: string): string | null => {
    try {
      if (value === undefined) return localStorage.getItem(OFFERS_KEY);
      localStorage.setItem(OFFERS_KEY, value);
    } catch {
      // Storage refused: caps hold for this page only.
    }
    return null;
  };
  const seen = mayStore() ? readSeen(local()) : memorySeen;
  let current = seen;
  const counted = new Set<string>();
  return {
    seen,
    count(ids: readonly string[], session: number) {
      const fresh = ids.filter((id) => !counted.has(id));
      if (!fresh.length) return;
      for (const id of fresh) {
        counted.add(id);
        current = countView(current, id, session);
      }
      if (mayStore()) local(JSON.stringify(current));
      else memorySeen = current;
    },
  };
}

/**
 * Mounts every cart reminder, offer slot and content variant under `root`, and those added
 * later. Returns a function that stops them all and takes away what they drew (variants go
 * back to their default).
 */
export function mountContent(vitrin: Vitrin, options: ContentOptions = {}): () => void {
  const root = options.root ?? document;
  const stops = new Map<Element, () => void>();
  // The config file arrives after start-up (and may be absent from a hand-made Vitrin object).
  const $settings = (vitrin as Partial<Vitrin>).$settings;
  let offers: Offer[] = [];
  let offersRead = false;
  let offersFrom: unknown;
  let caps: ReturnType<typeof offerCaps> | undefined;
  /** The offers now: read again only when the config's offers change. */
  const currentOffers = () => {
    const config = $settings?.get().offers;
    if (offersRead && config === offersFrom) return offers;
    offersRead = true;
    offersFrom = config;
    try {
      offers = collectOffers(root, options.offers, config);
    } catch (error) {
      reportFailure("reading offers", error);
    }
    return offers;
  };
  try {
    currentOffers();
    caps = offerCaps(vitrin);
  } catch (error) {
    reportFailure("reading offers", error);
  }
  const langOf = (node: Element) =>
    contentLang(options.lang ?? node.closest("[lang]")?.getAttribute("lang"));

  const reminder = (host: Element) =>
    mountCartReminder(vitrin, host, {
      lang: () => langOf(host),
      cartUrl: attr(host, "data-vitrin-cart-url") ?? options.cartUrl,
      incentive: () => attr(host, "data-vitrin-incentive"),
      inline: host.hasAttribute("data-vitrin-inline"),
    });

  const offerSlot = (host: Element) => {
    const kind = host.getAttribute("data-vitrin-offer-slot") || "banner";
    if (kind !== "banner" && kind !== "badge") {
      warnOnce(
        `${elementName(host)} data-vitrin-offer-slot="${kind.slice(0, 40)}": expected "banner", "badge" or no value (a banner)`,
      );
      return () => {};
    }
    const box = el(kind === "badge" ? "span" : "div", { class: "vitrin-offers" });
    host.append(box);
    let shown = "";
    const update = () => {
      const mine = currentOffers().filter((offer) => offer.kind === kind);
      const profile = vitrin.$profile.get();
      const chosen = profile
        ? chooseOffers(mine, profile, Date.now(), caps?.seen).slice(
            0,
            kind === "badge" ? MAX_BADGES : 1,
          )
        : [];
      const lang = langOf(host);
      const key = JSON.stringify([lang, chosen.map((offer) => offer.id)]);
      if (key === shown) return;
      shown = key;
      box.replaceChildren(...chosen.map((offer) => renderOffer(offer, lang)));
      if (profile)
        caps?.count(
          chosen.map((offer) => offer.id),
          profile.visitor.visits,
        );
    };
    const stop = watch(
      $settings ? [vitrin.$profile, $settings] : [vitrin.$profile],
      update,
      "showing an offer",
    );
    return () => {
      stop();
      box.remove();
    };
  };

  const content = (host: Element) => {
    const stop = watch(
      [vitrin.$profile],
      () => showVariant(host, vitrin.$profile.get()),
      `showing a variant of ${elementName(host)}`,
    );
    return () => {
      stop();
      resetVariant(host);
    };
  };

  const mount = (node: Element) => {
    mounted.add(node);
    try {
      if (node.hasAttribute("data-vitrin-content")) return content(node);
      if (node.hasAttribute("data-vitrin-offer-slot")) return offerSlot(node);
      return reminder(node);
    } catch (error) {
      reportFailure(`mounting ${elementName(node)}`, error);
      return () => {};
    }
  };

  const scan = () => {
    for (const [node, stop] of stops)
      if (!node.isConnected) {
        stop();
        stops.delete(node);
        mounted.delete(node);
      }
    const found = [...root.querySelectorAll(CONTENT_SELECTOR)];
    if (root instanceof Element && root.matches(CONTENT_SELECTOR)) found.unshift(root);
    for (const node of found) if (!mounted.has(node)) stops.set(node, mount(node));
  };

  let queued = false;
  let stopped = false;
  // Batched: a framework rendering a page adds nodes in many mutations, one scan does them all.
  const observer =
    typeof MutationObserver === "function"
      ? new MutationObserver(() => {
          if (queued) return;
          queued = true;
          queueMicrotask(() => {
            queued = false;
            if (!stopped) scan();
          });
        })
      : undefined;
  try {
    scan();
    observer?.observe(root, { childList: true, subtree: true });
  } catch (error) {
    reportFailure("mounting content widgets", error);
  }
  return () => {
    stopped = true;
    observer?.disconnect();
    for (const [node, stop] of stops) {
      stop();
      mounted.delete(node);
    }
    stops.clear();
  };
}
