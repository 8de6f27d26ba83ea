// `npm start`: install what is needed, build everything, serve the demo storefront and the two
// single-page shops (Preact and React) from one server.
import { buildAll, ensureDependencies, ROOT } from "./setup.mjs";

ensureDependencies();
buildAll();

const { demoSite, startServer } = await import("./serve.mjs");
const site = demoSite(ROOT);
const first = Number(process.env.PORT ?? 4173);
for (let port = first; port < first + 20; port++) {
  try {
    const { url } = await startServer({ ...site, port });
    console.log(
      [
        "",
        `Vitrin demo storefront: ${url} (English copy: ${url}en/)`,
        `Preact app:             ${url}preact-app/`,
        `React app:              ${url}react-app/`,
        "Stop with Ctrl+C.",
        "",
      ].join("\n"),
    );
    break;
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code !== "EADDRINUSE" || port === first + 19) throw error;
  }
}
