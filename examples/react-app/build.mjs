#!/usr/bin/env node
// Builds the React shop into examples/react-app/dist/: app.js (esbuild), and every route
// prerendered to static HTML with react-dom/server (dist/index.html, dist/urun/…html, …), which
// the browser then hydrates. The server serves those files as they are, and index.html for any
// other path under /react-app/. Stylesheets, images and the catalog are the storefront's.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { appHtml, buildClient, bundleOptions, REPO_ROOT, writeRoute } from "../shared/build.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "dist");

const { bytes, where } = await buildClient({
  dist,
  entry: join(here, "src", "client.tsx"),
  jsx: "react",
});

// The same app bundled for Node, imported once to render each route. React and react-dom stay
// external: Node loads its own server build of them from node_modules, which is why the bundle
// is written inside the repository (node_modules/.cache) rather than the system's temp folder.
const cache = join(REPO_ROOT, "node_modules", ".cache");
mkdirSync(cache, { recursive: true });
const scratch = mkdtempSync(join(cache, "vitrin-react-app-"));
try {
  const server = join(scratch, "server.mjs");
  await build({
    ...bundleOptions({ jsx: "react" }),
    entryPoints: [join(here, "src", "server.tsx")],
    outfile: server,
    platform: "node",
    external: ["react", "react-dom", "react/*", "react-dom/*"],
  });
  /** @type {{ allPaths(): string[]; BASE: string; renderRoute(path: string): { html: string; title: string } }} */
  const app = await import(pathToFileURL(server).href);
  const paths = app.allPaths();
  for (const path of paths) {
    const { html, title } = app.renderRoute(path);
    writeRoute(dist, path, appHtml({ base: app.BASE, title, body: html, route: path }));
  }
  console.log(
    `react-app: app.js ${(bytes / 1024).toFixed(1)} kB, ${paths.length} prerendered pages -> ${where}`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
