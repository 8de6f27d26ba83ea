import { describe, expect, it } from "vitest";
import { parseConfig } from "./config.js";
import { contextOf, featuresOf, visitorOf } from "./recognize.js";
import { emptyMemory, type Memory } from "./remember.js";
import { type SegmentProfile, segmentsOf } from "./segments.js";
import { testEnvironment } from "./test-fixtures.js";

const SEGMENT = { id: "warm-lead", when: { fact: "tally.cartAdds", gte: 2 } };
const PERSONA = {
  id: "night-owl",
  label: { tr: "Gece kuşu", en: "Night owl" },
  weights: { visitRhythm: 1 },
};

describe("parseConfig", () => {
  it("reads every section into the settings createVitrin takes", () => {
    const offers = [{ id: "hosgeldin", visitor: "new", text: "Hoş geldin" }];
    const { settings, problems } = parseConfig(
      {
        offers,
        segments: [SEGMENT],
        personas: [PERSONA],
        halfLifeDays: 14,
        giftWords: ["hediye", "evcil hayvan"],
        relevance: {
          repeatable: ["Kozmetik"],
          maxPerBrand: 2,
          maxPerCategory: 3,
          frequencyCap: 4,
          season: false,
          daypart: true,
          merchant: [
            { match: { id: "MNT-0042" }, action: "pin", position: 0 },
            { match: { tag: "kampanya" }, action: "boost", factor: 1.5, strategies: ["for-you"] },
            { match: { category: "Outlet" }, action: "bury", description: "last" },
            { match: { attribute: { name: "yas_siniri", value: "18+" } }, action: "exclude" },
          ],
        },
      },
      "config.json",
    );
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      offers,
      profile: {
        segments: [SEGMENT],
        personas: [PERSONA],
        halfLifeDays: 14,
        giftWords: ["hediye", "evcil hayvan"],
      },
      relevance: {
        repeatable: ["Kozmetik"],
        maxPerBrand: 2,
        maxPerCategory: 3,
        frequencyCap: 4,
        season: false,
        daypart: true,
        merchant: [
          { match: { id: "MNT-0042" }, action: "pin", position: 0 },
          { match: { tag: "kampanya" }, action: "boost", factor: 1.5, strategies: ["for-you"] },
          { match: { category: "Outlet" }, action: "bury" },
          { match: { attribute: { name: "yas_siniri", value: "18+" } }, action: "exclude" },
        ],
      },
    });
  });

  it("names unknown top-level keys with the accepted ones, and a file that is not an object", () => {
    expect(parseConfig({ segment: [], offers: [] }, "config.json")).toEqual({
      settings: { offers: [] },
      problems: [
        "config.json: segment: unknown key; expected one of offers, segments, personas, halfLifeDays, giftWords, relevance",
      ],
    });
    expect(parseConfig([SEGMENT], "config.json")).toEqual({
      settings: {},
      problems: [
        "config.json: expected an object with any of offers, segments, personas, halfLifeDays, giftWords, relevance",
      ],
    });
  });

  it("skips bad entries and sections with their path, and applies the rest", () => {
    const { settings, problems } = parseConfig(
      {
        segments: [SEGMENT, { id: "big", when: { fact: "tally.purchases", gte: "3" } }],
        personas: [{ ...PERSONA, weights: { mood: 1 } }],
        halfLifeDays: 0,
        giftWords: ["hediye", ""],
        relevance: {
          maxPerBrand: 2.5,
          season: "no",
          sort: "price",
          repeatable: "Kitap",
          merchant: [
            { match: { id: "A-1" }, action: "pin" },
            { match: { id: "A-2", tag: "x" }, action: "pin" },
            { match: { sku: "A-3" }, action: "bury" },
            { match: { id: "A-4" }, action: "boost" },
            { match: { id: "A-5" }, action: "bury", factor: 2, position: 1 },
            { match: { id: "A-6" }, action: "hide", strategies: ["popular"] },
            { match: { attribute: { name: "renk" } }, action: "exclude" },
            "pin A-7",
          ],
        },
      },
      "config.json",
    );
    expect(problems).toEqual([
      "config.json: segments[1].when.gte: expected a number",
      "config.json: personas[0].weights.mood: unknown feature; expected one of priceSensitivity, categoryBreadth, brandLoyalty, visitRhythm, conversion, researchDepth, decisiveness, giftSignal, browsing",
      "config.json: halfLifeDays: expected a number of days from 1 to 3650",
      'config.json: giftWords: expected a list of words such as ["hediye", "oyuncak"]',
      "config.json: relevance.maxPerBrand: expected a whole number from 1 to 100",
      "config.json: relevance.season: expected true or false",
      "config.json: relevance.sort: unknown setting; expected one of repeatable, maxPerBrand, maxPerCategory, frequencyCap, season, daypart, merchant",
      'config.json: relevance.repeatable: expected a list of category paths, e.g. ["Kozmetik", "Kitap"]',
      'config.json: relevance.merchant[1].match: expected an object with one of id, category, tag, attribute, e.g. {"category": "Giyim > Kadın"}',
      'config.json: relevance.merchant[2].match: expected an object with one of id, category, tag, attribute, e.g. {"category": "Giyim > Kadın"}',
      "config.json: relevance.merchant[3].factor: expected a number above 0 and up to 100, on a boost rule",
      "config.json: relevance.merchant[4].position: expected a place from 0 (the first) to 23, on a pin rule",
      "config.json: relevance.merchant[4].factor: expected a number above 0 and up to 100, on a boost rule",
      "config.json: relevance.merchant[5].action: expected one of pin, boost, bury, exclude",
      "config.json: relevance.merchant[5].strategies: expected a list of strategies: recently-viewed, similar, viewed-together, bought-together, trending, for-you, up-next, cart-cross-sell, buy-again, new-arrivals",
      'config.json: relevance.merchant[6].match.attribute: expected {"name": "…", "value": "…"}',
      'config.json: relevance.merchant[7]: expected a rule {"match": {…}, "action": …}',
    ]);
    // No valid persona: the defaults stay (no `personas` at all), rather than none.
    expect(settings).toEqual({
      profile: { segments: [SEGMENT] },
      relevance: { merchant: [{ match: { id: "A-1" }, action: "pin" }] },
    });
  });

  it("reports a relevance section that is not an object, and never throws on odd input", () => {
    expect(parseConfig({ relevance: [] }, "c.json").problems).toEqual([
      "c.json: relevance: expected an object with repeatable, maxPerBrand, maxPerCategory, frequencyCap, season, daypart, merchant",
    ]);
    for (const odd of [null, 7, "x", { segments: null }, { relevance: { merchant: [null] } }])
      expect(() => parseConfig(odd, "c.json")).not.toThrow();
  });
});

