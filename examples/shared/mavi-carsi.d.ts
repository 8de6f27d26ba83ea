// The shop data module the apps' esbuild builds generate (examples/shared/build.mjs,
// `shopDataPlugin`) from the storefront's catalog generator and UI text.

declare module "virtual:mavi-carsi" {
  /** A product as the pages show it: a subset of its catalog item. */
  export interface ShopProduct {
    id: string;
    title: string;
    url: string;
    image: string;
    price: number;
    salePrice?: number;
    availability: "in_stock" | "out_of_stock";
    brand: string;
    categories: string[];
    rating: number;
    popularity: number;
  }

  /** A top-level category: its id prefix (`GYM`), URL slug and Turkish name. */
  export interface ShopCategory {
    prefix: string;
    slug: string;
    name: string;
  }

  /** A hero variant's text, as in the storefront's i18n tables. */
  export interface HeroText {
    kicker: string;
    title: string;
    text: string;
    cta: string;
  }

  /** The storefront's Turkish interface text: the entries the apps use (the module has all). */
  export interface ShopText {
    tagline: string;
    skipLink: string;
    categoriesNav: string;
    cart: string;
    cartLabel: string;
    home: string;
    heroKicker: string;
    heroTitle: string;
    heroText: string;
    heroCta: string;
    heroCta2: string;
    featured: string;
    categories: string;
    addToCart: string;
    inStock: string;
    outOfStock: string;
    brand: string;
    sku: string;
    details: string;
    shippingNote: string;
    similar: string;
    recentlyViewed: string;
    forYou: string;
    recommendations: string;
    saleTitle: string;
    saleNav: string;
    reminderIncentive: string;
    cartTitle: string;
    cartCrossSell: string;
    cartEmpty: string;
    continueShopping: string;
    subtotal: string;
    total: string;
    heroDeals: HeroText;
    heroReturning: HeroText;
  }

  export const shopName: string;
  export const categories: ShopCategory[];
  export const products: ShopProduct[];
  export const ui: ShopText;
}
