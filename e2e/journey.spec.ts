import { type BrowserContext, expect, type Page, type Request, test } from "@playwright/test";
import {
  type DemoItem,
  demoCatalog,
  pageReports,
  recordPageReports,
  storedEvents,
  storedViews,
  watchConsole,
} from "./support.js";

// One suite, three shops: the plain HTML storefront (script tag and data attributes), the
// Preact app and the React app (components, client-side routing; the React app prerendered and
// hydrated). Every scenario runs against each, through what a shopper does: links, buttons,
// the back button, closing the tab and coming back later.

interface Example {
  name: string;
  /** Where the shop lives; its pages are the storefront's paths under it. */
  base: string;
  /** Routes change without loading a document. */
  spa: boolean;
  /** Pages arrive as complete HTML (static, or prerendered and then hydrated). */
  prerendered: boolean;
}

const EXAMPLES: Example[] = [
  { name: "storefront", base: "/", spa: false, prerendered: true },
  { name: "preact-app", base: "/preact-app/", spa: true, prerendered: false },
  { name: "react-app", base: "/react-app/", spa: true, prerendered: true },
];

const FOR_YOU = '[data-vitrin-slot="for-you"]';
const SIMILAR = '[data-vitrin-slot="similar"]';
const RECENT = '[data-vitrin-slot="recently-viewed"]';
const REMINDER = ".vitrin-reminder";
const SESSION_GAP_MS = 31 * 60 * 1000;
const START = new Date("2026-05-12T11:00:00+03:00");

/** The path of a storefront page (`/urun/x.html`) in an example. */
const at = (example: Example, path: string) => `${example.base}${path.replace(/^\//, "")}`;

/**
 * Three discounted, in-stock products of one second-level category (three views of sale items
 * make a bargain hunter), and the name of their top-level category, as the header links to it.
 */
function deals(): { items: DemoItem[]; categoryName: string } {
  const groups = new Map<string, DemoItem[]>();
  for (const item of demoCatalog()) {
    if (item.salePrice === undefined || item.availability !== "in_stock") continue;
    const key = item.categories.slice(0, 2).join(" > ");
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const [largest = []] = [...groups.values()].sort((a, b) => b.length - a.length);
  const items = largest.slice(0, 3);
  const first = items[0];
  if (items.length < 3 || !first) throw new Error("the demo catalog has too few sale items");
  return { items, categoryName: first.categories[0] ?? "" };
}

/** The ids of a slot's cards, in order. */
const cardIds = (page: Page, slot: string) =>
  page
    .locator(`${slot} .vitrin-card`)
    .evaluateAll((cards) => cards.map((card) => card.getAttribute("data-vitrin-id")));

/** Waits until the slot has painted (or decided it has nothing to show). */
async function settled(page: Page, slot: string, state: "ready" | "empty" = "ready") {
  await expect(page.locator(slot)).toHaveAttribute("data-vitrin-state", state);
}

/** Opens a product from the listing on the current page, and waits for its stored view. */
async function openProduct(page: Page, example: Example, product: DemoItem, views: number) {
  await page.locator(`.product-card[data-item-id="${product.id}"] a.card-link`).click();
  await expect(page).toHaveURL(new RegExp(`${at(example, product.url)}$`));
  await expect(page.locator("h1")).toHaveText(product.title);
  await expect.poll(() => storedViews(page)).toHaveLength(views);
}

/** The paths of the stored page views, oldest first. */
const pageViews = async (page: Page) =>
  (await storedEvents(page)).filter((e) => e.name === "page_view").map((e) => e.path);

/** Marks the current document; the mark is gone after any page load. */
const markDocument = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });
const sameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

async function newShopper(context: BrowserContext) {
  const page = await context.newPage();
  await recordPageReports(page);
  return { page, problems: watchConsole(page) };
}

