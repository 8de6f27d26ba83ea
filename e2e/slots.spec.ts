import { type Browser, expect, type Page, test } from "@playwright/test";
import { pageReports, recordPageReports, watchConsole } from "./support.js";

// Slot behaviour that only a real browser shows: reserved space per device, what data saver
// downloads, when a tall slot counts as seen, keyboard use, the custom element, and the
// constructed stylesheet under a strict Content-Security-Policy. Pages are served by the test.

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const DESKTOP = { viewport: { width: 1440, height: 900 }, hasTouch: false, isMobile: false };
const SCRIPT =
  '<script async src="/vitrin/vitrin.min.js" data-catalog="/vitrin/catalog.json"></script>';
const STYLESHEET = '<link rel="stylesheet" href="/vitrin/vitrin.css">';
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; require-trusted-types-for 'script'";

/** Serves a page at `path` from the test, with `csp` as its Content-Security-Policy if given. */
async function serve(page: Page, path: string, head: string, body: string, csp?: string) {
  const url = new URL(path, test.info().project.use.baseURL ?? process.env.VITRIN_BASE_URL).href;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      headers: csp ? { "content-security-policy": csp } : {},
      body: `<!doctype html><html lang="tr"><head><meta name="viewport" content="width=device-width,initial-scale=1">${head}</head><body>${body}</body></html>`,
    }),
  );
  return url;
}

/** A fresh shopper in a context of the given size. */
async function shopper(browser: Browser, size: typeof PHONE | typeof DESKTOP) {
  const context = await browser.newContext({ ...size, locale: "tr-TR" });
  return context.newPage();
}

/** Two frames and a little more: time for layout-shift entries to reach their observer. */
const frames = (page: Page) =>
  page.evaluate(
    () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100))),
      ),
  );

test("a slot with a strategy for phones only takes no space on a desktop, and fills its reserved box on a phone, with no layout shift", async ({
  browser,
}) => {
  const body = `<h1>Mağaza</h1>
    <div id="phones-only" data-vitrin-slot="mobile:trending" data-vitrin-layout="carousel" data-vitrin-limit="4"></div>
    <p id="below">Bu paragraf yerinde kalmalı.</p>`;
  const seen: Record<string, unknown> = {};
  for (const [name, size] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    const page = await shopper(browser, size);
    const problems = watchConsole(page);
    const slot = page.locator("#phones-only");
    const height = () => slot.evaluate((el) => el.getBoundingClientRect().height);
    // The space the stylesheet alone reserves: the same page without Vitrin's script.
    await page.goto(await serve(page, "/reserved.html", STYLESHEET, body));
    const reserved = await height();
    await recordPageReports(page);
    await page.goto(await serve(page, "/phones-only.html", STYLESHEET + SCRIPT, body));
    await expect(slot).toHaveAttribute("data-vitrin-state", name === "phone" ? "ready" : "empty");
    await frames(page);
    const { shifts, violations } = await pageReports(page);
    seen[name] = {
      reserved: reserved > 0,
      filledAsReserved: Math.abs((await height()) - reserved) < 0.5,
      cards: await slot.locator("li.vitrin-card").count(),
      shifts: shifts.map((s) => `${s.value.toFixed(4)} ${s.nodes.join(", ")}`),
      violations,
    };
    expect(problems).toEqual([]);
    await page.context().close();
  }
  expect(seen).toEqual({
    desktop: { reserved: false, filledAsReserved: true, cards: 0, shifts: [], violations: [] },
    phone: { reserved: true, filledAsReserved: true, cards: 4, shifts: [], violations: [] },
  });
});

