// The SQL model builder on small hand-made logs. Every expected weight is worked out by hand
// in the comments: pairs add 1/g^decay, the sum is divided by (n(a)·n(b))^α, each item's list
// is rescaled so its strongest is 1 and rounded to 3 significant digits.
import { parseModel } from "@vitrin/core";
import { describe, expect, it } from "vitest";
import { buildModelFromInteractions } from "./build.js";
import type { Interaction } from "./types.js";

/** One session per string: "u1: A B C" → u1's views of A, B, C at times 1, 2, 3 (ms). */
function sessions(...lines: string[]): Interaction[] {
  return lines.flatMap((line) => {
    const [user = "", items = ""] = line.split(":");
    return items
      .trim()
      .split(/\s+/)
      .map((item, i) => ({ user: user.trim(), item, time: i + 1 }));
  });
}

/** Builds with weights to 3 significant digits, the precision the hand computations below use. */
const build = async (rows: Interaction[], options = {}) =>
  (await buildModelFromInteractions(rows, { digits: 3, ...options })).model.items;

describe("next and coView", () => {
  it("sum 1/g over a session and damp by (n(a)·n(b))^α", async () => {
    // n(A) = 2, n(B) = 2, n(C) = 1; α = ½ (the default is 0.1: see command.test.ts).
    const items = await build(sessions("u1: A B C", "u2: A B"), { popularityDamping: 0.5 });
    // next A→B: g=1 twice = 2, /(√2·√2) = 1. A→C: g=2 once = ½, /(√2·1) = 0.35355.
    // Rescaled by A's strongest (1): B 1, C 0.354.
    expect(items.A?.next).toEqual([
      ["B", 1],
      ["C", 0.354],
    ]);
    // B→C: 1/(√2·1) = 0.7071, alone so 1. C is last: no next. Nothing goes backwards.
    expect(items.B?.next).toEqual([["C", 1]]);
    expect(items.C?.next).toBeUndefined();
    // coView B: A = (1+1)/(√2·√2) = 1, C = 1/(√2·1) = 0.7071 → 1 and 0.707.
    expect(items.B?.coView).toEqual([
      ["A", 1],
      // biome-ignore lint/suspicious/noApproximativeNumericConstant: 1/√2 as the file rounds it
      ["C", 0.707],
    ]);
    // coView C: B = 1/√2 = 0.7071, A = ½/√2 = 0.3536 → rescaled 1 and 0.5.
    expect(items.C?.coView).toEqual([
      ["B", 1],
      ["A", 0.5],
    ]);
    // No cart or purchase: no coBuy.
    expect(items.A?.coBuy).toBeUndefined();
  });

  it("without damping (α = 0), weights are the plain sums, rescaled", async () => {
    const items = await build(sessions("u1: A B C", "u2: A B"), { popularityDamping: 0 });
    // A→B = 2, A→C = ½ → 1 and 0.25.
    expect(items.A?.next).toEqual([
      ["B", 1],
      ["C", 0.25],
    ]);
    // coView C: B = 1, A = ½.
    expect(items.C?.coView).toEqual([
      ["B", 1],
      ["A", 0.5],
    ]);
  });

  it("look only `window` positions ahead, and decay as 1/g^nextDecay", async () => {
    const rows = sessions("u: A B C D");
    // window 2: A sees B (g=1) and C (g=2), not D. α = 0.
    expect((await build(rows, { window: 2, popularityDamping: 0 })).A?.next).toEqual([
      ["B", 1],
      ["C", 0.5],
    ]);
    // nextDecay 2: C weighs 1/2² = ¼; coView keeps its own decay (1): C = ½.
    const squared = await build(rows, { window: 2, nextDecay: 2, popularityDamping: 0 });
    expect(squared.A?.next).toEqual([
      ["B", 1],
      ["C", 0.25],
    ]);
    expect(squared.A?.coView).toEqual([
      ["B", 1],
      ["C", 0.5],
    ]);
    // coViewDecay 0: every pair in the window weighs 1; B sees A, C (g=1) and D (g=2): all 1,
    // ties broken by id.
    expect(
      (await build(rows, { window: 2, coViewDecay: 0, popularityDamping: 0 })).B?.coView,
    ).toEqual([
      ["A", 1],
      ["C", 1],
      ["D", 1],
    ]);
  });

  it("collapse an item repeated in a row, and count coming back to it as next(a → a)", async () => {
    // A A B: A is one position, so B is at g=1, not 2: A→B = 1. The second view of A is a
    // look again: A→A at g=1 = 1. Both 1, ties by id. coView never pairs A with itself.
    const items = await build(sessions("u: A A B"), { popularityDamping: 0 });
    expect(items.A?.next).toEqual([
      ["A", 1],
      ["B", 1],
    ]);
    expect(items.A?.coView).toEqual([["B", 1]]);
    // α = ½: n(A) = 1 (one position), so A→A = 1/(1·1) = 1 and A→B = 1/(1·1) = 1 alike.
    expect((await build(sessions("u: A A B"), { popularityDamping: 0.5 })).A?.next).toEqual([
      ["A", 1],
      ["B", 1],
    ]);
    // A B A: A→B (g=1) = 1 and A→A (g=2) = ½, the shopper's return; B→A (g=1) = 1.
    // coView A–B = 1 + 1 (both directions of the two pairs) → 1; never A–A.
    const back = await build(sessions("u: A B A"), { popularityDamping: 0 });
    expect(back.A?.next).toEqual([
      ["B", 1],
      ["A", 0.5],
    ]);
    expect(back.B?.next).toEqual([["A", 1]]);
    expect(back.A?.coView).toEqual([["B", 1]]);
  });

  it("count a second view, not a view then add-to-cart of the same item, as a return", async () => {
    const at = (item: string, time: number, event: Interaction["event"] = "view") => ({
      user: "u",
      item,
      time,
      event,
    });
    // view A, cart A, view B: one look at A (the cart is part of it): A→B = 1 alone.
    expect(
      (await build([at("A", 1), at("A", 2, "cart"), at("B", 3)], { popularityDamping: 0 })).A?.next,
    ).toEqual([["B", 1]]);
    // view A, cart A, view A, view B: the view after the cart is a second look: A→A = 1.
    // A→B = 1 (g=1: A is one position). Ties by id.
    expect(
      (
        await build([at("A", 1), at("A", 2, "cart"), at("A", 3), at("B", 4)], {
          popularityDamping: 0,
        })
      ).A?.next,
    ).toEqual([
      ["A", 1],
      ["B", 1],
    ]);
    // Two sessions A A and A: A→A = 1 over n(A) = 2 positions; α = ½: 1/(√2·√2) = ½, alone → 1.
    expect((await build(sessions("u1: A A", "u2: A"), { popularityDamping: 0.5 })).A?.next).toEqual(
      [["A", 1]],
    );
  });

  it("keep the strongest k, ties by neighbour id, rounded to 3 significant digits", async () => {
    // Sessions "X Y", "X Z", "X V W": X→Y = X→Z = X→V = 1 (g=1), X→W = ½ (g=2).
    const rows = sessions("a: X Y", "b: X Z", "c: X V W");
    const items = await build(rows, { k: 2, popularityDamping: 0 });
    // V, Y, Z all 1: the first two ids win.
    expect(items.X?.next).toEqual([
      ["V", 1],
      ["Y", 1],
    ]);
    // Three significant digits: "P Q R S" gives P→Q 1, P→R ½, P→S ⅓ → 1, 0.5, 0.333.
    const thirds = await build(sessions("u: P Q R S"), { popularityDamping: 0, digits: 3 });
    expect(thirds.P?.next).toEqual([
      ["Q", 1],
      ["R", 0.5],
      ["S", 0.333],
    ]);
    // The builder's default, 2 digits: ⅓ → 0.33; digits 1: ⅓ → 0.3.
    const two = (await buildModelFromInteractions(sessions("u: P Q R S"), { popularityDamping: 0 }))
      .model.items;
    expect(two.P?.next?.[2]).toEqual(["S", 0.33]);
    const one = await build(sessions("u: P Q R S"), { popularityDamping: 0, digits: 1 });
    expect(one.P?.next?.[2]).toEqual(["S", 0.3]);
  });
});