for (const example of EXAMPLES) {
  test.describe(example.name, () => {
    test.use({ viewport: { width: 1440, height: 900 } });

    test("a shopper's journey: recently viewed, similar, for-you, a persona's hero and the cart reminder on return", async ({
      context,
    }) => {
      const { items, categoryName } = deals();
      const [a, b, c] = items as [DemoItem, DemoItem, DemoItem];
      // Time flows normally from START; it jumps forward when the shopper has left.
      await context.clock.install({ time: START });
      const first = await newShopper(context);
      const { page } = first;

      // Home: what a new shopper sees.
      await page.goto(example.base);
      await settled(page, FOR_YOU);
      await expect(page.locator(`${FOR_YOU} .vitrin-card`)).toHaveCount(8);
      await expect(page.locator(".hero h1:visible")).toHaveText("Keten zamanı geldi");
      await expect(page.locator(REMINDER)).toHaveCount(0);
      await markDocument(page);

      // The category, from the header's navigation.
      await page.locator(".category-nav").getByRole("link", { name: categoryName }).click();
      await expect(page.locator("h1")).toHaveText(categoryName);
      const categoryUrl = new URL(page.url()).pathname;
      expect(categoryUrl).toMatch(new RegExp(`^${at(example, "/kategori/")}[a-z-]+\\.html$`));
      await settled(page, RECENT, "empty");

      // Three product views: the first, back to the category, the second, the breadcrumb back
      // to the category, the third.
      await openProduct(page, example, a, 1);
      await page.goBack();
      await expect(page.locator("h1")).toHaveText(categoryName);
      await settled(page, RECENT);
      expect(await cardIds(page, RECENT)).toEqual([a.id]);
      await openProduct(page, example, b, 2);
      // On a product's own page, it is not among the recently viewed.
      await settled(page, RECENT);
      expect(await cardIds(page, RECENT)).toEqual([a.id]);
      await page.locator(`.breadcrumbs a[href="${categoryUrl}"]`).click();
      await expect(page.locator("h1")).toHaveText(categoryName);
      await expect.poll(() => cardIds(page, RECENT)).toEqual([b.id, a.id]);
      await openProduct(page, example, c, 3);
      expect(await storedViews(page)).toEqual([a.id, b.id, c.id]);

      // Similar items on the product page: eight, in stock, never the product itself.
      await settled(page, SIMILAR);
      const similar = await cardIds(page, SIMILAR);
      expect(similar).toHaveLength(8);
      expect(similar).not.toContain(c.id);
      const inStock = new Set(
        demoCatalog()
          .filter((i) => i.availability === "in_stock")
          .map((i) => i.id),
      );
      expect(similar.filter((id) => !inStock.has(id ?? ""))).toEqual([]);

      // Into the cart.
      await page.getByRole("button", { name: "Sepete ekle" }).click();
      await expect
        .poll(async () => (await storedEvents(page)).filter((e) => e.name === "add_to_cart"))
        .toHaveLength(1);

      if (example.spa) {
        // Every client route was a page view with its own path, and no document was loaded.
        const product = (item: DemoItem) => at(example, item.url);
        expect(await pageViews(page)).toEqual([
          example.base,
          categoryUrl,
          product(a),
          categoryUrl,
          product(b),
          categoryUrl,
          product(c),
        ]);
        expect(await sameDocument(page)).toBe(true);
      }
      expect((await pageReports(page)).violations).toEqual([]);
      expect(first.problems).toEqual([]);

      // She leaves; more than half an hour later she is back: a new visit.
      await page.close();
      await context.clock.setSystemTime(START.getTime() + SESSION_GAP_MS);
      const second = await newShopper(context);
      const back = second.page;
      await back.goto(example.base);

      // The cart reminder, with what she left in the cart, leading to the cart.
      const reminder = back.locator(REMINDER);
      await expect(reminder).toBeVisible();
      await expect(reminder.locator(".vitrin-reminder__message")).toHaveText(
        /^Sepetinde seni bekleyen 1 \S+ var!$/,
      );
      await expect(reminder).toContainText("Bugün tamamlarsan 50 ₺ hediye çeki senin.");
      // Three views of discounted items made her a bargain hunter: the hero written for them.
      await expect(back.locator(".hero h1:visible")).toHaveText("İndirimler seni bekliyor");
      await expect(back.locator(".hero a.btn-primary:visible")).toHaveAttribute(
        "href",
        at(example, "/indirim.html"),
      );
      // For-you and recently viewed (newest first) on the home page.
      await settled(back, FOR_YOU);
      await expect(back.locator(`${FOR_YOU} .vitrin-card`)).toHaveCount(8);
      await expect.poll(() => cardIds(back, RECENT)).toEqual([c.id, b.id, a.id]);
      const sessions = new Set((await storedEvents(back)).map((e) => e.session));
      expect(sessions.size).toBe(2);

      // The reminder leads to the cart, which holds the product.
      await reminder.locator("a.vitrin-reminder__cta").click();
      await expect(back).toHaveURL(new RegExp(`${at(example, "/sepet.html")}$`));
      await expect(back.locator(`.cart-line[data-item-id="${c.id}"]`)).toBeVisible();
      await expect(back.locator(REMINDER)).toHaveCount(0);
      expect((await pageReports(back)).violations).toEqual([]);
      expect(second.problems).toEqual([]);
    });

    test("slots refresh after new events, without a reload", async ({ page }) => {
      const problems = watchConsole(page);
      const { items, categoryName } = deals();
      const [a, b] = items as [DemoItem, DemoItem];
      await page.goto(example.base);
      await settled(page, FOR_YOU);
      const forYouBefore = await cardIds(page, FOR_YOU);
      await page.locator(".category-nav").getByRole("link", { name: categoryName }).click();
      await settled(page, RECENT, "empty");
      await markDocument(page);

      // The shop's data layer reports two product views (a quick-view dialog would): the slot
      // on the page fills in, with no reload. The product seen last is the one on screen, and,
      // as on its own page, not listed as recently viewed.
      const view = (item: DemoItem) =>
        page.evaluate((id) => {
          const layer = (window as unknown as { dataLayer: unknown[] }).dataLayer;
          layer.push({ event: "view_item", ecommerce: { items: [{ item_id: id }] } });
        }, item.id);
      await view(a);
      await view(b);
      await settled(page, RECENT);
      await expect.poll(() => cardIds(page, RECENT)).toEqual([a.id]);
      expect(await sameDocument(page)).toBe(true);

      // Back home, for-you has taken the new interest into account.
      await page.locator("a.logo").click();
      await settled(page, FOR_YOU);
      await expect.poll(() => cardIds(page, FOR_YOU)).not.toEqual(forYouBefore);
      expect(await sameDocument(page)).toBe(example.spa);
      expect(problems).toEqual([]);
    });

    test("once the catalog is cached, browsing requests nothing but the shop's own pages and assets", async ({
      page,
    }) => {
      const problems = watchConsole(page);
      const { items, categoryName } = deals();
      const [a] = items as [DemoItem];
      const requests: Request[] = [];
      page.on("request", (request) => requests.push(request));
      await page.goto(example.base);
      await settled(page, FOR_YOU);
      const catalog = requests.filter((r) => r.url().includes("/vitrin/catalog"));
      expect(catalog).toHaveLength(1);
      requests.length = 0;

      await page.locator(".category-nav").getByRole("link", { name: categoryName }).click();
      await expect(page.locator("h1")).toHaveText(categoryName);
      await settled(page, RECENT, "empty");
      await openProduct(page, example, a, 1);
      await settled(page, SIMILAR);
      await page.goBack();
      await settled(page, RECENT);
      await page.locator("a.logo").click();
      await settled(page, FOR_YOU);

      const seen = requests.map((r) => `${r.resourceType()} ${new URL(r.url()).pathname}`);
      // Never the catalog again, and nothing fetched by script to render a slot.
      expect(seen.filter((s) => s.includes("/vitrin/catalog"))).toEqual([]);
      expect(
        requests.filter((r) =>
          ["fetch", "xhr", "eventsource", "websocket", "ping"].includes(r.resourceType()),
        ),
      ).toEqual([]);
      const images = /^(image|other) \/img\/\S+\.svg$/;
      if (example.spa) {
        // Client routes load no document, script or stylesheet: at most the pictures of
        // products not shown before.
        expect(seen.filter((s) => !images.test(s))).toEqual([]);
      } else {
        for (const s of seen)
          expect(s).toMatch(
            /^(document \/\S+\.html|document \/|script \/vitrin\/vitrin\.min\.js|stylesheet \/assets\/shop\.css|stylesheet \/vitrin\/vitrin\.css|script \/assets\/shop\.js|(image|other) \/img\/\S+\.svg)$/,
          );
      }
      expect(problems).toEqual([]);
    });

    if (example.prerendered) {
      test("the HTML arrives with empty slots whose space is reserved, and the page keeps them when it starts", async ({
        page,
        request,
        browser,
        baseURL,
      }) => {
        const problems = watchConsole(page);
        const [product] = deals().items as [DemoItem];
        const productPath = at(example, product.url);
        const html = await (await request.get(productPath)).text();
        // The slots are in the HTML, empty; no inline script or style (the CSP forbids both).
        expect(html).toMatch(/<div[^>]*data-vitrin-slot="similar"[^>]*><\/div>/);
        expect(html).toMatch(/<div[^>]*data-vitrin-slot="recently-viewed"[^>]*><\/div>/);
        expect(html).not.toMatch(/\sstyle=/);
        for (const script of html.match(/<script\b[^>]*>/g) ?? [])
          expect(script).toMatch(/\ssrc=|type="application\/(ld\+)?json"/);

        // With the stylesheets alone (no script at all), the slots already have their space.
        const cssOnly = await browser.newContext({
          javaScriptEnabled: false,
          viewport: { width: 1440, height: 900 },
        });
        const still = await cssOnly.newPage();
        await still.goto(new URL(productPath, baseURL).href);
        const reserved = await still
          .locator(SIMILAR)
          .evaluate((slot) => slot.getBoundingClientRect().height);
        expect(reserved).toBeGreaterThan(200);
        await cssOnly.close();

        // The elements in the HTML are the ones that fill in: adopted (hydrated), not replaced.
        // Deferred and module scripts run after the document turns "interactive".
        await page.addInitScript(() => {
          document.addEventListener("readystatechange", () => {
            if (document.readyState !== "interactive") return;
            const slots = [...document.querySelectorAll("[data-vitrin-slot]")];
            Object.assign(window, { __serverSlots: slots });
          });
        });
        await page.goto(productPath);
        await settled(page, SIMILAR);
        await expect(page.locator(`${SIMILAR} .vitrin-card`)).toHaveCount(8);
        const kept = await page.evaluate(() => {
          const before = (window as unknown as { __serverSlots: Element[] }).__serverSlots;
          const now = [...document.querySelectorAll("[data-vitrin-slot]")];
          return {
            strategies: before.map((s) => s.getAttribute("data-vitrin-slot")),
            sameNodes: now.length === before.length && now.every((s, i) => s === before[i]),
          };
        });
        expect(kept).toEqual({ strategies: expect.arrayContaining(["similar"]), sameNodes: true });
        // A hydrated app takes its client routes with no document load.
        if (example.spa) {
          await markDocument(page);
          await page.locator("a.logo").click();
          await settled(page, FOR_YOU);
          expect(await sameDocument(page)).toBe(true);
        }
        expect(problems).toEqual([]);
      });
    }
  });
}
