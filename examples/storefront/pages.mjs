// HTML templates for the demo shop. Pages are plain strings with no inline scripts or
// style attributes: the site runs under `script-src 'self'; style-src 'self'`, so page
// data travels in a JSON block (#shop-data) that assets/shop.js reads.

import { CATEGORIES } from "./catalog-data.mjs";
import { esc, jsonForScript } from "./html.mjs";
import {
  attributeLabel,
  attributeValue,
  formatPrice,
  formatRating,
  SHOP_NAME,
  UI,
} from "./i18n.mjs";

const TURKISH_ASCII = { ç: "c", ğ: "g", ı: "i", i: "i", ö: "o", ş: "s", ü: "u" };

/** ASCII slug used for file names and anchors: "Ev & Yaşam" -> "ev-yasam". */
export function slugify(text) {
  return text
    .toLocaleLowerCase("tr-TR")
    .replace(/[çğıöşü]/g, (ch) => TURKISH_ASCII[ch])
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Site paths are written once in their Turkish form; English pages live under /en. */
export function localPath(lang, path) {
  return lang === "en" ? `/en${path}` : path;
}

export const PATHS = {
  home: "/",
  category: (slug) => `/kategori/${slug}.html`,
  product: (id) => `/urun/${id.toLowerCase()}.html`,
  cart: "/sepet.html",
  sale: "/indirim.html",
  checkout: "/odeme.html",
};

const effectivePrice = (item) => item.salePrice ?? item.price;

/** The merchant's files for a language: `catalog.json`, `config.en.json`… */
export const vitrinFile = (name, lang) => `/vitrin/${name}${lang === "en" ? ".en" : ""}.json`;

/**
 * The model file (viewed together, bought together, looked at next), built from a simulated
 * browsing log (browsing-log.mjs). One for both languages: the catalogs share their ids.
 */
export const MODEL_URL = "/vitrin/model.json";

function vitrinEmbed(lang) {
  return `<script async src="/vitrin/vitrin.min.js" data-catalog="${vitrinFile("catalog", lang)}" data-config="${vitrinFile("config", lang)}" data-model="${MODEL_URL}" data-lang="${lang}"></script>`;
}

/**
 * A Vitrin slot as a merchant writes it: a strategy, a heading, and per-device choices
 * (`mobile:carousel desktop:grid`). Vitrin's stylesheet reserves its height from these
 * attributes alone, before any script runs.
 */
function slot(strategy, title, { layout, limit, image, item, id, anchor } = {}) {
  const attrs = [
    anchor ? `id="${anchor}"` : "",
    `data-vitrin-slot="${strategy}"`,
    id ? `data-vitrin-id="${id}"` : "",
    item ? `data-vitrin-item="${esc(item)}"` : "",
    layout ? `data-vitrin-layout="${layout}"` : "",
    limit ? `data-vitrin-limit="${limit}"` : "",
    image ? `data-vitrin-image="${image}"` : "",
    `data-vitrin-title="${esc(title)}"`,
  ];
  return `<div ${attrs.filter(Boolean).join(" ")}></div>`;
}

/** A compact strip of thumbnails on phones, a one-row shelf elsewhere. */
function recentlyViewedSlot(lang) {
  return slot("recently-viewed", UI[lang].recentlyViewed, {
    layout: "mobile:strip tablet:carousel desktop:carousel",
    limit: "mobile:8 tablet:6 desktop:8",
    image: "small",
  });
}

/**
 * What to look at next, from the model's `next` pairs of this visit's items (and the items
 * themselves, when shoppers tend to come back to them). On category pages: a shopper browsing a
 * department picks up where they left off.
 */
function upNextSlot(lang) {
  return slot("up-next", UI[lang].upNext, {
    layout: "mobile:carousel tablet:carousel desktop:carousel",
    limit: "mobile:6 tablet:6 desktop:8",
    image: "medium",
  });
}

/** Picked for this shopper from what they did: empty-handed visitors see what sells. */
function forYouSlot(lang) {
  return slot("for-you", UI[lang].forYou, {
    anchor: "sana-ozel",
    id: "home-for-you",
    layout: "mobile:carousel tablet:grid desktop:grid",
    limit: "mobile:4 tablet:6 desktop:8",
    image: "medium desktop:large",
  });
}

/**
 * Shown to a returning shopper who left items in the cart in an earlier visit: a toast (fixed,
 * so it moves nothing on the page). Not on the cart and checkout pages, which show the cart.
 */
function cartReminder(lang) {
  return `<div data-vitrin-cart-reminder data-vitrin-cart-url="${localPath(lang, PATHS.cart)}" data-vitrin-incentive="${esc(UI[lang].reminderIncentive)}"></div>`;
}

function recommendationsSection(lang, slots) {
  return `<section class="recommendations" aria-label="${esc(UI[lang].recommendations)}">
${slots.join("\n")}
</section>`;
}

const CART_ICON = `<svg class="cart-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" d="M5 8h14l-1.2 11.2a2 2 0 0 1-2 1.8H8.2a2 2 0 0 1-2-1.8Z"/><path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M9 10V6a3 3 0 0 1 6 0v4"/></svg>`;

function header(lang, path, activeSlug) {
  const t = UI[lang];
  const other = lang === "en" ? "tr" : "en";
  const current = `<span class="lang-current" lang="${lang}">${lang.toUpperCase()}</span>`;
  const toggle = `<a class="lang-toggle" href="${localPath(other, path)}" hreflang="${other}" lang="${other}" title="${esc(t.otherLangLabel)}" data-lang-toggle>${other.toUpperCase()}</a>`;
  // TR always first, EN second, whichever one is the current language.
  const langSwitch = lang === "tr" ? current + toggle : toggle + current;
  const categoryLinks =
    CATEGORIES.map((c) => {
      const current = c.slug === activeSlug ? ' aria-current="page"' : "";
      const href = localPath(lang, PATHS.category(c.slug));
      return `<li><a href="${href}"${current}>${esc(c[lang])}</a></li>`;
    }).join("") +
    `<li><a class="nav-sale" href="${localPath(lang, PATHS.sale)}"${activeSlug === "sale" ? ' aria-current="page"' : ""}>${esc(t.saleNav)}</a></li>`;
  return `<a class="skip-link" href="#main">${esc(t.skipLink)}</a>
<header class="site-header">
<div class="container header-bar">
<a class="logo" href="${localPath(lang, PATHS.home)}"><img src="/img/logo.svg" alt="${esc(SHOP_NAME)}" width="190" height="44"></a>
<p class="tagline">${esc(t.tagline)}</p>
<div class="header-actions">
<p class="lang-switch">${langSwitch}</p>
<a class="cart-link" href="${localPath(lang, PATHS.cart)}" aria-label="${esc(t.cartLabel)}">${CART_ICON}<span class="cart-text">${esc(t.cart)}</span><span class="cart-count" data-cart-count hidden>0</span></a>
</div>
</div>
<nav class="category-nav" aria-label="${esc(t.categoriesNav)}"><ul class="container">${categoryLinks}</ul></nav>
</header>`;
}

function footer(lang) {
  const t = UI[lang];
  const links = CATEGORIES.map(
    (c) => `<li><a href="${localPath(lang, PATHS.category(c.slug))}">${esc(c[lang])}</a></li>`,
  ).join("");
  return `<footer class="site-footer">
<div class="container footer-grid">
<div class="footer-about"><img src="/img/logo.svg" alt="${esc(SHOP_NAME)}" width="152" height="35"><p>${esc(t.footerNote)}</p><p>${esc(t.demoNote)}</p></div>
<nav aria-label="${esc(t.categoriesNav)}"><h2>${esc(t.categories)}</h2><ul class="footer-links">${links}</ul></nav>
<div><h2>${esc(SHOP_NAME)}</h2><ul class="footer-links"><li><a href="${localPath(lang, PATHS.cart)}">${esc(t.cartTitle)}</a></li><li><a href="${localPath(lang, PATHS.checkout)}">${esc(t.checkoutTitle)}</a></li></ul><p>${esc(t.shippingNote)}</p></div>
</div>
<p class="container copyright">© 2026 ${esc(SHOP_NAME)}</p>
</footer>`;
}

/**
 * The page shell. `path` is the Turkish path of the page; the header language toggle
 * and the `lang`-specific Vitrin embed are derived from it. The `rel="expect"` link holds
 * the first paint until the header has been parsed: a slow phone would otherwise paint a
 * half-parsed header whose cart link then grows, shifting the right-aligned actions.
 */
function layout({
  lang,
  path,
  title,
  description,
  main,
  shopData,
  jsonLd,
  activeSlug,
  reminder = true,
}) {
  const t = UI[lang];
  const ld = jsonLd ? `<script type="application/ld+json">${jsonForScript(jsonLd)}</script>\n` : "";
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.pageTitle(title))}</title>
<meta name="description" content="${esc(description)}">
<link rel="icon" href="/img/favicon.svg" type="image/svg+xml">
<link rel="alternate" hreflang="${lang === "en" ? "tr" : "en"}" href="${localPath(lang === "en" ? "tr" : "en", path)}">
<link rel="stylesheet" href="/vitrin/vitrin.css">
<link rel="stylesheet" href="/assets/shop.css">
<link rel="expect" href="#main" blocking="render">
<script defer src="/assets/shop.js"></script>
${ld}${vitrinEmbed(lang)}
</head>
<body>
${header(lang, path, activeSlug)}
<main id="main" class="container site-main">
${main}
</main>
${footer(lang)}
${reminder ? `${cartReminder(lang)}\n` : ""}<script type="application/json" id="shop-data">${jsonForScript({ lang, currency: "TRY", ...shopData })}</script>
</body>
</html>
`;
}

function discountPercent(item) {
  return Math.round((1 - item.salePrice / item.price) * 100);
}

function discountLabel(item, lang) {
  const pct = discountPercent(item);
  return lang === "en" ? `${pct}% off` : `%${pct} indirim`;
}

function priceBlock(item, lang, { className = "price", badge = true } = {}) {
  if (item.salePrice === undefined) {
    return `<p class="${className}"><span class="price-now">${esc(formatPrice(item.price, lang))}</span></p>`;
  }
  const old = esc(formatPrice(item.price, lang));
  const saleBadge = badge
    ? ` <span class="badge badge-sale">${esc(discountLabel(item, lang))}</span>`
    : "";
  return `<p class="${className} on-sale"><span class="price-now">${esc(formatPrice(item.salePrice, lang))}</span> <s class="price-old">${old}</s>${saleBadge}</p>`;
}

function stars(rating) {
  const full = Math.round(rating);
  return "★".repeat(full) + "☆".repeat(5 - full);
}

function ratingBlock(item, lang) {
  const value = formatRating(item.rating, lang);
  return `<p class="rating" aria-label="${esc(UI[lang].rating(value))}"><span class="stars" aria-hidden="true">${stars(item.rating)}</span> <span class="rating-value">${esc(value)}</span></p>`;
}

export function productCard(item, lang, { eager = false } = {}) {
  const t = UI[lang];
  const oos = item.availability === "out_of_stock";
  const flags = [
    item.salePrice !== undefined
      ? `<span class="badge badge-sale">${esc(discountLabel(item, lang))}</span>`
      : "",
    oos ? `<span class="badge badge-muted">${esc(t.outOfStock)}</span>` : "",
  ].join("");
  return `<li class="product-card${oos ? " is-out-of-stock" : ""}" data-item-id="${esc(item.id)}">
