// The copy-paste examples of docs/react.md and of docs/widgets.md's Preact section are bundled
// as written, against the packages' sources: a renamed export or a wrong import path fails here.
import { readFileSync } from "node:fs";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const root = new URL("../../..", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

/** The ```tsx blocks of a Markdown text. */
const blocks = (markdown: string) =>
  [...markdown.matchAll(/```tsx\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");

async function bundle(code: string, jsxImportSource: "react" | "preact") {
  const result = await build({
    stdin: { contents: code, loader: "tsx", resolveDir: root.pathname },
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    // Workspace packages from their TypeScript, as the script-tag bundles are built.
    conditions: ["source"],
    jsx: "automatic",
    jsxImportSource,
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  return {
    errors: result.errors,
    warnings: result.warnings,
    size: result.outputFiles[0]?.text.length ?? 0,
  };
}

describe("docs/react.md", () => {
  const snippets = blocks(read("docs/react.md"));

  it("has its examples", () => {
    expect(snippets.length).toBeGreaterThanOrEqual(5);
  });

  it.each(snippets.map((code, i) => [i + 1, code] as const))(
    "example %i builds against @vitrin/react",
    async (_, code) => {
      const { errors, warnings, size } = await bundle(code, "react");
      expect(errors).toEqual([]);
      expect(warnings).toEqual([]);
      expect(size).toBeGreaterThan(0);
    },
  );
});

describe("docs/widgets.md, Preact components", () => {
  const section = read("docs/widgets.md").split("## Preact components")[1] ?? "";
  const snippets = blocks(section);

  it("has its example", () => {
    expect(snippets).toHaveLength(1);
  });

  it.each(snippets.map((code, i) => [i + 1, code] as const))(
    "example %i builds against @vitrin/widgets",
    async (_, code) => {
      const { errors, warnings } = await bundle(code, "preact");
      expect(errors).toEqual([]);
      expect(warnings).toEqual([]);
    },
  );
});
