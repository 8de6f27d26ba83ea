import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { demoSite, startServer } from "../scripts/serve.mjs";

const site = demoSite(fileURLToPath(new URL("..", import.meta.url)));

/**
 * Starts the demo server for the whole run (the storefront at `/`, the Preact and React shops
 * under `/preact-app/` and `/react-app/`); Playwright calls the returned teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const built = [
    `${site.root}/vitrin/vitrin.min.js`,
    ...site.apps.map((app) => `${app.root}/app.js`),
  ];
  const missing = built.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `not built: ${missing.join(", ")}: run npm run build (npm test does it for you)`,
    );
  }
  const server = await startServer(site);
  process.env.VITRIN_BASE_URL = server.url;
  return server.close;
}