<a class="card-link" href="${esc(item.url)}">
<span class="card-media"><img src="${esc(item.image)}" alt="" width="300" height="300"${eager ? "" : ' loading="lazy"'}>${flags ? `<span class="card-flags">${flags}</span>` : ""}</span>
<span class="card-brand">${esc(item.brand)}</span>
<span class="card-title">${esc(item.title)}</span>
</a>
${ratingBlock(item, lang)}
${priceBlock(item, lang, { className: "price card-price", badge: false })}
</li>`;
}

function productGrid(items, lang, options) {
  return `<ul class="product-grid">\n${items.map((item) => productCard(item, lang, options)).join("\n")}\n</ul>`;
}

/** GA4-style list item as pushed by shop.js in view_item_list. */
function listItem(item, index) {
  return {
    item_id: item.id,
    item_name: item.title,
    item_brand: item.brand,
    item_category: item.categories[0],
    price: effectivePrice(item),
    index,
  };
}

// ---------------------------------------------------------------------------

export function homePage({ lang, items, trById }) {
  const t = UI[lang];
  const inStock = items.filter((i) => i.availability === "in_stock");
  const byPopularity = inStock.toSorted((a, b) => b.popularity - a.popularity);
  const bestsellers = byPopularity.slice(0, 10);
  const newest = inStock
    .toSorted((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
    .slice(0, 10);
  // The most popular dress, shirt and swimsuit: the summer collection the hero advertises.
  const heroItems = ["Elbise", "Gömlek", "Mayo & Bikini"]
    .map((leaf) => byPopularity.find((i) => trById.get(i.id).categories[2] === leaf))
    .filter((item) => item !== undefined);

  const tiles = CATEGORIES.map((c) => {
    const inCategory = items.filter((i) => i.id.startsWith(c.prefix));
    const cover = inCategory.toSorted((a, b) => b.popularity - a.popularity)[0];
    return `<li><a class="category-tile" href="${localPath(lang, PATHS.category(c.slug))}"><img src="${esc(cover.image)}" alt="" width="300" height="300" loading="lazy"><span class="tile-name">${esc(c[lang])}</span><span class="tile-count">${esc(t.itemCount(inCategory.length))}</span></a></li>`;
  }).join("\n");

  // The hero has variants: Vitrin swaps in the first <template> whose condition matches this
  // shopper (their persona, a segment), else keeps the default. Same shape, same box: no shift.
  const heroText = (
    { kicker, title, text, actions },
    attrs = "",
  ) => `<div class="hero-text"${attrs}>
