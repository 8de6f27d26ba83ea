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
 * Installs dependencies when node_modules is missing or older than package-lock.json
 * (npm rewrites node_modules/.package-lock.json on every install), so a fresh clone and a
 * pulled lock file both just work, and an up-to-date tree costs nothing.
 *
 * `npm install --no-save` rather than `npm ci`: the versions still come from the lock, but a
 * registry that serves only some platforms' optional binaries (rollup's, biome's) leaves
 * those out of the lock, and `npm ci` rejects such a lock as out of sync.
 */
export function ensureDependencies() {
  const lock = join(ROOT, "package-lock.json");
  const installed = join(ROOT, "node_modules/.package-lock.json");
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log("› installing dependencies (npm install, versions from package-lock.json)");
  run("npm", ["install", "--no-save", "--no-audit", "--no-fund"]);
}

/** Builds every package, both script-tag bundles and the demo storefront. */
export function buildAll() {
  console.log("› building packages and bundles (rollup)");
  run("npx", ["rollup", "-c", "--silent"]);
  console.log("› building the demo storefront");
  run("node", ["examples/storefront/build.mjs"]);
}
