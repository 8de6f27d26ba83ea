// The shell commands of the README and docs/*.md that run the vitrin CLI, run as written on small
// inputs, so a renamed option or a moved output cannot leave the docs behind.
//
// How each command runs: under `sh -c`, in a scratch shop folder (a temp dir), with nothing in
// the command rewritten but `npx vitrin` → `vitrin`, where `vitrin` on PATH is
// packages/cli/src/cli.ts bundled by esbuild (a clean clone has no build, and npx would look
// for the published package). No path is substituted: instead the files the commands name are
// made first, at the paths they name (see INPUTS), from small inputs:
//   feed.xml                      packages/cli's Merchant Center RSS fixture (test-fixtures.ts)
//   events.csv                    a tiny REES46-shaped log (scripts/bench-support.mjs)
//   sequences.txt, item2attributes.json   a tiny `user item item …` file and its attributes
//   ga4-export-000.parquet        a few GA4 BigQuery export rows, written with DuckDB
//   ../shared/data/*              tiny synthetic stand-ins for the public data sets, under their
//                                 real names (writeTinyData), so docs/quality.md's commands run
//                                 on a clean clone without the data
// Output folders (public/vitrin/) are not made first: the CLI makes them, as a new project
// needs. Each command must exit 0, and the file it promises (`-o`, `--json`) must
// appear and parse (a catalog and a model with no problem, an evaluation report); a command that
// promises no file must print its table.
//
// Every other command of a shell block is in NOT_RUN with its reason; a command that is neither
// vitrin's nor listed fails the test, so a new snippet is run here or explicitly left out.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "../packages/cli/src/test-fixtures.js";
import { bundleCli } from "../packages/cli/src/test-helpers.js";
import { parseCatalog, parseModel } from "../packages/core/src/index.js";
import { writeTinyData } from "./bench-support.mjs";
import { shellCommands } from "./markdown.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

/** Commands of the docs' shell blocks that are not run here, and why. */
const NOT_RUN: [RegExp, string][] = [
  [/^npm start$/, "builds everything and starts the demo server"],
  [/^npm test$/, "is this whole suite"],
  [/^npm run bench:/, "a benchmark on the full data; its --smoke run is in scripts/bench.smoke.ts"],
  [/^npm install /, "installs packages from the registry"],
];

const DOCS = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`),
];
const commands = DOCS.flatMap((doc) =>
  shellCommands(read(doc)).map(({ heading, command }) => ({ doc, heading, command })),
);
const VITRIN = /^(npx )?vitrin /;
const vitrinCommands = commands.filter(({ command }) => VITRIN.test(command));

const scratch = mkdtempSync(join(tmpdir(), "vitrin-readme-shell-"));
/** The shop folder the commands run in; ../shared/data is beside it. */
const shop = join(scratch, "shop");
const bin = join(scratch, "bin");
/** Two levels under packages/cli, where the model builder finds its SQL (../../sql). */
const bundle = join(ROOT, "packages/cli/node_modules/.readme-shell/cli.mjs");

/** Files the commands name, relative to the shop folder, and how each is made. */
const INPUTS: Record<string, (path: string) => void | Promise<void>> = {
  "feed.xml": (path) => writeFileSync(path, FIXTURES["gmc-feed.xml"] ?? ""),
  "events.csv": (path) =>
    copyFileSync(join(scratch, "shared/data/rees46-2019-10-sample.csv"), path),
  "sequences.txt": (path) => copyFileSync(join(scratch, "shared/data/amazon-Beauty.txt"), path),
  "item2attributes.json": (path) =>
    copyFileSync(join(scratch, "shared/data/amazon-Beauty_item2attributes.json"), path),
  "ga4-export-000.parquet": writeGa4Parquet,
};

/** A GA4 BigQuery export of three shoppers' views and purchases, as Parquet. */
async function writeGa4Parquet(path: string) {
  const rows: string[] = [];
  const t = 1_700_000_000_000_000;
  ["p1", "p2", "p3"].forEach((user, u) => {
    ["A", "B", "C", "D"].forEach((item, n) => {
      const event = n === 3 ? "purchase" : "view_item";
      rows.push(
        `('${event}', ${t + (u * 10 + n) * 1_000_000}, '${user}', ` +
          `[{'key': 'ga_session_id', 'value': {'int_value': ${u + 1}}}], ` +
          `[{'item_id': '${item}', 'item_name': 'Item ${item}'}])`,
      );
    });
  });
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  await connection.run(
    `COPY (SELECT * FROM (VALUES ${rows.join(", ")}) AS t(event_name, event_timestamp, user_pseudo_id, event_params, items)) TO '${path}' (FORMAT parquet)`,
  );
  connection.closeSync();
  db.closeSync();
}

beforeAll(async () => {
  await bundleCli(bundle);
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, "vitrin"), `#!/bin/sh\nexec "${process.execPath}" "${bundle}" "$@"\n`);
  chmodSync(join(bin, "vitrin"), 0o755);
  writeTinyData(join(scratch, "shared/data"));
  mkdirSync(shop, { recursive: true });
  for (const [name, make] of Object.entries(INPUTS)) await make(join(shop, name));
}, 60_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(dirname(bundle), { recursive: true, force: true });
});

