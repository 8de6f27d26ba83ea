import { describe, expect, it } from "vitest";
import { cli } from "../test-helpers.js";

describe("vitrin eval", () => {
  it("is a subcommand of vitrin, with its usage", async () => {
    const help = await cli(["eval", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--protocol      loo");
  });

  it("names a missing file or protocol and exits 2", async () => {
    const noProtocol = await cli(["eval", "data.txt"]);
    expect(noProtocol.code).toBe(2);
    expect(noProtocol.stderr).toContain("--protocol must be loo, session or timesplit");
    const noFile = await cli(["eval", "--protocol", "loo"]);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain("missing the data file");
  });
});