test("under data saver a card downloads the catalog's small image and never the large one", async ({
  browser,
}) => {
  const requested: Record<string, string[]> = {};
  for (const saver of [false, true]) {
    const page = await shopper(browser, DESKTOP);
    const problems = watchConsole(page);
    if (saver)
      await page.addInitScript(() =>
        Object.defineProperty(Navigator.prototype, "connection", {
          configurable: true,
          get: () => ({ saveData: true, addEventListener() {}, removeEventListener() {} }),
        }),
      );
    const items = Array.from({ length: 4 }, (_, i) => ({
      id: `IMG-${i}`,
      title: `Kupa ${i}`,
      url: `/urun/img-${i}.html`,
      image: `/images/large-${i}.svg`,
      thumb: `/images/small-${i}.svg`,
      price: 100 + i,
      popularity: 10 - i,
    }));
    await page.route("**/images/catalog.json", (route) =>
      route.fulfill({
        json: { format: "vitrin-catalog", version: 1, currency: "TRY", items },
      }),
    );
    const images: string[] = [];
    await page.route("**/images/*.svg", (route) => {
      images.push(new URL(route.request().url()).pathname);
      return route.fulfill({
        contentType: "image/svg+xml",
        body: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
      });
    });
    const url = await serve(
      page,
      "/images.html",
      STYLESHEET +
        '<script async src="/vitrin/vitrin.min.js" data-catalog="/images/catalog.json"></script>',
      '<div data-vitrin-slot="trending" data-vitrin-limit="4"></div>',
    );
    await page.goto(url);
    await expect(page.locator("li.vitrin-card img")).toHaveCount(4);
    await expect
      .poll(() =>
        page
          .locator("li.vitrin-card img")
          .evaluateAll((all) => all.every((img) => (img as HTMLImageElement).complete)),
      )
      .toBe(true);
    requested[saver ? "saver" : "normal"] = [...new Set(images)].sort();
    expect(problems).toEqual([]);
    await page.context().close();
  }
  const all = (kind: string) => [0, 1, 2, 3].map((i) => `/images/${kind}-${i}.svg`);
  // A desktop grid card is wider than the small copy: the browser takes the large one…
  expect(requested.normal).toEqual(all("large"));
  // …but under data saver only the small one is ever asked for.
  expect(requested.saver).toEqual(all("small"));
});

test("a list slot taller than the screen counts as seen once it fills half the screen", async ({
  browser,
}) => {
  const page = await shopper(browser, PHONE);
  const problems = watchConsole(page);
  await page.addInitScript(() => {
    (window as unknown as { dataLayer: unknown[] }).dataLayer = [];
  });
  const url = await serve(
    page,
    "/tall.html",
    STYLESHEET + SCRIPT,
    `<h1>Mağaza</h1><div style="height:900px"></div>
     <div id="tall" data-vitrin-slot="trending" data-vitrin-layout="list" data-vitrin-limit="24" data-vitrin-id="tall-list"></div>
     <p>Son.</p>`,
  );
  await page.goto(url);
  // Below the fold, a screen of space above it: not seen yet.
  const slot = page.locator("#tall");
  await expect(slot.locator("li.vitrin-card")).toHaveCount(24);
  const views = () =>
    page.evaluate(() =>
      (
        window as unknown as {
          dataLayer: { event?: string; ecommerce?: { item_list_id?: string } }[];
        }
      ).dataLayer
        .filter((e) => e.event === "view_item_list")
        .map((e) => e.ecommerce?.item_list_id),
    );
  const ratio = await slot.evaluate((el) => innerHeight / el.getBoundingClientRect().height);
  // Never half visible at once: only the second rule can count it.
  expect(ratio).toBeLessThan(0.5);
  await frames(page);
  expect(await views()).toEqual([]);
  await slot.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await expect.poll(views).toEqual(["tall-list"]);
  expect(problems).toEqual([]);
  await page.context().close();
});

test("a misspelt data-vitrin attribute gets one console warning naming the element, the attribute and the name it meant, also when added later", async ({
  page,
}) => {
  // Errors too: the page must show these warnings and nothing else.
  const warnings = watchConsole(page);
  const url = await serve(
    page,
    "/typos.html",
    STYLESHEET + SCRIPT,
    `<div id="pdp-rec" data-vitrin-solt="similar" data-vitrin-limit="4"></div>
     <a href="/urun/1.html" data-vitrin-item="1" data-vitrin-iten="1">Ürün</a>
     <div data-vitrin-slot="trending" data-vitrin-limit="2"></div>`,
  );
  await page.goto(url);
  await expect.poll(() => warnings.length).toBe(2);
  await page.evaluate(() => {
    const later = document.createElement("section");
    later.id = "later";
    later.setAttribute("data-vitrin-cart-reminer", "");
    document.body.append(later);
  });
  await expect.poll(() => warnings.length).toBe(3);
  expect(warnings).toEqual([
    'warning: [vitrin] <div#pdp-rec>: data-vitrin-solt="similar" is not a Vitrin attribute; did you mean data-vitrin-slot?',
    'warning: [vitrin] <a>: data-vitrin-iten="1" is not a Vitrin attribute; did you mean data-vitrin-item?',
    'warning: [vitrin] <section#later>: data-vitrin-cart-reminer="" is not a Vitrin attribute; did you mean data-vitrin-cart-reminder?',
  ]);
  // The good slot beside them is not affected.
  await expect(page.locator("[data-vitrin-slot] li.vitrin-card")).toHaveCount(2);
});

