// A SIMULATED browsing log for the demo shop. Mavi Çarşı has no real shoppers, so to show
// Vitrin's collaborative path (`vitrin model` offline → `data-model` → the browser's Recommend
// stage) the build invents two thousand of them and builds the model from what they "did".
// Every figure the model holds is therefore made up by the rules below, not measured; the
// rules only aim to look like a shop's log, so that "viewed together" and "up next" read
// plausibly: a session stays mostly within one leaf category and price band, shoppers favour
// a brand, popular items are seen more, and a cart often pulls in a complement (a coat, then a
// scarf). Deterministic: one seeded random source consumed in a fixed order, so every build
// writes the same model.

import { createRandom } from "./catalog-data.mjs";

/** @typedef {import("./catalog-data.mjs").ProductRecord} ProductRecord */
/** @typedef {import("./catalog-data.mjs").Random} Random */

/**
 * One event, in the shape `buildModelFromInteractions` of `@vitrin/cli` takes.
 * @typedef {{ user: string, session: string, item: string, time: number, event: "view" | "cart" | "purchase" }} LogEvent
 */

/** Separate from the catalog's seed, so a change to the log never reshuffles the catalog. */
export const LOG_SEED = 20260413;
export const LOG_SHOPPERS = 2000;
/** The log's last day; its 28 days end here (the model's `trend` looks at the last 7). */
const LOG_END = Date.UTC(2026, 3, 12);
const DAY = 86_400_000;
const LOG_DAYS = 28;

/**
 * What goes with what, by Turkish leaf path: after adding the key to the cart, a shopper may
 * look at (and buy) one of these. Written by hand for the demo's categories.
 * @type {Record<string, string[]>}
 */
export const COMPLEMENTS = {
  "Giyim > Kadın > Mont & Kaban": [
    "Giyim > Kış Aksesuarları > Atkı",
    "Giyim > Kış Aksesuarları > Bere & Eldiven",
    "Ayakkabı > Kadın > Bot & Çizme",
  ],
  "Giyim > Erkek > Mont & Kaban": [
    "Giyim > Kış Aksesuarları > Atkı",
    "Giyim > Kış Aksesuarları > Bere & Eldiven",
    "Ayakkabı > Erkek > Bot",
  ],
  "Giyim > Kadın > Kazak & Hırka": ["Giyim > Kış Aksesuarları > Atkı"],
  "Giyim > Erkek > Kazak & Hırka": ["Giyim > Kış Aksesuarları > Atkı"],
  "Giyim > Kadın > Elbise": [
    "Ayakkabı > Kadın > Sandalet",
    "Aksesuar > Çanta > Omuz Çantası",
    "Aksesuar > Takı > Kolye",
  ],
  "Giyim > Kadın > Mayo & Bikini": [
    "Kozmetik > Cilt Bakımı > Güneş Koruma",
    "Ayakkabı > Kadın > Espadril",
    "Aksesuar > Gözlük",
  ],
  "Giyim > Erkek > Deniz Şortu": [
    "Kozmetik > Cilt Bakımı > Güneş Koruma",
    "Ayakkabı > Erkek > Terlik & Sandalet",
    "Aksesuar > Gözlük",
  ],
  "Giyim > Erkek > Gömlek": ["Ayakkabı > Erkek > Klasik", "Aksesuar > Saat"],
  "Giyim > Kadın > Şort": ["Giyim > Kadın > Tişört", "Ayakkabı > Kadın > Sneaker"],
  "Giyim > Erkek > Şort": ["Giyim > Erkek > Tişört", "Ayakkabı > Erkek > Sneaker"],
  "Elektronik > Ses Sistemleri > Kulaklık": [
    "Elektronik > Telefon Aksesuarları > Şarj Aleti",
    "Elektronik > Telefon Aksesuarları > Powerbank",
  ],
  "Elektronik > Telefon Aksesuarları > Kılıf": [
    "Elektronik > Telefon Aksesuarları > Şarj Aleti",
    "Elektronik > Telefon Aksesuarları > Powerbank",
  ],
  "Elektronik > Giyilebilir Teknoloji": ["Elektronik > Telefon Aksesuarları > Şarj Aleti"],
  "Ev & Yaşam > Mutfak > Çay & Kahve": ["Ev & Yaşam > Mutfak > Sofra"],
  "Ev & Yaşam > Mutfak > Tencere & Tava": ["Ev & Yaşam > Mutfak > Sofra", "Kitap > Yemek"],
  "Ev & Yaşam > Ev Tekstili > Yatak Odası": ["Ev & Yaşam > Ev Tekstili > Banyo"],
  "Ev & Yaşam > Dekorasyon": ["Ev & Yaşam > Aydınlatma"],
  "Kozmetik > Cilt Bakımı > Nemlendirici": [
    "Kozmetik > Cilt Bakımı > Serum",
    "Kozmetik > Cilt Bakımı > Temizleyici",
  ],
  "Kozmetik > Makyaj > Dudak": ["Kozmetik > Makyaj > Göz", "Kozmetik > Makyaj > Tırnak"],
  "Bebek > Taşıma > Bebek Arabası": ["Bebek > Taşıma > Kanguru", "Bebek > Bebek Giyim > Tulum"],
  "Bebek > Beslenme": ["Bebek > Bebek Bakım"],
  "Spor & Outdoor > Kamp > Çadır": [
    "Spor & Outdoor > Kamp > Uyku Tulumu",
    "Spor & Outdoor > Kamp > Aydınlatma",
    "Spor & Outdoor > Kamp > Kamp Mobilyası",
  ],
  "Spor & Outdoor > Fitness > Yoga & Pilates": [
    "Spor & Outdoor > Spor Giyim",
    "Spor & Outdoor > Fitness > Aksesuar",
  ],
  "Kitap > Roman": ["Kitap > Roman"],
  "Kitap > Çocuk Kitapları": ["Oyuncak > Eğitici Oyuncaklar", "Oyuncak > Yapboz"],
};