<p class="kicker">${esc(kicker)}</p>
<h1>${esc(title)}</h1>
<p>${esc(text)}</p>
<p class="hero-actions">${actions}</p>
</div>`;
  const button = (href, text, kind = "primary") =>
    `<a class="btn btn-${kind} btn-lg" href="${href}">${esc(text)}</a>`;
  const main = `<section class="hero" data-vitrin-content>
${heroText(
  {
    kicker: t.heroKicker,
    title: t.heroTitle,
    text: t.heroText,
    actions: `${button(localPath(lang, PATHS.category("giyim")), t.heroCta)} ${button(localPath(lang, PATHS.category("kitap")), t.heroCta2, "secondary")}`,
  },
  " data-vitrin-default",
)}
<template data-vitrin-variant="persona:bargain-hunter">
${heroText({
  ...t.heroDeals,
  actions: `${button(localPath(lang, PATHS.sale), t.heroDeals.cta)} ${button(localPath(lang, PATHS.category("giyim")), t.heroCta, "secondary")}`,
})}
</template>
<template data-vitrin-variant="segment:returning">
${heroText({
  ...t.heroReturning,
  actions: `${button("#sana-ozel", t.heroReturning.cta)} ${button(localPath(lang, PATHS.sale), t.heroDeals.cta, "secondary")}`,
})}
</template>
<div class="hero-collage" aria-hidden="true">${heroItems.map((i) => `<img src="${esc(i.image)}" alt="" width="300" height="300">`).join("")}</div>
</section>
<div class="offer-banner" data-vitrin-offer-slot></div>
<section class="home-section" aria-labelledby="h-categories">
<h2 id="h-categories">${esc(t.categories)}</h2>
<ul class="category-tiles">
${tiles}
</ul>
</section>
<section class="home-section" aria-labelledby="h-bestsellers">
<h2 id="h-bestsellers">${esc(t.featured)}</h2>
${productGrid(bestsellers, lang, { eager: true })}
</section>
<section class="home-section" aria-labelledby="h-new">
<h2 id="h-new">${esc(t.newArrivals)}</h2>
${productGrid(newest, lang)}
</section>
${recommendationsSection(lang, [forYouSlot(lang), recentlyViewedSlot(lang)])}`;

  return layout({
    lang,
    path: PATHS.home,
    title: t.heroTitle,
    description: t.tagline,
    main,
    shopData: {
      page: "home",
      list: {
        item_list_id: "home-bestsellers",
        item_list_name: t.featured,
        items: bestsellers.map(listItem),
      },
    },
  });
}

/**
 * The shop's Vitrin config file (`data-config`): its offers, targeted by persona and by new or
 * returning visitor (Vitrin shows the first that applies in the banner slot, so the most
 * specific comes first), and the categories shoppers buy again and again, whose items stay in
 * recommendations after a purchase.
 */
export function vitrinConfig(lang) {
  const both = (key) => ({ tr: UI.tr.offers[key], en: UI.en.offers[key] });
  return {
    relevance: { repeatable: lang === "en" ? ["Beauty", "Books"] : ["Kozmetik", "Kitap"] },
    offers: [
      {
        id: "firsat-kargo",
        kind: "banner",
        persona: "bargain-hunter",
        text: both("deals"),
        code: "FIRSATKARGO",
        link: localPath(lang, PATHS.sale),
        cta: both("dealsCta"),
      },
      {
        id: "tekrar-hosgeldin",
        kind: "banner",
        visitor: "returning",
        text: both("returning"),
        code: "TEKRAR5",
        perSession: 20,
      },
      {
        id: "hosgeldin",
        kind: "banner",
        visitor: "new",
        text: both("welcome"),
        code: "HOSGELDIN10",
      },
    ],
  };
}

/** Anchor of a second-level category; always from the Turkish name so both languages match. */
function subcategoryAnchor(trItem) {
  return `c-${slugify(trItem.categories[1] ?? trItem.categories[0])}`;
}

export function categoryPage({ lang, category, items, trById }) {
  const t = UI[lang];
  const name = category[lang];
  // Group by the second category level so the page reads like a real department page.
  const groups = new Map();
  for (const item of items) {
    const anchor = subcategoryAnchor(trById.get(item.id));
    if (!groups.has(anchor))
      groups.set(anchor, { anchor, sub: item.categories[1] ?? name, list: [] });
    groups.get(anchor).list.push(item);
  }
  const sections = [...groups.values()];

  const chips = sections
    .map(
      (s) =>
        `<li><a class="chip" href="#${s.anchor}">${esc(s.sub)} <span class="chip-count">${s.list.length}</span></a></li>`,
    )
    .join("");

  const body = sections
    .map(
      (s) => `<section class="subcategory" id="${s.anchor}" aria-labelledby="${s.anchor}-h">
