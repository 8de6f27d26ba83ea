// The framework-free half of the two single-page shops: products and routes, a tiny history
// router, the cart and the GA4 data layer pushes. The Preact and React apps only render.
// Routes are the storefront's own paths under the app's base (`/urun/gym-0001.html` is
// `/react-app/urun/gym-0001.html`), so the catalog's product URLs map onto the apps one to one.

import {
  categories,
  products,
  type ShopCategory,
  type ShopProduct,
  shopName,
  ui,
} from "virtual:mavi-carsi";

export { categories, products, type ShopCategory, type ShopProduct, shopName, ui };

const byId = new Map(products.map((product) => [product.id, product]));
const bySlug = new Map(categories.map((category) => [category.slug, category]));

/** What a path shows. */
export type Route =
  | { page: "home" }
  | { page: "category"; category: ShopCategory; items: ShopProduct[] }
  | { page: "product"; product: ShopProduct; category: ShopCategory }
  | { page: "sale"; items: ShopProduct[] }
  | { page: "cart" }
  | { page: "not-found" };

/** The storefront's paths (relative to an app's base). */
export const PATHS = {
  home: "/",
  category: (slug: string) => `/kategori/${slug}.html`,
  product: (id: string) => `/urun/${id.toLowerCase()}.html`,
  cart: "/sepet.html",
  sale: "/indirim.html",
} as const;

const categoryOf = (product: ShopProduct) =>
  categories.find((category) => product.id.startsWith(`${category.prefix}-`));

/** The route at `path` (without the app's base). */
export function routeOf(path: string): Route {
  if (path === PATHS.home || path === "/index.html") return { page: "home" };
  if (path === PATHS.cart) return { page: "cart" };
  if (path === PATHS.sale) {
    const items = products
      .filter((p) => p.salePrice !== undefined)
      .toSorted((a, b) => discount(b) - discount(a) || a.id.localeCompare(b.id));
    return { page: "sale", items };
  }
  const category = /^\/kategori\/([a-z0-9-]+)\.html$/.exec(path);
  const found = category?.[1] ? bySlug.get(category[1]) : undefined;
  if (found) {
    const items = products.filter((p) => p.id.startsWith(`${found.prefix}-`));
    return { page: "category", category: found, items };
  }
  const product = /^\/urun\/([a-z0-9-]+)\.html$/.exec(path);
  const item = product?.[1] ? byId.get(product[1].toUpperCase()) : undefined;
  const itemCategory = item ? categoryOf(item) : undefined;
  if (item && itemCategory) return { page: "product", product: item, category: itemCategory };
  return { page: "not-found" };
}

/** Every path an app can prerender: home, cart, sale, each category and each product. */
export function allPaths(): string[] {
  return [
    PATHS.home,
    PATHS.cart,
    PATHS.sale,
    ...categories.map((c) => PATHS.category(c.slug)),
    ...products.map((p) => PATHS.product(p.id)),
  ];
}

/** The document title of a route, as the storefront writes it. */
export function titleOf(route: Route): string {
  const name =
    route.page === "home"
      ? ui.heroTitle
      : route.page === "category"
        ? route.category.name
        : route.page === "product"
          ? route.product.title
          : route.page === "sale"
            ? ui.saleTitle
            : route.page === "cart"
              ? ui.cartTitle
              : "404";
  return `${name} | ${shopName}`;
}

export const effectivePrice = (item: ShopProduct) => item.salePrice ?? item.price;

/** Percent off, rounded, as the storefront's badges show it. */
export const discount = (item: ShopProduct) =>
  item.salePrice === undefined ? 0 : Math.round((1 - item.salePrice / item.price) * 100);

const money = new Intl.NumberFormat("tr-TR", { style: "currency", currency: "TRY" });
const ratingFormat = new Intl.NumberFormat("tr-TR", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** `₺1.299,90`, the storefront's price format. */
export const formatPrice = (value: number) => money.format(value);
export const formatRating = (value: number) => ratingFormat.format(value);
export const stars = (rating: number) =>
  "★".repeat(Math.round(rating)) + "☆".repeat(5 - Math.round(rating));

const byPopularity = products
  .filter((p) => p.availability === "in_stock")
  .toSorted((a, b) => b.popularity - a.popularity);

/** The home page's best sellers: the ten most popular in-stock products. */
export const bestsellers = byPopularity.slice(0, 10);

/** The hero's pictures: the most popular dress, shirt and swimsuit, as on the storefront. */
export const heroItems = ["Elbise", "Gömlek", "Mayo & Bikini"].flatMap((leaf) => {
  const item = byPopularity.find((p) => p.categories[2] === leaf);
  return item ? [item] : [];
});

// ------------------------------------------------------------------------------ router

/**
 * The app's location as a path without the base, from a full URL path (`/react-app/sepet.html`
 * → `/sepet.html`); undefined for a path outside the app that is not a catalog product or
 * category URL. Those two are the storefront's canonical URLs, which Vitrin's cards link to
 * (they come from the shared catalog), so the app opens them in itself.
 */
export function appPath(base: string, pathname: string): string | undefined {
  if (pathname === base || pathname === `${base}/`) return PATHS.home;
  if (pathname.startsWith(`${base}/`)) return pathname.slice(base.length);
  if (/^\/(urun|kategori)\/[a-z0-9-]+\.html$/.test(pathname)) return pathname;
  return undefined;
}

/** A router over `history`: the current path, changes to it, and navigation. */
export interface Router {
  /** The current path without the base. */
  path(): string;
  /** Calls `listener` after every route change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Goes to `path` (without the base) with `history.pushState`. */
  navigate(path: string): void;
  /** The URL path of an app path. */
  href(path: string): string;
}

/**
 * A client-side router: `history.pushState` for links inside the app (clicks on same-origin
 * links are intercepted), `popstate` for back and forward. Vitrin's tracker sees every one of
 * these route changes by itself (Navigation API, else wrapped `pushState`), so the app does
 * not report page views. On the server (prerendering) it stays at `serverPath`.
 */
export function createRouter(base: string, serverPath: string = PATHS.home): Router {
  const listeners = new Set<() => void>();
  const inBrowser = typeof window !== "undefined";
  const current = () => (inBrowser ? (appPath(base, location.pathname) ?? PATHS.home) : serverPath);
  let path = current();
  const changed = () => {
    path = current();
    for (const listener of listeners) listener();
  };
  const href = (to: string) => (to === PATHS.home ? `${base}/` : `${base}${to}`);
  const navigate = (to: string) => {
    const url = href(to);
    if (url !== location.pathname) history.pushState(null, "", url);
    scrollTo(0, 0);
    changed();
  };
  if (inBrowser) {
    addEventListener("popstate", changed);
    document.addEventListener("click", (event) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self")) return;
      if (link.origin !== location.origin || link.hasAttribute("download")) return;
      // A link to a part of the current page (`#sana-ozel`) stays the browser's.
      if (link.pathname === location.pathname && link.hash) return;
      const to = appPath(base, link.pathname);
      if (to === undefined) return;
      event.preventDefault();
      navigate(to);
    });
  }
  return {
    path: () => path,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    navigate,
    href,
  };
}

