import { safeHttpUrl, warnOnce } from "@vitrin/core";

/** Configuration read from the `<script>` tag's own data attributes. */
export interface ScriptConfig {
  catalog?: string;
  /** How long a cached catalog is used without asking the network, in ms. */
  catalogMaxAgeMs?: number;
  lang?: string;
  /** Data layer name, or false when `data-datalayer="off"`. */
  dataLayer?: string | false;
}

/** The data attributes each bundle's script tag understands. */
export const TRACKER_ATTRIBUTES = ["data-datalayer"];
export const SCRIPT_ATTRIBUTES = [
  "data-catalog",
  "data-catalog-max-age",
  "data-lang",
  ...TRACKER_ATTRIBUTES,
];

const UNITS: Record<string, number> = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };

/** `"6h"`, `"30m"`, `"90s"`, `"0"` → milliseconds; undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  return match ? Number(match[1]) * (UNITS[match[2] ?? "ms"] ?? 1) : undefined;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const describe = (script: Element) => `<script src="${script.getAttribute("src") ?? ""}">`;

/**
 * Reads what the tracker needs from the tag (`data-datalayer`) and warns about attributes the
 * bundle does not understand, naming the accepted ones. Every value is untrusted: a bad one is
 * reported with the attribute and what was expected, and its default applies.
 */
export function readTrackerConfig(
  script: Element,
  accepted: string[] = TRACKER_ATTRIBUTES,
): ScriptConfig {
  const config: ScriptConfig = {};
  const layer = script.getAttribute("data-datalayer");
  if (layer !== null) {
    if (layer === "off") config.dataLayer = false;
    else if (IDENTIFIER.test(layer)) config.dataLayer = layer;
    else
      warnOnce(
        `${describe(script)}: data-datalayer="${layer}" must be a JavaScript variable name or "off"`,
      );
  }
  for (const { name } of script.attributes) {
    if (name.startsWith("data-") && !accepted.includes(name)) {
      warnOnce(
        `${describe(script)}: unknown attribute ${name}; expected one of ${accepted.join(", ")}`,
      );
    }
  }
  return config;
}

/** Reads the full bundle's configuration: the tracker's, plus the catalog and widget language. */
export function readScriptConfig(script: Element | null): ScriptConfig {
  if (!script) return {};
  const where = describe(script);
  const config = readTrackerConfig(script, SCRIPT_ATTRIBUTES);
  const catalog = script.getAttribute("data-catalog");
  if (catalog !== null) {
    if (safeHttpUrl(catalog, document.baseURI)) config.catalog = catalog.trim();
    else warnOnce(`${where}: data-catalog="${catalog}" must be an http(s) URL or a path`);
  }
  const maxAge = script.getAttribute("data-catalog-max-age");
  if (maxAge !== null) {
    const ms = parseDuration(maxAge);
    if (ms !== undefined) config.catalogMaxAgeMs = ms;
    else
      warnOnce(
        `${where}: data-catalog-max-age="${maxAge}" must be a duration like 6h, 30m, 90s or 0`,
      );
  }
  const lang = script.getAttribute("data-lang");
  if (lang !== null) {
    if (lang === "tr" || lang === "en") config.lang = lang;
    else warnOnce(`${where}: data-lang="${lang}" is not supported; expected tr or en`);
  }
  return config;
}
