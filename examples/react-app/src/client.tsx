/** @jsxImportSource react */
// The React shop's browser entry. Every route was prerendered at build time, so the page
// usually arrives with the app's HTML for its own path: hydrateRoot then adopts that markup,
// slots included (empty, with their space reserved by vitrin.css), instead of painting again.
// A path that was not prerendered gets the home page's HTML from the server's fallback; that
// markup is not this route's, so the app renders afresh over it.
import { createRoot, hydrateRoot } from "react-dom/client";
import { createRouter } from "../../shared/shop.js";
import { App, BASE } from "./app.js";

const root = document.getElementById("app");
if (root) {
  const router = createRouter(BASE);
  const app = <App router={router} />;
  if (root.dataset.route === router.path()) {
    hydrateRoot(root, app, {
      // React recovers from a hydration mismatch by rendering on the client; say so loudly,
      // since the prerendered HTML is meant to match exactly (the e2e suite fails on it).
      onRecoverableError: (error) => console.error("[react-app] hydration:", error),
    });
  } else {
    createRoot(root).render(app);
  }
}
