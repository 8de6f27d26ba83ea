import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PageContext } from "./context.js";
import type { EventItem, VitrinEvent } from "./events.js";
import { featuresOf, type RecognizeInput, recognize, visitorOf } from "./recognize.js";
import { emptyMemory, type Memory, type Tally } from "./remember.js";
import { makeEvent, testEnvironment } from "./test-fixtures.js";

const DAY = 864e5;
/** Monday 14 December 2026, 09:00 UTC (12:00 in Istanbul). */
const NOW = Date.UTC(2026, 11, 14, 9);

const ENV = testEnvironment("Europe/Istanbul", {
  userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130",
  screenWidth: 1920,
  languages: ["tr-TR", "en"],
  host: "shop.example",
});

function event(
  name: VitrinEvent["name"],
  ts: number,
  session = "s1",
  traffic: PageContext["traffic"] = "direct",
  item?: Partial<EventItem>,
): VitrinEvent {
  const items = item ? [{ item_id: "P1", ...item }] : [];
  return makeEvent(name, ts, items, { session, ctx: { traffic, device: "desktop" } });
}

function memory(tally: Partial<Tally> = {}, over: Partial<Memory> = {}): Memory {
  const m = emptyMemory();
  return { ...m, ...over, tally: { ...m.tally, ...tally } };
}

function input(over: Partial<RecognizeInput> = {}): RecognizeInput {
  return { events: [], memory: emptyMemory(), environment: ENV, now: NOW, ...over };
}

describe("recognize: context", () => {
  it("reads device, input, locale, currency, zone, season and daypart in the shopper's time", () => {
    const { context } = recognize(input());
    expect(context).toEqual({
      device: "desktop",
      input: "mouse",
      hover: true,
      saveData: false,
      reducedMotion: false,
      locale: "tr-TR",
      currency: "TRY",
      timeZone: "Europe/Istanbul",
      utcOffsetMinutes: 180,
      hemisphere: "north",
      climate: "temperate",
      season: "winter",
      daypart: "afternoon",
      weekday: 0,
      hour: 12,
      hourOfWeek: 12,
      traffic: "direct",
    });
  });

  it("a phone in Sydney in December: touch, summer, AUD, next-day evening", () => {
    const { context } = recognize(
      input({
        now: Date.UTC(2026, 11, 14, 8),
        environment: {
          ...ENV,
          userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile",
          coarsePointer: true,
          hover: false,
          saveData: true,
          languages: ["en-AU"],
          timeZone: "Australia/Sydney",
        },
      }),
    );
    expect(context).toMatchObject({
      device: "mobile",
      input: "touch",
      saveData: true,
      currency: "AUD",
      hemisphere: "south",
      season: "summer",
      utcOffsetMinutes: 660,
      hour: 19,
      daypart: "evening",
      weekday: 0,
    });
  });

  it("treats an invalid zone as UTC, and unreadable languages as the default locale, without throwing", () => {
    const { context } = recognize(
      input({ environment: { ...ENV, timeZone: "Nowhere/Land", languages: ["?!", ""] } }),
    );
    expect(context).toMatchObject({
      timeZone: "UTC",
      utcOffsetMinutes: 0,
      hour: 9,
      hemisphere: "north",
      climate: "temperate",
      locale: "tr-TR",
      currency: "TRY",
    });
    expect(recognize(input({ environment: { ...ENV, languages: [] } })).context.locale).toBe(
      "tr-TR",
    );
  });

  it("takes the traffic source from the current session's first event", () => {
    const events = [
      event("page_view", NOW - 60_000, "s2", "internal"),
      event("page_view", NOW - 120_000, "s2", "social"),
      event("page_view", NOW - 130_000, "s1", "email"),
    ];
    expect(recognize(input({ events, session: { id: "s2", count: 2 } })).context.traffic).toBe(
      "social",
    );
    // Without a session record, the latest event's session is the current one.
    expect(recognize(input({ events })).context.traffic).toBe("social");
    expect(recognize(input({ events, session: { id: "s1", count: 1 } })).context.traffic).toBe(
      "email",
    );
  });

  it("falls back to this page's referrer when the session began inside the shop, else direct", () => {
    const events = [event("page_view", NOW - 60_000, "s3", "internal")];
    const session = { id: "s3", count: 3 };
    const google = { ...ENV, referrer: "https://www.google.com.tr/" };
    expect(recognize(input({ events, session, environment: google })).context.traffic).toBe(
      "search",
    );
    const paid = { ...ENV, search: "?gclid=x" };
    expect(recognize(input({ session, environment: paid })).context.traffic).toBe("paid");
    const inside = { ...ENV, referrer: "https://shop.example/kategori" };
    expect(recognize(input({ events, session, environment: inside })).context.traffic).toBe(
      "direct",
    );
  });
});