<h2 id="${s.anchor}-h">${esc(s.sub)}</h2>
${productGrid(s.list, lang)}
</section>`,
    )
    .join("\n");

  const ordered = sections.flatMap((s) => s.list);
  const main = `${breadcrumbs(lang, [[t.home, localPath(lang, PATHS.home)], [name]])}
<header class="page-header">
<h1>${esc(name)}</h1>
<p class="muted">${esc(t.itemCount(items.length))}</p>
</header>
<ul class="chips">${chips}</ul>
${body}
${recommendationsSection(lang, [upNextSlot(lang), recentlyViewedSlot(lang)])}`;

  return layout({
    lang,
    path: PATHS.category(category.slug),
    title: name,
    description: t.categoryDescription(name, items.length),
    main,
    activeSlug: category.slug,
    shopData: {
      page: "category",
      list: {
        item_list_id: category.slug,
        item_list_name: name,
        items: ordered.map(listItem),
      },
    },
  });
}

/** Every discounted item, biggest discount first: where the bargain hunter's hero leads. */
export function salePage({ lang, items }) {
  const t = UI[lang];
  const onSale = items
    .filter((item) => item.salePrice !== undefined)
    .toSorted((a, b) => discountPercent(b) - discountPercent(a) || a.id.localeCompare(b.id));
  const main = `${breadcrumbs(lang, [[t.home, localPath(lang, PATHS.home)], [t.saleTitle]])}
