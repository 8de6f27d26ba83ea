import {
  currencyOf,
  isValidTimeZone,
  localTime,
  seasonOf,
  utcOffsetMinutes,
  zoneClimate,
} from "./climate.js";
import { classifyDevice, classifyTraffic, type DeviceClass, type TrafficClass } from "./context.js";
import type { VitrinEvent } from "./events.js";
import { assignPersona } from "./personas.js";
import type { Memory } from "./remember.js";
import { segmentsOf } from "./segments.js";

/** What the browser reports, read at the edge (see environment.ts); Recognize only interprets it. */
export interface Environment {
  userAgent: string;
  /** `navigator.userAgentData.mobile`, where the browser has Client Hints. */
  mobileHint?: boolean;
  maxTouchPoints: number;
  screenWidth: number;
  /** `(pointer: coarse)`: the primary pointer is a finger. */
  coarsePointer: boolean;
  /** `(hover: hover)`: the primary pointer can hover. */
  hover: boolean;
  /** `navigator.connection.saveData`. */
  saveData: boolean;
  /** `(prefers-reduced-motion: reduce)`. */
  reducedMotion: boolean;
  /** `navigator.languages`, preferred first. */
  languages: readonly string[];
  /** IANA time zone, e.g. "Europe/Istanbul". */
  timeZone: string;
  /** This page's referrer, host and query string, for the traffic class. */
  referrer: string;
  host: string;
  search: string;
}

export type Hemisphere = "north" | "south";
/** Climate band: what "warm clothes" means there. */
export type Climate = "tropical" | "arid" | "temperate" | "continental" | "polar";
export type Season = "winter" | "spring" | "summer" | "autumn";
/** Morning 05–11, afternoon 12–16, evening 17–21, night 22–04, in the shopper's time. */
export type Daypart = "morning" | "afternoon" | "evening" | "night";

/** Where and how the shopper is, now. */
export interface ShopperContext {
  device: DeviceClass;
  /** Touch when the primary pointer is coarse, else mouse. */
  input: "touch" | "mouse";
  hover: boolean;
  saveData: boolean;
  reducedMotion: boolean;
  /** BCP 47 locale, e.g. "tr-TR". */
  locale: string;
  /** ISO 4217 currency of the shopper's region, e.g. "TRY". */
  currency: string;
  timeZone: string;
  /** Offset from UTC now, in minutes (Istanbul: 180). */
  utcOffsetMinutes: number;
  hemisphere: Hemisphere;
  climate: Climate;
  /** Season now, for the hemisphere (in the tropics, always summer). */
  season: Season;
  daypart: Daypart;
  /** 0 = Monday … 6 = Sunday, in the shopper's time. */
  weekday: number;
  /** 0…23 in the shopper's time. */
  hour: number;
  /** weekday × 24 + hour. */
  hourOfWeek: number;
  /** How this visit arrived: the first page of the session, else this page. */
  traffic: TrafficClass;
}

/** This device's shopper, as far as the stored history tells. */
export interface Visitor {
  /** A random id made on this device; never sent anywhere. */
  id: string;
  firstSeen: number;
  /** Sessions on this device, this one included. */
  visits: number;
  isNew: boolean;
  returning: boolean;
  daysSinceFirstSeen: number;
  /** When the previous session ended, for a returning visitor. */
  lastVisitAt?: number;
}

/** The visitor record kept on the device (cache key `visitor`). */
export interface VisitorRecord {
  id: string;
  firstSeen: number;
}

/** Behaviour features, each 0…1, that personas are assigned from. */
export interface Features {
  /** Attention on discounted and cheaper-than-usual items. */
  priceSensitivity: number;
  /** How many different top-level categories the shopper moves between. */
  categoryBreadth: number;
  /** Share of brand attention on the favourite brand. */
  brandLoyalty: number;
  /** How regularly the shopper comes back (visits per week, capped). */
  visitRhythm: number;
  /** Purchases per visit and carts that end in a purchase. */
  conversion: number;
  /** Views and visible time per product before acting. */
  researchDepth: number;
  /** Few views between arriving and adding to cart. */
  decisiveness: number;
  /** Attention on gift-like categories far from the usual ones. */
  giftSignal: number;
  /** How much the shopper looks at products (20 views or more: 1), whatever they do next. */
  browsing: number;
  /** How much history the features rest on: 0 (none) … 1 (plenty). */
  evidence: number;
}

