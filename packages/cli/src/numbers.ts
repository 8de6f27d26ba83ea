/**
 * Numbers as merchants write them. Per value, never per file:
 *
 * - Spaces (also no-break and thin spaces) and apostrophes between digits are grouping: removed.
 * - Both `.` and `,` present: the one that comes last is the decimal separator and the other
 *   must group thousands in threes: "1.299,90" and "1,299.90" are both 1299.9.
 * - Only one kind, more than once: grouping: "1.299.900" and "1,299,900" are 1299900.
 * - Only one kind, once: a decimal separator ("49,90", "49.9", "0,500", "1299.9000") except
 *   when exactly three digits follow it and 1–3 digits without a leading zero precede it:
 *   then it groups thousands ("1.299" and "1,299" are 1299), because prices are not written
 *   with three decimals.
 * - Anything else ("1,29.90", "12a", "", "1.2.3") is not a number.
 */
export function parseNumber(raw: string): number | undefined {
  let s = raw.trim().replace(/(?<=\d)[\s\u00a0\u202f\u2009']+(?=\d)/g, "");
  let sign = "";
  if (s.startsWith("-") || s.startsWith("+")) {
    sign = s[0] === "-" ? "-" : "";
    s = s.slice(1);
  }
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return undefined;
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  if (lastDot < 0 && lastComma < 0) return Number(sign + s);

  let decimal: "." | "," | undefined;
  let group: "." | ",";
  if (lastDot >= 0 && lastComma >= 0) {
    decimal = lastDot > lastComma ? "." : ",";
    group = decimal === "." ? "," : ".";
  } else {
    const separator = lastDot >= 0 ? "." : ",";
    const at = s.indexOf(separator);
    const once = at === s.lastIndexOf(separator);
    const before = s.slice(0, at);
    const after = s.slice(at + 1);
    decimal =
      once && !(after.length === 3 && /^[1-9]\d{0,2}$/.test(before)) ? separator : undefined;
    group = separator;
  }
  const cutAt = decimal ? s.lastIndexOf(decimal) : s.length;
  const whole = s.slice(0, cutAt);
  const fraction = decimal ? s.slice(cutAt + 1) : "";
  if (fraction && !/^\d+$/.test(fraction)) return undefined;
  const grouped = new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`);
  if (!/^\d+$/.test(whole) && !grouped.test(whole)) return undefined;
  const digits = whole.split(group).join("");
  const value = Number(`${sign}${digits}${fraction ? `.${fraction}` : ""}`);
  return Number.isFinite(value) ? value : undefined;
}

/** Currency symbols and local spellings → ISO 4217. */
const SYMBOLS: Record<string, string> = {
  "₺": "TRY",
  TL: "TRY",
  YTL: "TRY",
  $: "USD",
  "€": "EUR",
  "£": "GBP",
};

/** An amount with an optional currency code or symbol before or after it. */
export interface Amount {
  value: number;
  currency?: string;
}

const CURRENCY = String.raw`[A-Z]{3}|TL|YTL|₺|\$|€|£`;
const AMOUNT = new RegExp(
  String.raw`^\s*(?:(${CURRENCY})\s*)?([-+]?\d[\d.,\s\u00a0\u202f\u2009']*?)\s*(${CURRENCY})?\s*$`,
  "i",
);

/**
 * Reads "1299.90 TRY", "TRY 1299.90", "1.299,90 TL", "₺1.299,90", "1299.90" ({@link parseNumber}
 * for the number). Undefined when it is not an amount, or has two different currencies.
 */
export function parseAmount(raw: string): Amount | undefined {
  const match = AMOUNT.exec(raw);
  if (!match) return undefined;
  const value = parseNumber(match[2] ?? "");
  if (value === undefined) return undefined;
  const codes = [match[1], match[3]]
    .filter((code): code is string => code !== undefined)
    .map((code) => SYMBOLS[code.toUpperCase()] ?? code.toUpperCase());
  if (codes.length === 2 && codes[0] !== codes[1]) return undefined;
  return codes[0] ? { value, currency: codes[0] } : { value };
}

/** An integer amount in minor units ("129990", 2) → 1299.9. Undefined unless all digits. */
export function fromMinorUnits(raw: unknown, minorUnit: number): number | undefined {
  const text = typeof raw === "number" ? String(raw) : raw;
  if (typeof text !== "string" || !/^\d+$/.test(text.trim())) return undefined;
  return Number(text.trim()) / 10 ** minorUnit;
}

/** "2026-04-12", "2026-04-12T10:00:00+03:00", "12.04.2026" → "2026-04-12"; else undefined. */
export function isoDate(raw: string): string | undefined {
  const text = raw.trim();
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  let year: string | undefined;
  let month: string | undefined;
  let day: string | undefined;
  if (match) [, year, month, day] = match;
  else {
    match = /^(\d{2})[./](\d{2})[./](\d{4})$/.exec(text);
    if (match) [, day, month, year] = match;
  }
  if (!year || !month || !day) return undefined;
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(day)
    ? undefined
    : `${year}-${month}-${day}`;
}
