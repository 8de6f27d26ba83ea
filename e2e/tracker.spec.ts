import { expect, type Page, test } from "@playwright/test";
import {
  blankPage,
  productsFromDistinctCategories,
  storedEvents,
  storedViews,
  vitrinReady,
  watchConsole,
} from "./support.js";

test("GA4 pushes in both shapes, before and after load, are stored exactly once each", async ({
  page,
  baseURL,
}) => {
  const problems = watchConsole(page);
  const url = await blankPage(
    page,
    baseURL,
    "/shapes.html",
    '<script async src="/vitrin/vitrin-track.min.js"></script>',
  );
  await page.addInitScript(() => {
    const w = window as unknown as { dataLayer: unknown[]; gtag: (...a: unknown[]) => void };
    w.dataLayer = [];
    w.gtag = function gtag() {
      // biome-ignore lint/complexity/noArguments: gtag pushes its arguments object.
      w.dataLayer.push(arguments);
    };
    w.dataLayer.push({ event: "view_item", ecommerce: { items: [{ item_id: "BEFORE-OBJ" }] } });
    w.gtag("event", "add_to_cart", { items: [{ item_id: "BEFORE-GTAG" }] });
  });
  await page.goto(url);
  await vitrinReady(page);
  await page.evaluate(() => {
    const w = window as unknown as { dataLayer: unknown[]; gtag: (...a: unknown[]) => void };
    w.dataLayer.push({ event: "view_item", ecommerce: { items: [{ item_id: "AFTER-OBJ" }] } });
    w.gtag("event", "purchase", { transaction_id: "T1", items: [{ item_id: "AFTER-GTAG" }] });
  });
  await page.evaluate(() =>
    (window as unknown as { vitrin: { flush(): Promise<void> } }).vitrin.flush(),
  );
  const stored = await storedEvents(page);
  expect(stored.map((e) => `${e.name}:${e.items[0]?.item_id ?? ""}`).sort()).toEqual(
    [
      "add_to_cart:BEFORE-GTAG",
      "page_view:",
      "purchase:AFTER-GTAG",
      "view_item:AFTER-OBJ",
      "view_item:BEFORE-OBJ",
    ].sort(),
  );
  expect(problems).toEqual([]);
});

test("two tabs writing 1,000 events each at once store exactly 2,000, none twice", async ({
  context,
  baseURL,
}) => {
  const tabs = [await context.newPage(), await context.newPage()];
  const url = await blankPage(
    tabs[0] as Page,
    baseURL,
    "/tabs.html",
    '<script async src="/vitrin/vitrin-track.min.js"></script>',
  );
  for (const tab of tabs) {
    await tab.route(url, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: '<!doctype html><html><head><script async src="/vitrin/vitrin-track.min.js"></script></head><body></body></html>',
      }),
    );
    await tab.goto(url);
    await vitrinReady(tab);
  }
  await Promise.all(
    tabs.map((tab, n) =>
      tab.evaluate(async (n) => {
        const v = (
          window as unknown as {
            vitrin: { track(a: string, b: unknown): boolean; flush(): Promise<void> };
          }
        ).vitrin;
        for (let i = 0; i < 1000; i++) v.track("view_item", { items: [{ item_id: `T${n}-${i}` }] });
        await v.flush();
      }, n),
    ),
  );
  const stored = (await storedEvents(tabs[0] as Page)).filter((e) => e.name === "view_item");
  expect(stored).toHaveLength(2000);
  expect(new Set(stored.map((e) => e.id)).size).toBe(2000);
  for (const n of [0, 1])
    expect(stored.filter((e) => e.items[0]?.item_id.startsWith(`T${n}-`))).toHaveLength(1000);
});

