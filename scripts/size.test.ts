import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { modulesOf } from "./size.mjs";

const dir = mkdtempSync(join(tmpdir(), "vitrin-size-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("size --modules", () => {
  it("splits a minified bundle's bytes by the source module each came from", async () => {
    // A big module and a small one, minified into one IIFE with a source map, as rollup does.
    const words = Array.from({ length: 200 }, (_, i) => `"word${i}"`).join(", ");
    writeFileSync(join(dir, "big.ts"), `export const big = [${words}];\n`);
    writeFileSync(
      join(dir, "small.ts"),
      "export function small(x: number) {\n  return x * 3 + 1;\n}\n",
    );
    writeFileSync(
      join(dir, "entry.ts"),
      'import { big } from "./big";\nimport { small } from "./small";\n(globalThis as Record<string, unknown>).out = [big.length, small(Date.now())];\n',
    );
    const outfile = join(dir, "out.min.js");
    await build({
      entryPoints: [join(dir, "entry.ts")],
      outfile,
      bundle: true,
      minify: true,
      format: "iife",
      sourcemap: true,
      logLevel: "silent",
    });
    const modules = modulesOf(outfile);
    const named = (end: string) => modules.find((m) => m.module.endsWith(end))?.minified ?? 0;
    expect(modules[0]?.module).toMatch(/big\.ts$/);
    expect(named("big.ts")).toBeGreaterThan(200 * 8);
    expect(named("small.ts")).toBeGreaterThan(0);
    expect(named("small.ts")).toBeLessThan(60);
    expect(named("entry.ts")).toBeGreaterThan(0);
  });
});
