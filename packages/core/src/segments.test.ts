import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EventItem, VitrinEvent } from "./events.js";
import { contextOf, featuresOf, type SegmentRule, visitorOf } from "./recognize.js";
import { emptyMemory, type Memory, type Tally } from "./remember.js";
import {
  BUILT_IN_SEGMENTS,
  builtInSegments,
  evaluate,
  FACTS,
  factsOf,
  MAX_DEPTH,
  OPERATORS,
  parseSegments,
  type SegmentProfile,
  segmentsOf,
} from "./segments.js";
import { makeEvent, testEnvironment } from "./test-fixtures.js";

const DAY = 864e5;
const NOW = Date.UTC(2026, 11, 14, 9);
const ENV = testEnvironment("Europe/Istanbul", {
  userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
  screenWidth: 1920,
  host: "shop.example",
});

function event(
  name: VitrinEvent["name"],
  ts: number,
  item?: Partial<EventItem>,
  session = "now",
): VitrinEvent {
  return makeEvent(name, ts, item ? [{ item_id: "P1", ...item }] : [], { session });
}

interface Setup {
  tally?: Partial<Tally>;
  memory?: Partial<Memory>;
  events?: VitrinEvent[];
  count?: number;
}

/** A profile as Recognize builds it, for the current session "now". */
function profile({ tally = {}, memory = {}, events = [], count = 1 }: Setup = {}): SegmentProfile {
  const empty = emptyMemory();
  const m: Memory = { ...empty, ...memory, tally: { ...empty.tally, ...tally } };
  const input = { events, memory: m, environment: ENV, now: NOW, session: { id: "now", count } };
  const visitor = visitorOf(input, "now");
  const session = events.filter((e) => e.session === "now");
  return {
    visitor,
    context: contextOf(ENV, NOW, session),
    features: featuresOf(m, visitor),
    memory: m,
    session,
    now: NOW,
  };
}

const line = (id: string, addedAt: number) => ({ id, qty: 1, addedAt, session: "before" });
const visit = (id: string, start: number, last: number) => ({
  id,
  start,
  last,
  items: [],
  bought: [],
});

describe("built-in segments", () => {
  it("new-visitor and returning", () => {
    expect(builtInSegments(profile())).toEqual(["new-visitor"]);
    expect(builtInSegments(profile({ count: 2 }))).toEqual(["returning"]);
  });

  it("cart-abandoner: a line left in an earlier session and not followed by a purchase", () => {
    const left = { abandonedCart: [line("KBN-1", NOW - DAY)] };
    expect(builtInSegments(profile({ count: 2, memory: left }))).toEqual([
      "returning",
      "cart-abandoner",
    ]);
    const boughtAfter = { ...left, purchases: [{ id: "X", ts: NOW - DAY / 2, qty: 1 }] };
    expect(
      builtInSegments(profile({ count: 2, memory: boughtAfter, tally: { purchases: 1 } })),
    ).toEqual(["returning", "buyer"]);
  });

  it("buyer: at least one purchase, from the purchases or the tally", () => {
    const purchases = [{ id: "KTP-1", ts: NOW - 3 * DAY, qty: 1 }];
    expect(builtInSegments(profile({ count: 2, memory: { purchases } }))).toContain("buyer");
    expect(
      builtInSegments(profile({ count: 2, tally: { purchases: 1, lastPurchaseAt: NOW - DAY } })),
    ).toContain("buyer");
  });

  it("lapsed: last purchase 90+ days ago, or back after 60+ days away", () => {
    const bought = (days: number) => ({
      count: 2,
      tally: { purchases: 1, lastPurchaseAt: NOW - days * DAY },
    });
    expect(builtInSegments(profile(bought(91)))).toContain("lapsed");
    expect(builtInSegments(profile(bought(89)))).not.toContain("lapsed");
    const away = (days: number) => ({
      count: 2,
      memory: {
        visits: [visit("old", NOW - days * DAY - 1000, NOW - days * DAY), visit("now", NOW, NOW)],
      },
    });
    expect(builtInSegments(profile(away(61)))).toEqual(["returning", "lapsed"]);
    expect(builtInSegments(profile(away(59)))).toEqual(["returning"]);
  });

  it("high-intent: a cart add or checkout, 3+ products of one category, or a product viewed again — this session", () => {
    const view = (id: string, cat = "Giyim", cat2 = "Mont") =>
      event("view_item", NOW - 1000, { item_id: id, item_category: cat, item_category2: cat2 });
    const intent = (events: VitrinEvent[]) =>
      builtInSegments(profile({ events })).includes("high-intent");
    expect(intent([event("add_to_cart", NOW - 1000, { item_id: "A" })])).toBe(true);
    expect(intent([event("begin_checkout", NOW - 1000)])).toBe(true);
    expect(intent([view("A"), view("B"), view("C")])).toBe(true);
    expect(intent([view("A"), view("A")])).toBe(true);
    // Three products across categories, or an earlier session's cart add, are not intent now.
    expect(intent([view("A"), view("B", "Kitap", "Roman"), view("C", "Giyim", "Elbise")])).toBe(
      false,
    );
    expect(intent([event("add_to_cart", NOW - 2 * DAY, { item_id: "A" }, "before")])).toBe(false);
    expect(intent([])).toBe(false);
  });
});

