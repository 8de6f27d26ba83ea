// `npm start`: install what is needed, build everything, serve the demo storefront.
import { buildAll, ensureDependencies, ROOT } from "./setup.mjs";

ensureDependencies();
buildAll();

const { startServer } = await import("./serve.mjs");
const root = `${ROOT}examples/storefront/dist`;
const first = Number(process.env.PORT ?? 4173);
for (let port = first; port < first + 20; port++) {
  try {
    const { url } = await startServer({ root, port });
    console.log(`\nVitrin demo storefront: ${url}\n(English copy: ${url}en/ — stop with Ctrl+C)`);
    break;
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code !== "EADDRINUSE" || port === first + 19) throw error;
  }
}
