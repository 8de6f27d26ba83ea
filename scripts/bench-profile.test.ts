// bench:profile's summaries, on made-up cells: how the growth figures and the targets' verdicts
// are computed from the medians (the benchmark itself runs in scripts/bench.smoke.ts).
import { describe, expect, it } from "vitest";
import { growth, targets } from "./bench-profile.mjs";

const stat = (median: number) => ({ median, p95: median * 2, min: median, max: median * 3 });
/** A cell with these medians for the profile and the for-you slot. */
const cell = (items: number, events: number, profile: number, slot: number) => ({
  items,
  events,
  runs: 1,
  firstCallMs: 0,
  profile: stat(profile),
  slots: { "for-you": stat(slot) },
  oneSlot: stat(profile + slot),
  slowestSlot: "for-you",
  withSlowest: stat(profile + slot),
  picks: { "for-you": 8 },
});

describe("bench:profile growth", () => {
  // Profile linear in events and flat in items; slot linear in items, flat in events.
  const rows = [
    cell(1000, 100, 0.1, 0.2),
    cell(1000, 500, 0.5, 0.2),
    cell(10_000, 100, 0.1, 2),
    cell(10_000, 500, 0.5, 2),
  ];

  it("gives the ratio along items at each history length, and per 10×", () => {
    expect(growth(rows).byItems).toEqual([
      {
        events: 100,
        fromItems: 1000,
        toItems: 10_000,
        ratio: { profile: 1, slot: 10, profileAndSlot: 7 },
        per10x: { profile: 1, slot: 10, profileAndSlot: 7 },
      },
      {
        events: 500,
        fromItems: 1000,
        toItems: 10_000,
        ratio: { profile: 1, slot: 10, profileAndSlot: 3.57 },
        per10x: { profile: 1, slot: 10, profileAndSlot: 3.57 },
      },
    ]);
  });

  it("scales a 5× step in events to 10×: linear growth reads 10", () => {
    const [first] = growth(rows).byEvents;
    expect(first).toMatchObject({ items: 1000, fromEvents: 100, toEvents: 500 });
    expect(first?.ratio).toEqual({ profile: 5, slot: 1, profileAndSlot: 2.33 });
    expect(first?.per10x.profile).toBe(10);
    expect(first?.per10x.slot).toBe(1);
  });

  it("says null where the smaller median is 0 (below the timer's step)", () => {
    const [step] = growth([cell(100, 10, 0, 0.1), cell(1000, 10, 0.3, 0.2)]).byItems;
    expect(step?.ratio).toEqual({ profile: null, slot: 2, profileAndSlot: 5 });
    expect(step?.per10x.profile).toBeNull();
  });
});

describe("bench:profile targets", () => {
  it("records each target's measured median and whether it was met, null when not measured", () => {
    const measured = targets([cell(10_000, 1000, 1, 1.5), cell(100_000, 1000, 20, 15)]);
    expect(measured).toEqual([
      {
        items: 10_000,
        events: 1000,
        medianMs: 3,
        measuredMedianMs: 2.5,
        measuredP95Ms: 5,
        met: true,
      },
      {
        items: 100_000,
        events: 1000,
        medianMs: 30,
        measuredMedianMs: 35,
        measuredP95Ms: 70,
        met: false,
      },
    ]);
    expect(targets([]).map((t) => [t.measuredMedianMs, t.met])).toEqual([
      [null, null],
      [null, null],
    ]);
  });
});
