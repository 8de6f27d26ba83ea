import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleCli, fixture, removeTempDirs, tempDir } from "./test-helpers.js";

afterAll(removeTempDirs);

// The executable as it ships: cli.ts bundled into one file, run by node in a child process.
const dir = tempDir();
const bin = join(dir, "vitrin.mjs");

beforeAll(() => bundleCli(bin), 30_000);

const vitrin = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: dir, timeout: 30_000 });

describe("the built vitrin executable", () => {
  it("exit 0: converts a feed", () => {
    const out = join(dir, "catalog.json");
    const run = vitrin("catalog", fixture("woocommerce-products.json"), "-o", out, "--lang", "tr");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("  items written   3\n");
    expect(run.stderr).toContain("prices.price: expected an integer amount in minor units");
    expect(JSON.parse(readFileSync(out, "utf8")).items.map((i: { id: string }) => i.id)).toEqual([
      "BTK-EL-311",
      "320",
      "BTK-GZ-340",
    ]);
  });

  it("exit 1: --strict stops at the first problem", () => {
    const run = vitrin(
      "catalog",
      fixture("gmc-feed.xml"),
      "-o",
      join(dir, "strict.json"),
      "--strict",
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("stopped at the first problem (--strict)");
  });

  it("exit 2: a malformed file or an unknown --from", () => {
    expect(vitrin("catalog", fixture("gmc-feed.xml"), "--from", "rss", "-o", "x.json").status).toBe(
      2,
    );
    const broken = vitrin("catalog", fixture("products-en.csv"), "--from", "gmc", "-o", "x.json");
    expect(broken.status).toBe(2);
    expect(broken.stderr).toBe(
      `vitrin catalog: ${fixture("products-en.csv")}:6:0: broken XML: text data outside of root node.\n`,
    );
    expect(vitrin("--version").stdout).toBe("0.1.0\n");
  });
});
