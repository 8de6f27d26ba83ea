import { CONSENT_SETTINGS, type ConsentSetting, safeHttpUrl, warnOnce } from "@vitrin/core";

/** Configuration read from the `<script>` tag's own data attributes. */
export interface ScriptConfig {
  catalog?: string;
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

/** The data attributes the script tag understands. */
export const SCRIPT_ATTRIBUTES = [
  "data-catalog",
  "data-lang",
  "data-datalayer",
  "data-consent",
  "data-gpc",
  "data-track",
];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** `data-track` words and the option each one switches off. */
const SOURCES = {
  jsonld: "jsonLd",
  dom: "dataAttributes",
  spa: "spa",
  engagement: "engagement",
} as const;

/**
 * Reads the script tag's `data-*` configuration. Every value is untrusted: a bad one is
 * reported with the attribute and what was expected, and left out (its default applies).
 */
export function readScriptConfig(script: Element | null): ScriptConfig {
  const config: ScriptConfig = {};
  if (!script) return config;
  const where = `<script src="${script.getAttribute("src") ?? ""}">`;
  const bad = (name: string, value: string, expected: string) =>
    warnOnce(`${where}: ${name}="${value}" ${expected}`);
  const attr = (name: string) => script.getAttribute(name);

  const catalog = attr("data-catalog");
  if (catalog !== null) {
    if (safeHttpUrl(catalog, document.baseURI)) config.catalog = catalog.trim();
    else bad("data-catalog", catalog, "must be an http(s) URL or a path");
  }
  const lang = attr("data-lang");
  if (lang !== null) {
    if (lang === "tr" || lang === "en") config.lang = lang;
    else bad("data-lang", lang, "is not supported; expected tr or en");
  }
  const layer = attr("data-datalayer");
  if (layer !== null) {
    if (layer === "off") config.dataLayer = false;
    else if (IDENTIFIER.test(layer)) config.dataLayer = layer;
    else bad("data-datalayer", layer, 'must be a JavaScript variable name or "off"');
  }
  const consent = attr("data-consent");
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
  const gpc = attr("data-gpc");
  if (gpc !== null) {
    if (gpc === "ignore" || gpc === "respect") config.respectGpc = gpc === "respect";
    else bad("data-gpc", gpc, "expected respect or ignore");
  }
  const track = attr("data-track");
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
    if (name.startsWith("data-") && !SCRIPT_ATTRIBUTES.includes(name)) {
      warnOnce(
        `${where}: unknown attribute ${name}; expected one of ${SCRIPT_ATTRIBUTES.join(", ")}`,
      );
    }
  }
  return config;
}
