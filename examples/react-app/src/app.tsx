/** @jsxImportSource react */
// "Mavi Çarşı" as a React 19 single-page app: the storefront's pages, prerendered to HTML at
// build time (server.tsx) and hydrated in the browser (client.tsx), with Vitrin's components
// from @vitrin/react in the same places as the storefront's slots.

import { CartReminder, RecommendationSlot, Variant, VitrinProvider } from "@vitrin/react";
import { type ReactNode, useEffect, useState, useSyncExternalStore } from "react";
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
  serverCart,
  shopName,
  stars,
  subscribeCart,
  titleOf,
  trackProductView,
  ui,
} from "../../shared/shop.js";

/** Where the app is served; its routes are the storefront's paths under it. */
export const BASE = "/react-app";

/**
 * The current path, re-rendering on every route change. Hydration renders the path the page
 * was prerendered for (the same one: client.tsx hydrates only then).
 */
function usePath(router: Router): string {
  return useSyncExternalStore(router.subscribe, router.path, router.path);
}

/** The cart; empty while hydrating, as on the server, then the shopper's. */
function useCart(): CartLine[] {
  return useSyncExternalStore(subscribeCart, readCart, serverCart);
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
      <a className="skip-link" href="#main">
        {ui.skipLink}
      </a>
      <Header href={href} />
      <main id="main" className="container site-main">
        <Page key={path} route={route} href={href} />
      </main>
      <footer className="site-footer">
        <p className="container copyright">© 2026 {shopName}</p>
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
    <header className="site-header">
      <div className="container header-bar">
        <a className="logo" href={href(PATHS.home)}>
          <img src="/img/logo.svg" alt={shopName} width={190} height={44} />
        </a>
        <p className="tagline">{ui.tagline}</p>
        <div className="header-actions">
          <a className="cart-link" href={href(PATHS.cart)} aria-label={ui.cartLabel}>
            <span className="cart-text">{ui.cart}</span>
            <span className="cart-count" hidden={count === 0}>
              {count}
            </span>
          </a>
        </div>
      </div>
      <nav className="category-nav" aria-label={ui.categoriesNav}>
        <ul className="container">
          {categories.map((c) => (
            <li key={c.slug}>
              <a href={href(PATHS.category(c.slug))}>{c.name}</a>
            </li>
          ))}
          <li>
            <a className="nav-sale" href={href(PATHS.sale)}>
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
          <header className="page-header">
            <h1>{route.category.name}</h1>
            <p className="muted">{route.items.length} ürün</p>
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
          <header className="page-header">
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
        <header className="page-header">
          <h1>Sayfa bulunamadı</h1>
          <p>
            <a className="btn btn-secondary" href={href(PATHS.home)}>
              {ui.continueShopping}
            </a>
          </p>
        </header>
      );
  }
}

/** The storefront's hero text block, for the default and each variant. */
function HeroText(props: { kicker: string; title: string; text: string; children: ReactNode }) {
  return (
    <div className="hero-text">
      <p className="kicker">{props.kicker}</p>
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      <p className="hero-actions">{props.children}</p>
    </div>
  );
}

function Home({ href }: { href: Href }) {
  const button = (to: string, text: string, kind = "primary") => (
    <a className={`btn btn-${kind} btn-lg`} href={to}>
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
      <section className="hero">
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
        <div className="hero-collage" aria-hidden="true">
          {heroItems.map((item) => (
            <img key={item.id} src={item.image} alt="" width={300} height={300} />
          ))}
        </div>
      </section>
      <section className="home-section" aria-labelledby="h-bestsellers">
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
      <article className="product" data-item-id={product.id}>
        <div className="product-media">
          <img src={product.image} alt={product.title} width={300} height={300} />
        </div>
        <div className="product-info">
          <p className="product-brand">{product.brand}</p>
          <h1 className="product-title">{product.title}</h1>
          <Rating product={product} />
          <Price product={product} className="price product-price" badge />
          <p className={`availability ${oos ? "is-out" : "is-in"}`}>
            {oos ? ui.outOfStock : ui.inStock}
          </p>
          <p className="buy">
            <button
              type="button"
              className="btn btn-primary btn-lg add-to-cart"
              disabled={oos}
              onClick={() => {
                addToCart(product);
                setAdded(true);
              }}
            >
              {ui.addToCart}
            </button>
          </p>
          <p className="cart-feedback" role="status">
            {added ? (
              <>
                Sepete eklendi. <a href={href(PATHS.cart)}>Sepete git</a>
              </>
            ) : null}
          </p>
          <p className="shipping-note">{ui.shippingNote}</p>
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
      <header className="page-header">
        <h1>{ui.cartTitle}</h1>
      </header>
      {cart.length === 0 ? (
        <div className="cart-empty">
          <p>{ui.cartEmpty}</p>
          <p>
            <a className="btn btn-secondary" href={href(PATHS.home)}>
              {ui.continueShopping}
            </a>
          </p>
        </div>
      ) : (
        <div className="cart-layout">
          <ul className="cart-lines">
            {cart.map((line) => (
              <li className="cart-line" key={line.item_id} data-item-id={line.item_id}>
                <img className="cart-line-image" src={line.image} alt="" width={96} height={96} />
                <div className="cart-line-info">
                  <a className="cart-line-name" href={href(PATHS.product(line.item_id))}>
                    {line.item_name}
                  </a>
                  <span className="cart-line-qty">Adet: {line.quantity}</span>
                </div>
                <span className="cart-line-price">{formatPrice(line.price * line.quantity)}</span>
              </li>
            ))}
          </ul>
          <aside className="cart-summary">
            <dl className="totals">
              <div className="grand-total">
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

function Recommendations({ children }: { children: ReactNode }) {
  return (
    <section className="recommendations" aria-label={ui.recommendations}>
      {children}
    </section>
  );
}

function Breadcrumbs({ crumbs }: { crumbs: [text: string, href?: string][] }) {
  return (
    <nav className="breadcrumbs" aria-label="Sayfa konumu">
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
    <ul className="product-grid">
      {items.map((item) => (
        <li
          key={item.id}
          className={`product-card${item.availability === "out_of_stock" ? " is-out-of-stock" : ""}`}
          data-item-id={item.id}
        >
          <a className="card-link" href={href(PATHS.product(item.id))}>
            <span className="card-media">
              <img src={item.image} alt="" width={300} height={300} loading="lazy" />
              {item.salePrice === undefined ? null : (
                <span className="card-flags">
                  <span className="badge badge-sale">%{discount(item)} indirim</span>
                </span>
              )}
            </span>
            <span className="card-brand">{item.brand}</span>
            <span className="card-title">{item.title}</span>
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
    <p className="rating">
      <span className="stars" role="img" aria-label={`5 üzerinden ${value} puan`}>
        {stars(product.rating)}
      </span>{" "}
      <span className="rating-value" aria-hidden="true">
        {value}
      </span>
    </p>
  );
}

function Price(props: { product: ShopProduct; className: string; badge?: boolean }) {
  const { product } = props;
  if (product.salePrice === undefined)
    return (
      <p className={props.className}>
        <span className="price-now">{formatPrice(product.price)}</span>
      </p>
    );
  return (
    <p className={`${props.className} on-sale`}>
      <span className="price-now">{formatPrice(effectivePrice(product))}</span>{" "}
      <s className="price-old">{formatPrice(product.price)}</s>
      {props.badge ? <span className="badge badge-sale"> %{discount(product)} indirim</span> : null}
    </p>
  );
}
