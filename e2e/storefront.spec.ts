import { expect, type Request, test } from "@playwright/test";
import {
  demoCatalog,
  demoModel,
  productsFromDistinctCategories,
  storedEvents,
  storedViews,
  tryPrice,
  watchConsole,
} from "./support.js";

const RECENT = '[data-vitrin-slot="recently-viewed"]';
const SIMILAR = '[data-vitrin-slot="similar"]';
const TOGETHER = '[data-vitrin-slot="viewed-together"]';
const UP_NEXT = '[data-vitrin-slot="up-next"]';

test("three product views are stored and shown newest first on the category page", async ({
  page,
  baseURL,
}) => {
  const problems = watchConsole(page);
  const products = productsFromDistinctCategories(3);
  expect(products).toHaveLength(3);

  for (const [i, product] of products.entries()) {
    await page.goto(product.url);
    await expect(page.locator("h1")).toContainText(product.title);
    // The shop's own GA4 data layer push is what Vitrin records; no Vitrin-specific code on the page.
    await expect.poll(() => storedViews(page)).toEqual(products.slice(0, i + 1).map((p) => p.id));
  }

  // Leave the last product page through its breadcrumb to its category page.
  await page.locator('a[href*="/kategori/"]').last().click();
  await expect(page).toHaveURL(/\/kategori\/[a-z-]+\.html$/);

  const cards = page.locator(`${RECENT} .vitrin-card`);
  await expect(cards).toHaveCount(3);
  const newestFirst = [...products].reverse();
  expect(
    await cards.evaluateAll((els) => els.map((el) => el.getAttribute("data-vitrin-id"))),
  ).toEqual(newestFirst.map((p) => p.id));
  for (const [i, product] of newestFirst.entries()) {
    const card = cards.nth(i);
    await expect(card.locator(".vitrin-card__title")).toHaveText(product.title);
    const now = card.locator(".vitrin-card__now");
    await expect(now).toHaveText(tryPrice(product.salePrice ?? product.price));
    await expect(now).toHaveText(/^₺\d{1,3}(\.\d{3})*,\d{2}$/);
    await expect(card.locator("a")).toHaveAttribute("href", new URL(product.url, baseURL).href);
  }

  // The events are in IndexedDB, under Vitrin's own database rather than idb-keyval's default.
  const databases = await page.evaluate(async () =>
    (await indexedDB.databases()).map((d) => d.name),
  );
  expect(databases).toContain("vitrin");
  expect(databases).not.toContain("keyval-store");
  const events = await storedEvents(page);
  expect(events.filter((e) => e.name === "view_item_list").length).toBeGreaterThanOrEqual(1);

  // The links work: the newest card leads back to its product page.
  await cards.first().locator("a").click();
  await expect(page).toHaveURL(new URL(newestFirst[0]?.url ?? "", baseURL).href);
  await expect(page.locator("h1")).toContainText(newestFirst[0]?.title ?? "");
  expect(problems).toEqual([]);
});