test("with IndexedDB unavailable the page keeps working and Vitrin says so once", async ({
  page,
}) => {
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "warning" && m.text().startsWith("[vitrin]")) warnings.push(m.text());
    if (m.type() === "error") errors.push(m.text());
  });
  await page.addInitScript(() => {
    Object.defineProperty(window, "indexedDB", {
      get() {
        throw new DOMException("blocked", "SecurityError");
      },
    });
  });
  const [product] = productsFromDistinctCategories(1);
  if (!product) throw new Error("no product");
  await page.goto(product.url);
  await vitrinReady(page);
  await page.locator("[data-add-to-cart]").click();
  await expect(page.locator("[data-cart-count]")).toHaveText("1");
  expect(
    await page.evaluate(() =>
      (window as unknown as { vitrin: { track(a: string, b: unknown): boolean } }).vitrin.track(
        "search",
        { search_term: "kazak" },
      ),
    ),
  ).toBe(true);
  await expect(page.locator('[data-vitrin-slot="similar"] .vitrin-card').first()).toBeVisible();
  expect(warnings.filter((w) => /IndexedDB unavailable/.test(w))).toHaveLength(1);
  expect(errors).toEqual([]);
});

test("consent required: nothing stored until consent; withdrawing erases every tab", async ({
  context,
  baseURL,
}) => {
  const head =
    '<script async src="/vitrin/vitrin.min.js" data-catalog="/vitrin/catalog.json" data-consent="required"></script>';
  const first = await context.newPage();
  const url = await blankPage(first, baseURL, "/consent.html", head);
  await first.addInitScript(() => {
    (window as unknown as { dataLayer: unknown[] }).dataLayer = [
      { event: "view_item", ecommerce: { items: [{ item_id: "C-1" }] } },
    ];
  });
  await first.goto(url);
  await vitrinReady(first);
  type V = {
    vitrin: {
      consent(g: boolean): Promise<void>;
      flush(): Promise<void>;
      track(a: string, b: unknown): boolean;
    };
  };
  await first.evaluate(() => (window as unknown as V).vitrin.flush());
  await first.waitForTimeout(500);
  const traces = (p: Page) =>
    p.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((d) => d.name),
      local: Object.keys(localStorage),
      cookie: document.cookie,
    }));
  expect(await traces(first)).toEqual({ databases: [], local: [], cookie: "" });

  await first.evaluate(() => (window as unknown as V).vitrin.consent(true));
  await expect
    .poll(async () => (await storedEvents(first)).map((e) => e.name))
    .toContain("view_item");
  expect(await first.evaluate(() => localStorage.getItem("vitrin:consent"))).toBe("granted");

  const second = await context.newPage();
  await second.route(url, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html><head>${head}</head><body></body></html>`,
    }),
  );
  await second.goto(url);
  await vitrinReady(second);
  await second.evaluate(() =>
    (window as unknown as V).vitrin.track("search", { search_term: "ikinci" }),
  );
  await second.evaluate(() => (window as unknown as V).vitrin.flush());
  await expect
    .poll(async () => (await storedEvents(second)).map((e) => e.name))
    .toContain("search");

  await first.evaluate(() => (window as unknown as V).vitrin.consent(false));
  await expect.poll(async () => (await traces(first)).databases).not.toContain("vitrin");
  expect((await traces(first)).local.filter((k) => k.startsWith("vitrin:"))).toEqual([]);
  // The other tab heard it too and stores nothing more.
  await second.waitForTimeout(200);
  await second.evaluate(() =>
    (window as unknown as V).vitrin.track("search", { search_term: "sonra" }),
  );
  await second.evaluate(() => (window as unknown as V).vitrin.flush());
  expect(await storedEvents(second)).toEqual([]);
});

test("a product viewed in one tab shows in another tab's recently-viewed slot without a reload", async ({
  context,
  baseURL,
}) => {
  const [first, second] = [await context.newPage(), await context.newPage()];
  const problems = [watchConsole(first), watchConsole(second)];
  const [viewed, earlier] = productsFromDistinctCategories(2);
  // Something to show first, so the slot is on the page: one view in the second tab.
  await second.goto(new URL(earlier?.url ?? "", baseURL).href);
  await expect.poll(() => storedViews(second)).toEqual([earlier?.id]);
  await second.goto(new URL("/kategori/aksesuar.html", baseURL).href);
  const cards = second.locator('[data-vitrin-slot="recently-viewed"] .vitrin-card');
  await expect(cards).toHaveCount(1);

  await first.goto(new URL(viewed?.url ?? "", baseURL).href);
  await expect.poll(() => storedViews(first)).toEqual([earlier?.id, viewed?.id]);
  // The other tab learns of the stored event over the tab channel and re-renders its slot.
  await expect(cards).toHaveCount(2);
  expect(
    await cards.evaluateAll((els) => els.map((el) => el.getAttribute("data-vitrin-id"))),
  ).toEqual([viewed?.id, earlier?.id]);
  expect(problems).toEqual([[], []]);
});

for (const bundle of ["vitrin-track.min.js", "vitrin.min.js"]) {
  test(`${bundle} keeps the caps: 5,000 events, none older than 180 days, the rest folded into aggregates`, async ({
    page,
    baseURL,
  }) => {
    const problems = watchConsole(page);
    const day = 24 * 60 * 60 * 1000;
    // A store written by earlier visits: 20 purchases from 200 days ago, then 5,030 recent views.
    const seed = await blankPage(page, baseURL, "/seed.html", "");
    await page.goto(seed);
    await page.evaluate(
      ({ day }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open("vitrin", 1);
          open.onupgradeneeded = () => {
            open.result.createObjectStore("events");
            open.result.createObjectStore("cache");
          };
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction("events", "readwrite");
            const store = tx.objectStore("events");
            const now = Date.now();
            const put = (n: number, name: string, itemId: string, ts: number) =>
              store.put(
                {
                  id: `seed-${n}`,
                  name,
                  ts,
                  source: "api",
                  items: [{ item_id: itemId }],
                  params: {},
                  path: "/",
                  session: "s1",
                  ctx: {},
                },
                `${ts.toString(36).padStart(9, "0")}-seed-${n}`,
              );
            for (let n = 0; n < 20; n++) put(n, "purchase", `OLD-${n}`, now - 200 * day + n);
            for (let n = 20; n < 5050; n++) put(n, "view_item", `NEW-${n}`, now - day + n);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { day },
    );
    const url = await blankPage(
      page,
      baseURL,
      "/caps.html",
      `<script src="/vitrin/${bundle}"${bundle === "vitrin.min.js" ? ' data-catalog="/vitrin/catalog.json"' : ""}></script>`,
    );
    await page.goto(url);
    await vitrinReady(page);
    // Compaction runs when the browser is idle.
    await expect
      .poll(async () => (await storedEvents(page)).length, { timeout: 10_000 })
      .toBeLessThanOrEqual(5000);
    const stored = await storedEvents(page);
    expect(stored.length).toBeGreaterThanOrEqual(4999);
    expect(stored.every((e) => e.ts > Date.now() - 180 * day)).toBe(true);
    // The newest survive (and this page's own page_view).
    expect(stored.some((e) => e.items[0]?.item_id === "NEW-5049")).toBe(true);
    expect(stored.some((e) => e.name === "page_view")).toBe(true);
    const aggregates = await page.evaluate(
      () =>
        new Promise<{ items: Record<string, { purchases: number }>; events: number }>(
          (resolve, reject) => {
            const open = indexedDB.open("vitrin");
            open.onsuccess = () => {
              const get = open.result.transaction("cache").objectStore("cache").get("aggregates");
              get.onsuccess = () => {
                open.result.close();
                resolve(get.result);
              };
              get.onerror = () => reject(get.error);
            };
          },
        ),
    );
    // Every pruned event is folded in: the 20 old purchases and the oldest views.
    expect(aggregates.events).toBe(5051 - stored.length);
    expect(aggregates.items["OLD-0"]?.purchases).toBe(1);
    expect(aggregates.items["OLD-19"]?.purchases).toBe(1);
    expect(problems).toEqual([]);
  });
}
