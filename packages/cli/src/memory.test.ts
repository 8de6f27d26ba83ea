import { once } from "node:events";
import { createWriteStream, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parseCatalog } from "@vitrin/core";
import { afterAll, describe, expect, it } from "vitest";
import { convertCatalog } from "./convert.js";
import { removeTempDirs, tempDir } from "./test-helpers.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const dir = tempDir();
afterAll(removeTempDirs);

const TYPES = ["Keten Gömlek", "Yün Kazak", "Kaşe Kaban", "Pamuklu Tişört", "Deri Bot", "Şort"];

/** Writes a Merchant Center feed of `count` items, TSV or RSS. */
async function generate(file: string, count: number, kind: "tsv" | "xml"): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(
    kind === "tsv"
      ? "id\ttitle\tlink\timage_link\tprice\tsale_price\tavailability\tbrand\tproduct_type\tcolor\tsize\titem_group_id\n"
      : '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>\n',
  );
  for (let i = 0; i < count; i++) {
    const type = TYPES[i % TYPES.length];
    const amount = 100 + (i % 5000);
    const price = `${amount.toFixed(2)} TRY`;
    const sale = i % 3 === 0 ? `${(amount * 0.8).toFixed(2)} TRY` : "";
    const stock = i % 7 === 0 ? "out of stock" : "in stock";
    const size = ["S", "M", "L", "XL"][i % 4];
    await write(
      kind === "tsv"
        ? `P-${i}\t${type} Model ${i}\thttps://shop.example/p/${i}\thttps://shop.example/img/${i}.jpg\t${price}\t${sale}\t${stock}\tMarka ${i % 40}\tGiyim > Kadın > ${type}\trenk ${i % 9}\t${size}\tG-${i >> 2}\n`
        : `<item><g:id>P-${i}</g:id><g:item_group_id>G-${i >> 2}</g:item_group_id><title>${type} Model ${i}</title><link>https://shop.example/p/${i}</link><g:image_link>https://shop.example/img/${i}.jpg</g:image_link><g:price>${price}</g:price>${sale ? `<g:sale_price>${sale}</g:sale_price>` : ""}<g:availability>${stock}</g:availability><g:brand>Marka ${i % 40}</g:brand><g:product_type>Giyim &gt; Kadın &gt; ${type}</g:product_type><g:color>renk ${i % 9}</g:color><g:size>${size}</g:size><description><![CDATA[<p>Ürün ${i}: yumuşak dokulu, rahat kesim.</p>]]></description></item>\n`,
    );
  }
  if (kind === "xml") await write("</channel></rss>\n");
  out.end();
  await once(out, "finish");
}

/** Converts while sampling the heap after a full GC; returns the peak growth over the start. */
async function convertMeasured(input: string, output: string, every: number) {
  gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const result = await convertCatalog({
    inputs: [input],
    output,
    progressEvery: every,
    onProgress: () => {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    },
  });
  return { result, growth: peak - before };
}

const MB = 1024 * 1024;

describe("large feeds stream in bounded memory", () => {
  it("200,000-item GMC TSV", { timeout: 60_000 }, async () => {
    const input = join(dir, "feed.tsv");
    const output = join(dir, "catalog.json");
    await generate(input, 200_000, "tsv");
    const { result, growth } = await convertMeasured(input, output, 20_000);
    const inputSize = statSync(input).size;
    console.log(
      `200k TSV: ${(inputSize / MB).toFixed(0)} MB in, ${(result.bytesWritten / MB).toFixed(0)} MB out, ` +
        `${Math.round(result.itemsPerSecond)} items/s, heap growth ${(growth / MB).toFixed(1)} MB, ` +
        `peak RSS ${(result.peakRss / MB).toFixed(0)} MB`,
    );
    expect(result).toMatchObject({ read: 200_000, written: 200_000, skipped: 0, committed: true });
    // Holding the items would take hundreds of MB (the output alone is ~65 MB of JSON); the
    // retained heap grows only by the set of ids seen (~200k short strings).
    expect(growth).toBeLessThan(40 * MB);

    const json = JSON.parse(readFileSync(output, "utf8"));
    const parsed = parseCatalog(json, output);
    expect(parsed.problems).toEqual([]);
    expect(parsed.catalog?.items).toHaveLength(200_000);
    expect(parsed.catalog?.items[199_999]).toMatchObject({
      id: "P-199999",
      groupId: "G-49999",
      price: 100 + (199_999 % 5000),
      attributes: { season: "winter" },
    });
  });

  it("50,000-item GMC RSS: the same flat heap through the SAX parser", {
    timeout: 60_000,
  }, async () => {
    const input = join(dir, "feed.xml");
    const output = join(dir, "catalog-xml.json");
    await generate(input, 50_000, "xml");
    const { result, growth } = await convertMeasured(input, output, 5_000);
    expect(result).toMatchObject({ read: 50_000, written: 50_000, committed: true });
    expect(growth).toBeLessThan(16 * MB);
  });
});
