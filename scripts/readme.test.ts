import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type CodeBlock, codeBlocks } from "./markdown.js";

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

describe("TypeScript snippets in the README and docs", () => {
  /**
   * ```ts / ```tsx blocks as modules: a block that imports starts one, a block that does not
   * continues the one before it under the same heading (it uses the names set up there).
   */
  function modules(markdown: string): CodeBlock[] {
    const found: CodeBlock[] = [];
    for (const { heading, lang, code } of codeBlocks(markdown, ["ts", "tsx"])) {
      const last = found.at(-1);
      if (/^import /m.test(code) || !last || last.heading !== heading)
        found.push({ heading, lang, code });
      else last.code += `\n${code}`;
    }
    return found;
  }

  it("type-check against the packages, as written (tsc, strict)", () => {
    const dir = fileURLToPath(new URL("node_modules/.cache/vitrin-snippets/", root));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    for (const doc of ["README.md", "docs/react.md", "docs/widgets.md"]) {
      for (const { heading, lang, code: text } of modules(read(doc))) {
        // Each doc block is a module of its own; React ones say which JSX they are.
        const pragma = text.includes('"@vitrin/react"') ? "/** @jsxImportSource react */\n" : "";
        const name = `${doc.replace(/\W+/g, "-")}-${files.length}.${lang}`;
        writeFileSync(join(dir, name), `${pragma}${text}\nexport {};\n// ${doc} ${heading}\n`);
        files.push(name);
      }
    }
    expect(files.length).toBeGreaterThanOrEqual(5);
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        extends: "../../../tsconfig.json",
        compilerOptions: { noUnusedLocals: false, types: [] },
        include: ["./*.ts", "./*.tsx"],
      }),
    );
    const tsc = fileURLToPath(new URL("node_modules/typescript/bin/tsc", root));
    const result = spawnSync(process.execPath, [tsc, "-p", dir], {
      cwd: fileURLToPath(root),
      encoding: "utf8",
    });
    expect(result.stdout).toBe("");
    expect(result.status).toBe(0);
  }, 120_000);
});
