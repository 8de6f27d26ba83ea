import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

describe("README", () => {
  const readme = read("README.md");

  it("states the size budgets package.json enforces", () => {
    const budgets: Record<string, number> = JSON.parse(read("package.json")).sizeBudgets;
    expect(Object.keys(budgets).length).toBeGreaterThan(0);
    for (const [file, bytes] of Object.entries(budgets)) {
      const name = file.split("/").pop() ?? file;
      const row = readme.split("\n").find((line) => line.startsWith(`| \`${name}\``));
      expect(row, `README has no budget row for ${name}`).toBeDefined();
      const cells = row?.split("|").map((cell) => cell.trim());
      expect(cells).toContain(`${bytes} B`);
    }
  });

  it("has the two quick-start commands, and CI runs the test one", () => {
    const quickStart = readme.slice(
      readme.indexOf("## Quick start"),
      readme.indexOf("## Add Vitrin"),
    );
    const commands = [...quickStart.matchAll(/^(npm \w+)/gm)].map((m) => m[1]);
    expect(commands).toEqual(["npm start", "npm test"]);
    expect(read(".ci/run")).toMatch(/^npm test$/m);
    const scripts = JSON.parse(read("package.json")).scripts;
    expect(scripts.start).toBe("node scripts/demo.mjs");
    expect(scripts.test).toBe("node scripts/test.mjs");
  });
});
