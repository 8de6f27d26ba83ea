// "Mavi Çarşı" as a Preact single-page app: the storefront's pages, rendered on the client,
// with Vitrin's components from @vitrin/widgets in the same places as the storefront's slots.

import { CartReminder, RecommendationSlot, Variant, VitrinProvider } from "@vitrin/widgets";
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import {
  addToCart,
  bestsellers,
  type CartLine,
  cartCount,
  cartTotal,
  categories,
  discount,
  effectivePrice,
  formatPrice,
  formatRating,
  heroItems,
  PATHS,
  type Route,
  type Router,
  readCart,
  routeOf,
  type ShopProduct,
  shopName,
  stars,
  subscribeCart,
  titleOf,
  trackProductView,
  ui,
} from "../../shared/shop.js";

/** Where the app is served; its routes are the storefront's paths under it. */
export const BASE = "/preact-app";

/** The current path, re-rendering on every route change. */
function usePath(router: Router): string {
  const [path, setPath] = useState(router.path());
  useEffect(() => router.subscribe(() => setPath(router.path())), [router]);
  return path;
}

function useCart(): CartLine[] {
  const [cart, setCart] = useState(readCart());
  useEffect(() => subscribeCart(() => setCart(readCart())), []);
  return cart;
}

/** The whole shop: Vitrin for every page, then the page of the current route. */
export function App({ router }: { router: Router }) {
  const path = usePath(router);
  const route = routeOf(path);
  useEffect(() => {
    document.title = titleOf(routeOf(path));
  }, [path]);
  const href = router.href;
  return (
    <VitrinProvider options={{ catalog: "/vitrin/catalog.json" }} lang="tr">
      <a class="skip-link" href="#main">
        {ui.skipLink}
      </a>
      <Header href={href} />
      <main id="main" class="container site-main">
        <Page key={path} route={route} href={href} />
      </main>
      <footer class="site-footer">
        <p class="container copyright">© 2026 {shopName}</p>
      </footer>
      {route.page === "cart" ? null : (
        <CartReminder cartUrl={href(PATHS.cart)} incentive={ui.reminderIncentive} />
      )}
    </VitrinProvider>
  );
}

type Href = (path: string) => string;

function Header({ href }: { href: Href }) {
  const count = cartCount(useCart());
  return (
    <header class="site-header">
      <div class="container header-bar">
        <a class="logo" href={href(PATHS.home)}>
          <img src="/img/logo.svg" alt={shopName} width={190} height={44} />
        </a>
        <p class="tagline">{ui.tagline}</p>
        <div class="header-actions">
          <a class="cart-link" href={href(PATHS.cart)} aria-label={ui.cartLabel}>
            <span class="cart-text">{ui.cart}</span>
            <span class="cart-count" hidden={count === 0}>
              {count}
            </span>
          </a>
        </div>
      </div>
      <nav class="category-nav" aria-label={ui.categoriesNav}>
        <ul class="container">
          {categories.map((c) => (
            <li key={c.slug}>
              <a href={href(PATHS.category(c.slug))}>{c.name}</a>
            </li>
          ))}
          <li>
            <a class="nav-sale" href={href(PATHS.sale)}>
              {ui.saleNav}
            </a>
          </li>
        </ul>
      </nav>
    </header>
  );
}

function Page({ route, href }: { route: Route; href: Href }) {
  switch (route.page) {
    case "home":
      return <Home href={href} />;
    case "category":
      return (
        <>
          <Breadcrumbs crumbs={[[ui.home, href(PATHS.home)], [route.category.name]]} />
          <header class="page-header">
            <h1>{route.category.name}</h1>
            <p class="muted">{route.items.length} ürün</p>
          </header>
          <ProductGrid items={route.items} href={href} />
          <Recommendations>
            <RecentlyViewed />
          </Recommendations>
        </>
      );
    case "product":
      return (
        <ProductPage
          product={route.product}
          categoryName={route.category.name}
          categoryHref={href(PATHS.category(route.category.slug))}
          href={href}
        />
      );
    case "sale":
      return (
        <>
          <Breadcrumbs crumbs={[[ui.home, href(PATHS.home)], [ui.saleTitle]]} />
          <header class="page-header">
            <h1>{ui.saleTitle}</h1>
          </header>
          <ProductGrid items={route.items} href={href} />
          <Recommendations>
            <RecentlyViewed />
          </Recommendations>
        </>
      );
    case "cart":
      return <CartPage href={href} />;
    default:
      return (
        <header class="page-header">
          <h1>Sayfa bulunamadı</h1>
          <p>
            <a class="btn btn-secondary" href={href(PATHS.home)}>
              {ui.continueShopping}
            </a>
          </p>
        </header>
      );
  }
}

