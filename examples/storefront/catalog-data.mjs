// Deterministic catalog generator for the demo shop (the naming tables live in
// catalog-tables.mjs). Every random choice comes from one seeded PRNG consumed in a fixed order, so the
// catalog (and therefore every generated page) is byte-identical on every build.
// Text is kept as [tr, en] pairs so both language catalogs share ids, prices and
// attributes and differ only in wording.

import {
  CATEGORIES_SPEC,
  COLORS,
  MATERIALS,
  MODEL_NAMES,
  SIZES,
  UNTITLED_MATERIALS,
  VISUAL_PALETTE,
} from "./catalog-tables.mjs";

export { COLORS, MATERIALS, SIZES };

const SEED = 20260412;

// mulberry32: tiny, fast and good enough for picking plausible demo data.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded random source: `next()` in [0, 1), `int(min, max)` inclusive, `pick(list)`. */
export function createRandom(seed) {
  const next = mulberry32(seed);
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  return { next, int, pick };
}

/** Top-level categories in display order, for navigation and category pages. */
export const CATEGORIES = CATEGORIES_SPEC.map(({ prefix, slug, name }) => ({
  prefix,
  slug,
  tr: name[0],
  en: name[1],
}));

/** Ends prices the way Turkish shops do: 1.299,90 / 899,99 / 1.250,00. */
function shopPrice(raw, rnd) {
  const step = raw >= 2000 ? 100 : raw >= 500 ? 50 : 10;
  const whole = Math.max(step, Math.round(raw / step) * step);
  const r = rnd.next();
  const price = r < 0.55 ? whole - 0.1 : r < 0.85 ? whole - 0.01 : whole;
  return Math.round(price * 100) / 100;
}

function isoDate(dayOffset) {
  return new Date(Date.UTC(2025, 0, 1) + dayOffset * 86400000).toISOString().slice(0, 10);
}

function pickSizes(kind, rnd) {
  const all = SIZES[kind];
  const len = Math.min(all.length, rnd.int(4, 5));
  const start = rnd.int(0, all.length - len);
  return all.slice(start, start + len);
}

/** Picks distinct colours so every variant of one model really is a different colour. */
function pickColors(colors, count, rnd) {
  const pool = colors.slice();
  const out = [];
  while (out.length < count && pool.length > 0) {
    out.push(pool.splice(Math.floor(rnd.next() * pool.length), 1)[0]);
  }
  return out;
}

function composeTitle(cat, type, parts, lang) {
  const i = lang === "en" ? 1 : 0;
  const feat = parts.feat ? parts.feat[i] : "";
  const showMat = parts.mat && !type.noMaterialInTitle && !UNTITLED_MATERIALS.has(parts.mat);
  const mat = showMat ? MATERIALS[parts.mat][i] : "";
  const noun = type.name[i];
  const words = i === 0 && cat.featureLast ? [mat, noun, feat] : [feat, mat, noun];
  words.push(parts.model ?? "", parts.extra ? parts.extra[i] : "");
  return words.filter((w) => w !== "").join(" ");
}

/**
 * Builds the language-neutral product records that both catalogs are localized from.
 * Each record also carries `icon` and `hex` for the SVG illustrations.
 */
export function generateProducts() {
  const rnd = createRandom(SEED);
  const products = [];
  const seenTitles = new Set();

  for (const cat of CATEGORIES_SPEC) {
    let seq = 0;
    const nextId = () => `${cat.prefix}-${String(++seq).padStart(4, "0")}`;

    for (const type of cat.types) {
      const usedKeys = new Set();
      for (let m = 0; m < type.n; m++) {
        const { model, colors } = pickUniqueModel(cat, type, rnd, usedKeys, seenTitles);
        const price = shopPrice(type.price[0] + rnd.next() * (type.price[1] - type.price[0]), rnd);
        let groupId = null;

        for (const color of colors) {
          const id = nextId();
          groupId ??= id;
          const title = {
            tr: withColor(model.title[0], color, "tr"),
            en: withColor(model.title[1], color, "en"),
          };
          // Last resort only: the picker above normally finds an unused combination.
          if (seenTitles.has(title.tr)) title.tr += ` (${id})`;
          if (seenTitles.has(title.en)) title.en += ` (${id})`;
          seenTitles.add(title.tr);
          seenTitles.add(title.en);
          products.push(buildProduct({ cat, type, model, id, groupId, title, color, price, rnd }));
        }
      }
    }
  }
  return products;
}

function withColor(title, color, lang) {
  return color ? `${title} – ${COLORS[color][lang]}` : title;
}

/**
 * Re-rolls until the model is new within its leaf category and none of its colour titles
 * exists anywhere yet (women's and men's t-shirts share a vocabulary, for example).
 */
