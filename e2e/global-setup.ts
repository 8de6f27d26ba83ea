import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startServer } from "../scripts/serve.mjs";

const root = fileURLToPath(new URL("../examples/storefront/dist", import.meta.url));

/** Starts the storefront server for the whole run; Playwright calls the returned teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(`${root}/vitrin/vitrin.min.js`)) {
    throw new Error("the storefront is not built: run npm run build (npm test does it for you)");
  }
  const server = await startServer({ root });
  process.env.VITRIN_BASE_URL = server.url;
  return server.close;
}
