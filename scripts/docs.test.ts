import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { format } from "node:util";
import { afterAll, describe, expect, it, vi } from "vitest";

const root = new URL("..", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");
const dir = mkdtempSync(join(tmpdir(), "vitrin-docs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The first ```ts block after a heading of a Markdown file. */
function snippet(markdown: string, heading: string): string {
  const from = markdown.indexOf(`## ${heading}`);
  expect(from, `no "## ${heading}" section`).toBeGreaterThan(-1);
  const match = /```ts\n([\s\S]*?)```/.exec(markdown.slice(from));
  expect(match, `no ts block under "## ${heading}"`).not.toBeNull();
  return match?.[1] ?? "";
}

/**
 * Runs a documentation snippet as written and checks what it logs against its `// → …`
 * comments, so the docs cannot drift from the code.
 */
async function runSnippet(code: string, name: string) {
  const expected = [...code.matchAll(/^\/\/ → (.*)$/gm)].map((m) => m[1]);
  expect(expected.length, "the snippet states what it prints").toBeGreaterThan(0);
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, code);
  const logged: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...args) => {
    logged.push(format(...args));
  });
  try {
    await import(/* @vite-ignore */ file);
  } finally {
    log.mockRestore();
  }
  expect(logged).toEqual(expected);
}

describe("docs/profile.md", () => {
  it("runs the 'Using the stages directly' example as printed", async () => {
    await runSnippet(snippet(read("docs/profile.md"), "Using the stages directly"), "profile");
  });
});
