/**
 * Segments: built-in ones (new visitor, returning, cart abandoner, buyer, lapsed, high intent),
 * then the merchant's, written in JSON as a tree of conditions over named profile facts.
 * Merchant JSON is untrusted: {@link parseSegments} checks it once, and evaluation never throws.
 */
import { CATEGORY_FIELDS } from "./aggregates.js";
import { CATEGORY_SEPARATOR, foldCase } from "./catalog-index.js";
import type { VitrinEvent } from "./events.js";
import { isRecord } from "./guards.js";
import { kebab, merchantList, type Problems, problemsOf } from "./merchant-json.js";
import type {
  Condition,
  Features,
  PersonaMatch,
  SegmentRule,
  ShopperContext,
  Visitor,
} from "./recognize.js";
import {
  type Affinities,
  type Intent,
  type Memory,
  normaliseSearch,
  type Tally,
} from "./remember.js";

const DAY = 864e5;

/** Built-in segment ids, evaluated before the merchant's (which may refer to them). */
export const BUILT_IN_SEGMENTS = [
  "new-visitor",
  "returning",
  "cart-abandoner",
  "buyer",
  "lapsed",
  "high-intent",
] as const;

/** One of {@link BUILT_IN_SEGMENTS}. */
export type BuiltInSegment = (typeof BUILT_IN_SEGMENTS)[number];

/** A buyer is lapsed when the last purchase is this many days old… */
export const LAPSED_PURCHASE_DAYS = 90;
/** …and any visitor is lapsed when they come back after this many days away. */
export const LAPSED_VISIT_DAYS = 60;

/** What segments are decided on: the rest of the Recognize output, the memory and this session. */
export interface SegmentProfile {
  visitor: Visitor;
  context: ShopperContext;
  features: Features;
  memory: Memory;
  persona?: PersonaMatch | undefined;
  /** Events of the current session. */
  session: readonly VitrinEvent[];
  now: number;
}

/**
 * Facts read straight off one part of the profile, by group: `visitor.visits`, `tally.cartAdds`…
 * One table, so that the facts a rule may name and the facts computed cannot drift apart.
 */
const FACT_GROUPS = {
  visitor: ["visits", "isNew", "returning", "daysSinceFirstSeen", "firstSeen"],
  context: [
    "device",
    "input",
    "hover",
    "saveData",
    "reducedMotion",
    "locale",
    "currency",
    "timeZone",
    "utcOffsetMinutes",
    "hemisphere",
    "climate",
    "season",
    "daypart",
    "weekday",
    "hour",
    "hourOfWeek",
    "traffic",
  ],
  tally: [
    "events",
    "views",
    "clicks",
    "cartAdds",
    "cartRemovals",
    "checkouts",
    "purchases",
    "searches",
    "saleViews",
    "engagementMs",
    "sessions",
    "firstAt",
    "lastAt",
    "lastPurchaseAt",
    "topCategories",
    "brands",
  ],
  intent: ["dealSeeking", "comparing", "giftBrowsing"],
  features: [
    "priceSensitivity",
    "categoryBreadth",
    "brandLoyalty",
    "visitRhythm",
    "conversion",
    "researchDepth",
    "decisiveness",
    "giftSignal",
    "browsing",
    "evidence",
  ],
} as const satisfies {
  visitor: readonly (keyof Visitor)[];
  context: readonly (keyof ShopperContext)[];
  tally: readonly (keyof Tally)[];
  intent: readonly (keyof Intent)[];
  features: readonly (keyof Features)[];
};

/**
 * Facts that are lists, for `has`: segment ids, item ids, search terms (matched folded, as
 * Remember keeps them), categories whose repurchase is due.
 */
export const LIST_FACTS = [
  "segments",
  "cart.items",
  "cart.abandonedItems",
  "viewed",
  "bought",
  "searches",
  "repurchase.due",
] as const;

/**
 * Every fact a merchant rule may name. `days.*` are fractional days, Infinity when the thing
 * never happened (so "no purchase in 14 days" matches a shopper who never bought);
 * `cart.count`/`cart.abandoned` count lines; `session.*` count this visit's events.
 */
export const FACTS: readonly string[] = [
  ...Object.entries(FACT_GROUPS).flatMap(([group, keys]) =>
    keys.map((k: string) => `${group}.${k}`),
  ),
  "cart.count",
  "cart.abandoned",
  "days.sinceLastPurchase",
  "days.sinceFirstSeen",
  "days.sinceLastVisit",
  "session.events",
  "session.views",
  "session.cartAdds",
  "persona",
  "persona.confidence",
  ...LIST_FACTS,
];

