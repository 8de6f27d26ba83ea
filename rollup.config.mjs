// One build for every package: ESM + .d.ts per library package, and the two script-tag
// bundles (IIFE, minified) from the same sources.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import nodeResolve from "@rollup/plugin-node-resolve";
import replace from "@rollup/plugin-replace";
import terser from "@rollup/plugin-terser";
import { build } from "esbuild";
import { dts } from "rollup-plugin-dts";
import esbuild from "rollup-plugin-esbuild";

/** Library packages: built to dist/index.js and dist/index.d.ts. */
const LIBRARIES = ["core", "widgets", "react", "cli"];

/** Script-tag bundles of packages/embed: source entry → output file. */
const BUNDLES = { "full.ts": "vitrin.min.js", "track.ts": "vitrin-track.min.js" };

/** @vitrin/react's JSX is React's (its files also say so); every other package's is Preact's. */
const transpile = (jsxImportSource = "preact") =>
  esbuild({ target: "es2022", jsx: "automatic", jsxImportSource, tsconfig: "tsconfig.base.json" });

/**
 * `"use client"` at the top of @vitrin/react's bundle: React Server Components frameworks
 * (Next.js's app router) then render its hooks and components on the client side of the tree.
 */
const BANNERS = { react: '"use client";' };

/** A library's dependencies stay imports; the app that installs it resolves them once. */
/** @param {string} name */
function externalsOf(name) {
  const pkg = JSON.parse(readFileSync(`packages/${name}/package.json`, "utf8"));
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  return (/** @type {string} */ id) =>
    id.startsWith("node:") || deps.some((dep) => id === dep || id.startsWith(`${dep}/`));
}

/**
 * `packages/widgets/dist/vitrin.css`, the stylesheet a store links in `<head>` to reserve slot
 * space before any script runs: the text of the widgets' constructed stylesheet, from one source.
 */
const staticCss = () => ({
  name: "vitrin-css",
  async writeBundle() {
    const result = await build({
      entryPoints: ["packages/widgets/src/stylesheet.ts"],
      bundle: true,
      format: "esm",
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.text ?? "";
    const { STYLESHEET } = await import(`data:text/javascript,${encodeURIComponent(code)}`);
    writeFileSync("packages/widgets/dist/vitrin.css", `${STYLESHEET}\n`);
  },
});

const libraries = LIBRARIES.flatMap((name) => [
  {
    input: `packages/${name}/src/index.ts`,
    external: externalsOf(name),
    plugins: [
      transpile(name === "react" ? "react" : "preact"),
      ...(name === "widgets" ? [staticCss()] : []),
    ],
    output: {
      // One file per module: an app that imports a part (the tracker, the React hooks) gets
      // only the modules behind it, even where a dependency such as preact/hooks has side effects.
      dir: `packages/${name}/dist`,
      preserveModules: true,
      preserveModulesRoot: `packages/${name}/src`,
      entryFileNames: "[name].js",
      format: "es",
      sourcemap: true,
      ...(name in BANNERS ? { banner: BANNERS[/** @type {keyof typeof BANNERS} */ (name)] } : {}),
    },
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

/**
 * Subresource Integrity of each script-tag bundle, in `packages/embed/dist/integrity.json`
 * (`{ "vitrin.min.js": "sha384-…" }`), for stores that load a pinned version from a CDN with
 * `integrity=` — the browser then refuses a file that is not byte for byte this build.
 */
const integrity = () => ({
  name: "vitrin-integrity",
  /** @param {{ file?: string }} output */
  writeBundle(output) {
    if (!output.file) return;
    const path = "packages/embed/dist/integrity.json";
    const name = output.file.split("/").pop() ?? output.file;
    const hashes = existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : {};
    const digest = createHash("sha384").update(readFileSync(output.file)).digest("base64");
    hashes[name] = `sha384-${digest}`;
    writeFileSync(path, `${JSON.stringify(hashes, null, 2)}\n`);
  },
});

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
    integrity(),
  ],
  output: { file: `packages/embed/dist/${file}`, format: "iife", sourcemap: true },
}));

/** Types of `window.vitrin` for both script-tag bundles (`@vitrin/embed/vitrin.min.js`). */
const embedTypes = {
  input: "packages/embed/src/api.ts",
  external: externalsOf("embed"),
  plugins: [dts({ tsconfig: "tsconfig.base.json" })],
  output: { file: "packages/embed/dist/vitrin.d.ts", format: "es" },
};

export default [...libraries, cli, ...bundles, embedTypes];
