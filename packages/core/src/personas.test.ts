import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignPersona,
  DEFAULT_PERSONAS,
  PERSONA_FEATURES,
  type PersonaFeature,
  parsePersonas,
} from "./personas.js";
import type { Features, PersonaDefinition } from "./recognize.js";

const ZERO: Features = {
  priceSensitivity: 0,
  categoryBreadth: 0,
  brandLoyalty: 0,
  visitRhythm: 0,
  conversion: 0,
  researchDepth: 0,
  decisiveness: 0,
  giftSignal: 0,
  browsing: 0,
  evidence: 1,
};
const features = (over: Partial<Features>): Features => ({ ...ZERO, ...over });

describe("DEFAULT_PERSONAS", () => {
  it("are the seven archetypes, labelled in Turkish and English, and pass their own validation", () => {
    expect(DEFAULT_PERSONAS.map((p) => p.id)).toEqual([
      "bargain-hunter",
      "brand-loyal",
      "explorer",
      "decisive-buyer",
      "researcher",
      "gift-shopper",
      "window-shopper",
    ]);
    for (const p of DEFAULT_PERSONAS) expect(Object.keys(p.label).sort()).toEqual(["en", "tr"]);
    expect(parsePersonas(DEFAULT_PERSONAS, "defaults")).toEqual({
      personas: DEFAULT_PERSONAS,
      problems: [],
    });
  });
});

describe("assignPersona", () => {
  it.each<[string, Partial<Features>]>([
    ["bargain-hunter", { priceSensitivity: 0.8, browsing: 1 }],
    ["brand-loyal", { brandLoyalty: 0.9, conversion: 0.3 }],
    ["explorer", { categoryBreadth: 0.8, visitRhythm: 0.3, browsing: 0.5 }],
    ["decisive-buyer", { decisiveness: 0.8, conversion: 0.6, browsing: 0.3 }],
    ["researcher", { researchDepth: 0.7, browsing: 0.6 }],
    ["gift-shopper", { giftSignal: 0.7 }],
    ["window-shopper", { browsing: 1, researchDepth: 0.2 }],
  ])("%s wins on its defining behaviour", (id, over) => {
    expect(assignPersona(features(over))?.id).toBe(id);
  });

  it("a shopper who only views discounted items is a bargain hunter, not a window shopper", () => {
    const match = assignPersona(features({ priceSensitivity: 0.77, browsing: 1, evidence: 0.8 }));
    expect(match?.id).toBe("bargain-hunter");
    expect(match?.scores["window-shopper"]).toBeCloseTo(1 / 3);
    // Margin over the window shopper, times the evidence.
    expect(match?.confidence).toBeCloseTo((0.77 - 1 / 3) * 0.8);
  });

  it("gives no persona at cold start, when nothing qualifies or nothing scores above 0", () => {
    expect(assignPersona(features({ evidence: 0, priceSensitivity: 1 }))).toBeUndefined();
    expect(assignPersona(features({}))).toBeUndefined();
    // Floors: a trace of price sensitivity is not enough.
    expect(assignPersona(features({ priceSensitivity: 0.3 }))).toBeUndefined();
    expect(assignPersona(features({ priceSensitivity: 1 }), [])).toBeUndefined();
  });

  it("scores Σ w·f / Σ|w|, confidence = evidence × (best − runner-up)", () => {
    const personas: PersonaDefinition[] = [
      { id: "a", label: { en: "A" }, weights: { conversion: 2, browsing: -2 } },
      { id: "b", label: { en: "B" }, weights: { giftSignal: 1 } },
    ];
    const match = assignPersona(
      features({ conversion: 0.9, browsing: 0.1, giftSignal: 0.3, evidence: 0.5 }),
      personas,
    );
    expect(match?.id).toBe("a");
    expect(match?.scores.a).toBeCloseTo(0.4);
    expect(match?.scores.b).toBeCloseTo(0.3);
    expect(match?.confidence).toBeCloseTo(0.05);
    // The only qualifying persona: its margin is over 0.
    expect(
      assignPersona(features({ giftSignal: 0.6, evidence: 0.5 }), [
        personas[1] as PersonaDefinition,
      ])?.confidence,
    ).toBeCloseTo(0.3);
  });

  it("breaks ties by list order, with zero confidence", () => {
    const twin = (id: string): PersonaDefinition => ({
      id,
      label: { en: id },
      weights: { visitRhythm: 1 },
    });
    const match = assignPersona(features({ visitRhythm: 0.5 }), [twin("first"), twin("second")]);
    expect(match).toEqual({ id: "first", confidence: 0, scores: { first: 0.5, second: 0.5 } });
  });

  it("property: confidence is always in 0…1, the winner is a qualifying persona, same input same output", () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    const featureArb = fc.record<Features>({
      priceSensitivity: unit,
      categoryBreadth: unit,
      brandLoyalty: unit,
      visitRhythm: unit,
      conversion: unit,
      researchDepth: unit,
      decisiveness: unit,
      giftSignal: unit,
      browsing: unit,
      evidence: unit,
    });
    const weights = fc.dictionary(
      fc.constantFrom<PersonaFeature>(...PERSONA_FEATURES),
      fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.constant(0)),
    );
    const personaArb = fc.record<PersonaDefinition>(
      {
        id: fc.constantFrom("a", "b", "c", "d"),
        label: fc.constant({ en: "x" }),
        weights,
        min: fc.dictionary(fc.constantFrom<PersonaFeature>(...PERSONA_FEATURES), unit),
      },
      { requiredKeys: ["id", "label", "weights"] },
    );
    const lists = fc.oneof(fc.constant(DEFAULT_PERSONAS), fc.array(personaArb, { maxLength: 7 }));
    fc.assert(
      fc.property(featureArb, lists, (f, personas) => {
        const match = assignPersona(f, personas);
        expect(assignPersona(f, personas)).toEqual(match);
        if (!match) return;
        expect(match.confidence).toBeGreaterThanOrEqual(0);
        expect(match.confidence).toBeLessThanOrEqual(1);
        expect(personas.some((p) => p.id === match.id)).toBe(true);
        expect(Math.max(...Object.values(match.scores))).toBe(match.scores[match.id]);
      }),
    );
  });
});

