import { expect, type Page, test } from "@playwright/test";
import { demoCatalog, productsFromDistinctCategories, tryPrice, watchConsole } from "./support.js";

/** A page of the shop's own origin with the full bundle and one slot, served by the test. */
async function routePage(
  page: Page,
  baseURL: string | undefined,
  path: string,
  head: string,
  body: string,
) {
  const url = new URL(path, baseURL).href;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="tr"><head>${head}</head><body>${body}</body></html>`,
    }),
  );
  return url;
}

test("the catalog is fetched once, served from cache, and a changed version is picked up on revalidation", async ({
  page,
  baseURL,
}) => {
  const problems = watchConsole(page);
  const [anchor] = productsFromDistinctCategories(1);
  if (!anchor) throw new Error("demo catalog has no in-stock product");
  const url = await routePage(
    page,
    baseURL,
    "/revalidate.html",
    '<script async src="/vitrin/vitrin.min.js" data-catalog="/vitrin/catalog.json" data-catalog-max-age="2s"></script>',
    `<div data-vitrin-slot="similar" data-vitrin-item="${anchor.id}" data-vitrin-limit="3"></div>`,
  );
  const catalogRequests: { etag: string | null; status: number }[] = [];
  let changed: { id: string; title: string } | undefined;
  await page.route("**/vitrin/catalog.json", async (route) => {
    // Ask the server unconditionally: the test needs the body to publish its "new version".
    const { "if-none-match": _, ...headers } = route.request().headers();
    const response = await route.fetch({ headers });
    const first = catalogRequests.length === 0;
    if (first) {
      catalogRequests.push({ etag: null, status: response.status() });
      await route.fulfill({ response });
      return;
    }
    // The merchant has since published a new catalog: the first similar item's title changed
    // (its words kept, so its similarity rank stays the same).
    const body = await response.json();
    const item = body.items.find((i: { id: string }) => i.id === changed?.id);
    item.title = changed?.title;
    catalogRequests.push({ etag: route.request().headers()["if-none-match"] ?? null, status: 200 });
    await route.fulfill({
      response,
      json: body,
      headers: { ...response.headers(), etag: 'W/"v2"' },
    });
  });

  await page.goto(url);
  const titles = page.locator(".vitrin-card__title");
  await expect(titles).toHaveCount(3);
  const firstId = await page.locator(".vitrin-card").first().getAttribute("data-vitrin-id");
  const firstTitle = await titles.first().textContent();
  if (!firstId || !firstTitle) throw new Error("no card");
  changed = { id: firstId, title: `${firstTitle} (yeni sezon)` };
  const changedTitle = page.locator(
    `.vitrin-card[data-vitrin-id="${firstId}"] .vitrin-card__title`,
  );
  expect(catalogRequests).toHaveLength(1);

  // Fresh copy: the reload renders from IndexedDB and asks the network nothing.
  await page.reload();
  await expect(titles).toHaveCount(3);
  expect(catalogRequests).toHaveLength(1);

  // Stale copy: rendered at once, revalidated in the background with its ETag, then updated.
  await page.waitForTimeout(2100);
  await page.reload();
  await expect(changedTitle).toHaveText(changed.title);
  expect(catalogRequests).toHaveLength(2);
  expect(catalogRequests[1]?.etag).toMatch(/^W\/"/);

  // The new version is what the cache holds now.
  await page.reload();
  await expect(changedTitle).toHaveText(changed.title);
  expect(catalogRequests).toHaveLength(2);
  expect(problems).toEqual([]);
});

test("a product page's JSON-LD price and stock override the cached catalog, on later pages too", async ({
  page,
  baseURL,
}) => {
  const problems = watchConsole(page);
  const product = demoCatalog().find(
    (i) => i.availability === "in_stock" && i.salePrice === undefined,
  );
  if (!product) throw new Error("demo catalog has no full-price in-stock product");
  await page.goto(product.url);
  await expect(page.locator('[data-vitrin-slot="similar"] .vitrin-card').first()).toBeVisible();

  // The merchant's product page now says: cheaper, and sold out.
  const livePrice = Math.round(product.price * 0.5 * 100) / 100;
  const jsonLd = JSON.stringify({
    "@context": "https://schema.org",
    "@type": "Product",
    sku: product.id,
    name: product.title,
    offers: {
      "@type": "Offer",
      price: livePrice,
      priceCurrency: "TRY",
      availability: "https://schema.org/OutOfStock",
    },
  }).replace(/</g, "\\u003c");
  const url = await routePage(
    page,
    baseURL,
    "/jsonld.html",
    `<script type="application/ld+json">${jsonLd}</script><script async src="/vitrin/vitrin.min.js" data-catalog="/vitrin/catalog.json"></script>`,
    `<div data-vitrin-slot="similar" data-vitrin-item="${product.id}" data-vitrin-limit="3"></div>`,
  );
  await page.goto(url);
  // This page is the product's own page now, so it shows other products; its similar slot
  // renders once the page has been read (JSON-LD included).
  await expect(page.locator(".vitrin-card").first()).toBeVisible();

  // Another page of the shop shows the same, from what was stored.
  await page.goto("/sepet.html");
  await expect(page.locator(`[data-vitrin-id="${product.id}"] .vitrin-card__now`)).toHaveText(
    tryPrice(livePrice),
  );
  expect(problems).toEqual([]);
});