/**
 * Facts about one key of the affinities, named with the key: `affinity.<kind>:<key>` is its
 * time-decayed interest as Remember keeps it (a view 1, a purchase 6, halved every 30 days),
 * `share.<kind>:<key>` its part of the interest 0…1 — of all category interest for a category
 * path, of all brands for a brand, of the attribute's values for `name=value`, of all price
 * bands (0 cheapest fifth … 4 dearest) for a band. A key never touched is 0.
 */
const KEYED = /^(affinity|share)\.(category|brand|attribute|priceBand):(.*)$/s;
/** How {@link KEYED} facts are written, for messages. */
export const KEYED_FORMS =
  "share.<kind>:<key> or affinity.<kind>:<key>, <kind> one of category, brand, attribute, priceBand";

/** A fact's value. */
export type FactValue = string | number | boolean | undefined | readonly string[];
const AFFINITIES = Symbol("affinities");
/** Facts by dotted name (see {@link FACTS}); keyed facts are read on demand. */
export type Facts = Record<string, FactValue> & { [AFFINITIES]?: Affinities };

/**
 * The affinity key a keyed fact names, as Remember keys it ("Giyim>Kadın" → "Giyim > Kadın",
 * "color=MAVİ" → "color=mavi", "2" → 2), or what is wrong with it.
 */
function affinityKey(kind: string, key: string): string | number | { problem: string } {
  const text = key.trim();
  if (kind === "priceBand")
    return /^[0-4]$/.test(text)
      ? Number(text)
      : { problem: "expected a price band from 0 (the cheapest fifth) to 4 (the dearest)" };
  if (!text || text.length > 200) return { problem: "expected a key of 1 to 200 characters" };
  if (kind === "category")
    return text
      .split(">")
      .map((part) => part.trim())
      .join(CATEGORY_SEPARATOR);
  if (kind !== "attribute") return text;
  const at = text.indexOf("=");
  return at > 0 && at < text.length - 1
    ? `${text.slice(0, at).trim()}=${foldCase(text.slice(at + 1).trim())}`
    : { problem: 'expected <name>=<value>, e.g. "share.attribute:color=mavi"' };
}

/** A keyed fact's value (see {@link KEYED}), or undefined for any other name. */
function keyedFact(aff: Affinities | undefined, name: string): number | undefined {
  const [, measure, kind = "", raw = ""] = KEYED.exec(name) ?? [];
  const key = affinityKey(kind, raw);
  if (!aff || !measure || typeof key === "object") return undefined;
  const map: ReadonlyMap<unknown, number> =
    kind === "category"
      ? aff.categories
      : kind === "brand"
        ? aff.brands
        : kind === "attribute"
          ? aff.attributes
          : aff.priceBands;
  const value = map.get(key) ?? 0;
  if (measure === "affinity") return value;
  // The peers a share is of: top-level categories (every action counts for one of them), the
  // same attribute's values, or every brand or band.
  const prefix = kind === "attribute" ? `${String(key).split("=")[0]}=` : "";
  let total = 0;
  for (const [k, v] of map) {
    const peer =
      kind === "category" ? !String(k).includes(CATEGORY_SEPARATOR) : String(k).startsWith(prefix);
    if (v > 0 && peer) total += v;
  }
  return total > 0 ? Math.max(0, value) / total : 0;
}

/** When the shopper last bought, from the tally or the purchases. */
export function lastPurchaseAt(memory: Memory): number | undefined {
  let last = memory.tally.lastPurchaseAt;
  for (const p of memory.purchases) if (!(p.ts <= (last ?? -Infinity))) last = p.ts;
  return last;
}

const sinceDays = (now: number, at: number | undefined) =>
  at === undefined ? Infinity : Math.max(0, (now - at) / DAY);

/** Category path of an event's item, as the catalog writes it ("Giyim > Kadın > Mont"). */
function categoryPath(event: VitrinEvent): string {
  const item = event.items[0];
  if (!item) return "";
  return CATEGORY_FIELDS.map((field) => item[field])
    .filter(Boolean)
    .join(" > ");
}

/**
 * High intent, in this session: a cart add or checkout, three or more different products viewed
 * in one (most specific) category, or one product viewed again.
 */
