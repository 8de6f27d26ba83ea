import { describe, expect, it } from "vitest";
import { type Catalog, parseCatalog } from "./catalog.js";
import { recommend } from "./recommend.js";
import { relevance } from "./relevance.js";
import { emptyMemory } from "./remember.js";
import { CATALOG } from "./test-fixtures.js";

const catalog = parseCatalog(CATALOG, "test").catalog as Catalog;

describe("recommend + relevance", () => {
  const NOW = Date.parse("2024-12-15T12:00:00Z");
  const memory = emptyMemory();

  it("similar: excludes the anchor, sold-out items and a second variant of one group", () => {
    const candidates = recommend("similar", { memory, catalog, now: NOW, anchor: "ELB-3" });
    expect(candidates.map((c) => c.id)).not.toContain("ELB-3");
    expect(candidates.map((c) => c.id)).not.toContain("KTP-1");
    const { picks } = relevance(
      candidates,
      { catalog, memory, strategy: "similar" },
      { limit: 10, exclude: new Set(["ELB-3"]), inStockOnly: true, onePerGroup: true },
    );
    const ids = picks.map((p) => p.item.id);
    expect(ids).not.toContain("ELB-4");
    expect(ids.filter((id) => id === "ELB-1" || id === "ELB-2")).toHaveLength(1);
    expect(picks[0]?.reason).toMatchObject({ kind: "similar", to: "ELB-3" });
    expect(picks[0]?.reasons[0]).toBe(picks[0]?.reason);
  });

  it("similar with an unknown anchor and no history proposes nothing", () => {
    expect(recommend("similar", { memory, catalog, now: NOW, anchor: "NOPE" })).toEqual([]);
  });
});
