import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parseCatalog } from "./catalog.js";
import { CATALOG } from "./test-fixtures.js";

const schema = JSON.parse(readFileSync(new URL("../catalog.schema.json", import.meta.url), "utf8"));
const validate = new Ajv2020({ allErrors: true }).compile(schema);

const good = CATALOG.items[0] as Record<string, unknown>;

/** Item variants: each must be accepted or rejected by both the schema and the validator. */
const CASES: [string, Record<string, unknown>][] = [
  ["valid", good],
  ["minimal", { id: "M-1", title: "Kitap", url: "/kitap/m-1", price: 10 }],
  ["nulls for optional fields", { ...good, salePrice: null, image: null, brand: null, tags: null }],
  ["absolute https url", { ...good, url: "https://shop.example/urun/1" }],
  ["relative url", { ...good, url: "urun/elb-1.html" }],
  ["protocol-relative image", { ...good, image: "//cdn.example/a.svg" }],
  ["numeric id", { ...good, id: 7 }],
  ["blank title", { ...good, title: "   " }],
  ["missing url", { ...good, url: undefined }],
  ["javascript: url", { ...good, url: "javascript:alert(1)" }],
  ["data: image", { ...good, image: "data:image/svg+xml,<svg/>" }],
  ["thumb path", { ...good, thumb: "/img/t/elb-1.webp" }],
  ["null thumb", { ...good, thumb: null }],
  ["javascript: thumb", { ...good, thumb: "javascript:alert(1)" }],
  ["thumb with a space", { ...good, thumb: "/img/a b.jpg" }],
  ["tab inside scheme", { ...good, url: "java\tscript:alert(1)" }],
  ["space in url", { ...good, url: "/urun/elb 1.html" }],
  ["mailto url", { ...good, url: "mailto:a@b.c" }],
  ["string price", { ...good, price: "12" }],
  ["negative price", { ...good, price: -1 }],
  ["unknown availability", { ...good, availability: "soon" }],
  ["lower-case currency", { ...good, currency: "try" }],
  ["attribute of numbers", { ...good, attributes: { size: [38, 39] } }],
  ["attributes as array", { ...good, attributes: ["mavi"] }],
  ["categories with a blank", { ...good, categories: ["Giyim", ""] }],
  ["negative rating", { ...good, rating: -2 }],
  ["extra field ignored", { ...good, description: "Yazlık" }],
];

const accepts = {
  schema: (item: Record<string, unknown>) => validate({ ...CATALOG, items: [item] }),
  validator: (item: Record<string, unknown>) => {
    const { catalog, problems } = parseCatalog(
      JSON.parse(JSON.stringify({ ...CATALOG, items: [item] })),
      "t",
    );
    return problems.length === 0 && catalog?.items.length === 1;
  },
};

describe("catalog.schema.json and parseCatalog", () => {
  it.each(CASES)("agree on: %s", (_, item) => {
    expect(accepts.schema(item)).toBe(accepts.validator(item));
  });

  it("both accept some items and reject others (the cases are not all alike)", () => {
    const verdicts = CASES.map(([, item]) => accepts.validator(item));
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(4);
    expect(verdicts.filter((v) => !v).length).toBeGreaterThan(10);
  });

  it("agree on the file as a whole", () => {
    for (const file of [
      { ...CATALOG, version: 2 },
      { ...CATALOG, format: "x" },
      { ...CATALOG, currency: "" },
      [],
    ]) {
      expect(validate(file)).toBe(false);
      expect(parseCatalog(file, "t").catalog).toBeUndefined();
    }
    expect(validate(CATALOG)).toBe(true);
  });

  it("accepts the demo storefront's generated catalog", async () => {
    const { generateCatalog } = await import("../../../examples/storefront/catalog-data.mjs");
    for (const lang of ["tr", "en"] as const) {
      const catalog = generateCatalog(lang);
      expect(validate(catalog), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(parseCatalog(catalog, lang).problems).toEqual([]);
    }
  });
});
