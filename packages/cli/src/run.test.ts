import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, fixture, removeTempDirs, tempDir } from "./test-helpers.js";
import { VERSION } from "./version.js";

afterAll(removeTempDirs);

describe("vitrin catalog", () => {
  it("exit 0: writes the catalog, prints problems on stderr and the summary on stdout", async () => {
    const dir = tempDir();
    const output = join(dir, "catalog.json");
    const file = fixture("gmc-feed.xml");
    const { code, stdout, stderr } = await cli(["catalog", file, "-o", output, "--lang", "tr"]);
    expect(code).toBe(0);
    expect(stderr).toBe(
      `vitrin catalog: --from gmc inferred (.xml extension of ${file})\n` +
        `${file}:62 item "GYM-0003": g:price: expected "<number> <currency>", got "abc"\n` +
        `${file}:68 item "GYM-0004": link: expected an http(s) URL or a path, got "javascript:alert(document.cookie)"\n`,
    );
    const size = readFileSync(output).length;
    const lines = stdout.split("\n");
    expect(lines.slice(0, 7)).toEqual([
      `vitrin catalog: gmc → ${output}`,
      "  items read      7",
      "  items written   5",
      "  items skipped   2",
      '         1  g:price: expected "<number> <currency>"',
      "         1  link: expected an http(s) URL or a path",
      `  output          ${output} (${(size / 1000).toFixed(1)} kB, ${size.toLocaleString("en-US")} bytes)`,
    ]);
    expect(lines[7]).toMatch(/^ {2}elapsed {9}\d+\.\d\d s \([\d,]+ items\/s\)$/);
    expect(lines[8]).toMatch(/^ {2}peak memory {5}\d+\.\d MB RSS$/);
    expect(JSON.parse(readFileSync(output, "utf8")).items).toHaveLength(5);
  });

  it("prints the first --max-problems problems, then how many more", async () => {
    const dir = tempDir();
    const { code, stderr } = await cli([
      "catalog",
      fixture("gmc-feed.tsv"),
      "-o",
      join(dir, "c.json"),
      "--max-problems",
      "1",
    ]);
    expect(code).toBe(0);
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/gmc-feed\.tsv:5 item "NW-301-M": id: expected a unique id/);
    expect(lines[2]).toBe("…and 2 more");
  });

  it("exit 1 with --strict: stops at the first problem and writes nothing", async () => {
    const dir = tempDir();
    const output = join(dir, "catalog.json");
    const file = fixture("urunler.csv");
    const map = ["Ürün Kodu=id", "Ürün Adı=title", "Bağlantı=url", "Fiyat=price"].flatMap((m) => [
      "--map",
      m,
    ]);
    const { code, stdout, stderr } = await cli([
      "catalog",
      file,
      "--from",
      "csv",
      "-o",
      output,
      "--currency",
      "try",
      ...map,
      "--strict",
      "--no-progress",
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `vitrin catalog: ${file}: semicolon-separated; ignored columns: Görsel, İndirimli Fiyat, Stok, Marka, Kategori, Renk, Beden, Sezon, Açıklama\n` +
        `${file}:5 item "TR-1004": Fiyat: expected a number ≥ 0 (1299.90, 1.299,90 or 1,299.90), got "yok"\n` +
        `vitrin catalog: stopped at the first problem (--strict); ${output} was not written\n`,
    );
    expect(existsSync(output)).toBe(false);
  });

  it("exit 1 when no item could be converted", async () => {
    const dir = tempDir();
    const feed = join(dir, "feed.csv");
    writeFileSync(feed, "id,title,url,price\nA,Aa,/a,abc\n");
    const output = join(dir, "catalog.json");
    const { code, stdout, stderr } = await cli([
      "catalog",
      feed,
      "-o",
      output,
      "--currency",
      "TRY",
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain(`  output          ${output} not written`);
    expect(stderr).toContain(
      `vitrin catalog: no item could be converted; ${output} was not written\n`,
    );
    expect(existsSync(output)).toBe(false);
  });

  it("exit 2 for a broken file, with one line naming it", async () => {
    const dir = tempDir();
    const page = join(dir, "products.json");
    writeFileSync(page, "{ not json");
    const { code, stdout, stderr } = await cli([
      "catalog",
      page,
      "--from",
      "shopify",
      "-o",
      join(dir, "o.json"),
      "--currency",
      "TRY",
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      new RegExp(`^vitrin catalog: ${page.replace(/\./g, "\\.")}: invalid JSON: .+\\n$`),
    );
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("exit 2 for a missing file, an unknown --from and bad options", async () => {
    const dir = tempDir();
    const out = join(dir, "o.json");
    const missing = await cli(["catalog", join(dir, "nope.xml"), "-o", out]);
    expect(missing).toMatchObject({
      code: 2,
      stderr: `vitrin catalog: ${join(dir, "nope.xml")}: cannot read: no such file\n`,
    });
    const from = await cli(["catalog", fixture("gmc-feed.xml"), "--from", "amazon", "-o", out]);
    expect(from.code).toBe(2);
    expect(from.stderr).toBe(
      'vitrin catalog: unknown --from "amazon": expected one of gmc, gmc-tsv, shopify, woocommerce, csv\nrun `vitrin catalog --help` for usage\n',
    );
    expect((await cli(["catalog", fixture("gmc-feed.xml")])).stderr).toContain(
      "missing -o <out.json>",
    );
    expect((await cli(["catalog", "-o", out])).stderr).toContain("no input files");
    expect(
      (await cli(["catalog", fixture("gmc-feed.xml"), "-o", out, "--frm", "gmc"])).stderr,
    ).toContain("Unknown option '--frm'");
    expect(
      (await cli(["catalog", fixture("urunler.csv"), "-o", out, "--map", "Fiyat"])).stderr,
    ).toContain('--map: expected "CSV header=field", got "Fiyat"');
    expect(
      (await cli(["catalog", fixture("gmc-feed.xml"), "-o", out, "--max-problems", "-3"])).code,
    ).toBe(2);
    expect((await cli(["catalog", fixture("shopify-products.json"), "-o", out])).stderr).toContain(
      "Shopify's products.json has no currency; pass --currency",
    );
    expect(existsSync(out)).toBe(false);
  });

  it("maps CSV headers given with --map", async () => {
    const dir = tempDir();
    const output = join(dir, "c.json");
    const { code } = await cli([
      "catalog",
      fixture("urunler.csv"),
      "-o",
      output,
      "--currency",
      "TRY",
      "--map",
      "ürün kodu=id",
      "--map",
      "Ürün Adı=title",
      "--map",
      "Bağlantı=url",
      "--map",
      "Fiyat=price",
      "--map",
      "Renk=attributes.renk_adi",
    ]);
    expect(code).toBe(0);
    const items = JSON.parse(readFileSync(output, "utf8")).items;
    expect(items[0]).toEqual({
      id: "TR-1001",
      title: "Yünlü Kaşe Kaban",
      url: "/urun/tr-1001",
      price: 3499.9,
      currency: "TRY",
      availability: "in_stock",
      attributes: { renk_adi: "Camel", season: "winter" },
    });
  });

  it("draws a progress line only on a terminal", async () => {
    const dir = tempDir();
    const args = ["catalog", fixture("gmc-feed-atom.xml"), "-o", join(dir, "c.json")];
    const tty = await cli(args, { tty: true });
    const erase = "\r\u001b[2K";
    expect(tty.stderr).toContain(`${erase}vitrin catalog: 2 items · `);
    expect(tty.stderr).toMatch(/vitrin catalog: 2 items · [\d,]+ items\/s · 100%/);
    expect(tty.stderr.endsWith(erase)).toBe(true);
    const quiet = await cli([...args, "--no-progress"], { tty: true });
    expect(quiet.stderr).not.toContain("\r");
    const pipe = await cli(args);
    expect(pipe.stderr).not.toContain("\r");
  });
});

describe("vitrin", () => {
  it("prints usage and the version", async () => {
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: vitrin catalog <input\.\.\.>/);
    expect(help.stdout).toMatch(/\nusage: vitrin model <input\.\.\.>/);
    // Each command's --help is its own part of the whole.
    const catalog = (await cli(["catalog", "--help"])).stdout;
    const model = (await cli(["model", "--help"])).stdout;
    const evaluation = (await cli(["eval", "--help"])).stdout;
    expect(catalog).toMatch(/^usage: vitrin catalog/);
    expect(model).toMatch(/^usage: vitrin model/);
    expect(evaluation).toMatch(/^usage: vitrin eval/);
    expect(help.stdout).toBe(`${catalog}\n${model}\n${evaluation}`);
    const version = await cli(["--version"]);
    expect(version.stdout).toBe(`${VERSION}\n`);
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(VERSION).toBe(pkg.version);
  });

  it("exit 2 for a missing or unknown command", async () => {
    expect(await cli([])).toMatchObject({ code: 2 });
    const unknown = await cli(["catalogue"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^vitrin: unknown command "catalogue"\nusage: vitrin catalog/);
  });
});
