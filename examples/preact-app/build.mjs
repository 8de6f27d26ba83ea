#!/usr/bin/env node
// Builds the Preact shop into examples/preact-app/dist/: app.js (esbuild) and the one HTML page
// the server returns for every path under /preact-app/ (the app renders the route on the client).
// Stylesheets, images and the catalog are the storefront's, served from its dist.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { appHtml, buildClient } from "../shared/build.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "dist");
const base = "/preact-app";

const { bytes, where } = await buildClient({
  dist,
  entry: join(here, "src", "main.tsx"),
  jsx: "preact",
});
writeFileSync(join(dist, "index.html"), appHtml({ base, title: "Mavi Çarşı" }));
console.log(`preact-app: app.js ${(bytes / 1024).toFixed(1)} kB -> ${where}`);
