import { describe, expect, it } from "vitest";
import { type Catalog, parseCatalog } from "./catalog.js";
import type { VitrinEvent } from "./events.js";
import { buildProfile, type ProfileInput } from "./profile.js";
import { pickForSlot } from "./slot.js";
import { makeEvent, testEnvironment } from "./test-fixtures.js";

/** A small shop: winter coats, summer dresses, books and skin care; some on sale. */
function shop(): Catalog {
  const item = (
    id: string,
    title: string,
    categories: string[],
    price: number,
    extra: Record<string, unknown> = {},
  ) => ({ id, title, url: `/urun/${id}`, price, categories, brand: "Marka", ...extra });
  const coats = ["Kaban", "Parka", "Şişme Mont", "Yün Palto", "Kürk Yaka Mont"].map((name, i) =>
    item(`MNT-${i + 1}`, `${name} Kışlık`, ["Giyim", "Kışlık Mont"], 2000 + i * 300, {
      attributes: { season: "winter" },
      brand: ["Kuzey", "Yayla", "Kuzey", "Toros", "Yayla"][i],
    }),
  );
  const dresses = ["Keten", "Pamuk", "Viskon", "Şifon"].map((name, i) =>
    item(`ELB-${i + 1}`, `${name} Yazlık Elbise`, ["Giyim", "Elbise"], 700 + i * 100, {
      attributes: { season: "summer" },
      ...(i < 3 ? { salePrice: 500 + i * 50 } : {}),
    }),
  );
  const books = ["Sessiz Liman", "Kuzey Işıkları", "Eski Harita", "Son Tren", "Mavi Defter"].map(
    (name, i) =>
      item(`KTP-${i + 1}`, `${name} (Roman)`, ["Kitap", "Roman"], 150 + i * 20, {
        brand: ["Pusula", "Liman", "Pusula", "Ada", "Liman"][i],
      }),
  );
  const care = ["Nemlendirici", "Güneş Kremi", "Tonik"].map((name, i) =>
    item(`KOZ-${i + 1}`, name, ["Kozmetik", "Cilt Bakımı"], 250 + i * 50, {
      popularity: 100 - i,
    }),
  );
  const raw = {
    format: "vitrin-catalog",
    version: 1,
    currency: "TRY",
    items: [...coats, ...dresses, ...books, ...care],
  };
  const { catalog, problems } = parseCatalog(raw, "shop");
  expect(problems).toEqual([]);
  return catalog as Catalog;
}

const catalog = shop();
const DAY = 86_400_000;
const HOUR = 3_600_000;

const environment = (timeZone: string) => testEnvironment(timeZone);

function profileOf(
  events: VitrinEvent[],
  now: number,
  timeZone = "Europe/Istanbul",
  extra: Partial<ProfileInput> = {},
) {
  return buildProfile({ events, catalog, environment: environment(timeZone), now, ...extra });
}

function forYou(events: VitrinEvent[], now: number, timeZone: string) {
  const profile = profileOf(events, now, timeZone);
  return pickForSlot({ strategy: "for-you", limit: 6 }, profile, { catalog, now }).picks;
}