describe("sessions", () => {
  const minutes = (m: number) => m * 60_000;
  const rows: Interaction[] = [
    { user: "u", item: "A", time: minutes(0) },
    { user: "u", item: "B", time: minutes(10) },
    // 40 minutes later: a new visit under the default 30-minute gap.
    { user: "u", item: "C", time: minutes(50) },
  ];

  it("split a user's events where more than sessionGapMinutes pass", async () => {
    const split = await buildModelFromInteractions(rows, { popularityDamping: 0 });
    expect(split.stats.sessions).toBe(2);
    expect(split.model.items.A?.next).toEqual([["B", 1]]);
    expect(split.model.items.B?.next).toBeUndefined();
    // A 60-minute gap keeps it one visit: B→C appears.
    const joined = await buildModelFromInteractions(rows, {
      popularityDamping: 0,
      sessionGapMinutes: 60,
    });
    expect(joined.stats.sessions).toBe(1);
    expect(joined.model.items.B?.next).toEqual([["C", 1]]);
  });

  it("use the log's own session ids when given, whatever the gaps", async () => {
    const given = rows.map((row) => ({ ...row, session: "s1" }));
    const result = await buildModelFromInteractions(given, { popularityDamping: 0 });
    expect(result.stats.sessions).toBe(1);
    expect(result.model.items.B?.next).toEqual([["C", 1]]);
    // Different ids: no pair across them even a minute apart.
    const apart: Interaction[] = [
      { user: "u", item: "A", time: 0, session: "s1" },
      { user: "u", item: "B", time: 1, session: "s2" },
    ];
    expect((await build(apart)).A?.next).toBeUndefined();
  });
});

