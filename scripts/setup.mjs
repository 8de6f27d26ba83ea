// What both README commands need before they can run: dependencies installed from the lock file.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";

export const ROOT = new URL("..", import.meta.url).pathname;

/**
 * Runs a command in the repository root, streaming its output; exits the process with the
 * command's status when it fails.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv }} [options]
 */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: "inherit",
    env: options.env ?? process.env,
  });
  if (result.status !== 0) {
    console.error(
      `\n✗ ${[command, ...args].join(" ")} failed (exit ${result.status ?? result.signal})`,
    );
    process.exit(result.status ?? 1);
  }
}

/**
 * Each install: the root's, and React 18 for @vitrin/react's tests, kept apart because react-dom
 * 18 cannot sit beside the root's React 19 (vitest.config.ts points the react-18 project at it).
 * @type {[dir: string, what: string][]}
 */
const INSTALLS = [
  [".", "dependencies"],
  ["packages/react/test-react18", "React 18 for @vitrin/react's tests"],
];

/**
 * Installs dependencies when node_modules is missing or older than package-lock.json
 * (npm rewrites node_modules/.package-lock.json on every install), so a fresh clone and a
 * pulled lock file both just work, and an up-to-date tree costs nothing.
 *
 * `npm install --no-save` rather than `npm ci`: the versions still come from the lock, but a
 * registry that serves only some platforms' optional binaries (rollup's, biome's) leaves
 * those out of the lock, and `npm ci` rejects such a lock as out of sync.
 */
export function ensureDependencies() {
  for (const [dir, what] of INSTALLS) {
    const lock = join(ROOT, dir, "package-lock.json");
    const installed = join(ROOT, dir, "node_modules/.package-lock.json");
    if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) continue;
    console.log(
      `› installing ${what} (npm install, versions from ${join(dir, "package-lock.json")})`,
    );
    run("npm", [
      "install",
      "--no-save",
      "--no-audit",
      "--no-fund",
      ...(dir === "." ? [] : ["--prefix", dir]),
    ]);
  }
}

/** Builds every package, both script-tag bundles, the demo storefront and the two app shops. */
export function buildAll() {
  console.log("› building packages and bundles (rollup)");
  run("npx", ["rollup", "-c", "--silent"]);
  console.log("› building the demo storefront");
  run("node", ["examples/storefront/build.mjs"]);
  // The apps use the storefront's catalog, stylesheets and images, served from its dist.
  console.log("› building the Preact and React shops");
  run("node", ["examples/preact-app/build.mjs"]);
  run("node", ["examples/react-app/build.mjs"]);
}