/** A persona: a weighted blend of features, optionally with floors. */
export interface PersonaDefinition {
  id: string;
  /** Labels by language, e.g. `{ tr: "Fırsat avcısı", en: "Bargain hunter" }`. */
  label: Record<string, string>;
  /** Feature weights; the persona's score is Σ weight × feature / Σ |weight|. */
  weights: Partial<Record<Exclude<keyof Features, "evidence">, number>>;
  /** Features that must reach a value for the persona to apply at all. */
  min?: Partial<Record<Exclude<keyof Features, "evidence">, number>>;
}

/** The persona assigned, with how sure Vitrin is. */
export interface PersonaMatch {
  id: string;
  /** 0…1: the winning score's margin over the runner-up, scaled by the evidence. */
  confidence: number;
  /** Every persona's score, for `explain` and debugging. */
  scores: Record<string, number>;
}

/** A merchant segment: an id and a condition over profile facts (see segments.ts). */
export interface SegmentRule {
  id: string;
  when: Condition;
}

/** A condition on profile facts, as written in the merchant's JSON. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | {
      /**
       * Dotted path of a fact, e.g. "tally.cartAdds" or "context.device", or a keyed affinity
       * fact such as "share.category:Giyim > Kadın" (see segments.ts).
       */
      fact: string;
      eq?: string | number | boolean;
      ne?: string | number | boolean;
      gt?: number;
      gte?: number;
      lt?: number;
      lte?: number;
      in?: (string | number)[];
      /** The fact is a list (segments, cart ids…) that contains this value. */
      has?: string;
      exists?: boolean;
    };

/** What Recognize reads. */
export interface RecognizeInput {
  events: readonly VitrinEvent[];
  memory: Memory;
  environment: Environment;
  now: number;
  visitor?: VisitorRecord;
  /** The current session id and its number on this device (from the tracker's session record). */
  session?: { id: string; count: number };
  /** Merchant segments, evaluated after the built-in ones (they may refer to them). */
  segments?: readonly SegmentRule[];
  /** Replaces the default personas. */
  personas?: readonly PersonaDefinition[];
}

/** Who and where: the output of the Recognize stage. */
export interface Recognition {
  visitor: Visitor;
  context: ShopperContext;
  features: Features;
  /** Ids of matching segments: built-in first, then the merchant's, in their order. */
  segments: string[];
  persona?: PersonaMatch;
}

const DAY = 864e5;
/** Id of a visitor with no record on the device (storage refused or not yet written). */
export const ANONYMOUS = "anonymous";
/** Locale when the browser reports none Vitrin can read: the home market. */
export const DEFAULT_LOCALE = "tr-TR";

/** 0…1; NaN and negatives are 0. */
const clamp01 = (x: number) => (x > 0 ? Math.min(x, 1) : 0);
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
const sum = (xs: Iterable<number>) => {
  let s = 0;
  for (const x of xs) if (x > 0) s += x;
  return s;
};

/** Events in time order, ids breaking ties: several tabs append to one log in any order. */
const byTime = (a: VitrinEvent, b: VitrinEvent) =>
  a.ts - b.ts || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The current session's id (given, else the latest event's) and its events. */
export function currentSession(input: Pick<RecognizeInput, "events" | "session">): {
  id: string | undefined;
  events: VitrinEvent[];
} {
  let id = input.session?.id;
  if (id === undefined) {
    let latest: VitrinEvent | undefined;
    for (const e of input.events) if (!latest || byTime(e, latest) > 0) latest = e;
    id = latest?.session;
  }
  return { id, events: input.events.filter((e) => e.session === id) };
}

