// What the full bundle captures from a shop that has no data layer: single-page-app route
// changes, JSON-LD re-read on a new route, data-attribute cards and buttons, engagement on a
// product page, and `data-track` switching sources off. Real Chromium, real IndexedDB.
import { expect, type Page, test } from "@playwright/test";
import { blankPage, type StoredEvent, storedEvents, vitrinReady, watchConsole } from "./support.js";

/** The full bundle, as a shop pastes it; the catalog keeps it from warning that it has none. */
const FULL = (attributes = "") =>
  `<script async src="/vitrin/vitrin.min.js" data-catalog="/vitrin/catalog.json"${attributes}></script>`;

type VitrinWindow = {
  vitrin: { flush(): Promise<void>; track(name: string, params?: unknown): boolean };
};

/** Writes what the tracker holds, then reads the whole log back, oldest first. */
async function flushed(page: Page): Promise<StoredEvent[]> {
  await page.evaluate(() => (window as unknown as VitrinWindow).vitrin.flush());
  return (await storedEvents(page)).sort((a, b) => a.ts - b.ts);
}

const named = (stored: StoredEvent[], name: string) => stored.filter((e) => e.name === name);

/** `name@path` of each stored event called `name`, oldest first. */
async function where(page: Page, name: string): Promise<string[]> {
  return named(await flushed(page), name).map((e) => `${e.items[0]?.item_id ?? ""}@${e.path}`);
}

/**
 * A small single-page shop: two product routes and a category route, rendered by a client-side
 * router that swaps the page's JSON-LD Product the way SPA frameworks do (after the URL changes).
 */
const SPA_BODY = `
<nav>
  <a href="/spa/urun/spa-1" data-route>Keten gömlek</a>
  <a href="/spa/kategori" data-route>Gömlekler</a>
  <a href="#yorumlar">Yorumlar</a>
</nav>
<h1></h1>
<p id="yorumlar">Yorumlar</p>
<script>
  const PRODUCTS = {
    "/spa/urun/spa-0": { sku: "SPA-0", name: "Yün kazak", price: 899.9 },
    "/spa/urun/spa-1": { sku: "SPA-1", name: "Keten gömlek", price: 649.5 },
  };
  function render() {
    for (const old of document.querySelectorAll('script[type="application/ld+json"]')) old.remove();
    const product = PRODUCTS[location.pathname];
    document.querySelector("h1").textContent = product ? product.name : "Gömlekler";
    if (!product) return;
    const ld = document.createElement("script");
    ld.type = "application/ld+json";
    ld.textContent = JSON.stringify({
      "@context": "https://schema.org",
      "@type": "Product",
      sku: product.sku,
      name: product.name,
      offers: { "@type": "Offer", price: product.price, priceCurrency: "TRY" },
    });
    document.head.append(ld);
  }
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-route]");
    if (!link) return;
    event.preventDefault();
    history.pushState({}, "", link.getAttribute("href"));
    render();
  });
  addEventListener("popstate", render);
  render();
</script>`;

async function openSpa(page: Page, baseURL: string | undefined, attributes = "") {
  const url = await blankPage(page, baseURL, "/spa/urun/spa-0", FULL(attributes), SPA_BODY);
  await page.goto(url);
  await vitrinReady(page);
}

/** history.back(), resolved once the URL is `path` again. */
async function back(page: Page, path: string) {
  await page.evaluate(() => history.back());
  await expect.poll(() => new URL(page.url()).pathname).toBe(path);
}

