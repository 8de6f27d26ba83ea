import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const packages = fileURLToPath(new URL("./packages", import.meta.url));
/** React 18, installed on its own (scripts/setup.mjs): react-dom 18 cannot sit beside the root's 19. */
const react18 = `${packages}/react/test-react18/node_modules`;
const REACT_TESTS = "packages/react/src/**/*.test.{ts,tsx}";

export default defineConfig({
  resolve: {
    // Tests run against each workspace package's TypeScript source, never a stale build.
    alias: Object.fromEntries(
      readdirSync(packages).map((name) => [`@vitrin/${name}`, `${packages}/${name}/src/index.ts`]),
    ),
  },
  test: {
    exclude: ["**/node_modules/**", "**/dist/**"],
    environment: "node",
    projects: [
      {
        extends: true,
        test: {
          // React 19 (the root's) for @vitrin/react's tests, with everything else.
          name: "unit",
          env: { VITRIN_REACT: "19" },
          include: [
            "packages/*/src/**/*.test.{ts,tsx}",
            "examples/**/*.test.ts",
            "scripts/**/*.test.ts",
          ],
        },
      },
      {
        extends: true,
        // The same @vitrin/react tests again under React 18: `react`, `react-dom` and their
        // subpaths (jsx-runtime, client, server) all resolve into the separate install.
        resolve: {
          alias: [
            { find: /^react(\/.*)?$/, replacement: `${react18}/react$1` },
            { find: /^react-dom(\/.*)?$/, replacement: `${react18}/react-dom$1` },
          ],
        },
        test: {
          name: "react-18",
          include: [REACT_TESTS],
          // The docs' examples are only bundled, not run: once is enough.
          exclude: ["**/node_modules/**", "packages/react/src/docs.test.ts"],
          env: { VITRIN_REACT: "18" },
        },
      },
    ],
  },
});
