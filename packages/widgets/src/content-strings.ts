/**
 * Text of the content widgets (cart reminder, offers) in Turkish and English. Sentences are
 * built so that nothing inserted needs a suffix: Turkish suffixes follow vowel harmony and
 * consonant changes of the word before them, which a template cannot get right for an
 * arbitrary first name or category ("Ayşe'ye", "Kitap'a" → "kitaba").
 */

/** A language of the content widgets. */
export type ContentLang = "tr" | "en";

/** What a cart reminder says. */
export interface ReminderText {
  /** A first name from `identify()`, if any. */
  name?: string | undefined;
  /** Units left in the cart. */
  count: number;
  /** A Turkish noun for all of them (a shared leaf category, lower-cased); else "ürün". */
  noun?: string | undefined;
}

/** Labels of the content widgets. */
export const CONTENT_STRINGS = {
  tr: {
    reminder: "Sepet hatırlatması",
    toCart: "Sepete git",
    dismiss: "Hatırlatmayı kapat",
    offer: "Kampanya",
    code: "Kod",
    copy: "Kopyala",
    copyLabel: "Kodu kopyala",
    copied: "Kod kopyalandı",
    selected: "Kod seçildi, kopyalayabilirsin",
    cta: "İncele",
  },
  en: {
    reminder: "Cart reminder",
    toCart: "Go to cart",
    dismiss: "Dismiss reminder",
    offer: "Offer",
    code: "Code",
    copy: "Copy",
    copyLabel: "Copy code",
    copied: "Code copied",
    selected: "Code selected, ready to copy",
    cta: "Shop now",
  },
} satisfies Record<ContentLang, Record<string, string>>;

/**
 * The content widgets' language: an explicit choice (option or the element's nearest `lang`),
 * else the page's `<html lang>`, else Turkish.
 */
export function contentLang(requested?: string | null): ContentLang {
  const lang = (requested || globalThis.document?.documentElement.lang || "tr").slice(0, 2);
  return lang.toLowerCase() === "en" ? "en" : "tr";
}

const plurals = new Intl.PluralRules("en");

/**
 * "Sevgili Ayşe, seçtiğin 2 kitap sepetinde seni bekliyor!" / "Sepetinde seni bekleyen 2 ürün
 * var!" — Turkish nouns stay singular after a number, so one form serves every count. English
 * always says "item": category names are written for shelves ("Books", "Outdoor"), not counts.
 */
export function reminderMessage(lang: ContentLang, { name, count, noun }: ReminderText): string {
  if (lang === "tr") {
    const what = `${count} ${noun || "ürün"}`;
    return name
      ? `Sevgili ${name}, seçtiğin ${what} sepetinde seni bekliyor!`
      : `Sepetinde seni bekleyen ${what} var!`;
  }
  const one = plurals.select(count) === "one";
  if (name)
    return one
      ? `Hi ${name}, the item you picked is waiting in your cart!`
      : `Hi ${name}, the ${count} items you picked are waiting in your cart!`;
  return `You have ${count} ${one ? "item" : "items"} waiting in your cart!`;
}
