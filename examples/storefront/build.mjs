#!/usr/bin/env node
// Builds the static demo shop into examples/storefront/dist/.
// Run from anywhere: `node examples/storefront/build.mjs`. Paths are resolved from this
// file, not the working directory, so the root build script and editors agree on output.

import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { simulateBrowsingLog } from "./browsing-log.mjs";
import { CATEGORIES, generateCatalog, generateProducts } from "./catalog-data.mjs";
import { esc } from "./html.mjs";
import { SHOP_NAME } from "./i18n.mjs";
import { faviconSvg, logoSvg, productSvg } from "./images.mjs";
import {
  cartPage,
  categoryPage,
  checkoutPage,
  homePage,
  localPath,
  MODEL_URL,
  PATHS,
  productPage,
  salePage,
  vitrinConfig,
  vitrinFile,
} from "./pages.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, "..", "..");
const dist = join(here, "dist");
const LANGS = ["tr", "en"];

let pagesWritten = 0;

function write(relPath, content) {
  const file = join(dist, relPath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/**
 * One item per line: half the size of fully indented JSON (the browser downloads this file
 * uncompressed from simple static servers) while staying readable and diffable.
 */
function catalogJson({ items, ...header }) {
  const head = JSON.stringify(header).slice(0, -1);
  return `${head},"items":[\n${items.map((item) => JSON.stringify(item)).join(",\n")}\n]}\n`;
}

/** Site paths map to files; "/" and "/en/" are directory indexes. */
function writePage(sitePath, html) {
  write(sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath, html);
  pagesWritten++;
}

// A stale page from an earlier catalog would still be served, so start from scratch.
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const products = generateProducts();
const catalogs = { tr: generateCatalog("tr"), en: generateCatalog("en") };
for (const lang of LANGS) {
  write(vitrinFile("catalog", lang), catalogJson(catalogs[lang]));
  // Offers and relevance settings for every page, cached by Vitrin like the catalog.
  write(vitrinFile("config", lang), `${JSON.stringify(vitrinConfig(lang), null, 2)}\n`);
}

for (const product of products) {
  write(`img/p/${product.id.toLowerCase()}.svg`, productSvg(product));
}
write("img/logo.svg", logoSvg(esc(SHOP_NAME)));
write("img/favicon.svg", faviconSvg());

for (const asset of ["shop.js", "shop.css"]) {
  mkdirSync(join(dist, "assets"), { recursive: true });
  copyFileSync(join(here, "assets", asset), join(dist, "assets", asset));
}

const trById = new Map(catalogs.tr.items.map((item) => [item.id, item]));

for (const lang of LANGS) {
  const items = catalogs[lang].items;
  const groups = new Map();
  for (const item of items) groups.set(item.groupId, [...(groups.get(item.groupId) ?? []), item]);

  writePage(localPath(lang, PATHS.home), homePage({ lang, items, trById }));
  writePage(localPath(lang, PATHS.cart), cartPage({ lang }));
  writePage(localPath(lang, PATHS.sale), salePage({ lang, items }));
  writePage(localPath(lang, PATHS.checkout), checkoutPage({ lang }));

  for (const category of CATEGORIES) {
    const inCategory = items.filter((item) => item.id.startsWith(`${category.prefix}-`));
    writePage(
      localPath(lang, PATHS.category(category.slug)),
      categoryPage({ lang, category, items: inCategory, trById }),
    );
    for (const item of inCategory) {
      writePage(
        localPath(lang, PATHS.product(item.id)),
        productPage({
          lang,
          item,
          trItem: trById.get(item.id),
          category,
          variants: groups.get(item.groupId),
        }),
      );
    }
  }
}

// The script-tag bundles and Vitrin's stylesheet come from the root Rollup build; the shop
// still works without them (no recommendations), so a missing file is a warning, not a failure.
// The stylesheet is linked in every page's <head>: it reserves each slot's height from its
// attributes before any script runs, so recommendations never shift the page.
const built = [
  ...["vitrin.min.js", "vitrin-track.min.js"].flatMap((name) => [
    join("packages", "embed", "dist", name),
    join("packages", "embed", "dist", `${name}.map`),
  ]),
  join("packages", "widgets", "dist", "vitrin.css"),
];
const missing = built.filter((file) => !file.endsWith(".map") && !existsSync(join(repoRoot, file)));
for (const file of built) {
  const from = join(repoRoot, file);
  if (existsSync(from)) copyFileSync(from, join(dist, "vitrin", basename(file)));
}
if (missing.length > 0) {
  console.warn(
    `storefront: warning: ${missing.join(", ")} not found; run the root build first (npm run build) to get recommendations.`,
  );
}

// The model file (`data-model`), built by the real builder of `@vitrin/cli` with its defaults
// from a SIMULATED browsing log (browsing-log.mjs): the demo has no shoppers of its own. One file
// serves both languages, since both catalogs share their ids. Like the bundles, it needs the
// root build; without it the pages still work, and Vitrin warns once that the model is missing.
const builder = join(repoRoot, "packages", "cli", "dist", "index.js");
let modelNote = "no model";
if (existsSync(builder)) {
  const started = performance.now();
  const { buildModelFromInteractions, serializeModel } = await import(pathToFileURL(builder).href);
  const log = simulateBrowsingLog(products);
  const { model, stats } = await buildModelFromInteractions(log);
  const text = serializeModel(model);
  write(MODEL_URL, text);
  // Raw bytes only: brotli at quality 11 (modelSize) would add about half a second per build.
  modelNote =
    `model from ${log.length} simulated events of ${stats.users} shoppers: ${stats.items} items, ` +
    `${(Buffer.byteLength(text) / 1000).toFixed(0)} kB in ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s`;
} else {
  console.warn(
    `storefront: warning: ${relative(repoRoot, builder)} not found; run the root build first (npm run build) to get the model file.`,
  );
}

const items = catalogs.tr.items;
const sale = items.filter((item) => item.salePrice !== undefined).length;
const outOfStock = items.filter((item) => item.availability === "out_of_stock").length;
console.log(
  `storefront: ${items.length} items (${sale} on sale, ${outOfStock} out of stock), ` +
    `${CATEGORIES.length} categories, ${pagesWritten} pages, ${products.length} images, ${modelNote} -> ` +
    `${relative(process.cwd(), dist) || "."}`,
);
