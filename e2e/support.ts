import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";

/** The fields of a demo catalog item the tests look at. */
export interface DemoItem {
  id: string;
  title: string;
  url: string;
  price: number;
  salePrice?: number;
  availability: string;
  categories: string[];
  attributes: Record<string, string | string[]>;
}

/** The demo catalog as built into the storefront. */
export function demoCatalog(): DemoItem[] {
  const file = new URL("../examples/storefront/dist/vitrin/catalog.json", import.meta.url);
  return JSON.parse(readFileSync(file, "utf8")).items;
}

/** One item's entry in a model file (docs/model-format.md): `[neighbour id, weight]` pairs. */
export interface DemoModelItem {
  coView?: [string, number][];
  coBuy?: [string, number][];
  next?: [string, number][];
  popularity?: number;
  trend?: number;
}

/** The demo's model file as built into the storefront (from its simulated browsing log). */
export function demoModel(): Record<string, DemoModelItem> {
  const file = new URL("../examples/storefront/dist/vitrin/model.json", import.meta.url);
  return JSON.parse(readFileSync(file, "utf8")).items;
}

/** In-stock products from `count` different top-level categories. */
export function productsFromDistinctCategories(count: number): DemoItem[] {
  const picked = new Map<string, DemoItem>();
  for (const item of demoCatalog()) {
    const top = item.categories[0] ?? "";
    if (item.availability === "in_stock" && !picked.has(top)) picked.set(top, item);
  }
  return [...picked.values()].slice(0, count);
}

/** How the shop writes a price in Turkish: `₺1.299,90`. */
export function tryPrice(value: number): string {
  return new Intl.NumberFormat("tr-TR", { style: "currency", currency: "TRY" }).format(value);
}

/**
 * Collects what a shopper's console would show that points to a defect: errors, uncaught
 * exceptions, and Vitrin's own warnings (the demo is configured correctly, so it has none).
 */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (
      message.type() === "error" ||
      (message.type() === "warning" && text.startsWith("[vitrin]"))
    ) {
      problems.push(`${message.type()}: ${text}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/**
 * Reads Vitrin's event log straight from IndexedDB (database `vitrin`, store `events`), the way
 * a developer would in DevTools. Returns [] until Vitrin has created its database.
 */
export function storedEvents(page: Page): Promise<StoredEvent[]> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes("vitrin")) return [];
    return new Promise<StoredEvent[]>((resolve, reject) => {
      const open = indexedDB.open("vitrin");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains("events")) {
          db.close();
          resolve([]);
          return;
        }
        const all = db.transaction("events", "readonly").objectStore("events").getAll();
        all.onsuccess = () => {
          db.close();
          resolve(all.result);
        };
        all.onerror = () => reject(all.error);
      };
    });
  });
}

/** Item ids of the view_item events stored so far, oldest first. */
export async function storedViews(page: Page): Promise<string[]> {
  return (await storedEvents(page))
    .filter((e) => e.name === "view_item")
    .map((e) => e.items[0]?.item_id ?? "");
}

/** A stored event with every field the tracker writes (see `VitrinEvent` in @vitrin/core). */
export interface StoredEvent {
  id: string;
  name: string;
  ts: number;
  source: string;
  items: { item_id: string; [field: string]: unknown }[];
  params: Record<string, unknown>;
  path: string;
  session: string;
  ctx: Record<string, unknown>;
}

/**
 * Serves a minimal page at `path` (resolved against `baseURL`) with `script` in its head and
 * `body` as its body, straight from the test (no Content-Security-Policy). Returns its URL.
 */
export async function blankPage(
  page: Page,
  baseURL: string | undefined,
  path: string,
  script: string,
  body = "<p>x</p>",
) {
  const url = new URL(path, baseURL).href;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="tr"><head>${script}</head><body>${body}</body></html>`,
    }),
  );
  return url;
}

/** Waits until a bundle has installed `window.vitrin` and its command queue. */
export const vitrinReady = (page: Page) =>
  page.waitForFunction(
    () =>
      typeof (window as unknown as { vitrin: { track?: unknown } }).vitrin?.track === "function",
  );

/**
 * Starts recording, before any page script runs, what the browser itself reports: layout
 * shifts (`PerformanceObserver`, type `layout-shift`, with the nodes that moved) and
 * Content-Security-Policy / Trusted Types violations (`securitypolicyviolation`). Read them
 * with {@link pageReports}.
 */
export async function recordPageReports(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const reports = {
      shifts: [] as { value: number; nodes: string[] }[],
      violations: [] as string[],
    };
    (window as unknown as { __vitrinReports: typeof reports }).__vitrinReports = reports;
    const nameOf = (node: Node | null) => {
      const el = node instanceof Element ? node : node?.parentElement;
      if (!el) return "?";
      const slot = el.closest(
        "[data-vitrin-slot],[data-vitrin-cart-reminder],[data-vitrin-content]",
      );
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className ? `.${String(el.className).split(" ")[0]}` : ""}${slot ? " in a Vitrin element" : ""}`;
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        hadRecentInput: boolean;
        sources?: { node: Node | null }[];
      }[]) {
        if (entry.hadRecentInput) continue;
        reports.shifts.push({
          value: entry.value,
          nodes: (entry.sources ?? []).map((source) => nameOf(source.node)),
        });
      }
    }).observe({ type: "layout-shift", buffered: true });
    document.addEventListener("securitypolicyviolation", (event) => {
      reports.violations.push(`${event.violatedDirective}: ${event.blockedURI || event.sample}`);
    });
  });
}

/** What {@link recordPageReports} has collected on the current page so far. */
export function pageReports(page: Page): Promise<{
  shifts: { value: number; nodes: string[] }[];
  violations: string[];
}> {
  return page.evaluate(
    () =>
      (
        window as unknown as {
          __vitrinReports: { shifts: { value: number; nodes: string[] }[]; violations: string[] };
        }
      ).__vitrinReports,
  );
}