<header class="page-header">
<h1>${esc(t.saleTitle)}</h1>
<p class="muted">${esc(t.saleDescription(onSale.length))}</p>
</header>
${productGrid(onSale, lang)}
${recommendationsSection(lang, [recentlyViewedSlot(lang)])}`;

  return layout({
    lang,
    path: PATHS.sale,
    title: t.saleTitle,
    description: t.saleDescription(onSale.length),
    main,
    activeSlug: "sale",
    shopData: {
      page: "category",
      list: { item_list_id: "indirim", item_list_name: t.saleTitle, items: onSale.map(listItem) },
    },
  });
}

function breadcrumbs(lang, crumbs) {
  const label = lang === "en" ? "Breadcrumb" : "Sayfa konumu";
  const items = crumbs
    .map(([text, href], i) => {
      if (i === crumbs.length - 1) return `<li aria-current="page">${esc(text)}</li>`;
      return href ? `<li><a href="${href}">${esc(text)}</a></li>` : `<li>${esc(text)}</li>`;
    })
    .join("");
  return `<nav class="breadcrumbs" aria-label="${label}"><ol>${items}</ol></nav>`;
}

export function productPage({ lang, item, trItem, category, variants }) {
  const t = UI[lang];
  const oos = item.availability === "out_of_stock";
  const categoryHref = localPath(lang, PATHS.category(category.slug));
  const crumbs = [
    [t.home, localPath(lang, PATHS.home)],
    [item.categories[0], categoryHref],
  ];
  if (item.categories[1]) {
    crumbs.push([item.categories[1], `${categoryHref}#${subcategoryAnchor(trItem)}`]);
  }
  if (item.categories[2]) crumbs.push([item.categories[2]]);
  crumbs.push([item.title]);

  const attributeRows = Object.entries(item.attributes)
    .map(([key, value]) => {
      const shown = Array.isArray(value)
        ? `<span class="size-list">${value.map((v) => `<span class="size">${esc(attributeValue(key, v, lang))}</span>`).join("")}</span>`
        : esc(attributeValue(key, value, lang));
      return `<div><dt>${esc(attributeLabel(key, lang))}</dt><dd>${shown}</dd></div>`;
    })
    .join("");

  const variantLinks =
    variants.length > 1
      ? `<div class="variants"><h2>${esc(t.otherColors)}</h2><ul class="variant-list">${variants
          .map((v) => {
            const colour = attributeValue("color", v.attributes.color, lang);
            const current = v.id === item.id ? ' aria-current="true"' : "";
            return `<li><a href="${esc(v.url)}"${current} title="${esc(colour)}"><img src="${esc(v.image)}" alt="${esc(colour)}" width="64" height="64"></a></li>`;
          })
          .join("")}</ul></div>`
      : "";

  const price = effectivePrice(item);
  const main = `${breadcrumbs(lang, crumbs)}
<article class="product" data-item-id="${esc(item.id)}">
<div class="product-media"><img src="${esc(item.image)}" alt="${esc(item.title)}" width="300" height="300"></div>
<div class="product-info">
<p class="product-brand">${esc(item.brand)}</p>
<h1 class="product-title">${esc(item.title)}</h1>
${ratingBlock(item, lang)}
${priceBlock(item, lang, { className: "price product-price" })}
<p class="availability ${oos ? "is-out" : "is-in"}">${esc(oos ? t.outOfStock : t.inStock)}</p>
<p class="buy"><button type="button" class="btn btn-primary btn-lg add-to-cart" data-add-to-cart${oos ? " disabled" : ""}>${esc(t.addToCart)}</button></p>
<p class="cart-feedback" role="status" data-cart-feedback></p>
<p class="shipping-note">${esc(t.shippingNote)}</p>
${variantLinks}
<h2>${esc(t.details)}</h2>
<dl class="attributes"><div><dt>${esc(t.brand)}</dt><dd>${esc(item.brand)}</dd></div><div><dt>${esc(t.sku)}</dt><dd>${esc(item.id)}</dd></div>${attributeRows}</dl>
<p class="description">${esc(t.description(item.brand))}</p>
</div>
</article>
${recommendationsSection(lang, [
  slot("similar", t.similar, {
    item: item.id,
    layout: "mobile:carousel tablet:grid desktop:grid",
    limit: "mobile:6 tablet:6 desktop:8",
    image: "medium desktop:large",
  }),
  slot("viewed-together", t.viewedTogether, {
    item: item.id,
    layout: "mobile:strip tablet:carousel desktop:carousel",
    limit: "mobile:8 tablet:6 desktop:8",
    image: "small",
  }),
  recentlyViewedSlot(lang),
])}`;

  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: item.title,
    sku: item.id,
    brand: { "@type": "Brand", name: item.brand },
    image: item.image,
    category: item.categories.join(" > "),
    offers: {
      "@type": "Offer",
      price,
      priceCurrency: "TRY",
      availability: oos ? "https://schema.org/OutOfStock" : "https://schema.org/InStock",
      url: item.url,
    },
  };

  const shopItem = {
    item_id: item.id,
    item_name: item.title,
    item_brand: item.brand,
    item_category: item.categories[0],
  };
  if (item.categories[1]) shopItem.item_category2 = item.categories[1];
  if (item.categories[2]) shopItem.item_category3 = item.categories[2];
  Object.assign(shopItem, { price, url: item.url, image: item.image, in_stock: !oos });

  return layout({
    lang,
    path: PATHS.product(item.id),
    title: item.title,
    description: `${item.brand} – ${item.title}. ${t.shippingNote}`,
    main,
    jsonLd,
    activeSlug: category.slug,
    shopData: { page: "product", item: shopItem },
  });
}