test("a product page shows similar in-stock items, not the product itself", async ({ page }) => {
  const problems = watchConsole(page);
  const [product] = productsFromDistinctCategories(1);
  if (!product) throw new Error("demo catalog has no in-stock product");
  await page.goto(product.url);
  const cards = page.locator(`${SIMILAR} .vitrin-card`);
  // The demo asks for 8 on a desktop-sized window (data-vitrin-limit="mobile:6 tablet:6 desktop:8").
  await expect(cards).toHaveCount(8);
  const ids = await cards.evaluateAll((els) => els.map((el) => el.getAttribute("data-vitrin-id")));
  expect(ids).not.toContain(product.id);
  await expect(page.locator(`${SIMILAR} .vitrin-slot__title`)).toHaveText("Benzer ürünler");
  // On its own page, a product is not listed as "recently viewed".
  await expect(page.locator(`${RECENT} [data-vitrin-id="${product.id}"]`)).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("a product page's viewed-together slot shows the demo model's co-viewed items of that product", async ({
  page,
}) => {
  const problems = watchConsole(page);
  const [product] = productsFromDistinctCategories(1);
  if (!product) throw new Error("demo catalog has no in-stock product");
  // What the built model.json says shoppers viewed with this product, strongest first, less the
  // items a shopper cannot buy (Vitrin leaves out-of-stock items out of recommendations).
  const inStock = new Set(
    demoCatalog()
      .filter((item) => item.availability === "in_stock")
      .map((item) => item.id),
  );
  const neighbours = (demoModel()[product.id]?.coView ?? [])
    .map(([id]) => id)
    .filter((id) => inStock.has(id) && id !== product.id);
  expect(neighbours.length).toBeGreaterThanOrEqual(4);

  await page.goto(product.url);
  const cards = page.locator(`${TOGETHER} li.vitrin-card`);
  await expect(cards.first()).toBeVisible();
  const shown = await cards.evaluateAll((els) =>
    els.map((el) => el.getAttribute("data-vitrin-id")),
  );
  // Only the model's neighbours: with a model that knows the item, the strategy reads nothing
  // else (Relevance may still reorder them and cap how many share a leaf category or a brand).
  for (const id of shown) expect(neighbours).toContain(id);
  expect(shown.length).toBeGreaterThanOrEqual(4);
  // The strongest survives those caps: it has the highest score.
  expect(shown).toContain(neighbours[0]);
  for (const card of await cards.all())
    await expect(card).toHaveAttribute("data-vitrin-reason", "viewed-together");
  await expect(page.locator(`${TOGETHER} .vitrin-slot__title`)).toHaveText("Bunlara da baktılar");
  expect(problems).toEqual([]);
});

test("a category page's up-next slot starts from the model's pairs of the product just viewed", async ({
  page,
}) => {
  const problems = watchConsole(page);
  const [product] = productsFromDistinctCategories(1);
  if (!product) throw new Error("demo catalog has no in-stock product");
  // up-next reads the model's pairs of the visit's items: looked at next first, then viewed and
  // bought together (and the item itself, when shoppers come back to it).
  const entry = demoModel()[product.id];
  const related = new Set(
    [...(entry?.next ?? []), ...(entry?.coView ?? []), ...(entry?.coBuy ?? [])].map(([id]) => id),
  );
  await page.goto(product.url);
  await expect.poll(() => storedViews(page)).toEqual([product.id]);
  await page.locator('a[href*="/kategori/"]').last().click();
  const cards = page.locator(`${UP_NEXT} li.vitrin-card`);
  await expect(cards.first()).toBeVisible();
  await expect(page.locator(`${UP_NEXT} .vitrin-slot__title`)).toHaveText("Kaldığın yerden");
  // Its first pick is one of the model's for this product.
  const first = await cards.first().getAttribute("data-vitrin-id");
  expect(related.has(first ?? "")).toBe(true);
  expect(problems).toEqual([]);
});

test("once the catalog is cached, a reload requests nothing but the page, its assets and the script", async ({
  page,
}) => {
  const problems = watchConsole(page);
  const [first, second] = productsFromDistinctCategories(2);
  if (!first || !second) throw new Error("demo catalog too small");
  let requests: Request[] = [];
  page.on("request", (request) => requests.push(request));
  const catalogRequests = () => requests.filter((r) => r.url().includes("/vitrin/catalog")).length;
  const modelRequests = () => requests.filter((r) => r.url().includes("/vitrin/model")).length;

  await page.goto(first.url);
  await expect(page.locator(`${SIMILAR} .vitrin-card`).first()).toBeVisible();
  // Viewed-together fills from the model file: it has arrived (and been cached) by now.
  await expect(page.locator(`${TOGETHER} .vitrin-card`).first()).toBeVisible();
  expect(catalogRequests()).toBe(1);
  expect(modelRequests()).toBe(1);
  await page.goto(second.url);
  await expect(page.locator(`${RECENT} .vitrin-card`)).toHaveCount(1);
  await expect(page.locator(`${TOGETHER} .vitrin-card`).first()).toBeVisible();
  expect(catalogRequests()).toBe(1);
  expect(modelRequests()).toBe(1);

  requests = [];
  await page.reload();
  await expect(page.locator(`${RECENT} .vitrin-card`)).toHaveCount(1);
  await expect(page.locator(`${SIMILAR} .vitrin-card`).first()).toBeVisible();
  await expect(page.locator(`${TOGETHER} .vitrin-card`).first()).toBeVisible();

  // The model file is cached like the catalog: neither is requested again (no fetch below).
  const paths = requests.map((r) => `${r.resourceType()} ${new URL(r.url()).pathname}`);
  expect(paths).toContain(`document ${second.url}`);
  expect(paths).toContain("script /vitrin/vitrin.min.js");
  // Everything else is page furniture: the shop's stylesheet and script, Vitrin's stylesheet
  // (linked in <head>), product images.
  const others = paths.filter(
    (p) => p !== `document ${second.url}` && p !== "script /vitrin/vitrin.min.js",
  );
  for (const path of others) {
    expect(path).toMatch(
      /^(stylesheet \/assets\/shop\.css|stylesheet \/vitrin\/vitrin\.css|script \/assets\/shop\.js|(image|other) \/img\/\S+\.svg)$/,
    );
  }
  expect(
    requests.filter((r) =>
      ["fetch", "xhr", "eventsource", "websocket", "ping"].includes(r.resourceType()),
    ),
  ).toEqual([]);
  expect(problems).toEqual([]);
});

test("a malformed data layer push is reported once, throws nothing into the page and loses nothing", async ({
  page,
}) => {
  const warnings: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "warning") warnings.push(m.text());
  });
  const [product] = productsFromDistinctCategories(1);
  if (!product) throw new Error("demo catalog has no in-stock product");
  await page.goto(product.url);
  await expect.poll(() => storedViews(page)).toEqual([product.id]);

  const result = await page.evaluate(() => {
    const layer = (window as unknown as { dataLayer: unknown[] }).dataLayer;
    layer.push({ event: "add_to_cart", ecommerce: { items: [{ price: 5 }] } });
    layer.push({ event: "add_to_cart", ecommerce: { items: [{ price: 5 }] } });
    layer.push({ event: "add_to_cart", ecommerce: { items: [{ item_id: "OK-1", quantity: 1 }] } });
    return layer.length;
  });
  expect(result).toBeGreaterThan(3);
  await expect
    .poll(async () =>
      (await storedEvents(page)).map((e) => e.name).filter((n) => n !== "page_view"),
    )
    .toEqual(["view_item", "add_to_cart"]);
  const bad = warnings.filter((w) => w.includes("needs at least one item with item_id"));
  expect(bad).toHaveLength(1);
  expect(bad[0]).toMatch(/^\[vitrin\] ignored an event: dataLayer\[\d+\]\.ecommerce\.items/);
});

