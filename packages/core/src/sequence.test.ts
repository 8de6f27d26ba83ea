import { describe, expect, it } from "vitest";
import { parseCatalog } from "./catalog.js";
import type { Model, ModelItem } from "./model.js";
import { recommend } from "./recommend.js";
import { emptyMemory } from "./remember.js";
import { recentItems, SEQUENCE_SCORING, sequenceScores } from "./sequence.js";
import { CATALOG } from "./test-fixtures.js";

const model = (items: Record<string, ModelItem>): Model => ({
  items: new Map(Object.entries(items)),
});

describe("sequenceScores", () => {
  const m = model({
    a: { next: [["c", 1]], coView: [["d", 0.5]] },
    b: { next: [["c", 0.5]], coBuy: [["e", 1]] },
    c: { popularity: 1 },
  });
  const weights = {
    ...SEQUENCE_SCORING,
    recency: 0.5,
    next: 1,
    coView: 0.5,
    coBuy: 2,
    popularity: 0.1,
  };

  it("sums relations over the history, the most recent first, plus ε · popularity", () => {
    // history: b (most recent, weight 1), a (weight 0.5)
    const s = sequenceScores(["b", "a"], m, weights);
    // c: 1·1·0.5 (b next) + 0.5·1·1 (a next) + 0.1·1 (popularity)
    expect(s.get("c")?.score).toBeCloseTo(0.5 + 0.5 + 0.1, 12);
    // e: 1·2·1 (b coBuy); d: 0.5·0.5·0.5 (a coView)
    expect(s.get("e")?.score).toBeCloseTo(2, 12);
    expect(s.get("d")?.score).toBeCloseTo(0.125, 12);
    // The reason names the largest single part (ties: the first found, the most recent item).
    expect(s.get("e")).toMatchObject({ with: "b", relation: "coBuy" });
    expect(s.get("c")).toMatchObject({ with: "b", relation: "next" });
  });

  it("skips what it is told to, and reads at most `history` items", () => {
    const s = sequenceScores(["b", "a"], m, { ...weights, history: 1 }, (id) => id === "e");
    expect([...s.keys()]).toEqual(["c"]);
  });
});

describe("recentItems", () => {
  it("views, cart lines and purchases, newest first, each once", () => {
    const memory = {
      ...emptyMemory(),
      recentlyViewed: ["v2", "p1", "v1"],
      viewedAt: new Map([
        ["v2", 50],
        ["p1", 10],
        ["v1", 5],
      ]),
      cart: [{ id: "k1", qty: 1, addedAt: 40, session: "s" }],
      purchases: [{ id: "p1", ts: 60, qty: 1 }],
    };
    expect(recentItems(memory, 10)).toEqual(["p1", "v2", "k1", "v1"]);
    expect(recentItems(memory, 2)).toEqual(["p1", "v2"]);
  });
});

describe("for-you with a model", () => {
  it("ranks what others looked at next after the shopper's items, with the reason, never the items themselves", () => {
    const catalog = parseCatalog(CATALOG, "catalog.json").catalog;
    if (!catalog) throw new Error("fixture catalog");
    const memory = {
      ...emptyMemory(),
      recentlyViewed: ["ELB-1"],
      viewedAt: new Map([["ELB-1", 1]]),
    };
    const m = model({
      "ELB-1": {
        next: [
          ["KTP-1", 1],
          ["ELB-1", 1],
        ],
        coView: [["KBN-1", 0.2]],
      },
    });
    const out = recommend("for-you", { memory, catalog, now: 2, model: m });
    expect(out.slice(0, 2).map((c) => c.id)).toEqual(["KTP-1", "KBN-1"]);
    expect(out[0]?.reason).toEqual({ kind: "viewed-together", with: "ELB-1", from: "model" });
    expect(out.some((c) => c.id === "ELB-1" && c.score > 1)).toBe(false);
  });
});
