import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const packages = new URL("../packages", import.meta.url).pathname;

/** Every source file of every package, tests included: the rule holds for all of them. */
function sources(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) out.push(path);
    }
  };
  for (const pkg of readdirSync(packages)) walk(join(packages, pkg, "src"));
  return out;
}

// Strings that turn text into code or markup. Vitrin renders catalog text and data attributes,
// which it must never trust, so none of these may appear in its sources.
const FORBIDDEN = [
  /\beval\s*\(/,
  /\bnew\s+Function\s*\(/,
  /\.innerHTML\b/,
  /\.outerHTML\s*=/,
  /\binsertAdjacentHTML\b/,
  /\bdocument\.write(ln)?\s*\(/,
  /dangerouslySetInnerHTML/,
  /\bsetTimeout\s*\(\s*["'`]/,
];

describe("package sources", () => {
  const files = sources();

  it("are found", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("never turn strings into code or markup", () => {
    const hits = files.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) =>
          FORBIDDEN.some((re) => re.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(hits).toEqual([]);
  });
});