test("<vitrin-slot> fills in Chromium, and so does one added later", async ({ page }) => {
  const problems = watchConsole(page);
  const url = await serve(
    page,
    "/element.html",
    STYLESHEET + SCRIPT,
    '<vitrin-slot id="first" strategy="trending" limit="3" layout="carousel"></vitrin-slot><main></main>',
  );
  await page.goto(url);
  const first = page.locator("vitrin-slot#first");
  await expect(first).toHaveAttribute("data-vitrin-state", "ready");
  await expect(first.locator("section.vitrin-carousel li.vitrin-card")).toHaveCount(3);
  await page.evaluate(() => {
    const later = document.createElement("vitrin-slot");
    later.id = "later";
    later.setAttribute("strategy", "new-arrivals");
    later.setAttribute("limit", "2");
    document.querySelector("main")?.append(later);
  });
  await expect(page.locator("vitrin-slot#later li.vitrin-card")).toHaveCount(2);
  expect(await page.evaluate(() => customElements.get("vitrin-slot") !== undefined)).toBe(true);
  expect(problems).toEqual([]);
});

test("without vitrin.css, under a strict CSP with Trusted Types, the adopted stylesheet styles the slot with zero violations", async ({
  page,
}) => {
  const problems = watchConsole(page);
  await recordPageReports(page);
  const url = await serve(
    page,
    "/strict.html",
    SCRIPT,
    '<div id="s" data-vitrin-slot="trending" data-vitrin-layout="carousel" data-vitrin-limit="6"></div>',
    STRICT_CSP,
  );
  const response = await page.goto(url);
  expect(response?.headers()["content-security-policy"]).toBe(STRICT_CSP);
  await expect(page.locator("#s li.vitrin-card")).toHaveCount(6);
  await frames(page);
  const styled = await page.evaluate(() => {
    const items = document.querySelector("#s .vitrin-items") as HTMLElement;
    const css = getComputedStyle(items);
    return {
      linked: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
      styleElements: document.querySelectorAll("style").length,
      display: css.display,
      flow: css.gridAutoFlow,
      snap: css.scrollSnapType,
      overflowX: css.overflowX,
    };
  });
  expect(styled).toEqual({
    linked: 0,
    adopted: 1,
    styleElements: 0,
    display: "grid",
    flow: "column",
    snap: "x mandatory",
    overflowX: "auto",
  });
  expect((await pageReports(page)).violations).toEqual([]);
  expect(problems).toEqual([]);
});

test("the script tag's mount takes a renderer of one's own, and warns about an option it does not know", async ({
  page,
}) => {
  // Errors too: the page must show these warnings and nothing else.
  const warnings = watchConsole(page);
  const url = await serve(page, "/own-renderer.html", SCRIPT, '<div id="own"></div>');
  await page.goto(url);
  await page.waitForFunction(
    () =>
      typeof (window as unknown as { vitrin: { mount?: unknown } }).vitrin?.mount === "function",
  );
  await page.evaluate(() => {
    type State = { status: string; picks: { item: { title: string } }[] };
    const vitrin = (window as unknown as { vitrin: { push(...c: unknown[]): void } }).vitrin;
    vitrin.push([
      "mount",
      document.getElementById("own"),
      {
        attributes: { strategy: "trending", limit: "3" },
        render: (state: State, container: HTMLElement) => {
          container.textContent = `${state.status}: ${state.picks.map((p) => p.item.title).join(" | ")}`;
        },
        lagn: "en",
      },
    ]);
  });
  await expect(page.locator("#own")).toHaveText(/^ready: [^|]+ \| [^|]+ \| [^|]+$/);
  expect(warnings).toEqual([
    'warning: [vitrin] mount options: unknown key "lagn"; did you mean lang?',
  ]);
});
