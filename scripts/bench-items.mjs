// The benchmarks' catalog: an endless, deterministic stream of realistic Turkish catalog items
// (bench:catalog measures files of it, bench:profile the profile stages on it).
import { COLORS, createRandom, generateProducts } from "../examples/storefront/catalog-data.mjs";

// The benchmarks draw from the same seeded source as the demo shop.
export { createRandom };

/**
 * One generated catalog item, in the field order of docs/catalog-format.md.
 * @typedef {{ id: string; groupId: string; title: string; url: string; image: string;
 *   price: number; salePrice?: number; currency: string; availability: "in_stock" | "out_of_stock";
 *   brand: string; categories: string[]; attributes: Record<string, string | string[]>;
 *   tags: string[]; createdAt: string; popularity: number; rating: number }} BenchItem
 * @typedef {import("../examples/storefront/catalog-data.mjs").ProductRecord} ProductRecord
 * @typedef {import("../examples/storefront/catalog-data.mjs").Random} Random
 */

/* ------------------------------------------------------------------------------------------ */
/* The generator. Deterministic: one seeded PRNG consumed in a fixed order, so every size is a */
/* prefix of the same item stream and every run measures the same bytes.                       */

export const SEED = 20260511;

/** Product-line names put in front of titles, so 100,000 titles are not 366 titles repeated. */
const COLLECTIONS = (
  "Bodrum Alaçatı Kaş Datça Likya Efes Truva Ayvalık Assos Kapadokya Nemrut Uludağ " +
  "Palandöken Zigana Munzur Kaçkar Ilgaz Sapanca Abant Olimpos Patara Göreme Mardin " +
  "Harran Safranbolu Beypazarı Şirince Bozcaada Gökçeada Amasra Sinop Zeugma Perge Side " +
  "Fethiye Kalkan Akyaka Cunda Foça Çeşme Urla Salda"
).split(" ");
const AUTHOR_FIRST = (
  "Deniz Elif Mert Selin Kerem Ayla Umut Nehir Bora Zeynep Emre Defne Can İpek Tolga Ece " +
  "Barış Gül"
).split(" ");
const AUTHOR_LAST = (
  "Aksoy Yalınkaya Demirtaş Karaca Erdem Soylu Tunalı Güneri Öztürk Çelik Şahin Kılıç " +
  "Aydın Korkmaz Doğan Yıldırım"
).split(" ");

/** Ends prices the way Turkish shops do (as the demo generator). @param {number} raw @param {Random} rnd */
function shopPrice(raw, rnd) {
  const step = raw >= 2000 ? 100 : raw >= 500 ? 50 : 10;
  const whole = Math.max(step, Math.round(raw / step) * step);
  const r = rnd.next();
  const price = r < 0.55 ? whole - 0.1 : r < 0.85 ? whole - 0.01 : whole;
  return Math.round(price * 100) / 100;
}

/** @param {number} dayOffset */
const isoDate = (dayOffset) =>
  new Date(Date.UTC(2025, 0, 1) + dayOffset * 86400000).toISOString().slice(0, 10);

/** @type {Record<string, string>} */
const ASCII = { ç: "c", ğ: "g", ı: "i", ö: "o", ş: "s", ü: "u", â: "a", î: "i", û: "u" };
/** "Kaşmir Kazak V Yaka – Bordo" → "kasmir-kazak-v-yaka-bordo". @param {string} text */
const slugify = (text) =>
  text
    .toLocaleLowerCase("tr")
    .replace(/[çğıöşüâîû]/g, (c) => ASCII[c] ?? c)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * An endless stream of catalog items built on the demo shop's 366 product records (realistic
 * Turkish titles, brands, 2–3 level categories, attributes): each product group picks a record,
 * a product line name (or, for books, another author), 1–3 colours, and re-draws its price
 * (±30%), sale (20%), stock (8% out), popularity, rating and date. Ids run per top category:
 * GYM-000001… URLs are slugs of the title, as shops write them.
 * @returns {Generator<BenchItem, never>}
 */