function highIntent(session: readonly VitrinEvent[]): boolean {
  const byCategory = new Map<string, Set<string>>();
  const seen = new Set<string>();
  for (const e of session) {
    if (e.name === "add_to_cart" || e.name === "begin_checkout") return true;
    const id = e.items[0]?.item_id;
    if (e.name !== "view_item" || !id) continue;
    if (seen.has(id)) return true;
    seen.add(id);
    const path = categoryPath(e);
    if (!path) continue;
    const ids = byCategory.get(path) ?? new Set();
    byCategory.set(path, ids.add(id));
    if (ids.size >= 3) return true;
  }
  return false;
}

/**
 * The built-in segments that hold, in {@link BUILT_IN_SEGMENTS} order.
 * - cart-abandoner: a cart line left in an earlier session, added after the last purchase;
 * - lapsed: a buyer whose last purchase is {@link LAPSED_PURCHASE_DAYS}+ days old, or a
 *   visitor back after {@link LAPSED_VISIT_DAYS}+ days away (both are win-back moments).
 */
export function builtInSegments(p: SegmentProfile): BuiltInSegment[] {
  const { memory, visitor, now } = p;
  const bought = lastPurchaseAt(memory);
  const holds: Record<BuiltInSegment, boolean> = {
    "new-visitor": visitor.isNew,
    returning: visitor.returning,
    "cart-abandoner": memory.abandonedCart.some((line) => line.addedAt > (bought ?? -Infinity)),
    buyer: bought !== undefined || memory.tally.purchases > 0,
    lapsed:
      (bought !== undefined && sinceDays(now, bought) >= LAPSED_PURCHASE_DAYS) ||
      (visitor.lastVisitAt !== undefined &&
        sinceDays(now, visitor.lastVisitAt) >= LAPSED_VISIT_DAYS),
    "high-intent": highIntent(p.session),
  };
  return BUILT_IN_SEGMENTS.filter((id) => holds[id]);
}

/** The facts merchant rules are evaluated over; `segments` is the list given (not copied). */
export function factsOf(p: SegmentProfile, segments: readonly string[]): Facts {
  const { memory, now } = p;
  const f: Facts = {};
  const parts: Record<keyof typeof FACT_GROUPS, object> = {
    visitor: p.visitor,
    context: p.context,
    tally: memory.tally,
    intent: memory.intent,
    features: p.features,
  };
  for (const [group, keys] of Object.entries(FACT_GROUPS)) {
    const part = parts[group as keyof typeof FACT_GROUPS] as Record<string, FactValue>;
    for (const k of keys) f[`${group}.${k}`] = part[k];
  }
  const count = (name: string) => p.session.filter((e) => e.name === name).length;
  return Object.assign(f, {
    "cart.count": memory.cart.length,
    "cart.abandoned": memory.abandonedCart.length,
    "days.sinceLastPurchase": sinceDays(now, lastPurchaseAt(memory)),
    "days.sinceFirstSeen": p.visitor.daysSinceFirstSeen,
    "days.sinceLastVisit": sinceDays(now, p.visitor.lastVisitAt),
    "session.events": p.session.length,
    "session.views": count("view_item"),
    "session.cartAdds": count("add_to_cart"),
    persona: p.persona?.id,
    "persona.confidence": p.persona?.confidence,
    segments,
    "cart.items": memory.cart.map((l) => l.id),
    "cart.abandonedItems": memory.abandonedCart.map((l) => l.id),
    viewed: memory.recentlyViewed,
    bought: [...memory.bought],
    searches: memory.searches.map((s) => s.term),
    "repurchase.due": memory.repurchase.filter((r) => r.dueAt <= now).map((r) => r.category),
    [AFFINITIES]: memory.affinities,
  });
}

/** How deep conditions may nest: deeper JSON is a mistake or an attack on the stack. */
export const MAX_DEPTH = 8;

type Leaf = Extract<Condition, { fact: string }>;
type Operator = Exclude<keyof Leaf, "fact">;

/** Leaf operators; several in one leaf must all hold. */
export const OPERATORS: readonly Operator[] = [
  "eq",
  "ne",
  "gt",
  "gte",
  "lt",
  "lte",
  "in",
  "has",
  "exists",
];

const own = (o: object, k: string): unknown =>
  Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined;

