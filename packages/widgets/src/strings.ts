import type { Strategy } from "@vitrin/core";

/** Widget text in one language. Functions receive catalog text, inserted as text only. */
export interface Strings {
  titles: Record<Strategy, string>;
  /** Accessible label of a struck-through original price. */
  was: string;
  /** The "Why this?" disclosure. */
  why: string;
  prev: string;
  next: string;
  /** Stops a carousel the merchant set to autoplay. */
  pause: string;
  carousel: string;
  reasons: {
    viewed: string;
    similar(title?: string): string;
    viewedWith(title?: string): string;
    boughtWith(title?: string): string;
    popular(category?: string): string;
    forYou(category?: string, brand?: string): string;
    cart(title?: string): string;
    again(category: string): string;
    fresh(category?: string): string;
    season: string;
    daypart: string;
    price: string;
    merchant: string;
  };
}

/**
 * The Turkish dative of a name: "Kaban'a", "Elbise'ye". The suffix follows the last vowel (back
 * a ı o u → a, front → e), with a buffer y after a vowel; undefined when there is no vowel to follow.
 */
export function dative(name: string): string | undefined {
  const lower = name.toLocaleLowerCase("tr");
  const vowel = lower.match(/[aeıioöuü]/g)?.pop();
  if (!vowel) return undefined;
  return `${name}'${/[aeıioöuü]$/.test(lower) ? "y" : ""}${"aıou".includes(vowel) ? "a" : "e"}`;
}

/** Built-in languages: Turkish and English. */
export const STRINGS: Record<"tr" | "en", Strings> = {
  tr: {
    titles: {
      "recently-viewed": "Son baktıkların",
      similar: "Benzer ürünler",
      "viewed-together": "Bunlara da bakıldı",
      "bought-together": "Birlikte alınanlar",
      trending: "Çok satanlar",
      "for-you": "Sana özel",
      "up-next": "Kaldığın yerden",
      "cart-cross-sell": "Sepetine yakışanlar",
      "buy-again": "Yeniden al",
      "new-arrivals": "Yeni gelenler",
    },
    was: "Önceki fiyat",
    why: "Neden bu?",
    prev: "Önceki ürünler",
    next: "Sonraki ürünler",
    pause: "Otomatik kaydırmayı durdur",
    carousel: "kaydırmalı liste",
    reasons: {
      viewed: "Yakın zamanda baktın",
      similar: (t) => (t && dative(t) ? `${dative(t)} benziyor` : "Baktığın bir ürüne benziyor"),
      viewedWith: (t) => (t ? `${t} ile birlikte bakılıyor` : "Birlikte bakılıyor"),
      boughtWith: (t) => (t ? `${t} ile birlikte alınıyor` : "Birlikte alınıyor"),
      popular: (c) => (c ? `${c} kategorisinde çok satıyor` : "Şu sıralar çok satıyor"),
      forYou: (c, b) =>
        c ? `İlgilendiğin ${c} kategorisinden` : b ? `Sevdiğin marka: ${b}` : "Sana göre seçildi",
      cart: (t) => (t ? `Sepetindeki ${t} ile uyumlu` : "Sepetindekilerle uyumlu"),
      again: (c) => `${c} yenileme zamanı`,
      fresh: (c) => (c ? `${c} kategorisinde yeni` : "Yeni geldi"),
      season: "Mevsimine uygun",
      daypart: "Günün bu saatine uygun",
      price: "Alıştığın fiyat aralığında",
      merchant: "Mağazanın önerisi",
    },
  },
  en: {
    titles: {
      "recently-viewed": "Recently viewed",
      similar: "Similar items",
      "viewed-together": "Customers also viewed",
      "bought-together": "Frequently bought together",
      trending: "Trending now",
      "for-you": "Picked for you",
      "up-next": "Pick up where you left off",
      "cart-cross-sell": "Goes with your cart",
      "buy-again": "Buy again",
      "new-arrivals": "New arrivals",
    },
    was: "Was",
    why: "Why this?",
    prev: "Previous items",
    next: "Next items",
    pause: "Stop auto-scrolling",
    carousel: "carousel",
    reasons: {
      viewed: "You viewed this recently",
      similar: (t) => (t ? `Similar to ${t} you viewed` : "Similar to an item you viewed"),
      viewedWith: (t) => (t ? `Viewed together with ${t}` : "Often viewed together"),
      boughtWith: (t) => (t ? `Often bought with ${t}` : "Often bought together"),
      popular: (c) => (c ? `Popular in ${c}` : "Popular right now"),
      forYou: (c, b) =>
        c ? `From ${c}, which you like` : b ? `From ${b}, a brand you like` : "Picked for you",
      cart: (t) => (t ? `Goes with ${t} in your cart` : "Goes with your cart"),
      again: (c) => `Time to restock ${c}`,
      fresh: (c) => (c ? `New in ${c}` : "Just arrived"),
      season: "In season for you",
      daypart: "Right for this time of day",
      price: "In your usual price range",
      merchant: "Recommended by the store",
    },
  },
};

/** A supported widget language. */
export type Lang = keyof typeof STRINGS;

/** Picks the widget language: an explicit choice, else the page's `<html lang>`, else Turkish. */
export function resolveLang(requested?: string | null): Lang {
  const lang = (requested || globalThis.document?.documentElement.lang || "tr")
    .slice(0, 2)
    .toLowerCase();
  return lang === "en" ? "en" : "tr";
}