describe("docs/config.md, segments on interests", () => {
  it("its example has no problem, and each segment holds for the shopper it describes", async () => {
    const { readFileSync } = await import("node:fs");
    const markdown = readFileSync(new URL("../../../docs/config.md", import.meta.url), "utf8");
    const from = markdown.indexOf("## Segments on interests");
    const block = /```json\n([\s\S]*?)```/.exec(markdown.slice(from))?.[1] ?? "";
    const { settings, problems } = parseConfig(JSON.parse(block), "config.json");
    expect(problems).toEqual([]);
    const rules = settings.profile?.segments ?? [];
    expect(rules.map((r) => r.id)).toEqual([
      "kadin-giyim-meraklisi",
      "ege-sadik",
      "ucuz-bantta",
      "kozmetik-zamani",
    ]);
    const now = Date.UTC(2026, 5, 10);
    const base = emptyMemory();
    const memory: Memory = {
      ...base,
      affinities: {
        categories: new Map([
          ["Giyim", 6],
          ["Giyim > Kadın", 4],
          ["Kozmetik", 2],
        ]),
        brands: new Map([["Ege Dokuma", 5]]),
        attributes: new Map([["etiket=indirim", 1]]),
        priceBands: new Map([[0, 3]]),
      },
      repurchase: [
        { category: "Kozmetik > Cilt Bakımı", cycleDays: 30, lastAt: now, dueAt: now, items: [] },
      ],
    };
    const profile = (m: Memory): SegmentProfile => {
      const input = { events: [], memory: m, environment: testEnvironment(), now };
      const visitor = visitorOf(input, undefined);
      return {
        visitor,
        context: contextOf(input.environment, now, []),
        features: featuresOf(m, visitor),
        memory: m,
        session: [],
        now,
      };
    };
    expect(segmentsOf(profile(memory), rules)).toEqual([
      "new-visitor",
      "kadin-giyim-meraklisi",
      "ege-sadik",
      "ucuz-bantta",
      "kozmetik-zamani",
    ]);
    expect(segmentsOf(profile(base), rules)).toEqual(["new-visitor"]);
  });
});
