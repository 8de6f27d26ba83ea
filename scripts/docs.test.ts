import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { format } from "node:util";
import { afterAll, describe, expect, it, vi } from "vitest";

const root = new URL("..", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");
const dir = mkdtempSync(join(tmpdir(), "vitrin-docs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The first ```ts block after a heading of a Markdown file. */
function snippet(markdown: string, heading: string): string {
  const from = markdown.indexOf(`## ${heading}`);
  expect(from, `no "## ${heading}" section`).toBeGreaterThan(-1);
  const match = /```ts\n([\s\S]*?)```/.exec(markdown.slice(from));
  expect(match, `no ts block under "## ${heading}"`).not.toBeNull();
  return match?.[1] ?? "";
}

/**
 * Runs a documentation snippet as written and checks what it logs against its `// → …`
 * comments, so the docs cannot drift from the code.
 */
async function runSnippet(code: string, name: string) {
  const expected = [...code.matchAll(/^\/\/ → (.*)$/gm)].map((m) => m[1]);
  expect(expected.length, "the snippet states what it prints").toBeGreaterThan(0);
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, code);
  const logged: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...args) => {
    logged.push(format(...args));
  });
  try {
    await import(/* @vite-ignore */ file);
  } finally {
    log.mockRestore();
  }
  expect(logged).toEqual(expected);
}

describe("docs/profile.md", () => {
  it("runs the 'Using the stages directly' example as printed", async () => {
    await runSnippet(snippet(read("docs/profile.md"), "Using the stages directly"), "profile");
  });
});

/** The first ```json block after a heading of a Markdown file, parsed. */
function jsonBlock(markdown: string, heading: string): unknown {
  const from = markdown.indexOf(`## ${heading}`);
  expect(from, `no "## ${heading}" section`).toBeGreaterThan(-1);
  const match = /```json\n([\s\S]*?)```/.exec(markdown.slice(from));
  expect(match, `no json block under "## ${heading}"`).not.toBeNull();
  return JSON.parse(match?.[1] ?? "");
}

describe("docs/config.md", () => {
  it("its complete example has no problem, and every section is applied", async () => {
    const { parseConfig } = await import("../packages/core/src/config.js");
    const { parseOffers } = await import("../packages/widgets/src/offers.js");
    const example = jsonBlock(read("docs/config.md"), "A complete example") as Record<
      string,
      unknown
    >;
    const { settings, problems } = parseConfig(example, "config.json");
    expect(problems).toEqual([]);
    expect(Object.keys(example).sort()).toEqual(
      ["halfLifeDays", "offers", "personas", "relevance", "segments"].sort(),
    );
    expect(settings.profile?.segments?.map((s) => s.id)).toEqual(["sadik-musteri", "mobil-aksam"]);
    expect(settings.profile?.personas?.map((p) => p.id)).toEqual(["firsatci", "gece-kusu"]);
    expect(settings.profile?.halfLifeDays).toBe(21);
    expect(settings.relevance).toEqual(example.relevance);
    const offers = parseOffers(settings.offers, "config.json");
    expect(offers.problems).toEqual([]);
    expect(offers.offers.map((o) => o.id)).toEqual(["hosgeldin", "sadik-musteri"]);
  });
});

describe("docs/model-format.md", () => {
  it("its example is a valid version 1 model", async () => {
    const { parseModel } = await import("../packages/core/src/model.js");
    const { model, problems } = parseModel(
      jsonBlock(read("docs/model-format.md"), "Format, version 1"),
      "model.json",
    );
    expect(problems).toEqual([]);
    expect(model?.items.get("MNT-0001")?.coView?.[0]).toEqual(["MNT-0002", 0.82]);
    expect(model?.items.get("ATK-0007")).toEqual({ popularity: 0.31 });
  });
});