test("the tracker-only bundle replays the queue and stores data layer events", async ({
  page,
  baseURL,
}) => {
  const problems = watchConsole(page);
  const url = new URL("/track-only.html", baseURL).href;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: '<!doctype html><html lang="tr"><head><script async src="/vitrin/vitrin-track.min.js"></script></head><body><div data-vitrin-slot="similar"></div></body></html>',
    }),
  );
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    // Pushed before the script loads, as a tag manager and a page snippet would.
    w.dataLayer = [{ event: "view_item", ecommerce: { items: [{ item_id: "EARLY-1" }] } }];
    w.vitrin = [["track", "add_to_cart", { items: [{ item_id: "QUEUED-1", quantity: 2 }] }]];
  });
  await page.goto(url);
  await page.waitForFunction(
    () => typeof (window as unknown as { vitrin: { track?: unknown } }).vitrin.track === "function",
  );
  await page.evaluate(() =>
    (window as unknown as { dataLayer: unknown[] }).dataLayer.push({
      event: "purchase",
      ecommerce: { transaction_id: "T1", items: [{ item_id: "LATE-1" }] },
    }),
  );
  await expect
    .poll(async () =>
      (await storedEvents(page))
        .filter((e) => e.name !== "page_view")
        .map((e) => `${e.name}:${e.items[0]?.item_id}`)
        .sort(),
    )
    .toEqual(["add_to_cart:QUEUED-1", "purchase:LATE-1", "view_item:EARLY-1"]);
  // Collect-only: no widgets in this bundle.
  await expect(page.locator("[data-vitrin-slot] *")).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("the shop's own add_to_cart, begin_checkout and purchase pushes are recorded", async ({
  page,
}) => {
  const problems = watchConsole(page);
  const [product] = productsFromDistinctCategories(1);
  if (!product) throw new Error("demo catalog has no in-stock product");
  await page.goto(product.url);
  await page.locator("[data-add-to-cart]").click();
  await page.goto("/sepet.html");
  await page.locator("[data-checkout-link]").click();
  await page.locator("[data-place-order]").click();
  await expect(page.locator("[data-thank-you]")).toBeVisible();
  const names = ["view_item", "add_to_cart", "view_cart", "begin_checkout", "purchase"];
  await expect
    .poll(async () =>
      (await storedEvents(page)).map((e) => e.name).filter((n) => names.includes(n)),
    )
    .toEqual(names);
  const purchase = (await storedEvents(page)).find((e) => e.name === "purchase") as unknown as {
    items: { item_id: string }[];
    params: { transaction_id?: string; currency?: string };
  };
  expect(purchase.items.map((i) => i.item_id)).toEqual([product.id]);
  expect(purchase.params.transaction_id).toMatch(/^T\d+$/);
  expect(purchase.params.currency).toBe("TRY");
  expect(problems).toEqual([]);
});
