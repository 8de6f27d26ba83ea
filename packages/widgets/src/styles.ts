import { STYLESHEET } from "./stylesheet.js";

/** The default stylesheet: the same text as `dist/vitrin.css`. */
export const DEFAULT_CSS = STYLESHEET;

const added = new WeakSet<Document>();

/**
 * Adds the default stylesheet once per document, unless the page links `vitrin.css` (seen by
 * its `--vitrin-css` custom property), which is better: it reserves the slots' space before any
 * script runs. A constructed stylesheet needs no `'unsafe-inline'` nor a nonce; only browsers
 * without `adoptedStyleSheets` get a `<style>` element, carrying `nonce` for a CSP that uses one.
 */
export function adoptDefaultStyles(doc: Document = document, nonce?: string): void {
  if (added.has(doc)) return;
  added.add(doc);
  if (getComputedStyle(doc.documentElement).getPropertyValue("--vitrin-css")) return;
  if (typeof CSSStyleSheet === "function" && "adoptedStyleSheets" in doc) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(DEFAULT_CSS);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return;
    } catch {
      // Constructable stylesheets half-supported: fall back to an element below.
    }
  }
  const style = doc.createElement("style");
  if (nonce) style.nonce = nonce;
  style.textContent = DEFAULT_CSS;
  doc.head.append(style);
}
