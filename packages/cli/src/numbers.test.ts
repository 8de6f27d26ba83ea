import { describe, expect, it } from "vitest";
import { fromMinorUnits, isoDate, parseAmount, parseNumber } from "./numbers.js";

describe("parseNumber", () => {
  it.each([
    ["1299.90", 1299.9],
    ["1299,90", 1299.9],
    ["1.299,90", 1299.9],
    ["1,299.90", 1299.9],
    ["1 299,90", 1299.9],
    ["1\u00a0299,90", 1299.9],
    ["12.345.678,5", 12345678.5],
    ["1,299,900", 1299900],
    ["1.299.900", 1299900],
    ["1.299", 1299],
    ["1,299", 1299],
    ["0,500", 0.5],
    ["49,9", 49.9],
    ["49.90", 49.9],
    ["1299.9000", 1299.9],
    ["1299", 1299],
    ["0", 0],
    ["-5", -5],
  ])("%s → %d", (raw, value) => {
    expect(parseNumber(raw)).toBe(value);
  });

  it.each(["", "abc", "12a", "1,29.90", "1.299.90", "1.2.3", "1,", ".5", "1..2", "1.299,90,5"])(
    "%j is not a number",
    (raw) => {
      expect(parseNumber(raw)).toBeUndefined();
    },
  );
});

describe("parseAmount", () => {
  it("reads a number with a currency code or symbol on either side", () => {
    expect(parseAmount("1299.90 TRY")).toEqual({ value: 1299.9, currency: "TRY" });
    expect(parseAmount("TRY 1299.90")).toEqual({ value: 1299.9, currency: "TRY" });
    expect(parseAmount("1.299,90 TL")).toEqual({ value: 1299.9, currency: "TRY" });
    expect(parseAmount("₺1.299,90")).toEqual({ value: 1299.9, currency: "TRY" });
    expect(parseAmount("19.99 usd")).toEqual({ value: 19.99, currency: "USD" });
    expect(parseAmount("1299.90")).toEqual({ value: 1299.9 });
  });

  it("refuses text, and two different currencies", () => {
    expect(parseAmount("abc")).toBeUndefined();
    expect(parseAmount("TRY")).toBeUndefined();
    expect(parseAmount("USD 10 TRY")).toBeUndefined();
  });
});

describe("fromMinorUnits", () => {
  it("divides integer strings by 10^minor", () => {
    expect(fromMinorUnits("129990", 2)).toBe(1299.9);
    expect(fromMinorUnits("1500", 0)).toBe(1500);
    expect(fromMinorUnits(4500, 2)).toBe(45);
    expect(fromMinorUnits("599,90", 2)).toBeUndefined();
    expect(fromMinorUnits("", 2)).toBeUndefined();
  });
});

describe("isoDate", () => {
  it("reads ISO dates and times and Turkish day.month.year", () => {
    expect(isoDate("2026-04-12")).toBe("2026-04-12");
    expect(isoDate("2026-03-01T09:00:00+03:00")).toBe("2026-03-01");
    expect(isoDate("12.03.2026")).toBe("2026-03-12");
    expect(isoDate("2026-02-30")).toBeUndefined();
    expect(isoDate("yesterday")).toBeUndefined();
  });
});
