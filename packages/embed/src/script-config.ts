import { safeHttpUrl, warnOnce } from "@vitrin/core";

/** Configuration read from the `<script>` tag's own data attributes. */
export interface ScriptConfig {
  catalog?: string;
  lang?: string;
  /** Data layer name, or false when `data-datalayer="off"`. */
  dataLayer?: string | false;
}

/** The data attributes the script tag understands. */
export const SCRIPT_ATTRIBUTES = ["data-catalog", "data-lang", "data-datalayer"];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Reads the script tag's `data-*` configuration. Every value is untrusted: a bad one is
 * reported with the attribute and what was expected, and left out (its default applies).
 */
export function readScriptConfig(script: Element | null): ScriptConfig {
  const config: ScriptConfig = {};
  if (!script) return config;
  const where = `<script src="${script.getAttribute("src") ?? ""}">`;
  const catalog = script.getAttribute("data-catalog");
  if (catalog !== null) {
    if (safeHttpUrl(catalog, document.baseURI)) config.catalog = catalog.trim();
    else warnOnce(`${where}: data-catalog="${catalog}" must be an http(s) URL or a path`);
  }
  const lang = script.getAttribute("data-lang");
  if (lang !== null) {
    if (lang === "tr" || lang === "en") config.lang = lang;
    else warnOnce(`${where}: data-lang="${lang}" is not supported; expected tr or en`);
  }
  const layer = script.getAttribute("data-datalayer");
  if (layer !== null) {
    if (layer === "off") config.dataLayer = false;
    else if (IDENTIFIER.test(layer)) config.dataLayer = layer;
    else
      warnOnce(`${where}: data-datalayer="${layer}" must be a JavaScript variable name or "off"`);
  }
  for (const { name } of script.attributes) {
    if (name.startsWith("data-") && !SCRIPT_ATTRIBUTES.includes(name)) {
      warnOnce(
        `${where}: unknown attribute ${name}; expected one of ${SCRIPT_ATTRIBUTES.join(", ")}`,
      );
    }
  }
  return config;
}
