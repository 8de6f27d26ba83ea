// Escaping helpers. The site is served under a strict CSP and all product text is
// generated, but the templates still treat every value as untrusted so that copying them
// into a real shop doesn't copy an injection bug along with them.

const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for both element content and quoted attribute values. */
export function esc(value) {
  return String(value).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/**
 * Serializes data for a `<script type="application/json">` or JSON-LD block. Escaping `<`
 * keeps a stray `</script>` or `<!--` inside a value from ending the block early.
 */
export function jsonForScript(data) {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