function test(op: Operator, v: FactValue, x: unknown): boolean {
  const n = typeof v === "number" && typeof x === "number";
  switch (op) {
    case "eq":
      return v === x;
    case "ne":
      return v !== x;
    case "gt":
      return n && v > x;
    case "gte":
      return n && v >= x;
    case "lt":
      return n && v < x;
    case "lte":
      return n && v <= x;
    case "in":
      return Array.isArray(x) && x.includes(v);
    case "has":
      return Array.isArray(v) && v.includes(x as string);
    case "exists":
      return (v !== undefined && v !== null) === x;
  }
}

/** Thrown inside {@link evaluate} for a malformed or too deep condition: then nothing holds. */
const MALFORMED = new Error("malformed condition");

function holds(c: Condition, facts: Facts, depth: number): boolean {
  if (depth > MAX_DEPTH || !isRecord(c)) throw MALFORMED;
  const all = own(c, "all");
  const any = own(c, "any");
  const list = all ?? any;
  if (list !== undefined) {
    if (!Array.isArray(list)) throw MALFORMED;
    // Every child is checked, so a malformed one fails the rule whatever comes first.
    const results = list.map((x: Condition) => holds(x, facts, depth + 1));
    return all !== undefined ? results.every(Boolean) : results.some(Boolean);
  }
  if (Object.hasOwn(c, "not")) return !holds(own(c, "not") as Condition, facts, depth + 1);
  const name = own(c, "fact");
  if (typeof name !== "string") throw MALFORMED;
  const v = Object.hasOwn(facts, name) ? facts[name] : keyedFact(facts[AFFINITIES], name);
  let result = true;
  let tested = false;
  for (const op of OPERATORS) {
    let x = own(c, op);
    if (x === undefined) continue;
    // Terms are kept folded ("İstanbul", "Istanbul" → "istanbul"): the merchant's too.
    if (name === "searches" && typeof x === "string") x = normaliseSearch(x);
    result &&= test(op, v, x);
    tested = true;
  }
  if (!tested) throw MALFORMED;
  return result;
}

/**
 * Whether a condition holds for the facts. `all: []` holds, `any: []` does not; a missing fact
 * fails every test but `ne` and `exists: false`. A condition malformed anywhere (or nested deeper
 * than {@link MAX_DEPTH}) does not hold — not even under a `not`. Never throws.
 */
export function evaluate(c: Condition, facts: Facts): boolean {
  try {
    return holds(c, facts, 0);
  } catch {
    return false;
  }
}

/**
 * Segment ids that hold: the built-ins, then each merchant rule in order. A rule sees the
 * segments matched before it (`{"fact": "segments", "has": "returning"}`); a rule reusing a
 * built-in or an earlier rule's id is ignored.
 */
export function segmentsOf(p: SegmentProfile, rules: readonly SegmentRule[] = []): string[] {
  const ids: string[] = builtInSegments(p);
  const facts = factsOf(p, ids);
  const taken = new Set<string>(BUILT_IN_SEGMENTS);
  for (const rule of rules) {
    if (!isRecord(rule) || taken.has(rule.id)) continue;
    taken.add(rule.id);
    if (evaluate(rule.when, facts)) ids.push(rule.id);
  }
  return ids;
}

const CONDITION =
  'expected a condition: {"all": […]}, {"any": […]}, {"not": {…}} or {"fact": …, "<operator>": …}';
// Built on use, not at load: the script-tag bundle, which never parses, then leaves them out.
const operatorList = () => OPERATORS.join(", ");

/** What each operator's value must be. */
function operandProblem(op: Operator, x: unknown): string | undefined {
  const num = typeof x === "number" && Number.isFinite(x);
  switch (op) {
    case "eq":
    case "ne":
      return num || typeof x === "string" || typeof x === "boolean"
        ? undefined
        : "expected a text, a number, true or false";
    case "in":
      return Array.isArray(x) &&
        x.every((y) => typeof y === "string" || (typeof y === "number" && Number.isFinite(y)))
        ? undefined
        : "expected a list of texts or numbers";
    case "has":
      return typeof x === "string" ? undefined : "expected a text";
    case "exists":
      return typeof x === "boolean" ? undefined : "expected true or false";
    default:
      return num ? undefined : "expected a number";
  }
}