/** @param {ProductRecord} product */
const leafOf = (product) => product.categories.tr.join(" > ");
/** @param {ProductRecord} product */
const priceOf = (product) => product.salePrice ?? product.price;

/**
 * Picks one of `list` with probability proportional to `weight`.
 * @template T
 * @param {Random} rnd
 * @param {readonly T[]} list
 * @param {(entry: T) => number} weight
 * @returns {T | undefined}
 */
function weighted(rnd, list, weight) {
  const weights = list.map(weight);
  let total = 0;
  for (const w of weights) total += w;
  let r = rnd.next() * total;
  for (let i = 0; i < list.length; i++) {
    r -= weights[i] ?? 0;
    if (r < 0) return list[i];
  }
  return list[list.length - 1];
}

/**
 * Simulates `shoppers` shoppers browsing the demo catalog over 28 days: their views, cart adds
 * and purchases, in time order per session. Same arguments, same log.
 * @param {readonly ProductRecord[]} products
 * @param {{ shoppers?: number, seed?: number }} [options]
 * @returns {LogEvent[]}
 */
export function simulateBrowsingLog(products, { shoppers = LOG_SHOPPERS, seed = LOG_SEED } = {}) {
  const rnd = createRandom(seed);
  /** @type {Map<string, ProductRecord[]>} */
  const byLeaf = new Map();
  /** @type {Map<string, ProductRecord[]>} */
  const byTop = new Map();
  for (const product of products) {
    byLeaf.set(leafOf(product), [...(byLeaf.get(leafOf(product)) ?? []), product]);
    const top = product.categories.tr[0] ?? "";
    byTop.set(top, [...(byTop.get(top) ?? []), product]);
  }
  // Shoppers find what sells, and rarely dwell on what they cannot buy.
  /** @param {ProductRecord} product */
  const appeal = (product) =>
    (50 + product.popularity) * (product.availability === "in_stock" ? 1 : 0.3);

  /** @type {LogEvent[]} */
  const log = [];
  for (let s = 0; s < shoppers; s++) {
    const user = `u${String(s + 1).padStart(5, "0")}`;
    const sessions = rnd.next() < 0.6 ? 1 : rnd.int(2, 4);
    // A shopper's favourite brand: every session's anchor's brand is liked thereafter.
    /** @type {Set<string>} */
    const brands = new Set();
    // Sessions of one shopper, in order, spread over the log's days.
    const days = Array.from({ length: sessions }, () => rnd.int(0, LOG_DAYS - 1)).sort(
      (a, b) => a - b,
    );
    for (const [n, day] of days.entries()) {
      const session = `${user}-${n + 1}`;
      let time = LOG_END - (LOG_DAYS - day) * DAY + rnd.int(8 * 3600, 23 * 3600) * 1000;
      /** @param {ProductRecord} product @param {"view" | "cart" | "purchase"} event */
      const record = (product, event) => {
        log.push({ user, session, item: product.id, time, event });
        time += rnd.int(15, 150) * 1000;
      };

      const anchor = weighted(rnd, products, appeal);
      if (!anchor) continue;
      brands.add(anchor.brand);
      const band = priceOf(anchor);
      // Near the anchor's price and a liked brand weigh more: a shopper compares like with like.
      /** @param {ProductRecord} product */
      const fit = (product) => {
        const ratio = priceOf(product) / band;
        const closeness = 1 / (1 + Math.abs(Math.log(ratio)) * 3);
        return appeal(product) * closeness * (brands.has(product.brand) ? 3 : 1);
      };
      /** @type {ProductRecord[]} */
      const seen = [];
      /** @type {ProductRecord[]} */
      const cart = [];
      let current = anchor;
      const views = rnd.int(2, 7);
      for (let v = 0; v < views; v++) {
        record(current, "view");
        seen.push(current);
        if (current.availability === "in_stock" && rnd.next() < 0.1) {
          record(current, "cart");
          cart.push(current);
          const complements = COMPLEMENTS[leafOf(current)];
          if (complements && rnd.next() < 0.6) {
            const pool = byLeaf.get(rnd.pick(complements)) ?? [];
            const extra = weighted(
              rnd,
              pool.filter((p) => p !== current),
              fit,
            );
            if (extra) {
              record(extra, "view");
              seen.push(extra);
              if (extra.availability === "in_stock" && rnd.next() < 0.5) {
                record(extra, "cart");
                cart.push(extra);
              }
            }
          }
        }
        // Where next: back to an item seen before, on within the leaf, across the department,
        // or off to something popular elsewhere.
        const r = rnd.next();
        const leaf = byLeaf.get(leafOf(current)) ?? [];
        const department = byTop.get(current.categories.tr[0] ?? "") ?? [];
        /** @type {ProductRecord | undefined} */
        let next;
        if (r < 0.1 && seen.length > 1) next = rnd.pick(seen.slice(0, -1));
        else if (r < 0.78) next = weighted(rnd, leaf.length > 1 ? leaf : department, fit);
        else if (r < 0.96) next = weighted(rnd, department, fit);
        else next = weighted(rnd, products, appeal);
        if (next) current = next;
      }
      // Half the carts are checked out in the same visit.
      if (cart.length > 0 && rnd.next() < 0.5) {
        for (const product of cart) record(product, "purchase");
      }
    }
  }
  return log;
}