describe("merchant rules", () => {
  /** "returning, 2+ cart adds, no purchase in 14 days" */
  const cooling: SegmentRule = {
    id: "cooling-cart",
    when: {
      all: [
        { fact: "visitor.returning", eq: true },
        { fact: "tally.cartAdds", gte: 2 },
        { fact: "days.sinceLastPurchase", gte: 14 },
      ],
    },
  };

  it("matches the 14-day example, with never-bought counting as no purchase", () => {
    const match = (setup: Setup) => segmentsOf(profile(setup), [cooling]).includes("cooling-cart");
    expect(match({ count: 3, tally: { cartAdds: 2 } })).toBe(true);
    expect(
      match({ count: 3, tally: { cartAdds: 2, purchases: 1, lastPurchaseAt: NOW - 20 * DAY } }),
    ).toBe(true);
    expect(
      match({ count: 3, tally: { cartAdds: 2, purchases: 1, lastPurchaseAt: NOW - 3 * DAY } }),
    ).toBe(false);
    expect(match({ count: 3, tally: { cartAdds: 1 } })).toBe(false);
    expect(match({ count: 1, tally: { cartAdds: 5 } })).toBe(false);
  });

  it("evaluates has, in, ne, exists, not and any, and later rules see earlier segments", () => {
    const rules: SegmentRule[] = [
      { id: "loyal", when: { fact: "segments", has: "returning" } },
      {
        id: "istanbul-winter",
        when: {
          all: [
            { fact: "context.season", in: ["winter", "autumn"] },
            { fact: "context.currency", eq: "TRY" },
          ],
        },
      },
      { id: "never-bought", when: { not: { fact: "tally.lastPurchaseAt", exists: true } } },
      {
        id: "loyal-or-phone",
        when: {
          any: [
            { fact: "segments", has: "loyal" },
            { fact: "context.device", eq: "mobile" },
          ],
        },
      },
      { id: "no-coat", when: { fact: "cart.items", has: "KBN-1" } },
      { id: "not-mobile", when: { fact: "context.device", ne: "mobile" } },
      { id: "empty-any", when: { any: [] } },
      { id: "empty-all", when: { all: [] } },
    ];
    expect(segmentsOf(profile({ count: 2 }), rules)).toEqual([
      "returning",
      "loyal",
      "istanbul-winter",
      "never-bought",
      "loyal-or-phone",
      "not-mobile",
      "empty-all",
    ]);
    expect(segmentsOf(profile({ memory: { cart: [line("KBN-1", NOW)] } }), rules)).toContain(
      "no-coat",
    );
  });

  it("a missing fact fails comparisons; a rule cannot repeat a segment; odd hand-built rules never throw", () => {
    const facts = factsOf(profile(), []);
    expect(evaluate({ fact: "tally.lastPurchaseAt", gte: 0 }, facts)).toBe(false);
    expect(evaluate({ fact: "tally.lastPurchaseAt", lt: 0 }, facts)).toBe(false);
    expect(evaluate({ fact: "nope", ne: 1 }, facts)).toBe(true);
    expect(evaluate({ fact: "__proto__", exists: true }, facts)).toBe(false);
    expect(evaluate({ fact: "tally.views" }, facts)).toBe(false);
    // Malformed under a `not` does not flip into a match.
    expect(evaluate({ not: { fact: 3 } } as unknown as SegmentRule["when"], facts)).toBe(false);
    expect(
      evaluate(
        { any: [{ fact: "tally.views", gte: 0 }, "x"] } as unknown as SegmentRule["when"],
        facts,
      ),
    ).toBe(false);
    const odd = [
      { id: "returning", when: { all: [] } },
      { id: "x", when: null },
      { id: "y", when: { all: "no" } },
      {
        id: "z",
        when: {
          fact: "tally.views",
          get gte(): number {
            throw new Error("boom");
          },
        },
      },
    ] as unknown as SegmentRule[];
    expect(segmentsOf(profile(), odd)).toEqual(["new-visitor"]);
  });

  it("keyed facts read the affinities: interest, and share among their peers", () => {
    const memory = {
      affinities: {
        categories: new Map([
          ["Giyim", 6],
          ["Giyim > Kadın", 4],
          ["Bebek", 2],
          ["Kitap", -1],
        ]),
        brands: new Map([
          ["Ege", 3],
          ["Lale", 1],
        ]),
        attributes: new Map([
          ["color=mavi", 3],
          ["color=sarı", 1],
          ["season=winter", 12],
        ]),
        priceBands: new Map([
          [0, 1],
          [4, 3],
        ]),
      },
    };
    const facts = factsOf(profile({ memory }), []);
    const holds = (fact: string, test: Record<string, unknown>) =>
      evaluate({ fact, ...test } as SegmentRule["when"], facts);
    expect(holds("affinity.category:Giyim > Kadın", { eq: 4 })).toBe(true);
    // Written as a merchant may: spacing around ">" does not matter.
    expect(holds("share.category:Giyim>Kadın", { eq: 0.5 })).toBe(true);
    expect(holds("share.category:Bebek", { eq: 0.25 })).toBe(true);
    // A category never touched is 0, so "little interest in Kozmetik" holds.
    expect(holds("share.category:Kozmetik", { lt: 0.1 })).toBe(true);
    expect(holds("affinity.category:Kozmetik", { eq: 0 })).toBe(true);
    expect(holds("share.category:Kitap", { eq: 0 })).toBe(true);
    expect(holds("share.brand:Ege", { eq: 0.75 })).toBe(true);
    expect(holds("affinity.brand:Lale", { gte: 1 })).toBe(true);
    // Of the attribute's own values; the value is folded as the catalog index folds it.
    expect(holds("share.attribute:color=MAVİ", { eq: 0.75 })).toBe(true);
    expect(holds("share.priceBand:4", { eq: 0.75 })).toBe(true);
    expect(holds("affinity.priceBand:0", { eq: 1 })).toBe(true);
    expect(holds("share.priceBand:7", { gte: 0 })).toBe(false);
    // Through a whole rule, as config files write them.
    const { rules, problems } = parseSegments(
      [{ id: "kadin", when: { fact: "share.category:Giyim > Kadın", gte: 0.5 } }],
      "c.json",
    );
    expect(problems).toEqual([]);
    expect(segmentsOf(profile({ memory }), rules)).toContain("kadin");
    expect(segmentsOf(profile(), rules)).not.toContain("kadin");
  });

  it("matches searches folded: Istanbul, İstanbul and ISTANBUL are one term", () => {
    const memory = { searches: [{ term: "istanbul", count: 2, last: NOW }] };
    for (const has of ["İstanbul", "ISTANBUL", "Istanbul", "ıstanbul"]) {
      const rule = { id: "ist", when: { fact: "searches", has } };
      expect(segmentsOf(profile({ memory }), [rule]), has).toContain("ist");
    }
  });

  it("reads persona confidence and the categories due for a repurchase", () => {
    const due = { category: "Kozmetik", cycleDays: 30, lastAt: NOW - 40 * DAY, items: [] };
    const memory = {
      repurchase: [
        { ...due, dueAt: NOW - 10 * DAY },
        { ...due, category: "Kitap", dueAt: NOW + DAY },
      ],
    };
    const facts = factsOf(
      { ...profile({ memory }), persona: { id: "x", confidence: 0.4, scores: {} } },
      [],
    );
    expect(facts["repurchase.due"]).toEqual(["Kozmetik"]);
    expect(evaluate({ fact: "repurchase.due", has: "Kozmetik" }, facts)).toBe(true);
    expect(evaluate({ fact: "persona.confidence", gte: 0.4 }, facts)).toBe(true);
  });

  it("facts are exactly FACTS", () => {
    expect(Object.keys(factsOf(profile(), [])).sort()).toEqual([...FACTS].sort());
  });
});