/** The storefront's hero text block, for the default and each variant. */
function HeroText(props: {
  kicker: string;
  title: string;
  text: string;
  children: ComponentChildren;
}) {
  return (
    <div class="hero-text">
      <p class="kicker">{props.kicker}</p>
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      <p class="hero-actions">{props.children}</p>
    </div>
  );
}

function Home({ href }: { href: Href }) {
  const button = (to: string, text: string, kind = "primary") => (
    <a class={`btn btn-${kind} btn-lg`} href={to}>
      {text}
    </a>
  );
  const standard = (
    <HeroText kicker={ui.heroKicker} title={ui.heroTitle} text={ui.heroText}>
      {button(href(PATHS.category("giyim")), ui.heroCta)}{" "}
      {button(href(PATHS.category("kitap")), ui.heroCta2, "secondary")}
    </HeroText>
  );
  const returning = (
    <HeroText {...ui.heroReturning}>
      {button("#sana-ozel", ui.heroReturning.cta)}{" "}
      {button(href(PATHS.sale), ui.heroDeals.cta, "secondary")}
    </HeroText>
  );
  return (
    <>
      <section class="hero">
        {/* The first audience that matches wins, as with the storefront's <template>s. */}
        <Variant
          when="persona:bargain-hunter"
          otherwise={
            <Variant when="segment:returning" otherwise={standard}>
              {returning}
            </Variant>
          }
        >
          <HeroText {...ui.heroDeals}>
            {button(href(PATHS.sale), ui.heroDeals.cta)}{" "}
            {button(href(PATHS.category("giyim")), ui.heroCta, "secondary")}
          </HeroText>
        </Variant>
        <div class="hero-collage" aria-hidden="true">
          {heroItems.map((item) => (
            <img key={item.id} src={item.image} alt="" width={300} height={300} />
          ))}
        </div>
      </section>
      <section class="home-section" aria-labelledby="h-bestsellers">
        <h2 id="h-bestsellers">{ui.featured}</h2>
        <ProductGrid items={bestsellers} href={href} />
      </section>
      <Recommendations>
        <div id="sana-ozel">
          <RecommendationSlot
            strategy="for-you"
            id="home-for-you"
            title={ui.forYou}
            layout="mobile:carousel tablet:grid desktop:grid"
            limit="mobile:4 tablet:6 desktop:8"
            image="medium desktop:large"
          />
        </div>
        <RecentlyViewed />
      </Recommendations>
    </>
  );
}

function ProductPage(props: {
  product: ShopProduct;
  categoryName: string;
  categoryHref: string;
  href: Href;
}) {
  const { product, href } = props;
  const [added, setAdded] = useState(false);
  // The shop's GA4 view_item, once per product shown; Vitrin reads it from the data layer.
  useEffect(() => trackProductView(product), [product]);
  const oos = product.availability === "out_of_stock";
  return (
    <>
      <Breadcrumbs
        crumbs={[
          [ui.home, href(PATHS.home)],
          [props.categoryName, props.categoryHref],
          [product.title],
        ]}
      />
      <article class="product" data-item-id={product.id}>
        <div class="product-media">
          <img src={product.image} alt={product.title} width={300} height={300} />
        </div>
        <div class="product-info">
          <p class="product-brand">{product.brand}</p>
          <h1 class="product-title">{product.title}</h1>
          <Rating product={product} />
          <Price product={product} className="price product-price" badge />
          <p class={`availability ${oos ? "is-out" : "is-in"}`}>
            {oos ? ui.outOfStock : ui.inStock}
          </p>
          <p class="buy">
            <button
              type="button"
              class="btn btn-primary btn-lg add-to-cart"
              disabled={oos}
              onClick={() => {
                addToCart(product);
                setAdded(true);
              }}
            >
              {ui.addToCart}
            </button>
          </p>
          <p class="cart-feedback" role="status">
            {added ? (
              <>
                Sepete eklendi. <a href={href(PATHS.cart)}>Sepete git</a>
              </>
            ) : null}
          </p>
          <p class="shipping-note">{ui.shippingNote}</p>
        </div>
      </article>
      <Recommendations>
        <RecommendationSlot
          strategy="similar"
          item={product.id}
          title={ui.similar}
          layout="mobile:carousel tablet:grid desktop:grid"
          limit="mobile:6 tablet:6 desktop:8"
          image="medium desktop:large"
        />
        <RecentlyViewed />
      </Recommendations>
    </>
  );
}

