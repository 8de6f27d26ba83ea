/**
 * Merchant-defined offers: a welcome code for first visits, free shipping for bargain hunters,
 * a category discount for lapsed buyers. Offers arrive as untrusted JSON ({@link parseOffers}
 * checks it once and keeps what is good); choosing them is a pure function of the offers, the
 * profile, the clock and the views counted so far ({@link chooseOffers}).
 */
import { isRecord, type Profile, safeHttpUrl } from "@vitrin/core";
import type { ContentLang } from "./content-strings.js";
import { badValue, factsOf, TARGET_KEYS, type TargetKey } from "./variants.js";

/** Text by language; at least one of them is present. */
export type LocalText = Partial<Record<ContentLang, string>>;

/** Targeting: for each key given, the profile must have one of the values. */
export type OfferTargets = { [K in TargetKey]?: readonly string[] };

/** One validated offer. */
export interface Offer extends OfferTargets {
  id: string;
  /** A banner (`data-vitrin-offer-slot`) or a badge (`data-vitrin-offer-slot="badge"`). */
  kind: "banner" | "badge";
  text: LocalText;
  /** The link's text; "İncele" / "Shop now" by default. */
  cta?: LocalText;
  /** A discount code the shopper can copy. */
  code?: string;
  /** An http(s) URL or a path on the shop. */
  link?: string;
  /** The shopper's affinity for a category path (`Giyim > Kadın`) must be at least `min`. */
  affinity?: { category: string; min: number };
  /** Shown at most this many times on this device, ever… */
  maxViews?: number;
  /** …and at most this many times in one visit. */
  perSession?: number;
  /** ISO dates: a date alone means that day in the shopper's time zone (`end` included). */
  start?: string;
  end?: string;
}

/** Views of one offer, counted on this device. */
export interface OfferViews {
  total: number;
  /** The visit (`profile.visitor.visits`) the last view was in, and views in it. */
  session: number;
  inSession: number;
}

/** Views by offer id. */
export type OfferSeen = Readonly<Record<string, OfferViews>>;

/** Valid offers, and one message per problem. */
export interface OffersParse {
  offers: Offer[];
  problems: string[];
}

/** localStorage key of the view counts (written only when Vitrin may store). */
export const OFFERS_KEY = "vitrin:offers";

const MAX_OFFERS = 100;
const FIELDS = [
  "id",
  "kind",
  "text",
  "cta",
  "code",
  "link",
  ...(Object.keys(TARGET_KEYS) as TargetKey[]),
  "affinity",
  "maxViews",
  "perSession",
  "start",
  "end",
  "description",
];
const ISO = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const ISO_EXPECTED = "expected an ISO date like 2026-12-31";
const TEXT_EXPECTED = 'expected a text, or {"tr": "…", "en": "…"}, of up to 300 characters';

function localText(value: unknown): LocalText | undefined {
  const ok = (v: unknown): v is string => typeof v === "string" && !!v.trim() && v.length <= 300;
  if (ok(value)) return { tr: value.trim(), en: value.trim() };
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  if (!keys.length || !keys.every((k) => (k === "tr" || k === "en") && ok(value[k])))
    return undefined;
  return Object.fromEntries(keys.map((k) => [k, (value[k] as string).trim()]));
}

/** Whether `iso` is a real date (no 31 February) in one of the accepted shapes. */
function isoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const day = new Date(Date.UTC(y, mo, d));
  return day.getUTCMonth() === mo && day.getUTCDate() === d && !Number.isNaN(Date.parse(value));
}

/**
 * When an ISO date starts (or, for `end`, stops) applying. A date alone is a day on the
 * shopper's calendar, so "ends 2026-12-31" means midnight where the shopper is, not in UTC.
 */
function instant(iso: string, offsetMinutes: number, end: boolean): number {
  if (iso.length > 10) return Date.parse(iso);
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d + (end ? 1 : 0)) - offsetMinutes * 60_000;
}