describe("parseSegments", () => {
  it("keeps good rules and names each problem's place and what was expected", () => {
    const json = JSON.parse(`{"segments": [
      {"id": "cooling-cart", "when": {"all": [{"fact": "visitor.returning", "eq": true}, {"fact": "tally.cartAdds", "gte": 2}]}},
      {"id": "Big Spender", "when": {"fact": "tally.purchases", "gte": 3}},
      {"id": "wrong-number", "when": {"all": [{"fact": "tally.views", "gte": "3"}]}},
      {"id": "typo", "when": {"fact": "tally.views", "gtee": 3}},
      {"id": "cooling-cart", "when": {"fact": "tally.views", "gte": 3}},
      {"id": "buyer", "wehn": {}},
      {"id": "not-a-list", "when": {"fact": "tally.views", "has": "x"}},
      {"id": "mixed", "when": {"all": [], "any": []}, "description": "fine"}
    ]}`);
    const { rules, problems } = parseSegments(json, "config.json");
    expect(rules).toEqual([
      {
        id: "cooling-cart",
        when: {
          all: [
            { fact: "visitor.returning", eq: true },
            { fact: "tally.cartAdds", gte: 2 },
          ],
        },
      },
    ]);
    const conditionHelp =
      'expected a condition: {"all": […]}, {"any": […]}, {"not": {…}} or {"fact": …, "<operator>": …}';
    expect(problems).toEqual([
      'config.json: segments[1].id: expected a lowercase-kebab id like "big-spender"',
      "config.json: segments[2].when.all[0].gte: expected a number",
      "config.json: segments[3].when.gtee: unknown operator; expected one of eq, ne, gt, gte, lt, lte, in, has, exists",
      'config.json: segments[4].id: "cooling-cart" is used twice',
      "config.json: segments[5].wehn: unknown key; expected id, when or description",
      'config.json: segments[5].id: "buyer" is a built-in segment',
      `config.json: segments[5].when: missing; ${conditionHelp}`,
      'config.json: segments[6].when.has: "tally.views" is not a list; "has" works on segments, cart.items, cart.abandonedItems, viewed, bought, searches, repurchase.due',
      `config.json: segments[7].when.any: unexpected beside "all"; ${conditionHelp}`,
    ]);
  });

  it("reports unknown facts with the accepted ones, and non-lists", () => {
    const { problems } = parseSegments([{ id: "a", when: { fact: "tally.foo", eq: 1 } }], "c.json");
    expect(problems).toEqual([
      `c.json: segments[0].when.fact: unknown fact "tally.foo"; expected one of ${FACTS.join(", ")}, or share.<kind>:<key> or affinity.<kind>:<key>, <kind> one of category, brand, attribute, priceBand`,
    ]);
    expect(problems[0]).toContain("days.sinceLastPurchase");
    expect(parseSegments({ segments: 3 }, "c.json").problems).toEqual([
      'c.json: segments: expected a list of segments, each {"id": …, "when": {…}}',
    ]);
    expect(parseSegments([{ id: "a", when: { fact: "tally.views" } }], "c.json").problems).toEqual([
      'c.json: segments[0].when: expected an operator beside "fact": one of eq, ne, gt, gte, lt, lte, in, has, exists',
    ]);
  });

  it("is safe against __proto__ keys and deep nesting", () => {
    const json = JSON.parse(
      '[{"id": "p", "when": {"fact": "tally.views", "gte": 1, "__proto__": {"polluted": true}}}]',
    );
    expect(parseSegments(json, "c.json").problems).toEqual([
      "c.json: segments[0].when.__proto__: unknown operator; expected one of eq, ne, gt, gte, lt, lte, in, has, exists",
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    let deep: unknown = { fact: "tally.views", gte: 1 };
    for (let i = 0; i < 100_000; i++) deep = { not: deep };
    const out = parseSegments([{ id: "deep", when: deep }], "c.json");
    expect(out.rules).toEqual([]);
    expect(out.problems).toEqual([
      `c.json: segments[0].when${".not".repeat(MAX_DEPTH + 1)}: conditions nest deeper than ${MAX_DEPTH} levels`,
    ]);
    expect(evaluate(deep as SegmentRule["when"], factsOf(profile(), []))).toBe(false);
  });

  it("names a bad key of a keyed fact, with the forms accepted", () => {
    const rule = (fact: string) => ({ id: "a", when: { fact, gte: 0.2 } });
    expect(
      parseSegments(
        [
          rule("share.priceBand:7"),
          rule("share.attribute:mavi"),
          rule("affinity.brand: "),
          rule("share.colour:x"),
        ],
        "c.json",
      ).problems,
    ).toEqual([
      'c.json: segments[0].when.fact: "share.priceBand:7": expected a price band from 0 (the cheapest fifth) to 4 (the dearest)',
      'c.json: segments[1].when.fact: "share.attribute:mavi": expected <name>=<value>, e.g. "share.attribute:color=mavi"',
      'c.json: segments[2].when.fact: "affinity.brand: ": expected a key of 1 to 200 characters',
      expect.stringContaining('unknown fact "share.colour:x"; expected one of'),
    ]);
    expect(
      parseSegments([{ id: "a", when: { fact: "share.brand:Ege", has: "x" } }], "c.json").problems,
    ).toEqual([expect.stringContaining('segments[0].when.has: "share.brand:Ege" is not a list')]);
  });

  it("lists at most 50 problems", () => {
    const bad = Array.from({ length: 80 }, () => ({ id: "X" }));
    const { problems } = parseSegments(bad, "c.json");
    expect(problems).toHaveLength(51);
    expect(problems[50]).toBe("c.json: more problems not listed");
  });

  it("property: arbitrary JSON never makes parsing or evaluation throw", () => {
    const p = profile({ count: 2, tally: { cartAdds: 3, views: 7 } });
    const leaf = fc.record(
      {
        fact: fc.oneof(
          fc.constantFrom(...FACTS),
          fc.string(),
          fc
            .tuple(
              fc.constantFrom(
                "share.category:",
                "affinity.brand:",
                "share.attribute:",
                "share.priceBand:",
                "share.colour:",
              ),
              fc.constantFrom("", "Giyim", "2", "a=b", "=", "9"),
            )
            .map(([k, key]) => k + key),
        ),
        eq: fc.oneof(fc.string(), fc.integer(), fc.boolean()),
        gte: fc.oneof(fc.double(), fc.string()),
        has: fc.constantFrom(...BUILT_IN_SEGMENTS, "x"),
        in: fc.array(fc.oneof(fc.string(), fc.integer())),
        exists: fc.boolean(),
        bogus: fc.jsonValue(),
      },
      { requiredKeys: ["fact"] },
    );
    const { condition } = fc.letrec((tie) => ({
      condition: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        leaf,
        fc.record({ all: fc.array(tie("condition"), { maxLength: 4 }) }),
        fc.record({ any: fc.array(tie("condition"), { maxLength: 4 }) }),
        fc.record({ not: tie("condition") }),
        fc.jsonValue(),
      ),
    }));
    const rule = fc.record({
      id: fc.oneof(fc.constantFrom("a", "b-c", "d"), fc.string()),
      when: condition,
    });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.array(rule, { maxLength: 5 })), (json) => {
        const { rules, problems } = parseSegments(json, "fuzz.json");
        for (const problem of problems) expect(problem.startsWith("fuzz.json: ")).toBe(true);
        const ids = segmentsOf(p, rules);
        expect(new Set(ids).size).toBe(ids.length);
        // Unchecked input straight into evaluate is also safe.
        expect(typeof evaluate(json as SegmentRule["when"], factsOf(p, ids))).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });

  it("OPERATORS are the documented nine", () => {
    expect(OPERATORS).toEqual(["eq", "ne", "gt", "gte", "lt", "lte", "in", "has", "exists"]);
  });
});