describe("coBuy", () => {
  it("pairs a user's cart and purchase events, damped by their buy counts", async () => {
    const rows: Interaction[] = [
      { user: "u1", item: "A", time: 1 },
      { user: "u1", item: "B", time: 2, event: "cart" },
      { user: "u1", item: "B", time: 3, event: "purchase" },
      { user: "u1", item: "C", time: 4, event: "purchase" },
      // u2's purchases come a day apart, in two visits: still bought by one user.
      { user: "u2", item: "C", time: 5, event: "purchase" },
      { user: "u2", item: "D", time: 86_400_005, event: "purchase" },
    ];
    const items = await build(rows);
    // Buy sequences: u1 B C (cart B then purchase B is one position), u2 C D.
    // n_buy: B 1, C 2, D 1. B–C: 1/(1·2)^½ = 0.7071; C–D: 1/(2·1)^½ = 0.7071.
    expect(items.B?.coBuy).toEqual([["C", 1]]);
    expect(items.C?.coBuy).toEqual([
      ["B", 1],
      ["D", 1],
    ]);
    // A was only viewed.
    expect(items.A?.coBuy).toBeUndefined();
    // coView is over every event: u1's visit is A B C (B collapsed), so A sees B and C.
    expect(items.A?.coView?.map(([id]) => id)).toEqual(["B", "C"]);
  });
});

describe("popularity and trend", () => {
  it("popularity is ln(1+n)/ln(1+max n), 3 decimals", async () => {
    // A 3 events, B 1: A = 1, B = ln 2 / ln 4 = 0.5. C 2: ln 3 / ln 4 = 0.7925 → 0.792.
    const items = await build(sessions("u1: A B", "u2: A C", "u3: A C"));
    expect(items.A?.popularity).toBe(1);
    expect(items.B?.popularity).toBe(0.5);
    expect(items.C?.popularity).toBe(0.792);
  });

  it("trend = 1 − overall share / recent share, over the last trendDays, 0 left out", async () => {
    const day = 86_400_000;
    const at = (user: string, item: string, d: number): Interaction => ({
      user,
      item,
      time: d * day,
    });
    const rows = [
      // A: 4 old events, 1 recent. B: 4 recent. The data ends on day 10, so "recent" is after
      // day 3. 9 events, 5 recent.
      at("a", "A", 0),
      at("b", "A", 0),
      at("c", "A", 0),
      at("d", "A", 0),
      at("e", "A", 9),
      at("f", "B", 9),
      at("g", "B", 9),
      at("h", "B", 9),
      at("i", "B", 10),
    ];
    const items = await build(rows);
    // B: overall 4/9, recent 4/5 → 1 − (4/9)/(4/5) = 1 − 5/9 = 0.444.
    expect(items.B?.trend).toBe(0.444);
    // A: fewer than 3 recent events (and falling): no trend key at all.
    expect(items.A).not.toHaveProperty("trend");
    // trendDays 0: none; trendMinEvents 1 still leaves A out, its share fell (clipped to 0).
    expect((await build(rows, { trendDays: 0 })).B).not.toHaveProperty("trend");
    expect((await build(rows, { trendMinEvents: 1 })).A).not.toHaveProperty("trend");
  });
});

describe("the result", () => {
  it("is a version 1 model that core's parseModel reads without a problem", async () => {
    const { model, stats } = await buildModelFromInteractions(
      sessions("u1: A B C", "u2: A B", "u3: C D"),
    );
    expect(model.format).toBe("vitrin-model");
    expect(model.version).toBe(1);
    const parsed = parseModel(JSON.parse(JSON.stringify(model)), "model.json");
    expect(parsed.problems).toEqual([]);
    expect(parsed.model?.items.get("A")?.next?.[0]).toEqual(["B", 1]);
    expect(stats).toMatchObject({ interactions: 7, users: 3, items: 4 });
  });

  it("takes an async iterable, and refuses a malformed interaction by its index", async () => {
    async function* rows() {
      yield* sessions("u1: A B");
    }
    expect((await build([...sessions("u1: A B")])).A?.next).toEqual([["B", 1]]);
    expect((await buildModelFromInteractions(rows())).model.items.A?.next).toEqual([["B", 1]]);
    await expect(
      buildModelFromInteractions([
        { user: "u", item: "A", time: 1 },
        { user: "u", item: "", time: 2 },
      ]),
    ).rejects.toThrow(/^interaction 1: expected/);
    await expect(buildModelFromInteractions([], { k: 0 })).rejects.toThrow(
      "k: expected a whole number from 1 to 100, got 0",
    );
  });
});