describe("parsePersonas", () => {
  it("keeps good personas, skips bad ones and says where and what was expected", () => {
    const json = JSON.parse(`{"personas": [
      {"id": "night-owl", "label": {"tr": "Gece kuşu", "en": "Night owl"}, "weights": {"visitRhythm": 1}},
      {"id": "Night Owl", "label": {"en": "x"}, "weights": {"visitRhythm": 1}},
      {"id": "spender", "label": {"en": "Spender"}, "weights": {"income": 1, "conversion": "high"}},
      {"id": "night-owl", "label": {"__proto__": "x"}, "weights": {}},
      {"id": "zero", "label": {"en": "Zero"}, "weights": {"browsing": 0}, "min": {"browsing": 2}, "max": 1}
    ]}`);
    const { personas, problems } = parsePersonas(json, "config.json");
    expect(personas).toEqual([
      { id: "night-owl", label: { tr: "Gece kuşu", en: "Night owl" }, weights: { visitRhythm: 1 } },
    ]);
    expect(problems).toEqual([
      'config.json: personas[1].id: expected a lowercase-kebab id like "night-owl"',
      `config.json: personas[2].weights.income: unknown feature; expected one of ${PERSONA_FEATURES.join(", ")}`,
      "config.json: personas[2].weights.conversion: expected a number from -10 to 10",
      'config.json: personas[3].id: "night-owl" is used twice',
      "config.json: personas[3].label.__proto__: expected a language code like tr or en",
      "config.json: personas[3].weights: expected at least one non-zero weight",
      "config.json: personas[4].max: unknown key; expected id, label, weights or min",
      "config.json: personas[4].weights: expected at least one non-zero weight",
      "config.json: personas[4].min.browsing: expected a number from 0 to 1",
    ]);
  });

  it("accepts at most seven and never throws on arbitrary JSON", () => {
    const many = Array.from({ length: 9 }, (_, i) => ({
      id: `p-${i}`,
      label: { en: `P${i}` },
      weights: { browsing: 1 },
    }));
    const { personas, problems } = parsePersonas(many, "config.json");
    expect(personas).toHaveLength(7);
    expect(problems).toEqual([
      "config.json: personas: expected at most 7 personas; the rest are ignored",
    ]);
    expect(parsePersonas("nope", "x.json").problems).toEqual([
      "x.json: personas: expected a list of personas",
    ]);
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const out = parsePersonas(json, "fuzz");
        expect(out.personas.length).toBeLessThanOrEqual(7);
        expect(
          assignPersona(features({ browsing: 0.5 }), out.personas)?.confidence ?? 0,
        ).toBeLessThanOrEqual(1);
      }),
    );
  });
});
