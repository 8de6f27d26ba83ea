// The builder on the shared public data sets (../shared/data), when they are present; skipped
// otherwise. Never copied into the repository.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseModel } from "@vitrin/core";
import { describe, expect, it } from "vitest";
import { buildModelFromFile, serializeModel } from "./build.js";

const DATA = fileURLToPath(new URL("../../../../../shared/data/", import.meta.url));
const beauty = `${DATA}amazon-Beauty.txt`;

describe.skipIf(!existsSync(beauty))("on Amazon Beauty (22k users, 12k items)", () => {
  it("builds a model the browser reads, with every item", async () => {
    const result = await buildModelFromFile({
      paths: [beauty],
      attributes: `${DATA}amazon-Beauty_item2attributes.json`,
    });
    expect(result.problems).toBe(0);
    expect(result.stats).toMatchObject({ rows: 22_363, interactions: 198_502, items: 12_101 });
    const json = serializeModel(result.model ?? { format: "vitrin-model", version: 1, items: {} });
    const parsed = parseModel(JSON.parse(json), "beauty.json");
    expect(parsed.problems).toEqual([]);
    expect(parsed.model?.items.size).toBe(12_101);
    // One thread adds the pair sums in another order than two: the file must not change.
    const single = await buildModelFromFile({ paths: [beauty] }, { threads: 1 });
    expect(serializeModel(single.model ?? { format: "vitrin-model", version: 1, items: {} })).toBe(
      json,
    );
  }, 120_000);
});