describe("scenarios", () => {
  const december = Date.UTC(2026, 11, 10, 18);
  const coatBrowsing = ["MNT-1", "MNT-2", "MNT-3"].map((id, i) =>
    makeEvent("view_item", december - (3 - i) * HOUR, [id]),
  );

  it("a shopper who browsed winter coats in Istanbul in December sees coats, in season", () => {
    const picks = forYou(coatBrowsing, december, "Europe/Istanbul");
    const coats = picks.filter((p) => p.item.categories.includes("Kışlık Mont"));
    expect(coats.length).toBeGreaterThan(0);
    expect(picks[0]?.item.categories).toContain("Kışlık Mont");
    expect(coats[0]?.reasons).toContainEqual(expect.objectContaining({ kind: "in-season" }));
  });

  it("the same shopper in Sydney in December (summer there) sees no coats", () => {
    const picks = forYou(coatBrowsing, december, "Australia/Sydney");
    expect(picks.length).toBeGreaterThan(0);
    expect(picks.filter((p) => p.item.categories.includes("Kışlık Mont"))).toEqual([]);
    const profile = profileOf(coatBrowsing, december, "Australia/Sydney");
    expect(profile.context).toMatchObject({ hemisphere: "south", season: "summer" });
    const { explain } = pickForSlot({ strategy: "for-you", limit: 6 }, profile, {
      catalog,
      now: december,
    });
    expect(explain("MNT-1")?.dropped).toMatch(/season/);
  });

  it("a returning shopper with a cart left yesterday is a cart abandoner", () => {
    const now = Date.UTC(2026, 5, 2, 10);
    const events = [
      makeEvent("page_view", now - DAY - HOUR, [], { session: "yesterday" }),
      makeEvent("add_to_cart", now - DAY, ["ELB-4"], { session: "yesterday" }),
      makeEvent("page_view", now, [], { session: "today" }),
    ];
    const profile = profileOf(events, now, "Europe/Istanbul", {
      session: { id: "today", count: 2 },
      visitor: { id: "v1", firstSeen: now - DAY - HOUR },
    });
    expect(profile.memory.abandonedCart.map((l) => l.id)).toEqual(["ELB-4"]);
    expect(profile.visitor.returning).toBe(true);
    expect(profile.segments).toContain("returning");
    expect(profile.segments).toContain("cart-abandoner");
    expect(profile.segments).not.toContain("new-visitor");
  });

  it("a first visit is a new visitor, not an abandoner, with no persona yet", () => {
    const now = Date.UTC(2026, 5, 2, 10);
    const profile = profileOf(
      [makeEvent("page_view", now, [], { session: "first" })],
      now,
      "Europe/Istanbul",
      {
        session: { id: "first", count: 1 },
      },
    );
    expect(profile.segments).toContain("new-visitor");
    expect(profile.segments).not.toContain("cart-abandoner");
    expect(profile.persona).toBeUndefined();
  });

  it("a shopper who only views discounted items becomes a bargain hunter", () => {
    const now = Date.UTC(2026, 5, 20, 12);
    const events: VitrinEvent[] = [];
    for (let visit = 0; visit < 6; visit++) {
      for (const id of ["ELB-1", "ELB-2", "ELB-3"]) {
        events.push(
          makeEvent("view_item", now - visit * 3 * DAY - HOUR, [id], { session: `v${visit}` }),
        );
      }
    }
    const profile = profileOf(events, now, "Europe/Istanbul", { session: { id: "v0", count: 6 } });
    expect(profile.memory.intent.dealSeeking).toBe(1);
    expect(profile.persona?.id).toBe("bargain-hunter");
    expect(profile.persona?.confidence).toBeGreaterThan(0);
  });

  it("a book buyer is offered books again, but not the book bought", () => {
    const now = Date.UTC(2026, 3, 1, 12);
    const events = [
      makeEvent("view_item", now - 2 * DAY, ["KTP-1"], { session: "a" }),
      makeEvent("add_to_cart", now - 2 * DAY + 1, ["KTP-1"], { session: "a" }),
      makeEvent("purchase", now - 2 * DAY + 2, ["KTP-1"], { session: "a" }),
      makeEvent("view_item", now - HOUR, ["KOZ-1"], { session: "b" }),
    ];
    const picks = forYou(events, now, "Europe/Istanbul");
    const ids = picks.map((p) => p.item.id);
    expect(ids).not.toContain("KTP-1");
    expect(ids.filter((id) => id.startsWith("KTP-")).length).toBeGreaterThan(0);
    expect(ids[0]?.startsWith("KTP-")).toBe(true);
  });

  it("is deterministic: the same input gives the same profile and slot", () => {
    const a = forYou(coatBrowsing, december, "Europe/Istanbul");
    const b = forYou(coatBrowsing, december, "Europe/Istanbul");
    expect(a).toEqual(b);
    expect(profileOf(coatBrowsing, december)).toEqual(profileOf(coatBrowsing, december));
  });

  it("reads gift browsing with the shop's own gift-like words when it gives them", () => {
    const now = Date.UTC(2026, 3, 1, 12);
    const usual = Array.from({ length: 6 }, (_, i) =>
      makeEvent("view_item", now - (30 + i) * 86_400_000, ["KTP-1"]),
    );
    const recent = [makeEvent("view_item", now - 1000, ["KOZ-1"])];
    const input = { events: [...usual, ...recent], catalog, environment: testEnvironment(), now };
    expect(buildProfile(input).memory.intent.giftBrowsing).toBe(0);
    const own = buildProfile({ ...input, config: { giftWords: ["KOZMETİK"] } });
    expect(own.memory.intent.giftBrowsing).toBe(1);
  });

  it("gives a new shopper non-empty for-you and trending slots", () => {
    const now = Date.UTC(2026, 3, 1, 12);
    const profile = profileOf([], now);
    for (const strategy of ["for-you", "trending"] as const) {
      expect(
        pickForSlot({ strategy, limit: 4 }, profile, { catalog, now }).picks.length,
      ).toBeGreaterThan(0);
    }
  });
});