describe("recognize: visitor", () => {
  it("a first visit is new, anonymous without a device record, first seen now", () => {
    expect(recognize(input()).visitor).toEqual({
      id: "anonymous",
      firstSeen: NOW,
      visits: 1,
      isNew: true,
      returning: false,
      daysSinceFirstSeen: 0,
    });
  });

  it("a returning visitor: visits from the session counter, first seen from the earliest source", () => {
    const visits = [
      { id: "s1", start: NOW - 10 * DAY, last: NOW - 10 * DAY + 600_000, items: [], bought: [] },
      { id: "s2", start: NOW - 2 * DAY, last: NOW - 2 * DAY + 300_000, items: [], bought: [] },
      { id: "s3", start: NOW - 60_000, last: NOW, items: [], bought: [] },
    ];
    const visitor = visitorOf(
      input({
        visitor: { id: "v-123", firstSeen: NOW - 10 * DAY },
        session: { id: "s3", count: 3 },
        events: [event("page_view", NOW - 12 * DAY)],
        memory: memory({ sessions: 2, firstAt: NOW - 11 * DAY }, { visits }),
      }),
      "s3",
    );
    expect(visitor).toEqual({
      id: "v-123",
      firstSeen: NOW - 12 * DAY,
      visits: 3,
      isNew: false,
      returning: true,
      daysSinceFirstSeen: 12,
      lastVisitAt: NOW - 2 * DAY + 300_000,
    });
  });

  it("counts the tally's sessions when the session record is lost", () => {
    const visitor = recognize(input({ memory: memory({ sessions: 4 }) })).visitor;
    expect(visitor).toMatchObject({ visits: 4, returning: true, isNew: false });
  });
});

