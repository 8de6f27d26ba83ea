// What both benchmarks record beside their figures.
import { spawnSync } from "node:child_process";
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
