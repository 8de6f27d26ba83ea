// The script tag is the whole installation: these tests load vitrin.min.js the ways stores
// write it (async or defer, in <head> or at the end of <body>), with its data attributes, a
// command queue built before it loads, and the config and model files it names.
import { expect, type Page, test } from "@playwright/test";
import {
  blankPage,
  type DemoItem,
  demoCatalog,
  storedEvents,
  vitrinReady,
  watchConsole,
} from "./support.js";

/** In-stock items that fit any season, so that no relevance rule can hide them. */
const anySeason = demoCatalog().filter(
  (item) =>
    item.availability === "in_stock" &&
    (item.attributes.season === undefined || item.attributes.season === "all"),
);

/** `count` of {@link anySeason}, each of a different product group and brand. */
function distinct(count: number): DemoItem[] {
  const seen = new Set<string>();
  return anySeason
    .filter((item) => {
      const key = `${(item as DemoItem & { groupId?: string }).groupId ?? item.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, count);
}

const ids = (page: Page, slot: string) =>
  page
    .locator(`${slot} li.vitrin-card`)
    .evaluateAll((cards) => cards.map((card) => card.getAttribute("data-vitrin-id")));

/** Serves a JSON file at `path` from the test, counting the requests for it. */
async function serveJson(page: Page, baseURL: string | undefined, path: string, body: unknown) {
  const served = { count: 0 };
  await page.route(new URL(path, baseURL).href, (route) => {
    served.count++;
    return route.fulfill({ contentType: "application/json", body: JSON.stringify(body) });
  });
  return served;
}

test.describe("the tag with async and defer, in <head> and at the end of <body>", () => {
  const [first, second] = distinct(2);
  for (const mode of ["async", "defer"]) {
    for (const place of ["head", "body"]) {
      test(`${mode} in <${place}>: attributes read, queued commands replayed in order, slots filled`, async ({
        page,
        baseURL,
      }) => {
        const problems = watchConsole(page);
        const tag = `<script ${mode} src="/vitrin/vitrin.min.js" data-catalog="/vitrin/catalog.json" data-lang="en" data-consent="required"></script>`;
        // Commands queued before the bundle loads. Replayed in this order, the last item viewed
        // is the one on screen (never recommended), and recently-viewed lists the others newest
        // first; replayed in any other order, the list differs.
        const queue = `<script>
          window.vitrin = window.vitrin || [];
          vitrin.push(["track", "view_item", { items: [{ item_id: "${first?.id}" }] }]);
          vitrin.push(["track", "view_item", { items: [{ item_id: "${second?.id}" }] }]);
          vitrin.push(["track", "view_item", { items: [{ item_id: "ON-SCREEN" }] }]);
          vitrin.push(function (api) { window.replayedWith = Object.keys(api).sort().join(" "); });
        </script>`;
        const slots = `<div id="recent" data-vitrin-slot="recently-viewed"></div>
          <div id="top" data-vitrin-slot="trending" data-vitrin-limit="3"></div>`;
        const url = await blankPage(
          page,
          baseURL,
          `/tag-${mode}-${place}.html`,
          place === "head" ? `${queue}${tag}` : queue,
          place === "head" ? slots : `${slots}${tag}`,
        );
        await page.goto(url);
        await vitrinReady(page);

        await expect.poll(() => ids(page, "#recent")).toEqual([second?.id, first?.id]);
        await expect(page.locator("#top li.vitrin-card")).toHaveCount(3);
        // data-lang="en" on a Turkish page: the tag's attribute, not the page, set the language.
        await expect(page.locator("#recent .vitrin-slot__title")).toHaveText("Recently viewed");
        expect(
          await page.evaluate(() => (window as unknown as { replayedWith: string }).replayedWith),
        ).toBe("consent erase export flush identify mount push refresh track");
        // data-consent="required": nothing is kept on the device before consent.
        await page.evaluate(() =>
          (window as unknown as { vitrin: { flush(): Promise<void> } }).vitrin.flush(),
        );
        expect(
          await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)),
        ).toEqual([]);
        expect(problems).toEqual([]);
      });
    }
  }
});

test("data-config: its segment, offer and merchant rule apply, and a repeat view makes no request", async ({
  page,
  baseURL,
}) => {
  const problems = watchConsole(page);
  const slots = `<div id="top" data-vitrin-slot="trending" data-vitrin-limit="4"></div>
    <div data-vitrin-content>
      <template data-vitrin-variant="segment:ilk-ziyaret"><p id="variant">İlk ziyaretine özel</p></template>
      <p data-vitrin-default id="default">Herkese</p>
    </div>
    <div id="offer" data-vitrin-offer-slot></div>`;
  const tag = (attributes: string) =>
    `<script async src="/vitrin/vitrin.min.js" data-catalog="/vitrin/catalog.json" ${attributes}></script>`;

  // Without the config: the shop's own trending order.
  await page.goto(await blankPage(page, baseURL, "/no-config.html", tag(""), slots));
  await expect(page.locator("#top li.vitrin-card")).toHaveCount(4);
  const plain = await ids(page, "#top");
  await expect(page.locator("#default")).toBeVisible();
  await expect(page.locator("#offer .vitrin-offer")).toHaveCount(0);

  const pinned = plain[3] ?? "";
  const served = await serveJson(page, baseURL, "/e2e/config.json", {
    segments: [{ id: "ilk-ziyaret", when: { fact: "segments", has: "new-visitor" } }],
    offers: [{ id: "config-teklifi", segment: "ilk-ziyaret", text: "Config dosyasından teklif" }],
    relevance: {
      merchant: [{ match: { id: pinned }, action: "pin", position: 0, strategies: ["trending"] }],
    },
  });
  const url = await blankPage(
    page,
    baseURL,
    "/with-config.html",
    tag('data-config="/e2e/config.json"'),
    slots,
  );
  await page.goto(url);
  await expect.poll(() => ids(page, "#top")).toEqual([pinned, ...plain.slice(0, 3)]);
  await expect(page.locator("#variant")).toBeVisible();
  await expect(page.locator("#offer .vitrin-offer")).toHaveAttribute(
    "data-vitrin-offer-id",
    "config-teklifi",
  );

  // The next page view: the cached copy is fresh, so the config applies with no request.
  await page.goto(url);
  await expect.poll(() => ids(page, "#top")).toEqual([pinned, ...plain.slice(0, 3)]);
  await expect(page.locator("#variant")).toBeVisible();
  expect(served.count).toBe(1);
  expect(problems).toEqual([]);
});

test("a bad config is reported once, with the file and path, and the page stays personalized", async ({
  page,
  baseURL,
}) => {
  const warnings: string[] = [];
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const [viewed] = distinct(1);
  await serveJson(page, baseURL, "/e2e/bad/config.json", {
    segments: [{ id: "sadik", when: { fact: "tally.purchases", gte: "3" } }],
    offers: [{ id: "hala-gecerli", text: "Bu teklif geçerli" }],
    colour: "red",
  });
  const url = await blankPage(
    page,
    baseURL,
    "/bad-config.html",
    `<script>window.vitrin = [["track", "view_item", { items: [{ item_id: "${viewed?.id}" }] }], ["track", "view_item", { items: [{ item_id: "ON-SCREEN" }] }]];</script>
     <script async src="/vitrin/vitrin.min.js" data-catalog="/vitrin/catalog.json" data-config="/e2e/bad/config.json"></script>`,
    `<div id="recent" data-vitrin-slot="recently-viewed"></div><div id="offer" data-vitrin-offer-slot></div>`,
  );
  await page.goto(url);
  await expect.poll(() => ids(page, "#recent")).toEqual([viewed?.id]);
  await expect(page.locator("#offer .vitrin-offer")).toHaveAttribute(
    "data-vitrin-offer-id",
    "hala-gecerli",
  );
  expect(warnings).toEqual([
    "[vitrin] config: skipped invalid settings:\nconfig.json: colour: unknown key; expected one of offers, segments, personas, halfLifeDays, giftWords, relevance\nconfig.json: segments[0].when.gte: expected a number",
  ]);
  expect(errors).toEqual([]);

  // A config that cannot be had at all: one warning, and tracking and slots go on without it.
  warnings.length = 0;
  await page.route(new URL("/e2e/gone/config.json", baseURL).href, (route) =>
    route.fulfill({ status: 404, body: "" }),
  );
  const gone = await blankPage(
    page,
    baseURL,
    "/gone-config.html",
    `<script async src="/vitrin/vitrin.min.js" data-catalog="/vitrin/catalog.json" data-config="/e2e/gone/config.json"></script>`,
    `<div id="recent" data-vitrin-slot="recently-viewed"></div>`,
  );
  await page.goto(gone);
  await vitrinReady(page);
  await page.evaluate((id) => {
    const vitrin = (window as unknown as { vitrin: { track(n: string, p: unknown): boolean } })
      .vitrin;
    vitrin.track("view_item_list", { items: [{ item_id: id }] });
  }, viewed?.id);
  await expect(page.locator("#recent li.vitrin-card")).toHaveCount(1);
  await expect
    .poll(async () => (await storedEvents(page)).some((e) => e.name === "view_item_list"))
    .toBe(true);
  await expect.poll(() => warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(
    /^\[vitrin\] config: could not use \/e2e\/gone\/config\.json, running without it: .*HTTP 404$/,
  );
  expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
});

test("data-model: viewed-together shows the model's neighbours of the item, strongest first", async ({
  page,
  baseURL,
}) => {
  const problems = watchConsole(page);
  const [anchor, strong, weak] = distinct(3);
  await serveJson(page, baseURL, "/e2e/model.json", {
    format: "vitrin-model",
    version: 1,
    items: {
      [anchor?.id ?? ""]: {
        coView: [
          [weak?.id, 0.2],
          [strong?.id, 0.9],
        ],
      },
    },
  });
  const slot = `<div id="together" data-vitrin-slot="viewed-together" data-vitrin-item="${anchor?.id}"></div>`;
  const tag = (attributes: string) =>
    `<script async src="/vitrin/vitrin.min.js" data-catalog="/vitrin/catalog.json" ${attributes}></script>`;

  // With no model and no history, nothing is known to be viewed together yet: the slot shows
  // items like the anchor instead, each card saying so.
  await page.goto(await blankPage(page, baseURL, "/no-model.html", tag(""), slot));
  await expect(page.locator("#together li.vitrin-card").first()).toBeVisible();
  const reasons = await page
    .locator("#together li.vitrin-card")
    .evaluateAll((cards) => cards.map((card) => card.getAttribute("data-vitrin-reason")));
  expect(new Set(reasons)).toEqual(new Set(["similar"]));

  await page.goto(
    await blankPage(page, baseURL, "/model.html", tag('data-model="/e2e/model.json"'), slot),
  );
  await expect.poll(() => ids(page, "#together")).toEqual([strong?.id, weak?.id]);
  await expect(page.locator("#together .vitrin-card").first()).toHaveAttribute(
    "data-vitrin-reason",
    "viewed-together",
  );
  expect(problems).toEqual([]);
});

test("the built vitrin.min.js alone in a blank page: window.vitrin works, with no console error", async ({
  page,
  baseURL,
}) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const url = new URL("/smoke.html", baseURL).href;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      body: '<!doctype html><html><head><script src="/vitrin/vitrin.min.js"></script></head><body></body></html>',
    }),
  );
  await page.goto(url);
  const api = await page.evaluate(() =>
    Object.fromEntries(
      Object.entries((window as unknown as { vitrin: object }).vitrin).map(([k, v]) => [
        k,
        typeof v,
      ]),
    ),
  );
  for (const method of [
    "track",
    "identify",
    "consent",
    "export",
    "erase",
    "mount",
    "refresh",
    "push",
  ])
    expect(api[method], method).toBe("function");

  type V = { vitrin: { track(n: string, p: unknown): boolean; export(): Promise<unknown> } };
  expect(
    await page.evaluate(() =>
      (window as unknown as V).vitrin.track("search", { search_term: "duman testi" }),
    ),
  ).toBe(true);
  const exported = (await page.evaluate(() => (window as unknown as V).vitrin.export())) as {
    format: string;
    events: { name: string; params: Record<string, unknown> }[];
  };
  expect(exported.format).toBe("vitrin-export");
  expect(
    exported.events.filter((e) => e.name === "search").map((e) => e.params.search_term),
  ).toEqual(["duman testi"]);
  expect((await storedEvents(page)).map((e) => e.name)).toContain("search");
  expect(errors).toEqual([]);
});
