const formats = new Map<string, Intl.NumberFormat>();

/** Locale used for a widget language; the currency code comes from the catalog. */
export function localeFor(lang: string): string {
  return lang === "en" ? "en-GB" : "tr-TR";
}

/** Formats a price the way the shopper's language writes it: `₺1.299,90` in Turkish. */
export function formatPrice(value: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency });
    formats.set(key, format);
  }
  return format.format(value);
}