export function cartPage({ lang }) {
  const t = UI[lang];
  const main = `<header class="page-header"><h1>${esc(t.cartTitle)}</h1></header>
<div class="cart-layout" data-cart>
<div class="cart-main">
<ul class="cart-lines" data-cart-lines></ul>
<div class="cart-empty" data-cart-empty hidden><p>${esc(t.cartEmpty)}</p><p><a class="btn btn-secondary" href="${localPath(lang, PATHS.home)}">${esc(t.continueShopping)}</a></p></div>
</div>
<aside class="cart-summary" data-cart-summary>
<dl class="totals">
<div><dt>${esc(t.subtotal)}</dt><dd data-cart-subtotal>${esc(formatPrice(0, lang))}</dd></div>
<div><dt>${esc(t.shipping)}</dt><dd data-cart-shipping>${esc(t.shippingFree)}</dd></div>
<div class="grand-total"><dt>${esc(t.total)}</dt><dd data-cart-total>${esc(formatPrice(0, lang))}</dd></div>
</dl>
<p><a class="btn btn-primary btn-lg btn-block" href="${localPath(lang, PATHS.checkout)}" data-checkout-link>${esc(t.toCheckout)}</a></p>
<p class="muted small">${esc(t.shippingNote)}</p>
</aside>
</div>
${recommendationsSection(lang, [
  slot("cart-cross-sell", t.cartCrossSell, {
    layout: "mobile:carousel tablet:grid desktop:grid",
    limit: "mobile:6 tablet:3 desktop:4",
  }),
  recentlyViewedSlot(lang),
])}`;

  return layout({
    lang,
    path: PATHS.cart,
    title: t.cartTitle,
    description: t.cartTitle,
    main,
    shopData: { page: "cart" },
    reminder: false,
  });
}

