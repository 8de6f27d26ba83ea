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