test("SPA route changes: one page_view per pushState/back, with the new route's path", async ({
  page,
  baseURL,
}) => {
  const problems = watchConsole(page);
  await openSpa(page, baseURL);
  await page.getByRole("link", { name: "Yorumlar" }).click(); // same path, new fragment: no page view
  await expect(page).toHaveURL(/#yorumlar$/);
  await page.getByRole("link", { name: "Keten gömlek" }).click();
  await expect(page).toHaveURL(/\/spa\/urun\/spa-1$/);
  await page.getByRole("link", { name: "Gömlekler" }).click();
  await expect(page).toHaveURL(/\/spa\/kategori$/);
  await back(page, "/spa/urun/spa-1");

  await expect
    .poll(() => where(page, "page_view"))
    .toEqual(["@/spa/urun/spa-0", "@/spa/urun/spa-1", "@/spa/kategori", "@/spa/urun/spa-1"]);
  const views = named(await flushed(page), "page_view");
  expect(views.every((e) => e.source === "auto")).toBe(true);
  // Route changes are page views of the same visit, reached from inside the shop.
  expect(new Set(views.map((e) => e.session)).size).toBe(1);
  expect(views.slice(1).map((e) => e.ctx.traffic)).toEqual(["internal", "internal", "internal"]);
  expect(problems).toEqual([]);
});

test("SPA route change: the new route's JSON-LD Product is read as a view_item", async ({
  page,
  baseURL,
}) => {
  const problems = watchConsole(page);
  await openSpa(page, baseURL);
  await expect.poll(() => where(page, "view_item")).toEqual(["SPA-0@/spa/urun/spa-0"]);

  await page.getByRole("link", { name: "Keten gömlek" }).click();
  await expect
    .poll(() => where(page, "view_item"))
    .toEqual(["SPA-0@/spa/urun/spa-0", "SPA-1@/spa/urun/spa-1"]);
  const spa1 = named(await flushed(page), "view_item")[1];
  expect(spa1?.source).toBe("jsonld");
  expect(spa1?.items).toEqual([
    expect.objectContaining({ item_id: "SPA-1", item_name: "Keten gömlek", price: 649.5 }),
  ]);
  expect(spa1?.params).toEqual(expect.objectContaining({ currency: "TRY", value: 649.5 }));

  // A category route has no Product: nothing is read there (the tracker looks ~300 ms in).
  await page.getByRole("link", { name: "Gömlekler" }).click();
  await page.waitForTimeout(800);
  // Back on the product: a new page view, so the product is viewed again.
  await back(page, "/spa/urun/spa-1");
  await expect
    .poll(() => where(page, "view_item"))
    .toEqual(["SPA-0@/spa/urun/spa-0", "SPA-1@/spa/urun/spa-1", "SPA-1@/spa/urun/spa-1"]);
  expect(problems).toEqual([]);
});

/** Three product cards at the top of a list, three a long way below the fold. */
const CARDS = `
<section data-vitrin-list="yeni-gelenler">
  <div data-vitrin-item="SKU-1" style="height: 150px">Kazak 1</div>
  <div data-vitrin-item="SKU-2" style="height: 150px">Kazak 2</div>
  <div data-vitrin-item="SKU-3" style="height: 150px">Kazak 3</div>
  <div style="height: 3000px"></div>
  <div data-vitrin-item="SKU-4" style="height: 150px">Kazak 4</div>
  <div data-vitrin-item="SKU-5" style="height: 150px">Kazak 5</div>
  <div data-vitrin-item="SKU-6" style="height: 150px">Kazak 6</div>
  <div style="height: 3000px"></div>
</section>`;
const CART_BUTTON =
  '<button data-vitrin-event="add_to_cart" data-vitrin-item="SKU-9">Sepete ekle</button>';

/** Item ids of the stored view_item_list impressions, in the order they were recorded. */
const impressed = async (page: Page) =>
  named(await flushed(page), "view_item_list").flatMap((e) => e.items.map((i) => i.item_id));

test("data attributes: visible cards are impressed, the rest when scrolled to, each once", async ({
  page,
  baseURL,
}) => {
  const problems = watchConsole(page);
  const url = await blankPage(page, baseURL, "/kartlar.html", FULL(), `<h1>Yeni</h1>${CARDS}`);
  await page.goto(url);
  await vitrinReady(page);

  // Only what is on screen, batched (~300 ms) into one view_item_list for the list.
  await expect.poll(() => impressed(page)).toEqual(["SKU-1", "SKU-2", "SKU-3"]);
  await page.waitForTimeout(500);
  let lists = named(await flushed(page), "view_item_list");
  expect(lists).toHaveLength(1);
  expect(lists[0]?.source).toBe("dom");
  expect(lists[0]?.path).toBe("/kartlar.html");
  expect(lists[0]?.params.item_list_id).toBe("yeni-gelenler");

  await page.locator('[data-vitrin-item="SKU-5"]').scrollIntoViewIfNeeded();
  await expect
    .poll(() => impressed(page))
    .toEqual(["SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5", "SKU-6"]);
  // Up and down again: a card already seen in this page view is not impressed again.
  await page.evaluate(() => scrollTo(0, 0));
  await page.waitForTimeout(500);
  await page.locator('[data-vitrin-item="SKU-5"]').scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  lists = named(await flushed(page), "view_item_list");
  expect(lists).toHaveLength(2);
  expect(lists[1]?.items.map((i) => i.item_id)).toEqual(["SKU-4", "SKU-5", "SKU-6"]);
  expect(problems).toEqual([]);
});

test("data attributes: a card click is select_item, a cart button click is add_to_cart", async ({
  page,
  baseURL,
}) => {
  const problems = watchConsole(page);
  const url = await blankPage(page, baseURL, "/sepet.html", FULL(), CART_BUTTON + CARDS);
  await page.goto(url);
  await vitrinReady(page);

  await page.getByText("Kazak 2").click();
  await expect.poll(async () => named(await flushed(page), "select_item")).toHaveLength(1);
  const [select] = named(await flushed(page), "select_item");
  expect(select?.source).toBe("dom");
  expect(select?.items).toEqual([{ item_id: "SKU-2" }]);
  expect(select?.params.item_list_id).toBe("yeni-gelenler");

  await page.getByRole("button", { name: "Sepete ekle" }).click();
  await expect.poll(async () => named(await flushed(page), "add_to_cart")).toHaveLength(1);
  const [cart] = named(await flushed(page), "add_to_cart");
  expect(cart?.source).toBe("dom");
  expect(cart?.items).toEqual([{ item_id: "SKU-9", quantity: 1 }]);
  expect(named(await flushed(page), "select_item")).toHaveLength(1);
  expect(problems).toEqual([]);
});

test("data attributes: an add_to_cart button is not impressed as a product card", async ({
  page,
  baseURL,
}) => {
  // Known defect: dom-capture.ts's CARD selector, [data-vitrin-item]:not([data-vitrin-slot]),
  // also matches <button data-vitrin-event data-vitrin-item>, so a visible cart button is
  // reported as a view_item_list impression of its item. Remove this line once that is fixed.
  const problems = watchConsole(page);
  const url = await blankPage(page, baseURL, "/buton.html", FULL(), CART_BUTTON + CARDS);
  await page.goto(url);
  await vitrinReady(page);
  await expect.poll(async () => (await impressed(page)).length).toBeGreaterThan(0);
  await page.waitForTimeout(500);
  expect(await impressed(page)).toEqual(["SKU-1", "SKU-2", "SKU-3"]);
  expect(problems).toEqual([]);
});

/** A tall product page: JSON-LD Product ENG-1, a long description, a link at the very end. */
const PRODUCT_HEAD = `<script type="application/ld+json">${JSON.stringify({
  "@context": "https://schema.org",
  "@type": "Product",
  sku: "ENG-1",
  name: "Kaşmir atkı",
  offers: { "@type": "Offer", price: 1299.9, priceCurrency: "TRY" },
})}</script>`;
const PRODUCT_BODY = `<h1>Kaşmir atkı</h1><div style="height: 5000px">Açıklama</div>
<a href="/kategori/atki" id="geri">Atkılar</a>
<script>
  document.getElementById("geri").addEventListener("click", (event) => {
    event.preventDefault();
    history.pushState({}, "", "/kategori/atki");
    for (const ld of document.querySelectorAll('script[type="application/ld+json"]')) ld.remove();
  });
</script>`;

/** Opens the product page, reads it to the very end and stays there for a second. */
async function readProductToTheEnd(page: Page, baseURL: string | undefined) {
  const url = await blankPage(page, baseURL, "/urun/eng-1", FULL() + PRODUCT_HEAD, PRODUCT_BODY);
  await page.goto(url);
  await vitrinReady(page);
  await expect.poll(() => where(page, "view_item")).toEqual(["ENG-1@/urun/eng-1"]);
  await page.mouse.wheel(0, 10_000);
  await expect
    .poll(() => page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight))
    .toBe(true);
  await page.waitForTimeout(1000);
}

