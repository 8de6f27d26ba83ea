import { describe, expect, it, vi } from "vitest";
import { installCommandQueue } from "./queue.js";

describe("installCommandQueue", () => {
  it("replays queued commands in order, then runs new ones at once", () => {
    const calls: unknown[][] = [];
    const win: Record<string, unknown> = {
      vitrin: [["track", "view_item", { items: [{ item_id: "A" }] }], ["flush"]],
    };
    const api = installCommandQueue(win, "vitrin", {
      track: (...args: unknown[]) => calls.push(["track", ...args]),
      flush: () => calls.push(["flush"]),
    });
    expect(win.vitrin).toBe(api);
    expect(calls).toEqual([["track", "view_item", { items: [{ item_id: "A" }] }], ["flush"]]);
    (win.vitrin as { push(...c: unknown[]): void }).push([
      "track",
      "search",
      { search_term: "kazak" },
    ]);
    expect(calls).toHaveLength(3);
  });

  it("calls queued functions with the API", () => {
    const ready = vi.fn();
    const api = installCommandQueue({ vitrin: [ready] }, "vitrin", { flush: () => {} });
    expect(ready).toHaveBeenCalledWith(api);
  });

  it("warns about unknown or malformed commands and contains a failing one", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const after = vi.fn();
    installCommandQueue({ vitrin: [["trak"], "track", ["boom"], ["after"]] }, "vitrin", {
      boom: () => {
        throw new Error("kaboom");
      },
      after,
    });
    expect(warn.mock.calls.map(([m]) => m)).toEqual([
      '[vitrin] vitrin.push: unknown command "trak"; expected one of boom, after',
      '[vitrin] vitrin.push: expected ["command", ...arguments] or a function; got string',
    ]);
    expect(error.mock.calls[0]?.[0]).toContain("kaboom");
    expect(after).toHaveBeenCalledOnce();
    warn.mockRestore();
    error.mockRestore();
  });
});
