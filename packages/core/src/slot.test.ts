import { describe, expect, it } from "vitest";
import { type Catalog, parseCatalog } from "./catalog.js";
import type { VitrinEvent } from "./events.js";
import { buildProfile } from "./profile.js";
import { pickForSlot, type SlotRequest, type SlotRules } from "./slot.js";
import { CATALOG, testEnvironment, viewEvent } from "./test-fixtures.js";

const catalog = parseCatalog(CATALOG, "test").catalog as Catalog;
/** A June afternoon in Istanbul: summer dresses are in season, the wool coat is not. */
const NOW = Date.UTC(2026, 5, 10, 12);
const ENVIRONMENT = testEnvironment();

function slot(
  request: SlotRequest,
  events: VitrinEvent[],
  pageItem?: string,
  rules: SlotRules = {},
) {
  const profile = buildProfile({ events, catalog, environment: ENVIRONMENT, now: NOW });
  return pickForSlot(request, profile, { catalog, now: NOW }, rules, pageItem);
}

const ids = (result: ReturnType<typeof slot>) => result.picks.map((p) => p.item.id);

describe("pickForSlot", () => {
  const events = [
    viewEvent("KTP-1", NOW - 4000),
    viewEvent("ELB-4", NOW - 3000),
    viewEvent("KBN-1", NOW - 2000),
    viewEvent("GONE", NOW - 1000),
  ];

  it("recently viewed: newest first, keeps sold-out and out-of-season items, skips items no longer in the catalog", () => {
    const result = slot({ strategy: "recently-viewed", limit: 6 }, events);
    expect(ids(result)).toEqual(["KBN-1", "ELB-4", "KTP-1"]);
    expect(result.picks[0]?.reason).toEqual({ kind: "recently-viewed", viewedAt: NOW - 2000 });
  });

  it("recently viewed leaves out the product on screen and honours the limit", () => {
    expect(ids(slot({ strategy: "recently-viewed", limit: 1 }, events, "KBN-1"))).toEqual([
      "ELB-4",
    ]);
  });

  it("similar is about the slot's item, else the page's, else the last viewed in the catalog", () => {
    const about = (request: { item?: string }, pageItem?: string) =>
      slot({ strategy: "similar", limit: 3, ...request }, events, pageItem).picks[0]?.reason;
    expect(about({ item: "ELB-1" }, "KBN-1")).toMatchObject({ to: "ELB-1" });
    expect(about({}, "ELB-3")).toMatchObject({ to: "ELB-3" });
    // KBN-1 is the newest view still in the catalog; its neighbours are summer dresses, in June.
    expect(about({})).toMatchObject({ to: "KBN-1" });
  });

  it("up next may go back to the last viewed item, but never shows the product on screen", () => {
    const seen = [viewEvent("KTP-1", NOW - 2000), viewEvent("ELB-1", NOW - 1000)];
    const profile = buildProfile({ events: seen, catalog, environment: ENVIRONMENT, now: NOW });
    const model = { items: new Map([["ELB-1", { next: [["ELB-1", 1] as const] }]]) };
    const pick = (strategy: SlotRequest["strategy"], pageItem?: string) =>
      pickForSlot({ strategy, limit: 6 }, profile, { catalog, now: NOW, model }, {}, pageItem)
        .picks;
    // Off ELB-1's page (a listing, the cart): going back to it is the likeliest next step.
    expect(pick("up-next")[0]?.item.id).toBe("ELB-1");
    expect(pick("up-next")[0]?.reason).toEqual({ kind: "recently-viewed", viewedAt: NOW - 1000 });
    // On its page, it is the product on screen.
    expect(pick("up-next", "ELB-1").map((p) => p.item.id)).not.toContain("ELB-1");
    // For you is about new items: the last viewed one is never in it.
    expect(pick("for-you").map((p) => p.item.id)).not.toContain("ELB-1");
  });

  it("never shows the anchor or the product on screen in a similar slot", () => {
    const result = slot({ strategy: "similar", limit: 6, item: "ELB-1" }, events, "ELB-3");
    expect(ids(result)).not.toContain("ELB-1");
    expect(ids(result)).not.toContain("ELB-3");
    expect(result.explain("ELB-3")?.dropped).toMatch(/exclu/);
  });

  it("applies the merchant's rules to every slot", () => {
    const rules: SlotRules = { merchant: [{ match: { id: "KTP-1" }, action: "exclude" }] };
    const result = slot({ strategy: "trending", limit: 6 }, [], undefined, rules);
    expect(ids(result)).not.toContain("KTP-1");
    expect(ids(slot({ strategy: "trending", limit: 6 }, []))).toContain("KTP-1");
  });

  it("shows pinned items the strategy never proposed, still filtered, explained", () => {
    // No item of the test catalog has a creation date: new-arrivals proposes nothing.
    expect(ids(slot({ strategy: "new-arrivals", limit: 6 }, []))).toEqual([]);
    const pin = (id: string) => ({ match: { id }, action: "pin" as const });
    const rules: SlotRules = { merchant: [pin("KTP-1"), pin("ELB-4"), pin("KBN-1")] };
    const result = slot({ strategy: "new-arrivals", limit: 6 }, [], undefined, rules);
    expect(ids(result)).toEqual(["KTP-1"]);
    expect(result.picks[0]?.reason).toEqual({ kind: "merchant", action: "pin" });
    expect(result.explain("KTP-1")).toMatchObject({ base: 0, placement: "pinned", position: 0 });
    expect(result.explain("ELB-4")?.dropped).toBe("out of stock");
    expect(result.explain("KBN-1")?.dropped).toMatch(/^season: winter/);
  });

  it("explains a for-you pick with the parts of its score", () => {
    const result = slot({ strategy: "for-you", limit: 3 }, [viewEvent("ELB-3", NOW - 1000)]);
    const first = result.picks[0]?.item.id as string;
    const explanation = result.explain(first);
    expect(explanation?.parts?.map((part) => part.name)).toContain("category");
    const sum = (explanation?.parts ?? []).reduce((total, part) => total + part.value, 0);
    expect(sum).toBeCloseTo(explanation?.base ?? 0, 12);
  });

  it("explains why a candidate is or is not shown", () => {
    const result = slot({ strategy: "trending", limit: 6 }, []);
    const first = result.picks[0]?.item.id as string;
    expect(result.explain(first)).toMatchObject({ id: first, position: 0 });
    // The wool coat is a winter item in an Istanbul June.
    expect(result.explain("KBN-1")?.dropped).toMatch(/season/);
    expect(result.explain("ELB-4")?.dropped).toMatch(/stock/);
  });
});
