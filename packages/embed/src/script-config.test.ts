// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { readScriptConfig } from "./script-config.js";

function script(attributes: Record<string, string>): HTMLScriptElement {
  const el = document.createElement("script");
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  return el;
}

describe("readScriptConfig", () => {
  it("reads the tag's data attributes", () => {
    expect(
      readScriptConfig(
        script({
          src: "/v.js",
          "data-catalog": "/vitrin/catalog.json",
          "data-lang": "en",
          "data-datalayer": "shopLayer",
        }),
      ),
    ).toEqual({ catalog: "/vitrin/catalog.json", lang: "en", dataLayer: "shopLayer" });
    expect(readScriptConfig(script({ "data-datalayer": "off" }))).toEqual({ dataLayer: false });
    expect(readScriptConfig(null)).toEqual({});
  });

  it("drops bad values with a message naming the attribute and what was expected", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const config = readScriptConfig(
      script({
        src: "/v.js",
        "data-catalog": "javascript:alert(1)",
        "data-lang": "fr",
        "data-datalayer": "a-b",
        "data-catalgo": "x",
      }),
    );
    expect(config).toEqual({});
    expect(warn.mock.calls.map(([m]) => m)).toEqual([
      '[vitrin] <script src="/v.js">: data-catalog="javascript:alert(1)" must be an http(s) URL or a path',
      '[vitrin] <script src="/v.js">: data-lang="fr" is not supported; expected tr or en',
      '[vitrin] <script src="/v.js">: data-datalayer="a-b" must be a JavaScript variable name or "off"',
      '[vitrin] <script src="/v.js">: unknown attribute data-catalgo; expected one of data-catalog, data-lang, data-datalayer, data-consent, data-gpc, data-track',
    ]);
    warn.mockRestore();
  });
});

describe("readScriptConfig: privacy and sources", () => {
  it("reads consent, GPC and switched-off sources", () => {
    expect(
      readScriptConfig(
        script({ "data-consent": "required", "data-gpc": "ignore", "data-track": "-jsonld  -spa" }),
      ),
    ).toEqual({ consent: "required", respectGpc: false, jsonLd: false, spa: false });
  });

  it("names a bad consent setting or source word", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(
      readScriptConfig(script({ src: "/v.js", "data-consent": "yes", "data-track": "-cookies" })),
    ).toEqual({});
    expect(warn.mock.calls.map(([m]) => m)).toEqual([
      '[vitrin] <script src="/v.js">: data-consent="yes" is not a consent setting; expected one of granted, required, gcm',
      '[vitrin] <script src="/v.js">: data-track="-cookies" : cannot read "-cookies"; expected words like -jsonld -dom -spa -engagement',
    ]);
    warn.mockRestore();
  });
});