function parseOffer(raw: unknown, at: string, problems: string[]): Offer | undefined {
  if (!isRecord(raw)) {
    problems.push(`${at}: expected an object {"id": …, "text": …}`);
    return undefined;
  }
  const before = problems.length;
  const bad = (field: string, expected: string) => problems.push(`${at}.${field}: ${expected}`);
  for (const key of Object.keys(raw))
    if (!FIELDS.includes(key)) bad(key, `unknown key; expected ${FIELDS.join(", ")}`);
  const offer: Offer = { id: "", kind: "banner", text: {} };
  const { id, kind, code, link, affinity, start, end } = raw;

  if (typeof id === "string" && /^[A-Za-z0-9][\w-]{0,63}$/.test(id)) offer.id = id;
  else bad("id", 'expected an id of letters, digits, "-" or "_" like "welcome-10"');
  if (kind === "banner" || kind === "badge") offer.kind = kind;
  else if (kind !== undefined) bad("kind", 'expected "banner" or "badge"');
  const text = localText(raw.text);
  if (text) offer.text = text;
  else bad("text", TEXT_EXPECTED);
  if (raw.cta !== undefined) {
    const cta = localText(raw.cta);
    if (cta) offer.cta = cta;
    else bad("cta", TEXT_EXPECTED);
  }
  if (typeof code === "string" && /^[^\s\p{C}]{1,40}$/u.test(code)) offer.code = code;
  else if (code !== undefined) bad("code", "expected a code of 1 to 40 characters, no spaces");
  // No whitespace or control characters at all: browsers strip some, so "java\tscript:" would
  // otherwise pass the scheme check here and run later.
  if (
    typeof link === "string" &&
    /^[^\s\p{Cc}]{1,2000}$/u.test(link) &&
    safeHttpUrl(link, "https://offer.invalid/")
  )
    offer.link = link;
  else if (link !== undefined) bad("link", "expected an http(s) link or a path like /kampanya");

  for (const key of Object.keys(TARGET_KEYS) as TargetKey[]) {
    const value = raw[key];
    if (value === undefined) continue;
    const list = Array.isArray(value) ? value : [value];
    const ok = list.length > 0 && list.every((v) => typeof v === "string" && !badValue(key, v));
    if (ok) offer[key] = list as string[];
    else {
      const accepted: readonly string[] | null = TARGET_KEYS[key];
      bad(
        key,
        accepted
          ? `expected one of ${accepted.map((v) => `"${v}"`).join(", ")}, or a list of them`
          : 'expected a lowercase-kebab id like "lapsed", or a list of them',
      );
    }
  }
  if (
    isRecord(affinity) &&
    typeof affinity.category === "string" &&
    affinity.category.trim() &&
    typeof affinity.min === "number" &&
    Number.isFinite(affinity.min) &&
    affinity.min >= 0
  )
    // Affinity keys are paths joined with " > " (see remember.ts); tolerate other spacing.
    offer.affinity = {
      category: affinity.category
        .split(">")
        .map((part) => part.trim())
        .join(" > "),
      min: affinity.min,
    };
  else if (affinity !== undefined)
    bad("affinity", 'expected {"category": "Kitap", "min": 2} (min a number, 0 or more)');
  for (const field of ["maxViews", "perSession"] as const) {
    const value = raw[field];
    if (Number.isInteger(value) && (value as number) >= 1) offer[field] = value as number;
    else if (value !== undefined) bad(field, "expected a whole number, 1 or more");
  }
  if (isoDate(start)) offer.start = start;
  else if (start !== undefined) bad("start", ISO_EXPECTED);
  if (isoDate(end)) offer.end = end;
  else if (end !== undefined) bad("end", ISO_EXPECTED);
  if (offer.start && offer.end && instant(offer.end, 0, true) <= instant(offer.start, 0, false))
    bad("end", `expected a date after start (${offer.start})`);
  return problems.length === before ? offer : undefined;
}

