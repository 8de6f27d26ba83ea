import type { Strategy } from "@vitrin/core";

/** Widget text in one language. */
export interface Strings {
  titles: Record<Strategy, string>;
  /** Accessible label of a struck-through original price. */
  was: string;
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
      "cart-cross-sell": "Sepetine yakışanlar",
      "buy-again": "Yeniden al",
      "new-arrivals": "Yeni gelenler",
    },
    was: "Önceki fiyat",
  },
  en: {
    titles: {
      "recently-viewed": "Recently viewed",
      similar: "Similar items",
      "viewed-together": "Customers also viewed",
      "bought-together": "Frequently bought together",
      trending: "Trending now",
      "for-you": "Picked for you",
      "cart-cross-sell": "Goes with your cart",
      "buy-again": "Buy again",
      "new-arrivals": "New arrivals",
    },
    was: "Was",
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