function parseCondition(
  raw: unknown,
  at: string,
  depth: number,
  p: Problems,
): Condition | undefined {
  if (depth > MAX_DEPTH) return p.add(at, `conditions nest deeper than ${MAX_DEPTH} levels`);
  if (!isRecord(raw)) return p.add(at, CONDITION);
  const keys = Object.keys(raw);
  const before = p.count;
  if (!keys.includes("fact")) {
    const kind = keys.find((k) => k === "all" || k === "any" || k === "not");
    if (!kind) return p.add(at, CONDITION);
    for (const k of keys)
      if (k !== kind) p.add(`${at}.${k}`, `unexpected beside "${kind}"; ${CONDITION}`);
    const value = raw[kind];
    if (kind === "not") {
      const inner = parseCondition(value, `${at}.not`, depth + 1, p);
      return inner && p.count === before ? { not: inner } : undefined;
    }
    if (!Array.isArray(value)) return p.add(`${at}.${kind}`, "expected a list of conditions");
    const list = value.map((c, i) => parseCondition(c, `${at}.${kind}[${i}]`, depth + 1, p));
    if (p.count > before) return undefined;
    const conditions = list.filter((c): c is Condition => c !== undefined);
    return kind === "all" ? { all: conditions } : { any: conditions };
  }
  const fact = raw.fact;
  const [, , kind, key] = (typeof fact === "string" && KEYED.exec(fact)) || [];
  const keyed = kind === undefined ? undefined : affinityKey(kind, key ?? "");
  if (typeof keyed === "object") p.add(`${at}.fact`, `${JSON.stringify(fact)}: ${keyed.problem}`);
  else if (keyed === undefined && (typeof fact !== "string" || !FACTS.includes(fact)))
    p.add(
      `${at}.fact`,
      `unknown fact ${JSON.stringify(fact)}; expected one of ${FACTS.join(", ")}, or ${KEYED_FORMS}`,
    );
  const leaf: Record<string, unknown> = { fact };
  for (const k of keys) {
    if (k === "fact") continue;
    const op = OPERATORS.find((o) => o === k);
    const problem = op
      ? operandProblem(op, raw[k])
      : `unknown operator; expected one of ${operatorList()}`;
    const isList = (LIST_FACTS as readonly string[]).includes(String(fact));
    if (problem) p.add(`${at}.${k}`, problem);
    else if (op === "has" && !isList)
      p.add(`${at}.has`, `"${fact}" is not a list; "has" works on ${LIST_FACTS.join(", ")}`);
    else if (op) leaf[op] = raw[k];
  }
  if (keys.length < 2) p.add(at, `expected an operator beside "fact": one of ${operatorList()}`);
  return p.count > before ? undefined : (leaf as Leaf);
}

/** At most this many merchant segments. */
export const MAX_SEGMENTS = 100;

/**
 * Validates the merchant's segments (untrusted JSON from a config file): a list of
 * `{ id, when }`, or `{ segments: [...] }`. Every problem names where and what was expected,
 * e.g. `config.json: segments[2].when.all[0].gte: expected a number`; a rule with any problem is
 * skipped, good rules are kept. Ids must be unique lowercase-kebab and not a built-in one.
 * Never throws: nesting is capped at {@link MAX_DEPTH}, and `__proto__` is just an unknown key.
 */
export function parseSegments(
  json: unknown,
  where: string,
): { rules: SegmentRule[]; problems: string[] } {
  const problems = problemsOf(where);
  const rules: SegmentRule[] = [];
  const list = merchantList(
    json,
    "segments",
    MAX_SEGMENTS,
    problems,
    'each {"id": …, "when": {…}}',
  );
  const ids = new Set<string>(BUILT_IN_SEGMENTS);
  for (const [i, raw] of list.entries()) {
    const at = `segments[${i}]`;
    const before = problems.count;
    if (!isRecord(raw)) {
      problems.add(at, 'expected an object {"id": …, "when": {…}}');
      continue;
    }
    for (const key of Object.keys(raw))
      if (key !== "id" && key !== "when" && key !== "description")
        problems.add(`${at}.${key}`, "unknown key; expected id, when or description");
    const id = raw.id;
    if (!kebab(id)) problems.add(`${at}.id`, 'expected a lowercase-kebab id like "big-spender"');
    else if (ids.has(id))
      problems.add(
        `${at}.id`,
        (BUILT_IN_SEGMENTS as readonly string[]).includes(id)
          ? `"${id}" is a built-in segment`
          : `"${id}" is used twice`,
      );
    const when = Object.hasOwn(raw, "when")
      ? parseCondition(raw.when, `${at}.when`, 0, problems)
      : problems.add(`${at}.when`, `missing; ${CONDITION}`);
    if (problems.count > before || !when || !kebab(id)) continue;
    ids.add(id);
    rules.push({ id, when });
  }
  return { rules, problems: problems.list };
}
