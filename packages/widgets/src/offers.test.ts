import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NOW, profileWith } from "./content-fixtures.js";
import { chooseOffers, countView, type Offer, parseOffers, readSeen } from "./offers.js";

const offer = (extra: Partial<Offer> = {}): Offer => ({
  id: "o",
  kind: "banner",
  text: { tr: "Teklif", en: "Offer" },
  ...extra,
});
const ids = (offers: Offer[]) => offers.map((o) => o.id);

describe("parseOffers", () => {
  it("keeps good offers and names every problem of the bad ones", () => {
    const { offers, problems } = parseOffers(
      {
        offers: [
          {
            id: "welcome",
            text: { tr: "Hoş geldin! İlk alışverişine %10", en: "Welcome! 10% off" },
            code: "HOSGELDIN10",
            segment: "new-visitor",
            maxViews: 3,
          },
          { id: "winter", text: "Kış indirimi", end: "31.12.2026" },
          {
            id: "books",
            kind: "badge",
            text: "Kitapta kargo bedava",
            affinity: { category: "Kitap", min: 2 },
            device: ["mobile", "tablet"],
            start: "2026-12-01",
            end: "2026-12-31T23:59:59+03:00",
            link: "/kampanya/kitap",
          },
        ],
      },
      "offers.json",
    );
    expect(ids(offers)).toEqual(["welcome", "books"]);
    expect(offers[0]).toMatchObject({ kind: "banner", segment: ["new-visitor"], maxViews: 3 });
    expect(problems).toEqual(["offers.json: offers[1].end: expected an ISO date like 2026-12-31"]);
  });

  it("says what each field expects", () => {
    const problems = (raw: object) => parseOffers([raw], "offers.json").problems;
    expect(problems({ id: "a", text: "x", kind: "popup" })).toEqual([
      'offers.json: offers[0].kind: expected "banner" or "badge"',
    ]);
    expect(problems({ id: "a", text: "x", device: "phone" })).toEqual([
      'offers.json: offers[0].device: expected one of "mobile", "tablet", "desktop", or a list of them',
    ]);
    expect(problems({ id: "a", text: "x", link: "javascript:alert(1)" })).toEqual([
      "offers.json: offers[0].link: expected an http(s) link or a path like /kampanya",
    ]);
    expect(problems({ id: "a", text: "x", affinity: { category: "Kitap" } })).toEqual([
      'offers.json: offers[0].affinity: expected {"category": "Kitap", "min": 2} (min a number, 0 or more)',
    ]);
    expect(problems({ id: "a", text: "x", maxViews: 0 })).toEqual([
      "offers.json: offers[0].maxViews: expected a whole number, 1 or more",
    ]);
    expect(problems({ id: "a", text: "x", start: "2026-02-30" })).toEqual([
      "offers.json: offers[0].start: expected an ISO date like 2026-12-31",
    ]);
    expect(problems({ id: "a", text: "x", start: "2026-12-31", end: "2026-12-01" })).toEqual([
      "offers.json: offers[0].end: expected a date after start (2026-12-31)",
    ]);
    expect(problems({ id: "a", text: { de: "Angebot" } })).toEqual([
      'offers.json: offers[0].text: expected a text, or {"tr": "…", "en": "…"}, of up to 300 characters',
    ]);
    expect(problems({ id: "a", text: "x", segmnet: "lapsed" })[0]).toMatch(
      /^offers\.json: offers\[0\]\.segmnet: unknown key; expected id, kind, text, cta, code, link, segment, persona, /,
    );
  });

  it("reads JSON text, rejects other shapes and repeated ids", () => {
    expect(parseOffers('[{"id": "a", "text": "x"}]', "s").offers).toHaveLength(1);
    expect(parseOffers("{oops", "<script data-vitrin-offers>").problems[0]).toMatch(
      /^<script data-vitrin-offers>: not valid JSON: /,
    );
    expect(parseOffers({ offer: [] }, "offers.json").problems).toEqual([
      'offers.json: expected a list of offers, or {"offers": […]}',
    ]);
    const twice = parseOffers([offer(), offer()], "offers.json");
    expect(twice.offers).toHaveLength(1);
    expect(twice.problems).toEqual(['offers.json: offers[1].id: "o" is used by an earlier offer']);
  });

  it("never throws, on any JSON", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.array(fc.dictionary(fc.string(), fc.jsonValue()))),
        (json) => {
          const result = parseOffers(json, "x");
          expect(Array.isArray(result.offers)).toBe(true);
          for (const p of result.problems) expect(p.startsWith("x: ")).toBe(true);
        },
      ),
    );
    fc.assert(fc.property(fc.string(), (text) => void parseOffers(text, "x")));
  });

  it("keeps what it accepted when given it again, whatever the fields hold", () => {
    const anything = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom("banner", "badge", "mobile", "lapsed", "2026-12-31", "/k", "Kitap"),
      fc.record({ category: fc.string(), min: fc.double() }),
      fc.record({ tr: fc.string(), en: fc.string() }, { requiredKeys: [] }),
    );
    const keys = [
      "id",
      "kind",
      "text",
      "code",
      "link",
      "segment",
      "device",
      "affinity",
      "maxViews",
      "start",
      "end",
    ];
    const raw = fc.dictionary(fc.constantFrom(...keys), anything);
    fc.assert(
      fc.property(fc.array(raw, { maxLength: 5 }), (list) => {
        const first = parseOffers(list, "x").offers;
        expect(parseOffers(first, "x")).toEqual({ offers: first, problems: [] });
      }),
    );
  });
});

