import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const packages = fileURLToPath(new URL("./packages", import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against each workspace package's TypeScript source, never a stale build.
    alias: Object.fromEntries(
      readdirSync(packages).map((name) => [`@vitrin/${name}`, `${packages}/${name}/src/index.ts`]),
    ),
  },
  test: {
    include: ["packages/*/src/**/*.test.{ts,tsx}", "examples/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    environment: "node",
  },
});
