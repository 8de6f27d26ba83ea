import { describe, expect, it } from "vitest";
import { run } from "../run.js";

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => err.push(t), isTTY: false },
    },
  };
};

describe("vitrin eval", () => {
  it("is a subcommand of vitrin, with its usage", async () => {
    const t = io();
    expect(await run(["eval", "--help"], t.io)).toBe(0);
    expect(t.out.join("")).toContain("--protocol      loo");
  });

  it("names a missing file or protocol and exits 2", async () => {
    const t = io();
    expect(await run(["eval", "data.txt"], t.io)).toBe(2);
    expect(t.err.join("")).toContain("--protocol must be loo, session or timesplit");
    const u = io();
    expect(await run(["eval", "--protocol", "loo"], u.io)).toBe(2);
    expect(u.err.join("")).toContain("missing the data file");
  });
});
