import { afterEach, describe, expect, it, vi } from "vitest";
import { reportFailure, warnOnce } from "./log.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("console messages", () => {
  it("says a problem once, even when it repeats at other indexes", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    warnOnce("log-test dataLayer[3].items[0]: bad");
    warnOnce("log-test dataLayer[9].items[2]: bad");
    warnOnce("log-test dataLayer[9].items[2]: different");
    expect(warn.mock.calls.map(([m]) => m)).toEqual([
      "[vitrin] log-test dataLayer[3].items[0]: bad",
      "[vitrin] log-test dataLayer[9].items[2]: different",
    ]);
  });

  it("reports a failure once as an error that says personalization is off", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    reportFailure("log-test start-up", new Error("boom"));
    reportFailure("log-test start-up", new Error("boom"));
    expect(error.mock.calls).toEqual([
      ["[vitrin] log-test start-up failed, continuing without personalization: boom"],
    ]);
  });
});
