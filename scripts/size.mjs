// Prints raw / gzip / brotli sizes of every built bundle, writes reports/size.json, and with
// --check fails when a bundle is over its brotli budget (package.json "sizeBudgets").
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = new URL("..", import.meta.url).pathname;
/** @type {Record<string, number>} */
const budgets = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).sizeBudgets;

/** Every .js file under `dir`, depth first. @param {string} dir @returns {string[]} */
function jsFiles(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? jsFiles(join(dir, entry.name))
      : entry.name.endsWith(".js")
        ? [join(dir, entry.name)]
        : [],
  );
}

/**
 * What to measure: each script-tag bundle and executable on its own, and each library package
 * as the sum of its modules (they are built one file per module, so a per-file list would say
 * little; an app's bundler takes only the modules it imports).
 * @returns {{ name: string; files: string[] }[]}
 */
function targets() {
  const out = [];
  for (const pkg of readdirSync(join(root, "packages")).sort()) {
    const dist = join("packages", pkg, "dist");
    if (!existsSync(join(root, dist))) continue;
    const files = jsFiles(dist).sort();
    const standalone = files.filter((file) => file.endsWith(".min.js") || file.endsWith("/cli.js"));
    for (const file of standalone) out.push({ name: file, files: [file] });
    const modules = files.filter((file) => !standalone.includes(file));
    if (modules.length)
      out.push({ name: `${dist}/*.js (${modules.length} modules)`, files: modules });
  }
  return out;
}

/** @param {{ name: string; files: string[] }} target */
export function measure({ name, files }) {
  const bytes = Buffer.concat(files.map((file) => readFileSync(join(root, file))));
  return {
    file: name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    budget: budgets[name] ?? null,
  };
}

const missing = Object.keys(budgets).filter((file) => !existsSync(join(root, file)));
if (missing.length) {
  console.error(`size: not built yet: ${missing.join(", ")} (run npm run build)`);
  process.exit(1);
}
const rows = targets().map(measure);
const pad = (/** @type {unknown} */ v, /** @type {number} */ n) => String(v).padStart(n);
console.log(
  `${"bundle".padEnd(52)}${pad("raw", 9)}${pad("gzip", 9)}${pad("brotli", 9)}${pad("budget", 9)}`,
);
for (const r of rows) {
  console.log(
    `${r.file.padEnd(52)}${pad(r.raw, 9)}${pad(r.gzip, 9)}${pad(r.brotli, 9)}${pad(r.budget ?? "", 9)}`,
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