function field(id, label, input) {
  return `<p class="field"><label for="${id}">${label}</label>${input}</p>`;
}

export function checkoutPage({ lang }) {
  const t = UI[lang];
  const en = lang === "en";
  const main = `<header class="page-header"><h1>${esc(t.checkoutTitle)}</h1><p class="demo-note">${esc(t.demoNote)}</p></header>
<div class="checkout-layout" data-checkout>
<form class="checkout-form" data-checkout-form action="${localPath(lang, PATHS.checkout)}" method="post">
<fieldset>
<legend>${esc(t.contact)}</legend>
${field("co-name", esc(t.fullName), `<input id="co-name" name="name" autocomplete="name" required value="${en ? "Ayse Yilmaz" : "Ayşe Yılmaz"}">`)}
${field("co-email", esc(t.email), '<input id="co-email" name="email" type="email" autocomplete="email" required value="ayse@example.test">')}
${field("co-phone", esc(t.phone), '<input id="co-phone" name="phone" type="tel" autocomplete="tel" required value="0532 000 00 00">')}
</fieldset>
<fieldset>
<legend>${esc(t.address)}</legend>
${field("co-street", esc(t.street), '<input id="co-street" name="street" autocomplete="street-address" required value="Kordon Cd. No: 12 D: 3">')}
<div class="field-row">
${field("co-city", esc(t.city), '<input id="co-city" name="city" autocomplete="address-level1" required value="İzmir">')}
${field("co-district", esc(t.district), '<input id="co-district" name="district" autocomplete="address-level2" required value="Alsancak">')}
</div>
</fieldset>
<fieldset>
<legend>${esc(t.payment)}</legend>
<p class="radio"><input type="radio" id="co-pay-cod" name="payment" value="cod" checked> <label for="co-pay-cod">${esc(t.payOnDelivery)}</label></p>
<p class="radio"><input type="radio" id="co-pay-eft" name="payment" value="transfer"> <label for="co-pay-eft">${esc(t.payTransfer)}</label></p>
</fieldset>
<p><button type="submit" class="btn btn-primary btn-lg btn-block" data-place-order>${esc(t.placeOrder)}</button></p>
</form>
<aside class="order-summary">
<h2>${esc(t.orderSummary)}</h2>
<ul class="summary-lines" data-summary-lines></ul>
<dl class="totals">
<div><dt>${esc(t.subtotal)}</dt><dd data-cart-subtotal>${esc(formatPrice(0, lang))}</dd></div>
<div><dt>${esc(t.shipping)}</dt><dd data-cart-shipping>${esc(t.shippingFree)}</dd></div>
<div class="grand-total"><dt>${esc(t.total)}</dt><dd data-cart-total>${esc(formatPrice(0, lang))}</dd></div>
</dl>
</aside>
</div>
<div class="notice" data-checkout-empty hidden><p>${esc(t.checkoutEmpty)}</p><p><a class="btn btn-secondary" href="${localPath(lang, PATHS.home)}">${esc(t.continueShopping)}</a></p></div>
<section class="thank-you" data-thank-you hidden tabindex="-1" aria-labelledby="thank-you-h">
<h2 id="thank-you-h">${esc(t.thankYouTitle)}</h2>
<p>${esc(t.thankYouText)}</p>
<p class="order-id" data-order-id></p>
<p><a class="btn btn-primary" href="${localPath(lang, PATHS.home)}">${esc(t.continueShopping)}</a></p>
</section>`;

  return layout({
    lang,
    path: PATHS.checkout,
    title: t.checkoutTitle,
    description: t.checkoutTitle,
    main,
    shopData: { page: "checkout" },
    reminder: false,
  });
}