function expectEngagement(engagement: StoredEvent | undefined, path?: string) {
  expect(engagement?.source).toBe("auto");
  if (path) expect(engagement?.path).toBe(path);
  expect(engagement?.items.map((i) => i.item_id)).toEqual(["ENG-1"]);
  expect(engagement?.params.engagement_time_msec).toBeGreaterThan(500);
  // The page was on screen for at least the second the test waited.
  expect(engagement?.params.engagement_time_msec).toBeGreaterThanOrEqual(1000);
  expect(engagement?.params.percent_scrolled).toBeGreaterThanOrEqual(90);
}

test("engagement: leaving a product route records its visible time and scroll depth", async ({
  page,
  baseURL,
}) => {
  const problems = watchConsole(page);
  await readProductToTheEnd(page, baseURL);
  await page.getByRole("link", { name: "Atkılar" }).click();
  await expect(page).toHaveURL(/\/kategori\/atki$/);

  await expect.poll(async () => named(await flushed(page), "user_engagement")).toHaveLength(1);
  // The product route's, though the URL had already changed when it was recorded.
  expectEngagement(named(await flushed(page), "user_engagement")[0], "/urun/eng-1");
  expect(await where(page, "page_view")).toEqual(["@/urun/eng-1", "@/kategori/atki"]);
  expect(problems).toEqual([]);
});