describe("recognize: features", () => {
  it("are all 0 at cold start, so no persona", () => {
    const r = recognize(input());
    expect(Object.values(r.features).every((f) => f === 0)).toBe(true);
    expect(r.persona).toBeUndefined();
    expect(r.segments).toEqual(["new-visitor"]);
  });

  it("a shopper who only views discounted items becomes a bargain hunter", () => {
    const r = recognize(
      input({
        memory: memory(
          { events: 30, views: 20, saleViews: 20, sessions: 2 },
          {
            intent: { dealSeeking: 0.9, comparing: 0.1, giftBrowsing: 0 },
            affinities: {
              ...emptyMemory().affinities,
              priceBands: new Map([
                [0, 6],
                [1, 3],
                [3, 1],
              ]),
            },
          },
        ),
      }),
    );
    // ½ · 1 + 0.3 · 0.9 + 0.2 · (0.9 − 0.4) / 0.6
    expect(r.features.priceSensitivity).toBeCloseTo(0.5 + 0.27 + 0.2 * (0.5 / 0.6));
    expect(r.persona?.id).toBe("bargain-hunter");
    expect(r.persona?.confidence).toBeGreaterThan(0.3);
  });

  it("measure breadth, loyalty, rhythm, conversion, research and decisiveness as documented", () => {
    const m = memory(
      { events: 15, views: 12, cartAdds: 2, purchases: 1, engagementMs: 12 * 30_000, sessions: 4 },
      {
        affinities: {
          categories: new Map([
            ["Giyim", 4],
            ["Giyim > Kadın", 4],
            ["Kitap", 4],
            ["Ev", 4],
          ]),
          brands: new Map([
            ["Ege Dokuma", 6],
            ["Marmara Moda", 2],
          ]),
          attributes: new Map(),
          priceBands: new Map(),
        },
        interactions: new Map([
          [
            "A",
            { views: 6, clicks: 0, carts: 1, purchases: 1, unclickedImpressions: 0, last: NOW },
          ],
          [
            "B",
            { views: 1, clicks: 0, carts: 1, purchases: 0, unclickedImpressions: 0, last: NOW },
          ],
          [
            "C",
            { views: 5, clicks: 0, carts: 0, purchases: 0, unclickedImpressions: 0, last: NOW },
          ],
        ]),
      },
    );
    const visitor = { ...recognize(input()).visitor, visits: 4, daysSinceFirstSeen: 14 };
    const f = featuresOf(m, visitor);
    expect(f.categoryBreadth).toBeCloseTo((3 - 1) / 5); // three even top-level categories
    expect(f.brandLoyalty).toBeCloseTo(0.75);
    expect(f.visitRhythm).toBeCloseTo(4 / 2 / 3); // 4 visits over 2 weeks
    expect(f.conversion).toBeCloseTo((1 / 4 + 1 / 2) / 2);
    expect(f.researchDepth).toBeCloseTo((1 + 1 / 2 + 0) / 3); // 4 views per product (3+ → 1), 30 s each
    expect(f.decisiveness).toBeCloseTo(0.6 * 0.5 + 0.4 * 0.5);
    expect(f.browsing).toBeCloseTo(12 / 20);
    expect(f.evidence).toBeCloseTo(0.5);
  });

  it("property: every feature stays in 0…1 whatever the tally says", () => {
    const count = fc.oneof(fc.nat(), fc.double({ noNaN: false }));
    fc.assert(
      fc.property(
        fc.record({
          events: count,
          views: count,
          cartAdds: count,
          purchases: count,
          saleViews: count,
          engagementMs: count,
          sessions: fc.nat(100),
          topCategories: count,
        }),
        fc.double({ noNaN: false }),
        (tally, deal) => {
          const m = memory(tally, {
            intent: { dealSeeking: deal, comparing: deal, giftBrowsing: deal },
          });
          const r = recognize(input({ memory: m }));
          for (const value of Object.values(r.features)) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
          if (r.persona) expect(r.persona.confidence).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe("recognize: the whole", () => {
  it("a returning shopper with a cart left yesterday is a cart abandoner", () => {
    const yesterday = NOW - DAY;
    const r = recognize(
      input({
        visitor: { id: "v-1", firstSeen: NOW - 5 * DAY },
        session: { id: "s2", count: 2 },
        events: [
          event("add_to_cart", yesterday, "s1", "direct", { item_id: "KBN-1" }),
          event("page_view", NOW - 1000, "s2", "email"),
        ],
        memory: memory(
          { events: 2, cartAdds: 1, sessions: 2 },
          {
            cart: [{ id: "KBN-1", qty: 1, addedAt: yesterday, session: "s1" }],
            abandonedCart: [{ id: "KBN-1", qty: 1, addedAt: yesterday, session: "s1" }],
          },
        ),
      }),
    );
    expect(r.visitor.returning).toBe(true);
    expect(r.segments).toEqual(["returning", "cart-abandoner"]);
    expect(r.context.traffic).toBe("email");
  });

  it("is deterministic: same input, same output", () => {
    const make = () =>
      input({
        events: [
          event("view_item", NOW - 5000, "s1", "search", { item_id: "A", item_category: "Giyim" }),
        ],
        memory: memory({ events: 12, views: 10, saleViews: 6, sessions: 3 }),
        segments: [{ id: "searchers", when: { fact: "context.traffic", eq: "search" } }],
      });
    const a = recognize(make());
    expect(recognize(make())).toEqual(a);
    expect(a.segments).toContain("searchers");
  });
});