describe("chooseOffers", () => {
  it("targets segment, persona, device, daypart, season, input and visitor", () => {
    const offers = [
      offer({ id: "lapsed", segment: ["lapsed"] }),
      offer({ id: "bargain", persona: ["bargain-hunter"] }),
      offer({ id: "mobile", device: ["mobile"] }),
      offer({ id: "evening", daypart: ["evening"] }),
      offer({ id: "summer", season: ["summer"] }),
      offer({ id: "touch", input: ["touch"] }),
      offer({ id: "first", visitor: ["new"] }),
      offer({ id: "everyone" }),
    ];
    // The fixture is a new desktop visitor in a December evening in Istanbul.
    expect(ids(chooseOffers(offers, profileWith(), NOW))).toEqual(["evening", "first", "everyone"]);
    const other = profileWith({
      segments: ["returning", "lapsed"],
      persona: "bargain-hunter",
      returning: true,
      context: { device: "mobile", daypart: "morning", season: "summer", input: "touch" },
    });
    expect(ids(chooseOffers(offers, other, NOW))).toEqual([
      "lapsed",
      "bargain",
      "mobile",
      "summer",
      "touch",
      "everyone",
    ]);
  });

  it("needs every targeting key to match, any value within one", () => {
    const both = offer({ segment: ["lapsed", "buyer"], device: ["mobile"] });
    const lapsed = (device: "mobile" | "desktop") =>
      profileWith({ segments: ["lapsed"], context: { device } });
    expect(chooseOffers([both], lapsed("mobile"), NOW)).toHaveLength(1);
    expect(chooseOffers([both], lapsed("desktop"), NOW)).toHaveLength(0);
  });

  it("targets a category affinity at or above a threshold", () => {
    const books = offer({ affinity: { category: "Kitap > Roman", min: 2 } });
    const reader = (score: number) => profileWith({ affinities: { "Kitap > Roman": score } });
    expect(chooseOffers([books], reader(2), NOW)).toHaveLength(1);
    expect(chooseOffers([books], reader(1.9), NOW)).toHaveLength(0);
    expect(chooseOffers([books], profileWith(), NOW)).toHaveLength(0);
    const parsed = parseOffers(
      [{ id: "b", text: "x", affinity: { category: "Kitap>Roman", min: 1 } }],
      "o",
    );
    expect(chooseOffers(parsed.offers, reader(2), NOW)).toHaveLength(1);
  });

  it("starts and ends on the shopper's calendar days", () => {
    const december = offer({ start: "2026-12-01", end: "2026-12-10" });
    // NOW is 10 December, 21:00 in Istanbul: the last day, still on.
    expect(chooseOffers([december], profileWith(), NOW)).toHaveLength(1);
    // 11 December 00:30 in Istanbul is still 10 December in UTC; the offer has ended here.
    const after = Date.UTC(2026, 11, 10, 21, 30);
    expect(chooseOffers([december], profileWith({}, after), after)).toHaveLength(0);
    const before = Date.UTC(2026, 10, 30, 20, 59); // 23:59 on 30 November, Istanbul
    expect(chooseOffers([december], profileWith({}, before), before)).toHaveLength(0);
    const exact = offer({ end: "2026-12-10T18:00:00Z" });
    expect(chooseOffers([exact], profileWith(), NOW)).toHaveLength(0);
    expect(chooseOffers([exact], profileWith(), NOW - 1)).toHaveLength(1);
  });

  it("caps views per shopper and per visit", () => {
    const capped = offer({ maxViews: 2, perSession: 1 });
    const profile = profileWith({ returning: true }); // visit 3
    let seen = countView({}, "o", 3);
    expect(seen).toEqual({ o: { total: 1, session: 3, inSession: 1 } });
    expect(chooseOffers([capped], profile, NOW, seen)).toHaveLength(0);
    // The next visit: one more view allowed, then the lifetime cap.
    const next = { ...profile, visitor: { ...profile.visitor, visits: 4 } };
    expect(chooseOffers([capped], next, NOW, seen)).toHaveLength(1);
    seen = countView(seen, "o", 4);
    expect(seen.o).toEqual({ total: 2, session: 4, inSession: 1 });
    const later = { ...profile, visitor: { ...profile.visitor, visits: 5 } };
    expect(chooseOffers([capped], later, NOW, seen)).toHaveLength(0);
    expect(chooseOffers([offer()], later, NOW, seen)).toHaveLength(1);
  });
});

describe("readSeen", () => {
  it("keeps well-formed counts and ignores the rest", () => {
    const raw = JSON.stringify({
      a: { total: 2, session: 1, inSession: 2 },
      b: { total: "x" },
      c: 3,
    });
    expect(readSeen(raw)).toEqual({ a: { total: 2, session: 1, inSession: 2 } });
    expect(readSeen("{broken")).toEqual({});
    expect(readSeen(null)).toEqual({});
  });
});
