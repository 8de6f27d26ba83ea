// `npm test`'s package check, after the build: every publishable package as an app would
// install it. publint checks each packed package's manifest against its files; Are The Types
// Wrong checks that TypeScript resolves the types of every export the way Node and bundlers
// resolve its code; and esbuild bundles small apps from the built packages to prove that
// tree-shaking works: an app that imports only the tracker gets neither Preact nor the profiler.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { ROOT } from "./setup.mjs";

/** @typedef {{ name: string; dir: string; pkg: Record<string, any> }} Package */

/** @returns {Package[]} */
function publishable() {
  const base = join(ROOT, "packages");
  return readdirSync(base)
    .map((name) => ({ name, dir: join(base, name) }))
    .map(({ name, dir }) => ({
      name,
      dir,
      pkg: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")),
    }))
    .filter(({ pkg }) => !pkg.private);
}

/** Export subpaths that are not JavaScript (stylesheets, JSON schemas): they carry no types. */
const untyped = (/** @type {Package} */ { pkg }) =>
  Object.keys(pkg.exports ?? {}).filter((key) => /\.(css|json)$/.test(key));

/** @param {Package} p @returns {Promise<string[]>} */
async function lint(p) {
  const { messages, pkg } = await publint({ pkgDir: p.dir, level: "suggestion", strict: true });
  return messages.map((m) => `publint: ${formatMessage(m, pkg) ?? m.code}`);
}

/** @param {Package} p @returns {string[]} */
function typesCheck(p) {
  const exclude = untyped(p).map((key) => key.replace(/^\.\//, ""));
  // ESM only, as every Vitrin package is: CommonJS `require` and node10 resolution are out of scope.
  const args = ["attw", "--pack", ".", "--profile", "esm-only", "--format", "json"];
  if (exclude.length) args.push("--exclude-entrypoints", ...exclude);
  const result = spawnSync("npx", args, { cwd: p.dir, encoding: "utf8" });
  const start = result.stdout.indexOf("{");
  if (start < 0) return [`attw: no report (exit ${result.status}): ${result.stderr.trim()}`];
  const report = JSON.parse(result.stdout.slice(start));
  /** @type {{ kind: string; entrypoint?: string; resolutionKind?: string }[]} */
  const problems = report.analysis?.problems ?? [];
  const ignored = new Set(["node10", "node16-cjs"]);
  const found = problems
    .filter((problem) => !ignored.has(problem.resolutionKind ?? ""))
    .map((problem) => `attw: ${problem.kind} at ${problem.entrypoint ?? "?"}`);
  return [...new Set(found)];
}

/**
 * Bundles a tiny app from the built packages as a production bundler would, and returns the
 * minified size and which files of which packages ended up in it.
 * @param {string} code
 */
async function bundle(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: "js" },
    // Not the repository's tsconfig, whose paths point at the TypeScript sources: the built
    // packages, through their package.json exports, as an app resolves them.
    tsconfigRaw: {},
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"' },
    // The app's own React is not Vitrin's weight.
    external: ["react", "react-dom", "react/jsx-runtime"],
  });
  const output = Object.values(result.metafile.outputs)[0];
  const files = Object.entries(output?.inputs ?? {})
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([file]) => file);
  const text = result.outputFiles[0]?.text ?? "";
  return { bytes: Buffer.byteLength(text), files, text };
}

/** Apps that import a part of Vitrin, and what must not come along with that part. */
const SHAKES = [
  {
    name: "tracker only (@vitrin/core createTracker)",
    code: 'import { createTracker } from "@vitrin/core"; createTracker({});',
    forbidden: [/node_modules\/preact\//, /packages\/widgets\//],
    // The profiler's strategies: their names are strings that minifying keeps.
    absent: ["bought-together", "cart-cross-sell"],
  },
  {
    name: "React hooks only (@vitrin/react VitrinProvider, useProfile)",
    code: 'import { useProfile, VitrinProvider } from "@vitrin/react"; console.log(useProfile, VitrinProvider);',
    forbidden: [/node_modules\/preact\//, /packages\/widgets\/dist\/(mount|slot-view|card)\.js/],
    absent: [],
  },
  {
    name: "engine without widgets (@vitrin/core createVitrin)",
    code: 'import { createVitrin } from "@vitrin/core"; createVitrin({});',
    forbidden: [/node_modules\/preact\//, /packages\/widgets\//],
    absent: [],
  },
];

const failures = [];
const rows = [];
for (const p of publishable()) {
  const problems = [...(await lint(p)), ...typesCheck(p)];
  rows.push([p.pkg.name, problems.length ? `${problems.length} problem(s)` : "clean"]);
  for (const problem of problems) failures.push(`${p.pkg.name}: ${problem}`);
}
for (const shake of SHAKES) {
  const { bytes, files, text } = await bundle(shake.code);
  const pulled = files.filter((file) => shake.forbidden.some((re) => re.test(file)));
  const kept = shake.absent.filter((marker) => text.includes(marker));
  rows.push([
    shake.name,
    `${bytes} B minified${pulled.length || kept.length ? ", NOT shaken" : ""}`,
  ]);
  for (const file of pulled) failures.push(`${shake.name}: pulled in ${file}`);
  for (const marker of kept) failures.push(`${shake.name}: still contains "${marker}"`);
}

const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, result] of rows) console.log(`${name.padEnd(width)}  ${result}`);
if (failures.length) {
  console.error(`\n✗ package checks failed:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log("packages: publint and attw clean; tree-shaking verified");