export function* generateItems() {
  const templates = generateProducts();
  const rnd = createRandom(SEED);
  const colorCodes = Object.keys(COLORS);
  /** @type {Map<string, number>} */
  const seq = new Map();
  for (;;) {
    const t = /** @type {ProductRecord} */ (rnd.pick(templates));
    const prefix = t.id.slice(0, t.id.indexOf("-"));
    /** @type {Record<string, string | string[]>} */
    const attributes = structuredClone(t.attributes);
    const templateColor = typeof t.attributes.color === "string" ? t.attributes.color : undefined;
    let base = t.title.tr;
    /** @type {(string | undefined)[]} */
    let colors = [undefined];
    if (t.icon === "book") {
      const author = `${rnd.pick(AUTHOR_FIRST)} ${rnd.pick(AUTHOR_LAST)}`;
      base = `${base.slice(0, base.lastIndexOf(" – "))} – ${author}`;
      attributes.author = author;
    } else {
      const suffix = templateColor ? ` – ${COLORS[templateColor]?.tr}` : "";
      if (suffix && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
      if (rnd.next() < 0.7) base = `${rnd.pick(COLLECTIONS)} ${base}`;
      if (templateColor) {
        const pool = colorCodes.slice();
        const count = rnd.next() < 0.15 ? rnd.int(2, 3) : 1;
        colors = [];
        while (colors.length < count) {
          colors.push(pool.splice(Math.floor(rnd.next() * pool.length), 1)[0]);
        }
      }
    }
    const price = shopPrice(t.price * (0.7 + 0.6 * rnd.next()), rnd);
    /** @type {string | undefined} */
    let groupId;
    for (const color of colors) {
      const n = (seq.get(prefix) ?? 0) + 1;
      seq.set(prefix, n);
      const id = `${prefix}-${String(n).padStart(6, "0")}`;
      groupId ??= id;
      const title = color ? `${base} – ${COLORS[color]?.tr}` : base;
      const onSale = rnd.next() < 0.2;
      let salePrice = onSale ? shopPrice(price * (0.6 + rnd.next() * 0.25), rnd) : undefined;
      if (salePrice !== undefined && salePrice >= price) salePrice = undefined;
      const outOfStock = rnd.next() < 0.08;
      const popularity = Math.floor(2000 * rnd.next() ** 2.2);
      const stars = rnd.next() < 0.07 ? 1 + rnd.next() * 2 : 3 + rnd.next() + rnd.next();
      const createdAt = isoDate(rnd.int(0, 484));
      /** @type {Record<string, string | string[]>} */
      const itemAttributes = color ? { ...attributes, color } : { ...attributes };
      const effective = salePrice ?? price;
      const tags = [];
      if (createdAt >= "2026-03-01") tags.push("yeni-sezon");
      if (salePrice !== undefined) tags.push("indirim");
      if (popularity >= 1300) tags.push("cok-satan");
      if (effective >= 750) tags.push("ucretsiz-kargo");
      if (itemAttributes.season === "summer" && itemAttributes.size) tags.push("yaz-koleksiyonu");
      if (itemAttributes.season === "winter" && itemAttributes.size) tags.push("kis-koleksiyonu");
      const lower = id.toLowerCase();
      /** @type {BenchItem} */
      const item = {
        id,
        groupId,
        title,
        url: `/urun/${slugify(title)}-${lower}.html`,
        image: `/img/p/${lower}.jpg`,
        price,
        currency: "TRY",
        availability: outOfStock ? "out_of_stock" : "in_stock",
        brand: t.brand,
        categories: t.categories.tr.slice(),
        attributes: itemAttributes,
        tags,
        createdAt,
        popularity,
        rating: Math.round(stars * 10) / 10,
      };
      if (salePrice !== undefined) item.salePrice = salePrice;
      yield item;
    }
  }
}