function CartPage({ href }: { href: Href }) {
  const cart = useCart();
  return (
    <>
      <header class="page-header">
        <h1>{ui.cartTitle}</h1>
      </header>
      {cart.length === 0 ? (
        <div class="cart-empty">
          <p>{ui.cartEmpty}</p>
          <p>
            <a class="btn btn-secondary" href={href(PATHS.home)}>
              {ui.continueShopping}
            </a>
          </p>
        </div>
      ) : (
        <div class="cart-layout">
          <ul class="cart-lines">
            {cart.map((line) => (
              <li class="cart-line" key={line.item_id} data-item-id={line.item_id}>
                <img class="cart-line-image" src={line.image} alt="" width={96} height={96} />
                <div class="cart-line-info">
                  <a class="cart-line-name" href={href(PATHS.product(line.item_id))}>
                    {line.item_name}
                  </a>
                  <span class="cart-line-qty">Adet: {line.quantity}</span>
                </div>
                <span class="cart-line-price">{formatPrice(line.price * line.quantity)}</span>
              </li>
            ))}
          </ul>
          <aside class="cart-summary">
            <dl class="totals">
              <div class="grand-total">
                <dt>{ui.total}</dt>
                <dd>{formatPrice(cartTotal(cart))}</dd>
              </div>
            </dl>
          </aside>
        </div>
      )}
      <Recommendations>
        <RecommendationSlot
          strategy="cart-cross-sell"
          title={ui.cartCrossSell}
          layout="mobile:carousel tablet:grid desktop:grid"
          limit="mobile:6 tablet:3 desktop:4"
        />
        <RecentlyViewed />
      </Recommendations>
    </>
  );
}

/** The storefront's recently-viewed shelf: a strip of thumbnails on phones, a row elsewhere. */
function RecentlyViewed() {
  return (
    <RecommendationSlot
      strategy="recently-viewed"
      title={ui.recentlyViewed}
      layout="mobile:strip tablet:carousel desktop:carousel"
      limit="mobile:8 tablet:6 desktop:8"
      image="small"
    />
  );
}

function Recommendations({ children }: { children: ComponentChildren }) {
  return (
    <section class="recommendations" aria-label={ui.recommendations}>
      {children}
    </section>
  );
}

function Breadcrumbs({ crumbs }: { crumbs: [text: string, href?: string][] }) {
  return (
    <nav class="breadcrumbs" aria-label="Sayfa konumu">
      <ol>
        {crumbs.map(([text, to], i) =>
          i === crumbs.length - 1 ? (
            <li key={text} aria-current="page">
              {text}
            </li>
          ) : (
            <li key={text}>{to ? <a href={to}>{text}</a> : text}</li>
          ),
        )}
      </ol>
    </nav>
  );
}

function ProductGrid({ items, href }: { items: readonly ShopProduct[]; href: Href }) {
  return (
    <ul class="product-grid">
      {items.map((item) => (
        <li
          key={item.id}
          class={`product-card${item.availability === "out_of_stock" ? " is-out-of-stock" : ""}`}
          data-item-id={item.id}
        >
          <a class="card-link" href={href(PATHS.product(item.id))}>
            <span class="card-media">
              <img src={item.image} alt="" width={300} height={300} loading="lazy" />
              {item.salePrice === undefined ? null : (
                <span class="card-flags">
                  <span class="badge badge-sale">%{discount(item)} indirim</span>
                </span>
              )}
            </span>
            <span class="card-brand">{item.brand}</span>
            <span class="card-title">{item.title}</span>
          </a>
          <Rating product={item} />
          <Price product={item} className="price card-price" />
        </li>
      ))}
    </ul>
  );
}

function Rating({ product }: { product: ShopProduct }) {
  const value = formatRating(product.rating);
  // The stars are one picture with a spoken label; the number repeats it for the eye only.
  return (
    <p class="rating">
      <span class="stars" role="img" aria-label={`5 üzerinden ${value} puan`}>
        {stars(product.rating)}
      </span>{" "}
      <span class="rating-value" aria-hidden="true">
        {value}
      </span>
    </p>
  );
}

function Price(props: { product: ShopProduct; className: string; badge?: boolean }) {
  const { product } = props;
  if (product.salePrice === undefined)
    return (
      <p class={props.className}>
        <span class="price-now">{formatPrice(product.price)}</span>
      </p>
    );
  return (
    <p class={`${props.className} on-sale`}>
      <span class="price-now">{formatPrice(effectivePrice(product))}</span>{" "}
      <s class="price-old">{formatPrice(product.price)}</s>
      {props.badge ? <span class="badge badge-sale"> %{discount(product)} indirim</span> : null}
    </p>
  );
}