function pickUniqueModel(cat, type, rnd, usedKeys, seenTitles) {
  let model;
  let colors;
  for (let attempt = 0; attempt < 24; attempt++) {
    model = buildModel(cat, type, rnd);
    const variantCount = type.variants && type.colors && rnd.next() < 0.13 ? rnd.int(2, 3) : 1;
    colors = type.colors ? pickColors(type.colors, variantCount, rnd) : [null];
    const keyTaken = attempt < 16 && usedKeys.has(model.key);
    const titleTaken = colors.some(
      (c) =>
        seenTitles.has(withColor(model.title[0], c, "tr")) ||
        seenTitles.has(withColor(model.title[1], c, "en")),
    );
    if (!keyTaken && !titleTaken) break;
  }
  usedKeys.add(model.key);
  return { model, colors };
}

function buildModel(cat, type, rnd) {
  if (type.make) return type.make(rnd);
  const parts = {
    feat: type.feats ? rnd.pick(type.feats) : null,
    mat: type.mats ? rnd.pick(type.mats) : null,
    extra: type.extras ? rnd.pick(type.extras) : null,
    model: type.models ? `${rnd.pick(MODEL_NAMES)} ${rnd.int(1, 9) * 100}` : null,
  };
  const title = [composeTitle(cat, type, parts, "tr"), composeTitle(cat, type, parts, "en")];
  return { key: title[0], title, parts, attributes: { ...type.extraAttributes } };
}

function buildProduct({ cat, type, model, id, groupId, title, color, price, rnd }) {
  const onSale = rnd.next() < 0.2;
  let salePrice = onSale ? shopPrice(price * (0.6 + rnd.next() * 0.25), rnd) : null;
  if (salePrice !== null && salePrice >= price) salePrice = null;
  const outOfStock = rnd.next() < 0.07;
  const popularity = Math.floor(2000 * rnd.next() ** 2.2);
  // Mostly 3-5 stars around 4, with the occasional badly reviewed product.
  const stars = rnd.next() < 0.07 ? 1 + rnd.next() * 2 : 3 + rnd.next() + rnd.next();
  const rating = Math.round(stars * 10) / 10;
  const createdAt = isoDate(rnd.int(0, 484));
  const sizes = type.sizes ? pickSizes(type.sizes, rnd) : null;
  const hex = color ? COLORS[color].hex : rnd.pick(VISUAL_PALETTE);
  const brand = rnd.pick(type.brands ?? cat.brands);

  const attributes = {};
  if (color) attributes.color = color;
  if (sizes) attributes.size = sizes;
  if (model.parts?.mat) attributes.material = model.parts.mat;
  attributes.season = type.season ?? "all";
  if (type.gender) attributes.gender = type.gender;
  Object.assign(attributes, model.attributes);

  const effective = salePrice ?? price;
  const tags = [];
  if (createdAt >= "2026-03-01") tags.push("yeni-sezon");
  if (salePrice !== null) tags.push("indirim");
  if (popularity >= 1300) tags.push("cok-satan");
  if (effective >= 750) tags.push("ucretsiz-kargo");
  if (attributes.season === "summer" && type.sizes) tags.push("yaz-koleksiyonu");
  if (attributes.season === "winter" && type.sizes) tags.push("kis-koleksiyonu");

  return {
    id,
    groupId,
    title,
    slug: cat.slug,
    categories: {
      tr: [cat.name[0], ...type.path.map((p) => p[0])],
      en: [cat.name[1], ...type.path.map((p) => p[1])],
    },
    price,
    salePrice,
    availability: outOfStock ? "out_of_stock" : "in_stock",
    brand,
    attributes,
    tags,
    createdAt,
    popularity,
    rating,
    icon: type.icon,
    hex,
  };
}

/** Projects neutral product records onto the public vitrin-catalog item shape. */
export function localizeProducts(products, lang) {
  const en = lang === "en";
  return products.map((p) => {
    const lower = p.id.toLowerCase();
    const item = {
      id: p.id,
      groupId: p.groupId,
      title: en ? p.title.en : p.title.tr,
      url: `${en ? "/en" : ""}/urun/${lower}.html`,
      image: `/img/p/${lower}.svg`,
      price: p.price,
    };
    if (p.salePrice !== null) item.salePrice = p.salePrice;
    item.currency = "TRY";
    item.availability = p.availability;
    item.brand = p.brand;
    item.categories = (en ? p.categories.en : p.categories.tr).slice();
    item.attributes = structuredClone(p.attributes);
    item.tags = p.tags.slice();
    item.createdAt = p.createdAt;
    item.popularity = p.popularity;
    item.rating = p.rating;
    return item;
  });
}

/** The catalog file served to Vitrin: `dist/vitrin/catalog.json` or `catalog.en.json`. */
export function generateCatalog(lang = "tr") {
  const language = lang === "en" ? "en" : "tr";
  return {
    format: "vitrin-catalog",
    version: 1,
    currency: "TRY",
    language,
    items: localizeProducts(generateProducts(), language),
  };
}