/**
 * The visitor: first seen is the earliest of the device record, the events and the tally;
 * visits the most of the session counter, the tally and the stored visits (this one included).
 */
export function visitorOf(input: RecognizeInput, sessionId: string | undefined): Visitor {
  const { memory, now } = input;
  let firstSeen = Math.min(input.visitor?.firstSeen ?? now, memory.tally.firstAt ?? now, now);
  for (const e of input.events) if (e.ts < firstSeen) firstSeen = e.ts;
  const visits = Math.max(
    input.session?.count ?? 0,
    memory.tally.sessions,
    memory.visits.length,
    1,
  );
  let lastVisitAt: number | undefined;
  for (const v of memory.visits)
    if (v.id !== sessionId && v.last <= now && !(v.last <= (lastVisitAt ?? -Infinity)))
      lastVisitAt = v.last;
  return {
    id: input.visitor?.id || ANONYMOUS,
    firstSeen,
    visits,
    isNew: visits <= 1,
    returning: visits > 1,
    daysSinceFirstSeen: Math.max(0, (now - firstSeen) / DAY),
    ...(lastVisitAt === undefined ? {} : { lastVisitAt }),
  };
}

/** The first readable locale the browser prefers, canonicalised. */
function localeOf(languages: readonly string[]): string {
  for (const tag of languages ?? []) {
    try {
      const [locale] = Intl.getCanonicalLocales(tag);
      if (locale) return locale;
    } catch {
      // Not a BCP 47 tag; try the next.
    }
  }
  return DEFAULT_LOCALE;
}

/**
 * How this visit arrived: the session's first event (the landing page), unless that was a page
 * of the shop itself; then this page's referrer and query. A visit that starts inside the shop
 * (a tab left open past the session timeout) is direct, as in GA4.
 */
function trafficOf(env: Environment, session: readonly VitrinEvent[]): TrafficClass {
  let first: VitrinEvent | undefined;
  for (const e of session) if (!first || byTime(e, first) < 0) first = e;
  const landing = first?.ctx.traffic;
  const traffic =
    landing && landing !== "internal"
      ? landing
      : classifyTraffic(env.referrer, env.host, env.search);
  return traffic === "internal" ? "direct" : traffic;
}

/**
 * Where and how the shopper is now. An invalid time zone is treated as UTC (and named so),
 * which also gives the default climate.
 */
export function contextOf(
  env: Environment,
  now: number,
  session: readonly VitrinEvent[],
): ShopperContext {
  const timeZone = isValidTimeZone(env.timeZone) ? env.timeZone : "UTC";
  const offset = utcOffsetMinutes(timeZone, now);
  const where = zoneClimate(timeZone);
  const { month, ...time } = localTime(now, offset);
  const locale = localeOf(env.languages);
  return {
    device: classifyDevice(env),
    input: env.coarsePointer ? "touch" : "mouse",
    hover: env.hover,
    saveData: env.saveData,
    reducedMotion: env.reducedMotion,
    locale,
    currency: currencyOf(locale),
    timeZone,
    utcOffsetMinutes: offset,
    ...where,
    season: seasonOf(month, where),
    ...time,
    traffic: trafficOf(env, session),
  };
}

/**
 * Behaviour features, each 0…1, from the memory only (behaviour, never demographics):
 * - priceSensitivity: ½ share of views on sale items + 0.3 deal seeking + 0.2 lean to the two
 *   cheapest price bands beyond their even share (0.4); without price bands, the first two,
 *   rescaled to 0…1;
 * - categoryBreadth: effective number of top-level categories (e^entropy of their affinities),
 *   1 → 0 … 6 or more → 1; from the tally's count when there are no affinities;
 * - brandLoyalty: the favourite brand's share of brand affinity; 0 under 3 product actions;
 * - visitRhythm: visits per week since first seen (over at least a week), 3 a week → 1;
 *   0 for a single visit;
 * - conversion: mean of purchases per visit and purchases per cart add;
 * - researchDepth: mean of views per product touched (1 → 0, 3 → 1), visible time per view
 *   (a minute → 1) and comparing;
 * - decisiveness: 0.6 cart adds per view (1 in 3 → 1) + 0.4 share of carted products carted at
 *   the first view; 0 without cart adds;
 * - giftSignal: gift browsing; browsing: views, 20 → 1; evidence: events, 30 → 1.
 */
