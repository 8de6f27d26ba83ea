// What both benchmarks record beside their figures.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./setup.mjs";

/**
 * Which sources the figures were measured on: the commit, and whether tracked files had
 * uncommitted changes (read-only git; `--no-optional-locks` so not even the index is touched).
 */
export function sourceState() {
  /** @param {string[]} args */
  const git = (args) => {
    const result = spawnSync("git", ["--no-optional-locks", ...args], {
      cwd: ROOT,
      encoding: "utf8",
    });
    return result.status === 0 ? result.stdout.trim() : undefined;
  };
  const changes = git(["status", "--porcelain", "--untracked-files=no"]);
  return {
    commit: git(["rev-parse", "HEAD"]) ?? null,
    uncommittedChanges: changes === undefined ? null : changes.length > 0,
  };
}

/**
 * Vitrin's real code for a benchmark page: `names` from @vitrin/core, bundled by esbuild from
 * the TypeScript sources (not a stale build) onto `window.VitrinBench`. Returns the script.
 * @param {string[]} names
 */
export async function benchHarness(names) {
  const { build } = await import("esbuild");
  const result = await build({
    stdin: {
      contents: `export { ${names.join(", ")} } from "@vitrin/core";\n`,
      resolveDir: ROOT,
      sourcefile: "bench-harness.js",
      loader: "js",
    },
    bundle: true,
    format: "iife",
    globalName: "VitrinBench",
    platform: "browser",
    target: "es2022",
    conditions: ["source"],
    define: { "process.env.NODE_ENV": '"production"' },
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

/**
 * Node modules of `@vitrin/cli` for a benchmark, bundled from the TypeScript sources (not a
 * stale build) into a folder two levels under packages/cli, where the model builder finds its
 * SQL files (../../sql); DuckDB stays an ordinary import. `exports` maps each name to the source
 * file under packages/cli/src that has it. Returns the loaded module.
 * @param {string} name the bundle's folder, e.g. ".bench-quality"
 * @param {Record<string, string[]>} exports
 */
export async function cliSources(name, exports) {
  const { build } = await import("esbuild");
  const src = join(ROOT, "packages", "cli", "src");
  const out = join(ROOT, "packages", "cli", "node_modules", name, "bench.mjs");
  await build({
    stdin: {
      contents: Object.entries(exports)
        .map(
          ([file, names]) =>
            `export { ${names.join(", ")} } from ${JSON.stringify(join(src, file))};`,
        )
        .join("\n"),
      resolveDir: ROOT,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["source"],
    alias: { "@vitrin/core": join(ROOT, "packages", "core", "src", "index.ts") },
    external: ["@duckdb/node-api"],
    outfile: out,
    logLevel: "warning",
  });
  return import(pathToFileURL(out).href);
}
