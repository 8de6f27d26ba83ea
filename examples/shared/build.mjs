// Build helpers shared by the two single-page shops (examples/preact-app, examples/react-app).
// Both bundle the same shop data, made here at build time from the storefront's own generator,
// so the apps list exactly the products of /vitrin/catalog.json without fetching anything per
// route, and the shop's wording comes from the storefront's i18n tables, so labels never drift.

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { CATEGORIES, generateCatalog } from "../storefront/catalog-data.mjs";
import { SHOP_NAME, UI } from "../storefront/i18n.mjs";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The import that {@link shopDataPlugin} answers; typed by examples/shared/mavi-carsi.d.ts. */
const SHOP_MODULE = "virtual:mavi-carsi";

/** The Turkish shop's data: what both apps render, as a JSON-ready object. */
export function shopData() {
  const items = generateCatalog("tr").items;
  const t = UI.tr;
  // Only what the pages show: the catalog's other fields (tags, season…) are Vitrin's business.
  const products = items.map((item) => ({
    id: item.id,
    title: item.title,
    url: item.url,
    image: item.image,
    price: item.price,
    ...(item.salePrice !== undefined ? { salePrice: item.salePrice } : {}),
    availability: item.availability,
    brand: item.brand,
    categories: item.categories,
    rating: item.rating,
    popularity: item.popularity,
  }));
  const strings = Object.fromEntries(
    Object.entries(t).filter(([, value]) => typeof value === "string"),
  );
  return {
    shopName: SHOP_NAME,
    categories: CATEGORIES.map(({ prefix, slug, tr }) => ({ prefix, slug, name: tr })),
    products,
    ui: { ...strings, heroDeals: t.heroDeals, heroReturning: t.heroReturning },
  };
}

/** esbuild plugin: `import shop from "virtual:mavi-carsi"` is the JSON of {@link shopData}. */
export const shopDataPlugin = {
  name: "mavi-carsi-data",
  /** @param {import("esbuild").PluginBuild} pluginBuild */
  setup(pluginBuild) {
    const filter = /^virtual:mavi-carsi$/;
    pluginBuild.onResolve({ filter }, () => ({ path: SHOP_MODULE, namespace: "mavi-carsi" }));
    pluginBuild.onLoad({ filter, namespace: "mavi-carsi" }, () => ({
      contents: JSON.stringify(shopData()),
      loader: "json",
    }));
  },
};

/**
 * Options every app bundle shares: ES modules for today's browsers, the workspace packages
 * bundled from their TypeScript ("source" condition, as the script-tag bundles are), never a
 * stale dist, and production builds of React and Preact.
 * @param {{ jsx: "react" | "preact" }} options
 * @returns {import("esbuild").BuildOptions}
 */
export function bundleOptions({ jsx }) {
  return {
    bundle: true,
    format: "esm",
    target: "es2022",
    jsx: "automatic",
    jsxImportSource: jsx,
    conditions: ["source"],
    resolveExtensions: [".tsx", ".ts", ".mjs", ".js", ".json"],
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    plugins: [shopDataPlugin],
    logLevel: "warning",
    legalComments: "none",
  };
}

/**
 * The HTML page of an app: the storefront's stylesheets (served from its dist: `vitrin.css`
 * reserves each slot's space before any script runs), the app's module script, and `body`
 * (empty for a client-rendered app; a prerendered route for the React app). No inline script
 * or style: the demo server's CSP forbids both.
 * @param {{ base: string; title: string; body?: string; route?: string }} page
 */
export function appHtml({ base, title, body = "", route }) {
  const escapeHtml = (/** @type {string} */ text) =>
    text.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="tr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="/img/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/vitrin/vitrin.css">
<link rel="stylesheet" href="/assets/shop.css">
<script type="module" src="${base}/app.js"></script>
</head>
<body>
<div id="app"${route === undefined ? "" : ` data-route="${escapeHtml(route)}"`}>${body}</div>
</body>
</html>
`;
}

/**
 * Bundles an app's browser entry into `<dist>/app.js`, after emptying `dist` (a page left from
 * an earlier build would still be served).
 * @param {{ dist: string; entry: string; jsx: "react" | "preact" }} app
 */
export async function buildClient({ dist, entry, jsx }) {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const result = await build({
    ...bundleOptions({ jsx }),
    entryPoints: [entry],
    outfile: join(dist, "app.js"),
    platform: "browser",
    minify: true,
    sourcemap: true,
    metafile: true,
  });
  const bytes = Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith(".js"))
    .reduce((sum, [, output]) => sum + output.bytes, 0);
  return { bytes, where: relative(process.cwd(), dist) || "." };
}

/**
 * Writes `html` at the site path `route` of an app (`/` → index.html, `/urun/x.html` → that file).
 * @param {string} dist
 * @param {string} route
 * @param {string} html
 */
export function writeRoute(dist, route, html) {
  const file = join(dist, route.endsWith("/") ? `${route}index.html` : route);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, html);
}
