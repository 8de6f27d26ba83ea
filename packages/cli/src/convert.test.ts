import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseCatalog } from "@vitrin/core";
import { afterAll, describe, expect, it } from "vitest";
import { type ConvertOptions, convertCatalog, UsageError } from "./convert.js";
import { fixture, removeTempDirs, TURKISH_MAP, tempDir } from "./test-helpers.js";
import { InputError } from "./types.js";

afterAll(removeTempDirs);

async function convert(options: Omit<ConvertOptions, "output"> & { output?: string }) {
  const dir = tempDir();
  const output = options.output ?? join(dir, "catalog.json");
  const problems: string[] = [];
  const notices: string[] = [];
  const result = await convertCatalog({
    ...options,
    output,
    onProblem: (message) => problems.push(message),
    onNotice: (message) => notices.push(message),
  });
  return { result, problems, notices, output, dir };
}

const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.endsWith(".tmp"));

describe("convertCatalog writes catalogs @vitrin/core accepts", () => {
  it.each([
    ["gmc-feed.xml", { language: "tr" }, 5, "TRY"],
    ["gmc-feed-atom.xml", { language: "en" }, 2, "USD"],
    ["gmc-feed.tsv", {}, 3, "USD"],
    ["shopify-products.json", { currency: "TRY", baseUrl: "https://moda.example" }, 5, "TRY"],
    ["woocommerce-products.json", { language: "tr" }, 3, "TRY"],
    ["urunler.csv", { currency: "TRY", map: TURKISH_MAP }, 4, "TRY"],
    ["products-en.csv", { language: "en" }, 2, "USD"],
  ] as const)("%s", async (name, options, count, currency) => {
    const { result, output, dir } = await convert({ inputs: [fixture(name)], ...options });
    expect(result.committed).toBe(true);
    expect(result.written).toBe(count);
    const text = readFileSync(output, "utf8");
    const json = JSON.parse(text);
    expect(json).toMatchObject({ format: "vitrin-catalog", version: 1, currency });
    expect(json.language).toBe("language" in options ? options.language : undefined);
    expect(Object.keys(json)).toEqual(
      "language" in options
        ? ["format", "version", "currency", "language", "items"]
        : ["format", "version", "currency", "items"],
    );
    const parsed = parseCatalog(json, output);
    expect(parsed.problems).toEqual([]);
    expect(parsed.catalog?.items).toHaveLength(count);
    // One item per line, between the header and the footer.
    expect(text.split("\n")).toHaveLength(count + 3);
    expect(result.bytesWritten).toBe(Buffer.byteLength(text));
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("problems", () => {
  it("skips bad and duplicate items, reporting each and counting reasons", async () => {
    const file = fixture("gmc-feed.tsv");
    const { result, problems, notices } = await convert({ inputs: [file] });
    expect(notices).toEqual([`--from gmc-tsv inferred (.tsv extension of ${file})`]);
    expect(problems).toEqual([
      `${file}:5 item "NW-301-M": id: expected a unique id (the first item with this id was kept)`,
      `${file}:6 item "NW-303": columns: expected 13 tab-separated values, got 10`,
      `${file}:7 item "NW-304": availability: expected one of in stock, out of stock, preorder, backorder, got "sold maybe"`,
    ]);
    expect(result).toMatchObject({
      from: "gmc-tsv",
      read: 6,
      written: 3,
      skipped: 3,
      reasons: {
        "id: expected a unique id (the first item with this id was kept)": 1,
        "columns: expected 13 tab-separated values": 1,
        "availability: expected one of in stock, out of stock, preorder, backorder": 1,
      },
    });
  });

  it("keeps the first of duplicate ids across input files", async () => {
    const file = fixture("gmc-feed.xml");
    const { result, problems } = await convert({ inputs: [file, file], from: "gmc" });
    expect(result.read).toBe(14);
    expect(result.written).toBe(5);
    expect(problems.filter((p) => p.includes("unique id"))).toHaveLength(5);
    expect(problems).toContain(
      `${file}:7 item "GYM-0001-S": id: expected a unique id (the first item with this id was kept)`,
    );
  });

  it("concatenates Shopify pages in order", async () => {
    const { result, output } = await convert({
      inputs: [fixture("shopify-products.json"), fixture("shopify-products-page2.json")],
      currency: "TRY",
    });
    expect(result.written).toBe(6);
    const ids = JSON.parse(readFileSync(output, "utf8")).items.map((i: { id: string }) => i.id);
    expect(ids).toEqual([
      "MA-TS-BYZ-S",
      "MA-TS-BYZ-M",
      "42000000000003",
      "MA-KZ-010",
      "AD-SN-39",
      "MA-SR-036",
    ]);
  });
});

describe("the output", () => {
  it("goes into its folder, made if missing (-o public/vitrin/catalog.json in a new project)", async () => {
    const dir = tempDir();
    const output = join(dir, "public", "vitrin", "catalog.json");
    const { result } = await convert({ inputs: [fixture("gmc-feed.xml")], output });
    expect(result).toMatchObject({ committed: true });
    expect(JSON.parse(readFileSync(output, "utf8")).items.length).toBe(result.written);
  });
});

describe("--strict", () => {
  it("stops at the first problem and leaves the existing output untouched", async () => {
    const dir = tempDir();
    const output = join(dir, "catalog.json");
    writeFileSync(output, "previous good catalog");
    const file = fixture("gmc-feed.xml");
    const { result, problems } = await convert({ inputs: [file], output, strict: true });
    expect(problems).toEqual([
      `${file}:62 item "GYM-0003": g:price: expected "<number> <currency>", got "abc"`,
    ]);
    expect(result.stoppedBy).toBe(problems[0]);
    expect(result).toMatchObject({ read: 4, written: 3, skipped: 1, committed: false });
    expect(readFileSync(output, "utf8")).toBe("previous good catalog");
    expect(leftovers(dir)).toEqual([]);
  });

  it("writes everything when nothing is wrong", async () => {
    const { result } = await convert({ inputs: [fixture("gmc-feed-atom.xml")], strict: true });
    expect(result).toMatchObject({ committed: true, written: 2, skipped: 0 });
    expect(result.stoppedBy).toBeUndefined();
  });
});

describe("nothing to write", () => {
  it("does not replace the output when no item converts", async () => {
    const dir = tempDir();
    const output = join(dir, "catalog.json");
    writeFileSync(output, "previous");
    const feed = join(dir, "feed.csv");
    writeFileSync(feed, "id,title,url,price\nA,,/a,1\nB,Bee,javascript:x,2\n");
    const { result, problems } = await convert({ inputs: [feed], output, currency: "TRY" });
    expect(problems).toEqual([
      `${feed}:2 item "A": title: expected a non-empty string`,
      `${feed}:3 item "B": url: expected an http(s) URL or a path, got "javascript:x"`,
    ]);
    expect(result).toMatchObject({ read: 2, written: 0, committed: false });
    expect(readFileSync(output, "utf8")).toBe("previous");
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("broken inputs and bad options", () => {
  it("broken XML: names the file, line and column, and writes nothing", async () => {
    const dir = tempDir();
    const feed = join(dir, "feed.xml");
    writeFileSync(
      feed,
      '<?xml version="1.0"?>\n<rss xmlns:g="http://base.google.com/ns/1.0"><channel>\n' +
        "<item><g:id>1</g:id><title>A</title><link>/a</link><g:price>1 TRY</g:price></item>\n" +
        "<item><g:id>2</g:id>\n</channel></rss>\n",
    );
    const output = join(dir, "out.json");
    await expect(convertCatalog({ inputs: [feed], output })).rejects.toThrow(
      new InputError(`${feed}:5:10: broken XML: unexpected close tag.`),
    );
    expect(existsSync(output)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it("invalid JSON, a missing file, a folder", async () => {
    const dir = tempDir();
    const page = join(dir, "page.json");
    writeFileSync(page, '{"products": [');
    const output = join(dir, "out.json");
    await expect(convertCatalog({ inputs: [page], output, currency: "TRY" })).rejects.toThrow(
      new InputError(`${page}: invalid JSON: Unexpected end of JSON input`),
    );
    await expect(convertCatalog({ inputs: [join(dir, "nope.xml")], output })).rejects.toThrow(
      new InputError(`${join(dir, "nope.xml")}: cannot read: no such file`),
    );
    await expect(convertCatalog({ inputs: [dir], output, from: "gmc" })).rejects.toThrow(
      new InputError(`${dir}: cannot read: not a file`),
    );
    expect(readdirSync(dir)).toEqual(["page.json"]);
  });

  it("a CSV with quoting that never closes", async () => {
    const dir = tempDir();
    const feed = join(dir, "feed.csv");
    writeFileSync(feed, 'id,title,url,price\nA,"Open quote,/a,1\n');
    await expect(
      convertCatalog({ inputs: [feed], output: join(dir, "o.json"), currency: "TRY" }),
    ).rejects.toThrow(new RegExp(`^${feed.replace(/[.]/g, "\\.")}: broken CSV: Quote Not Closed`));
  });

  it("feeds it cannot tell, kinds that differ, and options that are wrong", async () => {
    const dir = tempDir();
    const output = join(dir, "o.json");
    const odd = join(dir, "feed.dat");
    writeFileSync(odd, "hello");
    await expect(convertCatalog({ inputs: [odd], output })).rejects.toThrow(
      new InputError(
        `${odd}: cannot tell what kind of feed this is; pass --from gmc|gmc-tsv|shopify|woocommerce|csv`,
      ),
    );
    const xml = fixture("gmc-feed.xml");
    const csv = fixture("products-en.csv");
    await expect(convertCatalog({ inputs: [xml, csv], output })).rejects.toThrow(
      new UsageError(`the inputs are of different kinds (${xml}: gmc, ${csv}: csv); pass --from`),
    );
    await expect(convertCatalog({ inputs: [xml], output, from: "rss" as never })).rejects.toThrow(
      /unknown --from "rss"/,
    );
    await expect(convertCatalog({ inputs: [xml], output, currency: "tl" })).rejects.toThrow(
      '--currency: expected an ISO 4217 code like TRY, got "tl"',
    );
    await expect(convertCatalog({ inputs: [xml], output, language: "de" })).rejects.toThrow(
      '--lang: expected tr or en, got "de"',
    );
    await expect(
      convertCatalog({ inputs: [xml], output, baseUrl: "javascript:alert(1)" }),
    ).rejects.toThrow('--base-url: expected an http(s) URL, got "javascript:alert(1)"');
    await expect(convertCatalog({ inputs: [xml], output, map: { Fiyat: "cost" } })).rejects.toThrow(
      /--map "Fiyat=cost": unknown field "cost"/,
    );
    await expect(
      convertCatalog({ inputs: [xml], output, map: { Fiyat: "price" } }),
    ).rejects.toThrow("--map applies to --from csv only");
    await expect(convertCatalog({ inputs: [xml], output: xml })).rejects.toThrow(
      `the output ${xml} is also an input`,
    );
    // A file where the output's folder should be: nothing can be written there.
    await expect(convertCatalog({ inputs: [xml], output: join(xml, "o.json") })).rejects.toThrow(
      /o\.json: cannot write: EEXIST/,
    );
    expect(readdirSync(dir)).toEqual(["feed.dat"]);
  });

  it("stops when aborted, writing nothing", async () => {
    const stop = new AbortController();
    stop.abort(new Error("interrupted"));
    const dir = tempDir();
    await expect(
      convertCatalog({
        inputs: [fixture("gmc-feed.xml")],
        output: join(dir, "o.json"),
        signal: stop.signal,
      }),
    ).rejects.toThrow("interrupted");
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("catalog header", () => {
  it("takes the currency from --currency, else from the first item", async () => {
    const withFlag = await convert({ inputs: [fixture("products-en.csv")], currency: "EUR" });
    expect(JSON.parse(readFileSync(withFlag.output, "utf8")).currency).toBe("EUR");
    // the items keep their own currency
    expect(JSON.parse(readFileSync(withFlag.output, "utf8")).items[0].currency).toBe("USD");
    const inferred = await convert({ inputs: [fixture("products-en.csv")] });
    expect(JSON.parse(readFileSync(inferred.output, "utf8")).currency).toBe("USD");
  });

  it("reports progress with bytes read out of the total", async () => {
    const seen: { read: number; bytesRead: number; bytesTotal: number }[] = [];
    const file = fixture("gmc-feed.xml");
    await convertCatalog({
      inputs: [file],
      output: join(tempDir(), "o.json"),
      progressEvery: 2,
      onProgress: (p) =>
        seen.push({ read: p.read, bytesRead: p.bytesRead, bytesTotal: p.bytesTotal }),
    });
    const size = readFileSync(file).length;
    expect(seen.map((p) => p.read)).toEqual([2, 4, 6, 7]);
    expect(seen.at(-1)).toEqual({ read: 7, bytesRead: size, bytesTotal: size });
  });
});
