import { CONSENT_SETTINGS, type ConsentSetting, safeHttpUrl, warnOnce } from "@vitrin/core";

/** Configuration read from the `<script>` tag's own data attributes. */
export interface ScriptConfig {
  catalog?: string;
  /** URL of the config file: offers, segments, personas, relevance rules. */
  config?: string;
  /** URL of the model file made by `vitrin model`. */
  model?: string;
  /** How long a cached catalog is used without asking the network, in ms. */
  catalogMaxAgeMs?: number;
  lang?: string;
  /** Data layer name, or false when `data-datalayer="off"`. */
  dataLayer?: string | false;
  consent?: ConsentSetting;
  respectGpc?: boolean;
  /** Capture sources switched off with `data-track="-jsonld -dom"`. */
  jsonLd?: boolean;
  dataAttributes?: boolean;
  spa?: boolean;
  engagement?: boolean;
}

/** The data attributes each bundle's script tag understands. */
export const TRACKER_ATTRIBUTES = ["data-datalayer", "data-consent", "data-gpc", "data-track"];
export const SCRIPT_ATTRIBUTES = [
  "data-catalog",
  "data-catalog-max-age",
  "data-config",
  "data-model",
  "data-lang",
  ...TRACKER_ATTRIBUTES,
];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** `data-track` words and the option each one switches off. */
const SOURCES = {
  jsonld: "jsonLd",
  dom: "dataAttributes",
  spa: "spa",
  engagement: "engagement",
} as const;
const UNITS: Record<string, number> = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };

/** `"6h"`, `"30m"`, `"90s"`, `"0"` → milliseconds; undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  return match ? Number(match[1]) * (UNITS[match[2] ?? "ms"] ?? 1) : undefined;
}

const describe = (script: Element) => `<script src="${script.getAttribute("src") ?? ""}">`;

/**
 * Reads what the tracker needs from the tag and warns about attributes the bundle does not
 * understand, naming the accepted ones. Every value is untrusted: a bad one is reported with
 * the attribute and what was expected, and its default applies.
 */
export function readTrackerConfig(
  script: Element,
  accepted: string[] = TRACKER_ATTRIBUTES,
): ScriptConfig {
  const config: ScriptConfig = {};
  const bad = (name: string, value: string, expected: string) =>
    warnOnce(`${describe(script)}: ${name}="${value}" ${expected}`);
  const layer = script.getAttribute("data-datalayer");
  if (layer !== null) {
    if (layer === "off") config.dataLayer = false;
    else if (IDENTIFIER.test(layer)) config.dataLayer = layer;
    else bad("data-datalayer", layer, 'must be a JavaScript variable name or "off"');
  }
  const consent = script.getAttribute("data-consent");
  if (consent !== null) {
    if ((CONSENT_SETTINGS as readonly string[]).includes(consent))
      config.consent = consent as ConsentSetting;
    else
      bad(
        "data-consent",
        consent,
        `is not a consent setting; expected one of ${CONSENT_SETTINGS.join(", ")}`,
      );
  }
  const gpc = script.getAttribute("data-gpc");
  if (gpc !== null) {
    if (gpc === "ignore" || gpc === "respect") config.respectGpc = gpc === "respect";
    else bad("data-gpc", gpc, "expected respect or ignore");
  }
  const track = script.getAttribute("data-track");
  for (const word of track?.split(/\s+/).filter(Boolean) ?? []) {
    const source = word.replace(/^-/, "") as keyof typeof SOURCES;
    if (word.startsWith("-") && Object.hasOwn(SOURCES, source)) config[SOURCES[source]] = false;
    else
      bad(
        "data-track",
        track ?? "",
        `: cannot read "${word}"; expected words like -jsonld -dom -spa -engagement`,
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

/**
 * Reads the full bundle's configuration: the tracker's, plus the catalog, config and model
 * files and the widget language.
 */
export function readScriptConfig(script: Element | null): ScriptConfig {
  if (!script) return {};
  const where = describe(script);
  const config = readTrackerConfig(script, SCRIPT_ATTRIBUTES);
  // The merchant's static files: each an http(s) URL or a path on the shop.
  for (const file of ["catalog", "config", "model"] as const) {
    const url = script.getAttribute(`data-${file}`);
    if (url === null) continue;
    if (safeHttpUrl(url, document.baseURI)) config[file] = url.trim();
    else warnOnce(`${where}: data-${file}="${url}" must be an http(s) URL or a path`);
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
