import { describe, expect, it } from "vitest";
import { MetricSet, rankOf, scoreList } from "./metrics.js";

describe("ranking metrics (hand-computed)", () => {
  it("a hit at rank 3: HR 1 from K = 5, NDCG 1/log2(4) = 0.5, MRR 1/3", () => {
    const m = scoreList(["a", "b", "t", "d"], "t");
    expect(rankOf(["a", "b", "t"], "t")).toBe(3);
    expect(m["HR@5"]).toBe(1);
    expect(m["NDCG@5"]).toBeCloseTo(0.5, 12);
    expect(m["MRR@5"]).toBeCloseTo(1 / 3, 12);
    expect(m["NDCG@20"]).toBeCloseTo(0.5, 12);
  });

  it("a hit at rank 1 counts 1 everywhere; at rank 7 only from K = 10", () => {
    expect(scoreList(["t"], "t")).toMatchObject({ "HR@5": 1, "NDCG@5": 1, "MRR@5": 1 });
    const list = ["a", "b", "c", "d", "e", "f", "t"];
    const m = scoreList(list, "t");
    expect([m["HR@5"], m["NDCG@5"], m["MRR@5"]]).toEqual([0, 0, 0]);
    expect(m["HR@10"]).toBe(1);
    expect(m["NDCG@10"]).toBeCloseTo(1 / 3, 12); // log2(8) = 3
    expect(m["MRR@10"]).toBeCloseTo(1 / 7, 12);
  });

  it("a miss, and a target past 20, score 0", () => {
    expect(scoreList(["a", "b"], "t")["HR@20"]).toBe(0);
    const long = Array.from({ length: 25 }, (_, i) => `i${i}`);
    const set = new MetricSet(100, () => 1, 1);
    set.add(long, "i21");
    expect(set.result()["HR@20"]).toBe(0);
  });

  it("means over requests, coverage of the catalog and popularity bias", () => {
    const counts = new Map([
      ["a", 10],
      ["b", 5],
      ["c", 1],
    ]);
    const set = new MetricSet(4, (id) => counts.get(id) ?? 0, 10);
    set.add(["a", "b"], "a"); // rank 1
    set.add(["b", "c"], "c"); // rank 2
    const r = set.result();
    expect(set.count).toBe(2);
    expect(r["HR@5"]).toBe(1);
    expect(r["MRR@5"]).toBeCloseTo((1 + 1 / 2) / 2, 12);
    expect(r["NDCG@5"]).toBeCloseTo((1 + 1 / Math.log2(3)) / 2, 12);
    // a, b, c of 4 rankable items
    expect(r.coverage).toBeCloseTo(3 / 4, 12);
    // (10 + 5 + 5 + 1) / 10 over 4 recommended items
    expect(r.popularity).toBeCloseTo(21 / 40, 12);
  });
});