/**
 * Checks offers from untrusted JSON (text or parsed): a list, or `{ "offers": [...] }`. Every
 * problem names where and what was expected (`offers.json: offers[1].end: expected an ISO
 * date like 2026-12-31`); an offer with any problem is skipped, the others are kept, and a
 * later offer with an id already seen is skipped. Never throws.
 */
export function parseOffers(json: unknown, where: string): OffersParse {
  const problems: string[] = [];
  const offers: Offer[] = [];
  try {
    const value = typeof json === "string" ? JSON.parse(json) : json;
    const list = Array.isArray(value) ? value : isRecord(value) ? value.offers : undefined;
    if (!Array.isArray(list)) {
      problems.push('expected a list of offers, or {"offers": […]}');
    } else {
      if (list.length > MAX_OFFERS)
        problems.push(`offers: expected at most ${MAX_OFFERS} offers; the rest are ignored`);
      const ids = new Set<string>();
      list.slice(0, MAX_OFFERS).forEach((raw: unknown, i) => {
        const offer = parseOffer(raw, `offers[${i}]`, problems);
        if (offer && ids.has(offer.id))
          problems.push(`offers[${i}].id: "${offer.id}" is used by an earlier offer`);
        else if (offer) {
          ids.add(offer.id);
          offers.push(offer);
        }
      });
    }
  } catch (error) {
    problems.push(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { offers, problems: problems.map((p) => `${where}: ${p}`) };
}

/**
 * The offers that apply now, in the merchant's order: within their dates (in the shopper's
 * time), every targeting key matched, the affinity reached, and under both view caps.
 */
export function chooseOffers(
  offers: readonly Offer[],
  profile: Profile,
  now: number,
  seen: OfferSeen = {},
): Offer[] {
  const offset = profile.context.utcOffsetMinutes;
  const keys = Object.keys(TARGET_KEYS) as TargetKey[];
  return offers.filter((offer) => {
    if (offer.start && now < instant(offer.start, offset, false)) return false;
    if (offer.end && now >= instant(offer.end, offset, true)) return false;
    for (const key of keys) {
      const wanted = offer[key];
      if (wanted && !factsOf(profile, key).some((fact) => wanted.includes(fact))) return false;
    }
    const { affinity } = offer;
    if (
      affinity &&
      (profile.memory.affinities.categories.get(affinity.category) ?? 0) < affinity.min
    )
      return false;
    const views = seen[offer.id];
    if (!views) return true;
    if (offer.maxViews !== undefined && views.total >= offer.maxViews) return false;
    return !(
      offer.perSession !== undefined &&
      views.session === profile.visitor.visits &&
      views.inSession >= offer.perSession
    );
  });
}

/** `seen` with one more view of `id` in visit `session`. */
export function countView(seen: OfferSeen, id: string, session: number): OfferSeen {
  const last = seen[id];
  const inSession = last && last.session === session ? last.inSession + 1 : 1;
  return { ...seen, [id]: { total: (last?.total ?? 0) + 1, session, inSession } };
}

/** Reads stored view counts, ignoring anything that is not one. */
export function readSeen(raw: string | null): OfferSeen {
  const seen: Record<string, OfferViews> = {};
  try {
    const value: unknown = raw ? JSON.parse(raw) : undefined;
    if (isRecord(value))
      for (const [id, v] of Object.entries(value).slice(0, 500))
        if (isRecord(v) && [v.total, v.session, v.inSession].every(Number.isFinite))
          seen[id] = v as unknown as OfferViews;
  } catch {
    // A damaged record costs the caps, never the page.
  }
  return seen;
}

/** The offer's text in `lang`, else in the other language. */
export const textIn = (text: LocalText, lang: ContentLang): string =>
  text[lang] ?? text.tr ?? text.en ?? "";
