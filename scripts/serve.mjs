// A small static file server for the demo storefront, with the strict Content-Security-Policy
// a careful merchant would send, so the demo proves Vitrin runs under it.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".map": "application/json; charset=utf-8",
  ".ico": "image/x-icon",
};

/** No inline scripts or styles, no eval, and Trusted Types enforced with no policy allowed. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join("; ");

/**
 * A single-page app served under `base` (`/react-app`) from the folder `root`.
 * @typedef {{ base: string; root: string }} App
 */

/**
 * The demo site: the storefront at `/`, and the Preact and React shops under their base paths.
 * @param {string} repoRoot the repository's root folder
 * @returns {{ root: string; apps: App[] }}
 */
export function demoSite(repoRoot) {
  return {
    root: join(repoRoot, "examples/storefront/dist"),
    apps: ["preact-app", "react-app"].map((name) => ({
      base: `/${name}`,
      root: join(repoRoot, "examples", name, "dist"),
    })),
  };
}

/**
 * The file for a request path: under an app's base, its file if there is one, else (for a path
 * that names a page, not an asset) the app's index.html, so a deep link or a reload of a client
 * route opens the app, which then renders that route. Elsewhere, the file under `root`.
 * Undefined when nothing matches; null when the path escapes its folder.
 * @param {string} path
 * @param {string} root
 * @param {App[]} apps
 * @returns {string | null | undefined}
 */
function fileFor(path, root, apps) {
  const app = apps.find(({ base }) => path === base || path.startsWith(`${base}/`));
  const folder = resolve(app ? app.root : root);
  let file = normalize(join(folder, app ? path.slice(app.base.length) : path));
  if (file !== folder && !file.startsWith(folder + sep)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (existsSync(file)) return file;
  if (app && /(^|\/)[^./]*$|\.html$/.test(path)) {
    const index = join(folder, "index.html");
    return existsSync(index) ? index : undefined;
  }
  return undefined;
}

/**
 * Serves `root` on localhost, and each of `apps` under its base path. Files get an ETag and
 * `no-cache`, so browsers revalidate, and a conditional request gets 304.
 * @param {{ root: string; apps?: App[]; port?: number; host?: string }} options
 * @returns {Promise<{ url: string; close: () => Promise<void> }>}
 */
export function startServer({ root, apps = [], port = 0, host = "127.0.0.1" }) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = fileFor(path, root, apps);
    if (file === null) {
      res.writeHead(403).end("forbidden");
      return;
    }
    if (file === undefined) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`not found: ${path}`);
      return;
    }
    const stat = statSync(file);
    const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const headers = {
      "Content-Type":
        TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? "application/octet-stream",
      "Cache-Control": "no-cache",
      ETag: etag,
      "Content-Security-Policy": CSP,
      "X-Content-Type-Options": "nosniff",
    };
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, "Content-Length": stat.size });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      resolvePromise({
        url: `http://localhost:${actual}/`,
        close: () => new Promise((done) => server.close(() => done(undefined))),
      });
    });
  });
}
