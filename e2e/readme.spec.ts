/**
 * The README's snippets, copied and pasted: every HTML block is put in a page as a store would
 * (a block without the script tag gets the install snippet in front of it, as the README says to
 * add it first), and every TypeScript section is bundled from the built packages and run. Each
 * must work with zero console errors and zero Vitrin warnings — a misspelt attribute or a
 * renamed option in the README fails here.
 */
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { build } from "esbuild";
import { blankPage, storedEvents, vitrinReady, watchConsole } from "./support.js";

interface Block {
  lang: string;
  code: string;
  /** The `##`/`###` heading the block is under. */
  section: string;
  line: number;
}

const root = new URL("..", import.meta.url);
const README = readFileSync(new URL("README.md", root), "utf8");

/** Fenced code blocks, also those indented inside list items. */
function codeBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split("\n");
  let section = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const heading = /^#{2,3} (.+)/.exec(line);
    if (heading) section = heading[1] ?? "";
    const open = /^(\s*)```(\w+)\s*$/.exec(line);
    if (!open) continue;
    const indent = open[1]?.length ?? 0;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i] ?? ""); i++)
      body.push((lines[i] ?? "").slice(indent));
    blocks.push({ lang: open[2] ?? "", code: body.join("\n"), section, line: start + 1 });
  }
  return blocks;
}

const blocks = codeBlocks(README);
const html = blocks.filter((block) => block.lang === "html");
const LOADS_VITRIN = /<script[^>]+src="[^"]*vitrin(-track)?\.min\.js"/;
/** The first snippet with the script tag: "Add Vitrin to a store". */
const install = html.find((block) => LOADS_VITRIN.test(block.code));
const integrity: Record<string, string> = JSON.parse(
  readFileSync(new URL("packages/embed/dist/integrity.json", root), "utf8"),
);

/** Serves the pinned-version CDN URL of the README from the build, as the CDN would. */
async function serveCdn(page: Page): Promise<void> {
  await page.route("https://cdn.example.com/**", (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^.*\/dist\//, "");
    route.fulfill({
      contentType: "text/javascript",
      headers: { "Access-Control-Allow-Origin": "*" },
      body: readFileSync(new URL(`packages/embed/dist/${path}`, root)),
    });
  });
}

/** The hash placeholder of the SRI snippet, filled from `integrity.json` as the README says. */
const withHashes = (code: string) =>
  code.replace(/integrity="sha384-…from integrity\.json…"/g, (_, offset: number) => {
    const file = /\/dist\/([\w.-]+\.js)"/.exec(code.slice(0, offset).split("<script").pop() ?? "");
    return `integrity="${integrity[file?.[1] ?? ""] ?? ""}"`;
  });

test("the README has snippets to test", () => {
  expect(install, "README has no script tag snippet").toBeDefined();
  expect(html.length).toBeGreaterThanOrEqual(6);
  expect(blocks.filter((block) => block.lang === "ts").length).toBeGreaterThanOrEqual(2);
  expect(blocks.filter((block) => block.lang === "tsx").length).toBeGreaterThanOrEqual(1);
});

for (const [index, block] of html.entries()) {
  test(`README HTML snippet at line ${block.line} (${block.section}) works as pasted`, async ({
    page,
    baseURL,
  }) => {
    const problems = watchConsole(page);
    await serveCdn(page);
    const code = withHashes(block.code);
    const body = LOADS_VITRIN.test(code) ? code : `${install?.code}\n${code}`;
    await page.goto(await blankPage(page, baseURL, `/readme-${index}.html`, "", body));
    await vitrinReady(page);

    // Every slot settles: filled, or empty and collapsed.
    const slots = page.locator("[data-vitrin-slot]");
    for (const slot of await slots.all())
      await expect(slot).toHaveAttribute("data-vitrin-state", /^(ready|empty)$/);
    const forYou = page.locator('[data-vitrin-slot="for-you"]');
    if (await forYou.count()) await expect(forYou.locator(".vitrin-card")).not.toHaveCount(0);
    if (body.includes("data-vitrin-offer-slot"))
      await expect(page.locator("[data-vitrin-offer-slot] .vitrin-offer")).toContainText("%10");
    if (body.includes("data-vitrin-content"))
      await expect(page.locator("[data-vitrin-content] [data-vitrin-default]")).toBeVisible();

    // What the snippet asks to record is recorded.
    const button = page.locator('button[data-vitrin-event="add_to_cart"]');
    if (await button.count()) await button.click();
    const tracks = [...body.matchAll(/push\(\["track", "([^"]+)"/g)].length;
    const expected = tracks + (await button.count());
    if (expected || body.includes('["consent", true]')) {
      await page.evaluate(() =>
        (window as unknown as { vitrin: { flush(): Promise<void> } }).vitrin.flush(),
      );
      const events = await storedEvents(page);
      const carts = events.filter((event) => event.name === "add_to_cart");
      expect(carts.length).toBe(expected);
      // With consent given, the page view is stored too.
      expect(events.some((event) => event.name === "page_view")).toBe(true);
    }
    expect(problems).toEqual([]);
  });
}

test("README React app (React and Preact apps) bundles from the built packages and renders", async ({
  page,
  baseURL,
}) => {
  const app = blocks.find(
    (block) => block.lang === "tsx" && block.section === "React and Preact apps",
  );
  expect(app, "README has no React app snippet").toBeDefined();
  const result = await build({
    stdin: { contents: app?.code ?? "", resolveDir: new URL(".", root).pathname, loader: "tsx" },
    tsconfigRaw: { compilerOptions: { jsx: "react-jsx", jsxImportSource: "react" } },
    bundle: true,
    format: "iife",
    write: false,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  await page.route(new URL("/readme-react.js", baseURL).href, (route) =>
    route.fulfill({ contentType: "text/javascript", body: result.outputFiles[0]?.text ?? "" }),
  );
  const problems = watchConsole(page);
  await page.goto(
    await blankPage(
      page,
      baseURL,
      "/readme-react.html",
      '<link rel="stylesheet" href="/vitrin/vitrin.css"><script defer src="/readme-react.js"></script>',
      '<div id="app"></div>',
    ),
  );
  await expect(page.locator('[data-vitrin-slot="for-you"] .vitrin-card')).not.toHaveCount(0);
  // A new visitor is no bargain hunter: the variant's `otherwise` shows.
  await expect(page.getByRole("link", { name: "Kış koleksiyonu geldi" })).toBeVisible();
  expect(problems).toEqual([]);
});

test("README TypeScript (From npm) bundles from the built packages and runs", async ({
  page,
  baseURL,
}) => {
  const fromNpm = blocks.filter((block) => block.lang === "ts" && block.section === "From npm");
  expect(fromNpm.length).toBeGreaterThan(0);
  const result = await build({
    stdin: {
      contents: fromNpm.map((block) => block.code).join("\n"),
      resolveDir: new URL(".", root).pathname,
      loader: "ts",
    },
    // The packages as an app installs them (their exports), not the repository's source paths.
    tsconfigRaw: {},
    bundle: true,
    format: "iife",
    write: false,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  const script = result.outputFiles[0]?.text ?? "";
  await page.route(new URL("/readme-npm.js", baseURL).href, (route) =>
    route.fulfill({ contentType: "text/javascript", body: script }),
  );
  const problems = watchConsole(page);
  const logs: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "log") logs.push(message.text());
  });
  const slot = html.find((block) => block.code.includes('data-vitrin-slot="for-you"'))?.code ?? "";
  await page.goto(
    await blankPage(
      page,
      baseURL,
      "/readme-npm.html",
      '<script defer src="/readme-npm.js"></script>',
      slot,
    ),
  );
  await expect(page.locator('[data-vitrin-slot="for-you"] .vitrin-card')).not.toHaveCount(0);
  // The snippet's own logging: the profile's segments, and the first pick's reasons.
  await expect.poll(() => logs.join("\n")).toContain("new-visitor");
  await expect.poll(() => logs.some((line) => /^\[?\s*\{|Array|reason/i.test(line))).toBe(true);
  expect(problems).toEqual([]);
});