test("engagement: leaving the page (pagehide) stores one user_engagement", async ({
  page,
  baseURL,
}) => {
  // Exactly one: pagehide reports it, and the visibilitychange → hidden after it adds none.
  const problems = watchConsole(page);
  const next = await blankPage(page, baseURL, "/sonraki.html", "");
  await readProductToTheEnd(page, baseURL);
  await page.goto("about:blank");
  // Read from a fresh page on the same origin, with no Vitrin on it.
  await page.goto(next);
  await expect
    .poll(async () => named(await storedEvents(page), "user_engagement"), { timeout: 2000 })
    .toHaveLength(1);
  expectEngagement(named(await storedEvents(page), "user_engagement")[0], "/urun/eng-1");
  expect(problems).toEqual([]);
});

test('data-track="-spa": route changes record no page_view and re-read no JSON-LD', async ({
  page,
  baseURL,
}) => {
  const problems = watchConsole(page);
  await openSpa(page, baseURL, ' data-track="-spa"');
  await page.getByRole("link", { name: "Keten gömlek" }).click();
  await expect(page).toHaveURL(/\/spa\/urun\/spa-1$/);
  await page.getByRole("link", { name: "Gömlekler" }).click();
  await expect(page).toHaveURL(/\/spa\/kategori$/);
  await back(page, "/spa/urun/spa-1");
  // Past the ~300 ms after which a followed route change would read the new JSON-LD.
  await page.waitForTimeout(800);
  // The tracker is still recording: an API event lands, with the path it was recorded on.
  expect(
    await page.evaluate(() =>
      (window as unknown as VitrinWindow).vitrin.track("search", { search_term: "gömlek" }),
    ),
  ).toBe(true);
  const stored = await flushed(page);
  expect(named(stored, "page_view").map((e) => e.path)).toEqual(["/spa/urun/spa-0"]);
  expect(named(stored, "view_item").map((e) => e.items[0]?.item_id)).toEqual(["SPA-0"]);
  expect(named(stored, "search").map((e) => e.path)).toEqual(["/spa/urun/spa-1"]);
  expect(problems).toEqual([]);
});

test('data-track="-jsonld -dom -engagement": those sources record nothing', async ({
  page,
  baseURL,
}) => {
  const problems = watchConsole(page);
  const url = await blankPage(
    page,
    baseURL,
    "/urun/kapali",
    FULL(' data-track="-jsonld -dom -engagement"') + PRODUCT_HEAD,
    CART_BUTTON + CARDS,
  );
  await page.goto(url);
  await vitrinReady(page);
  await page.getByText("Kazak 2").click();
  await page.getByRole("button", { name: "Sepete ekle" }).click();
  await page.locator('[data-vitrin-item="SKU-5"]').scrollIntoViewIfNeeded();
  // A product view through the API: with engagement on, the route change below would
  // report a user_engagement for it (as the engagement test above shows).
  await page.evaluate(() =>
    (window as unknown as VitrinWindow).vitrin.track("view_item", {
      items: [{ item_id: "API-1" }],
    }),
  );
  await page.waitForTimeout(500);
  await page.evaluate(() => history.pushState({}, "", "/urun/baska"));
  // Past the batching of impressions and the JSON-LD re-read after a route change.
  await page.waitForTimeout(800);
  expect(
    (await flushed(page)).map(
      (e) => `${e.name}:${e.source}:${e.items[0]?.item_id ?? ""}@${e.path}`,
    ),
  ).toEqual([
    "page_view:auto:@/urun/kapali",
    "view_item:api:API-1@/urun/kapali",
    "page_view:auto:@/urun/baska",
  ]);
  expect(problems).toEqual([]);
});
