import { describe, expect, it } from "vitest";
import { itemKnn, popularity, sequentialRules } from "./baselines.js";
import {
  type Click,
  leaveOneOut,
  parseEventLog,
  parseSequences,
  parseSessionTsv,
  sessionRequests,
  sessionSplit,
  timeSplit,
} from "./datasets.js";

const items = (clicks: readonly Click[]) => clicks.map((c) => c.item);

describe("leave-one-out split", () => {
  const sequences = parseSequences("u1 a b c d\nu2 b c\nu3 e f g\n");

  it("last item = test, second-to-last = validation, the rest trains (for both)", () => {
    const { validation, test } = leaveOneOut(sequences);
    // u1 trains on a b, u2 on nothing, u3 on e: one training part for both targets.
    expect(items(validation.train)).toEqual(["a", "b", "e"]);
    expect(test.train).toBe(validation.train);
    expect(validation.requests.map((r) => [r.user, items(r.history), r.target])).toEqual([
      ["u1", ["a", "b"], "c"],
      ["u3", ["e"], "f"],
    ]);
    // u2 has 2 items: a test request, no validation request.
    expect(test.requests.map((r) => [r.user, items(r.history), r.target])).toEqual([
      ["u1", ["a", "b", "c"], "d"],
      ["u2", ["b"], "c"],
      ["u3", ["e", "f"], "g"],
    ]);
    // One visit per user, in order, a minute apart; the target's time is the clock.
    const r = test.requests[0];
    expect(new Set(r?.history.map((c) => c.session))).toEqual(new Set(["u1"]));
    expect(r?.time).toBe((r?.history.at(-1)?.time ?? 0) + 60_000);
  });

  it("marks a target already in the history as a repeat", () => {
    const { test } = leaveOneOut(parseSequences("u a b a\n"));
    expect(test.requests[0]?.repeat).toBe(true);
  });
});

describe("next item in session split", () => {
  const train = parseSessionTsv(
    "SessionId\tItemId\tTime\n1\ta\t100\n1\tb\t200\n2\tb\t300\n2\tc\t400\n3\tc\t90000\n3\td\t90100\n",
    "tr",
  );
  const test = parseSessionTsv(
    "SessionId\tItemId\tTime\n9\ta\t200000\n9\tx\t200010\n9\tb\t200020\n9\tc\t200030\n8\tx\t1\n8\ta\t2\n",
    "te",
  );

  it("every position of every test session, items unseen in training dropped first", () => {
    const split = sessionSplit(train, test, 1);
    // x is unknown: session 9 becomes a b c (2 requests), session 8 becomes a (none).
    expect(split.test.requests.map((r) => [items(r.history), r.target])).toEqual([
      [["a"], "b"],
      [["a", "b"], "c"],
    ]);
    expect(items(split.test.train)).toHaveLength(6);
  });

  it("validation = the training sessions of the last day, against the earlier ones", () => {
    const split = sessionSplit(train, test, 1);
    // Session 3 starts within a day of the last training click; c is known, d is not.
    expect(items(split.validation.train)).toEqual(["a", "b", "b", "c"]);
    expect(split.validation.requests).toEqual([]);
    const known = new Set(["c", "d"]);
    expect(sessionRequests(train.values(), known).map((r) => r.target)).toEqual(["d"]);
  });
});

describe("time split of an event log", () => {
  const csv = [
    "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session",
    "2019-10-01 00:00:00 UTC,view,p1,1,beauty.skin,acme,10.5,u1,s1",
    "2019-10-01 00:01:00 UTC,view,p2,1,,,3,u1,s1",
    "2019-10-01 00:02:00 UTC,view,p3,1,,,3,u2,s2",
    "2019-10-01 00:03:00 UTC,cart,p2,1,,,3,u2,s2",
    "2019-10-01 00:04:00 UTC,view,p1,1,,,3,u1,s1",
    "2019-10-01 00:05:00 UTC,cart,p1,1,beauty.skin,acme,10.5,u1,s1",
    "2019-10-01 00:06:00 UTC,purchase,p1,1,beauty.skin,acme,10.5,u1,s1",
    "2019-10-01 00:07:00 UTC,cart,p9,1,,,3,u2,s2",
    "2019-10-01 00:08:00 UTC,cart,p3,1,,,3,u2,s2",
    "2019-10-01 00:09:00 UTC,view,p3,1,,,3,u3,s3",
  ].join("\n");
  const { clicks, items: info } = parseEventLog(csv);

  it("reads events, kinds and each product's category path, brand and price", () => {
    expect(clicks).toHaveLength(10);
    expect(clicks[3]).toMatchObject({ event: "cart", item: "p2", user: "u2", session: "s2" });
    expect(info[0]).toEqual({
      id: "p1",
      categories: ["beauty", "skin"],
      brand: "acme",
      price: 10.5,
    });
  });

  it("trains on the first 50%, targets later carts and purchases once per user and item", () => {
    const split = timeSplit(clicks, 0.5);
    // Event 5 of 10 (00:05) is the cut: the five before it train.
    expect(split.train.map((c) => c.time)).toEqual(clicks.slice(0, 5).map((c) => c.time));
    // p1 carted then bought by u1: one target; p9 never seen in training: dropped.
    expect(split.requests.map((r) => [r.user, r.target, items(r.history), r.repeat])).toEqual([
      ["u1", "p1", ["p1", "p2", "p1"], true],
      ["u2", "p3", ["p3", "p2", "p9"], true],
    ]);
  });
});

describe("baselines", () => {
  const train = parseSessionTsv(
    "SessionId\tItemId\tTime\n1\ta\t1\n1\tb\t2\n1\tc\t3\n2\ta\t4\n2\tb\t5\n3\tb\t6\n3\td\t7\n4\tc\t8\n",
  );
  const clicks = [...train.values()].flat();

  it("popularity ranks by training count, ties by id", () => {
    expect(popularity(clicks)([], 4, new Set())).toEqual(["b", "a", "c", "d"]);
    expect(popularity(clicks)([], 2, new Set(["b"]))).toEqual(["a", "c"]);
  });

  it("SR weighs b after a by 1/gap, from the last item", () => {
    // after a: b (1 + 1), c (1/2); then popular fill.
    expect(sequentialRules(clicks)(["x", "a"], 3, new Set())).toEqual(["b", "c", "a"]);
  });

  it("item-KNN ranks by cosine of session co-occurrence", () => {
    // with b: a 2/√(2·3), c 1/√(3·2), d 1/√(3·1) → a, d, c
    expect(itemKnn(clicks)(["b"], 3, new Set())).toEqual(["a", "d", "c"]);
  });
});