// ------------------------------------------------------------------ data layer and cart

type DataLayer = { push(...entries: unknown[]): number };

/**
 * A GA4 ecommerce push, exactly as the storefront's shop.js makes it (clearing the previous
 * `ecommerce` first). Vitrin follows `window.dataLayer`, including pushes made before it
 * started, so the app needs no Vitrin-specific tracking code.
 */
export function pushEcommerce(event: string, ecommerce: Record<string, unknown>): void {
  const w = window as unknown as { dataLayer?: DataLayer };
  w.dataLayer ??= [] as unknown as DataLayer;
  w.dataLayer.push({ ecommerce: null });
  w.dataLayer.push({ event, ecommerce });
}

/** The GA4 item of a product. */
export function ga4Item(product: ShopProduct, quantity = 1): Record<string, unknown> {
  const [item_category, item_category2, item_category3] = product.categories;
  return {
    item_id: product.id,
    item_name: product.title,
    item_brand: product.brand,
    item_category,
    ...(item_category2 ? { item_category2 } : {}),
    ...(item_category3 ? { item_category3 } : {}),
    price: effectivePrice(product),
    quantity,
  };
}

/** A product page was shown: GA4 `view_item`. */
export function trackProductView(product: ShopProduct): void {
  pushEcommerce("view_item", {
    currency: "TRY",
    value: effectivePrice(product),
    items: [ga4Item(product)],
  });
}

/** A cart line, in the storefront's shape, so the apps and the storefront share one cart. */
export interface CartLine {
  item_id: string;
  item_name: string;
  price: number;
  quantity: number;
  url: string;
  image: string;
}

const CART_KEY = "shop-cart";
const cartListeners = new Set<() => void>();
const EMPTY: CartLine[] = [];
let cartCache: CartLine[] | undefined;

const isLine = (line: unknown): line is CartLine => {
  const l = line as Partial<CartLine> | null;
  return (
    typeof l === "object" &&
    l !== null &&
    typeof l.item_id === "string" &&
    typeof l.price === "number" &&
    Number.isInteger(l.quantity) &&
    (l.quantity ?? 0) > 0
  );
};

/** The cart (the same `shop-cart` localStorage entry the storefront uses); [] on the server. */
export function readCart(): CartLine[] {
  if (typeof localStorage === "undefined") return EMPTY;
  if (cartCache) return cartCache;
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(CART_KEY) ?? "[]");
    cartCache = Array.isArray(parsed) ? parsed.filter(isLine) : [];
  } catch {
    cartCache = [];
  }
  return cartCache;
}

/** The empty cart of the server render (and of hydration, which must match it). */
export const serverCart = (): CartLine[] => EMPTY;

/** Calls `listener` when the cart changes (here or in another tab). */
export function subscribeCart(listener: () => void): () => void {
  cartListeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== CART_KEY) return;
    cartCache = undefined;
    listener();
  };
  addEventListener("storage", onStorage);
  return () => {
    cartListeners.delete(listener);
    removeEventListener("storage", onStorage);
  };
}

/** Adds one of `product` to the cart and pushes GA4 `add_to_cart`, as shop.js does. */
export function addToCart(product: ShopProduct): void {
  const cart = readCart().map((line) => ({ ...line }));
  const line = cart.find((l) => l.item_id === product.id);
  if (line) line.quantity += 1;
  else
    cart.push({
      item_id: product.id,
      item_name: product.title,
      price: effectivePrice(product),
      quantity: 1,
      url: product.url,
      image: product.image,
    });
  try {
    localStorage.setItem(CART_KEY, JSON.stringify(cart));
  } catch {
    // Private mode or full storage: the cart lives for this page only.
  }
  cartCache = cart;
  for (const listener of cartListeners) listener();
  pushEcommerce("add_to_cart", {
    currency: "TRY",
    value: effectivePrice(product),
    items: [ga4Item(product)],
  });
}

export const cartCount = (cart: readonly CartLine[]) =>
  cart.reduce((sum, line) => sum + line.quantity, 0);
export const cartTotal = (cart: readonly CartLine[]) =>
  Math.round(cart.reduce((sum, line) => sum + line.price * line.quantity, 0) * 100) / 100;
