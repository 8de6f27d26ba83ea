// Prints raw / gzip / brotli sizes of every built bundle, writes reports/size.json, and with
// --check fails when a bundle is over its brotli budget (package.json "sizeBudgets").
// With --modules it also prints where each script-tag bundle's bytes come from: minified bytes
// per source module, read from the bundle's source map (brotli cannot be split by module;
// minified bytes are the share a module would free if it went).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { SourceMapConsumer } from "source-map-js";

const root = new URL("..", import.meta.url).pathname;
/** @type {Record<string, number>} */
const budgets = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).sizeBudgets;
const pad = (/** @type {unknown} */ v, /** @type {number} */ n) => String(v).padStart(n);

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

/**
 * Minified bytes of `file` per source module, largest first: each generated segment of the
 * source map counts for the module it maps to, up to the next segment.
 * @param {string} file
 */
export function modulesOf(file) {
  const path = resolve(root, file);
  const code = readFileSync(path, "utf8");
  const map = new SourceMapConsumer(JSON.parse(readFileSync(`${path}.map`, "utf8")));
  const lines = code.split("\n");
  /** @type {{ line: number; column: number; source: string }[]} */
  const segments = [];
  map.eachMapping((m) =>
    segments.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source ?? "" }),
  );
  segments.sort((a, b) => a.line - b.line || a.column - b.column);
  /** @type {Map<string, number>} */
  const bytes = new Map();
  segments.forEach((segment, i) => {
    const next = segments[i + 1];
    const end =
      next && next.line === segment.line ? next.column : (lines[segment.line - 1] ?? "").length;
    // Paths relative to the repository: packages/core/src/tracker.ts, node_modules/preact/….
    const source = relative(root, resolve(dirname(path), segment.source));
    bytes.set(source, (bytes.get(source) ?? 0) + end - segment.column);
  });
  return [...bytes].sort((a, b) => b[1] - a[1]).map(([module, minified]) => ({ module, minified }));
}

// The command; importing this file (a test of modulesOf) runs nothing.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();

function main() {
  const missing = Object.keys(budgets).filter((file) => !existsSync(join(root, file)));
  if (missing.length) {
    console.error(`size: not built yet: ${missing.join(", ")} (run npm run build)`);
    process.exit(1);
  }
  const rows = targets().map(measure);
  console.log(
    `${"bundle".padEnd(52)}${pad("raw", 9)}${pad("gzip", 9)}${pad("brotli", 9)}${pad("budget", 9)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.file.padEnd(52)}${pad(r.raw, 9)}${pad(r.gzip, 9)}${pad(r.brotli, 9)}${pad(r.budget ?? "", 9)}`,
    );
  }
  /** Where each script-tag bundle's bytes come from; printed with --modules, always written. */
  const modules = Object.fromEntries(
    rows.filter((r) => r.file.endsWith(".min.js")).map((r) => [r.file, modulesOf(r.file)]),
  );
  if (process.argv.includes("--modules")) {
    for (const [file, list] of Object.entries(modules)) {
      const total = list.reduce((sum, m) => sum + m.minified, 0);
      console.log(`\n${file}: minified bytes by module (of ${total})`);
      for (const { module, minified } of list)
        console.log(
          `${pad(minified, 8)} ${pad(((100 * minified) / total).toFixed(1), 5)}%  ${module}`,
        );
    }
    console.log("");
  }
  mkdirSync(join(root, "reports"), { recursive: true });
  writeFileSync(
    join(root, "reports/size.json"),
    `${JSON.stringify({ bundles: rows, modules }, null, 2)}\n`,
  );
  console.log("(bytes; brotli quality 11; written to reports/size.json)");

  if (process.argv.includes("--check")) {
    const over = rows.filter((r) => r.budget !== null && r.brotli > r.budget);
    for (const r of over)
      console.error(`size: ${r.file} is ${r.brotli} B brotli, over its budget of ${r.budget} B`);
    if (over.length) process.exit(1);
    console.log(`size: ${Object.keys(budgets).length} budgets met`);
  }
}