describe("shell commands in the README and docs", () => {
  it("are vitrin commands, run below, or listed in NOT_RUN with a reason", () => {
    expect(vitrinCommands.length, "the docs show vitrin commands").toBeGreaterThanOrEqual(6);
    const others = commands.filter(({ command }) => !VITRIN.test(command));
    for (const { doc, command } of others) {
      expect(
        NOT_RUN.some(([pattern]) => pattern.test(command)),
        `${doc}: \`${command}\` is neither run by this test nor listed in NOT_RUN`,
      ).toBe(true);
    }
    for (const [pattern] of NOT_RUN) {
      expect(
        others.some(({ command }) => pattern.test(command)),
        `NOT_RUN's ${pattern} matches no command any more`,
      ).toBe(true);
    }
  });

  it.each(vitrinCommands)(
    "$doc: $command",
    ({ command }) => {
      const args = command.split(/\s+/);
      const subcommand = args[VITRIN.exec(command)?.[1] ? 2 : 1];
      const outputs = args.flatMap((arg, i) =>
        arg === "-o" || arg === "--output" || arg === "--json" ? [args[i + 1] ?? ""] : [],
      );
      for (const output of outputs) rmSync(join(shop, output), { force: true });
      // The commands name their data; a VITRIN_DATA of the caller's has no say.
      const { VITRIN_DATA: _, ...env } = process.env;
      const run = spawnSync("sh", ["-c", command.replace(/^npx vitrin /, "vitrin ")], {
        cwd: shop,
        encoding: "utf8",
        env: { ...env, PATH: `${bin}:${process.env.PATH}` },
        timeout: 120_000,
      });
      const said = `${run.stderr}\n${run.stdout}`.trim().split("\n").slice(-15).join("\n");
      expect(run.status, `exit ${run.status ?? run.signal}:\n${said}`).toBe(0);
      for (const output of outputs) {
        const path = join(shop, output);
        expect(existsSync(path), `${output} was not written`).toBe(true);
        const json: unknown = JSON.parse(readFileSync(path, "utf8"));
        if (subcommand === "catalog") {
          const { catalog, problems } = parseCatalog(json, output);
          expect(problems).toEqual([]);
          expect(catalog?.items.length).toBeGreaterThan(0);
        } else if (subcommand === "model") {
          const { model, problems } = parseModel(json, output);
          expect(problems).toEqual([]);
          expect(model?.items.size).toBeGreaterThan(0);
        } else {
          expect(json).toMatchObject({ dataset: expect.any(String), protocol: expect.any(String) });
        }
      }
      if (outputs.length === 0) expect(run.stdout).toContain("HR@10");
    },
    120_000,
  );
});