export function featuresOf(memory: Memory, visitor: Visitor): Features {
  const { tally, intent, affinities } = memory;
  const bandTotal = sum(affinities.priceBands.values());
  const low = sum([...affinities.priceBands].filter(([band]) => band <= 1).map(([, w]) => w));
  const sale =
    0.5 * clamp01(ratio(tally.saleViews, tally.views)) + 0.3 * clamp01(intent.dealSeeking);
  const priceSensitivity =
    bandTotal > 0 ? sale + 0.2 * clamp01((low / bandTotal - 0.4) / 0.6) : sale / 0.8;

  const tops = [...affinities.categories]
    .filter(([k, w]) => w > 0 && !k.includes(" > "))
    .map(([, w]) => w);
  const topTotal = sum(tops);
  const entropy = -tops.reduce((h, w) => h + (w / topTotal) * Math.log(w / topTotal), 0);
  const categories = tops.length ? Math.exp(entropy) : tally.topCategories;

  const brands = [...affinities.brands.values()].filter((w) => w > 0);
  const actions = tally.views + tally.clicks + tally.cartAdds + tally.purchases;

  const weeks = Math.max(1, visitor.daysSinceFirstSeen / 7);
  const touched = memory.interactions.size || memory.recentlyViewed.length;
  let carted = 0;
  let quick = 0;
  for (const it of memory.interactions.values())
    if (it.carts > 0) {
      carted++;
      if (it.views <= 1) quick++;
    }
  const cartRate = clamp01(ratio(3 * tally.cartAdds, Math.max(tally.views, tally.cartAdds)));

  return {
    priceSensitivity: clamp01(priceSensitivity),
    categoryBreadth: clamp01((categories - 1) / 5),
    brandLoyalty: actions >= 3 ? clamp01(ratio(Math.max(0, ...brands), sum(brands))) : 0,
    visitRhythm: visitor.visits > 1 ? clamp01(visitor.visits / weeks / 3) : 0,
    conversion: clamp01(
      (ratio(tally.purchases, visitor.visits) +
        (tally.cartAdds > 0
          ? ratio(tally.purchases, tally.cartAdds)
          : tally.purchases > 0
            ? 1
            : 0)) /
        2,
    ),
    researchDepth: clamp01(
      (clamp01((ratio(tally.views, touched) - 1) / 2) +
        clamp01(ratio(tally.engagementMs, tally.views) / 60000) +
        clamp01(intent.comparing)) /
        3,
    ),
    decisiveness:
      tally.cartAdds > 0 ? clamp01(0.6 * cartRate + 0.4 * (carted ? quick / carted : cartRate)) : 0,
    giftSignal: clamp01(intent.giftBrowsing),
    browsing: clamp01(tally.views / 20),
    evidence: clamp01(tally.events / 30),
  };
}

/**
 * Recognize: who the shopper is and where, as a pure function of the stored events, the memory,
 * what the browser reports and the clock. Same input, same output.
 */
export function recognize(input: RecognizeInput): Recognition {
  const session = currentSession(input);
  const visitor = visitorOf(input, session.id);
  const context = contextOf(input.environment, input.now, session.events);
  const features = featuresOf(input.memory, visitor);
  // No list, or an empty one, leaves the defaults.
  const persona = assignPersona(features, input.personas?.length ? input.personas : undefined);
  const segments = segmentsOf(
    {
      visitor,
      context,
      features,
      memory: input.memory,
      persona,
      session: session.events,
      now: input.now,
    },
    input.segments,
  );
  return { visitor, context, features, segments, ...(persona ? { persona } : {}) };
}
