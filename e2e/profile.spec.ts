import { expect, type Page, test } from "@playwright/test";
import { type DemoItem, demoCatalog, storedViews, watchConsole } from "./support.js";

// The profile reads the shopper's time zone and clock from the browser: Chromium's own
// Intl and Date, here set per context, decide hemisphere, season and daypart.
const FOR_YOU = '[data-vitrin-slot="for-you"] .vitrin-card';
const DECEMBER_EVENING = new Date("2026-12-10T16:00:00Z");

const seasonOf = (item: DemoItem) => String(item.attributes.season ?? "all");

/** Three in-stock winter products from one leaf category (coats, boots…). */
function winterProducts(): DemoItem[] {
  const byLeaf = new Map<string, DemoItem[]>();
  for (const item of demoCatalog()) {
    if (item.availability !== "in_stock" || seasonOf(item) !== "winter") continue;
    const leaf = item.categories.join(" > ");
    byLeaf.set(leaf, [...(byLeaf.get(leaf) ?? []), item]);
  }
  const [, items] = [...byLeaf].sort(([, a], [, b]) => b.length - a.length)[0] ?? [];
  return (items ?? []).slice(0, 3);
}

/** Views three winter products, then opens the home page and returns its for-you items. */
async function browseWinterThenHome(
  page: Page,
): Promise<{ viewed: DemoItem[]; shown: DemoItem[] }> {
  await page.clock.setFixedTime(DECEMBER_EVENING);
  const viewed = winterProducts();
  expect(viewed).toHaveLength(3);
  for (const [i, product] of viewed.entries()) {
    await page.goto(product.url);
    await expect(page.locator("h1")).toContainText(product.title);
    await expect.poll(() => storedViews(page)).toHaveLength(i + 1);
  }
  await page.goto("/");
  await expect(page.locator(FOR_YOU).first()).toBeVisible();
  const ids = await page
    .locator(FOR_YOU)
    .evaluateAll((cards) => cards.map((card) => card.getAttribute("data-vitrin-id")));
  const byId = new Map(demoCatalog().map((item) => [item.id, item]));
  const shown = ids.map((id) => {
    const item = byId.get(id ?? "");
    if (!item) throw new Error(`the for-you slot shows ${id}, which is not in the catalog`);
    return item;
  });
  return { viewed, shown };
}

test.describe("in Istanbul in December", () => {
  test.use({ timezoneId: "Europe/Istanbul", locale: "tr-TR" });

  test("a shopper who browsed winter items is offered more of them, and nothing for summer", async ({
    page,
  }) => {
    const problems = watchConsole(page);
    const { viewed, shown } = await browseWinterThenHome(page);
    const top = viewed[0]?.categories[0];
    expect(shown.length).toBeGreaterThan(0);
    // Led by what they looked at: the first pick is from the same department, in season.
    expect(shown[0]?.categories[0]).toBe(top);
    expect(shown.filter((item) => seasonOf(item) === "winter").length).toBeGreaterThan(0);
    expect(shown.filter((item) => seasonOf(item) === "summer")).toEqual([]);
    // The reason names the larger part of its score: the department ("for-you") or, from the
    // demo's model file, the items other shoppers viewed with these ("viewed-together").
    await expect(page.locator(FOR_YOU).first()).toHaveAttribute(
      "data-vitrin-reason",
      /^(for-you|viewed-together)$/,
    );
    expect(problems).toEqual([]);
  });
});

test.describe("in Sydney in December", () => {
  test.use({ timezoneId: "Australia/Sydney", locale: "en-AU" });

  test("the same browsing brings no winter items: it is summer there", async ({ page }) => {
    const problems = watchConsole(page);
    const { shown } = await browseWinterThenHome(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((item) => seasonOf(item) === "winter")).toEqual([]);
    expect(problems).toEqual([]);
  });
});
