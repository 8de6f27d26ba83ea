// One build for every package: ESM + .d.ts per library package, and the two script-tag
// bundles (IIFE, minified) from the same sources.
import { readFileSync } from "node:fs";
import nodeResolve from "@rollup/plugin-node-resolve";
import replace from "@rollup/plugin-replace";
import terser from "@rollup/plugin-terser";
import { dts } from "rollup-plugin-dts";
import esbuild from "rollup-plugin-esbuild";

/** Library packages: built to dist/index.js and dist/index.d.ts. */
const LIBRARIES = ["core", "widgets", "cli"];

/** Script-tag bundles of packages/embed: source entry → output file. */
const BUNDLES = { "full.ts": "vitrin.min.js", "track.ts": "vitrin-track.min.js" };

const transpile = () =>
  esbuild({
    target: "es2022",
    jsx: "automatic",
    jsxImportSource: "preact",
    tsconfig: "tsconfig.base.json",
  });

/** A library's dependencies stay imports; the app that installs it resolves them once. */
/** @param {string} name */
function externalsOf(name) {
  const pkg = JSON.parse(readFileSync(`packages/${name}/package.json`, "utf8"));
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  return (/** @type {string} */ id) =>
    id.startsWith("node:") || deps.some((dep) => id === dep || id.startsWith(`${dep}/`));
}

const libraries = LIBRARIES.flatMap((name) => [
  {
    input: `packages/${name}/src/index.ts`,
    external: externalsOf(name),
    plugins: [transpile()],
    output: { file: `packages/${name}/dist/index.js`, format: "es", sourcemap: true },
  },
  {
    input: `packages/${name}/src/index.ts`,
    external: externalsOf(name),
    plugins: [dts({ tsconfig: "tsconfig.base.json" })],
    output: { file: `packages/${name}/dist/index.d.ts`, format: "es" },
  },
]);

/** The `vitrin` executable of packages/cli. */
const cli = {
  input: "packages/cli/src/cli.ts",
  external: externalsOf("cli"),
  plugins: [transpile()],
  output: {
    file: "packages/cli/dist/cli.js",
    format: "es",
    sourcemap: true,
    banner: "#!/usr/bin/env node",
  },
};

const bundles = Object.entries(BUNDLES).map(([entry, file]) => ({
  input: `packages/embed/src/${entry}`,
  plugins: [
    // "source" first: workspace packages are bundled from their TypeScript, not a stale dist.
    nodeResolve({
      exportConditions: ["source", "browser", "module", "import", "default"],
      extensions: [".ts", ".tsx", ".mjs", ".js"],
    }),
    transpile(),
    // Dependencies branch on NODE_ENV for dev-only checks; a browser has no `process`.
    replace({
      preventAssignment: true,
      values: { "process.env.NODE_ENV": JSON.stringify("production") },
    }),
    // passes 4 measured a few bytes smaller than 3; unsafe_arrows, pure_getters, unsafe,
    // toplevel and ecma 2022 saved under 30 B brotli, not worth their risk.
    terser({ ecma: 2020, module: false, compress: { passes: 4 }, format: { comments: false } }),
  ],
  output: { file: `packages/embed/dist/${file}`, format: "iife", sourcemap: true },
}));

export default [...libraries, cli, ...bundles];
