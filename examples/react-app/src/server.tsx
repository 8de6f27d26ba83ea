/** @jsxImportSource react */
// Prerendering, run by build.mjs in Node: the HTML of one route, as hydrateRoot will find it.
import { renderToString } from "react-dom/server";
import { allPaths, createRouter, routeOf, titleOf } from "../../shared/shop.js";
import { App, BASE } from "./app.js";

export { allPaths, BASE };

/** The app's markup for `path` (without the base) and the page title. */
export function renderRoute(path: string): { html: string; title: string } {
  const html = renderToString(<App router={createRouter(BASE, path)} />);
  return { html, title: titleOf(routeOf(path)) };
}
