// Prints raw / gzip / brotli sizes of every built bundle, writes reports/size.json, and with
// --check fails when a bundle is over its brotli budget (package.json "sizeBudgets").
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = new URL("..", import.meta.url).pathname;
/** @type {Record<string, number>} */
const budgets = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).sizeBudgets;

/** Every built .js file of every package (bundles and ESM builds). */
function builtFiles() {
  const out = [];
  for (const pkg of readdirSync(join(root, "packages"))) {
    const dist = join("packages", pkg, "dist");
    if (!existsSync(join(root, dist))) continue;
    for (const file of readdirSync(join(root, dist)))
      if (file.endsWith(".js")) out.push(join(dist, file));
  }
  return out.sort();
}

/** @param {string} file */
export function measure(file) {
  const bytes = readFileSync(join(root, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    budget: budgets[file] ?? null,
  };
}

const missing = Object.keys(budgets).filter((file) => !existsSync(join(root, file)));
if (missing.length) {
  console.error(`size: not built yet: ${missing.join(", ")} (run npm run build)`);
  process.exit(1);
}
const rows = builtFiles().map(measure);
const pad = (/** @type {unknown} */ v, /** @type {number} */ n) => String(v).padStart(n);
console.log(
  `${"bundle".padEnd(44)}${pad("raw", 9)}${pad("gzip", 9)}${pad("brotli", 9)}${pad("budget", 9)}`,
);
for (const r of rows) {
  console.log(
    `${r.file.padEnd(44)}${pad(r.raw, 9)}${pad(r.gzip, 9)}${pad(r.brotli, 9)}${pad(r.budget ?? "", 9)}`,
  );
}
mkdirSync(join(root, "reports"), { recursive: true });
writeFileSync(join(root, "reports/size.json"), `${JSON.stringify(rows, null, 2)}\n`);
console.log("(bytes; brotli quality 11; written to reports/size.json)");

if (process.argv.includes("--check")) {
  const over = rows.filter((r) => r.budget !== null && r.brotli > r.budget);
  for (const r of over)
    console.error(`size: ${r.file} is ${r.brotli} B brotli, over its budget of ${r.budget} B`);
  if (over.length) process.exit(1);
  console.log(`size: ${Object.keys(budgets).length} budgets met`);
}
