// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseDuration, readScriptConfig, readTrackerConfig } from "./script-config.js";

afterEach(() => {
  vi.restoreAllMocks();
});

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
      '[vitrin] <script src="/v.js">: data-datalayer="a-b" must be a JavaScript variable name or "off"',
      '[vitrin] <script src="/v.js">: unknown attribute data-catalgo; expected one of data-catalog, data-catalog-max-age, data-config, data-model, data-lang, data-datalayer, data-consent, data-gpc, data-track',
      '[vitrin] <script src="/v.js">: data-catalog="javascript:alert(1)" must be an http(s) URL or a path',
      '[vitrin] <script src="/v.js">: data-lang="fr" is not supported; expected tr or en',
    ]);
    warn.mockRestore();
  });
});

describe("data-config and data-model", () => {
  it("reads the files' URLs, and names one that is not http(s) or a path", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(
      readScriptConfig(
        script({
          "data-config": " /vitrin/config.json ",
          "data-model": "https://cdn.example/m.json",
        }),
      ),
    ).toEqual({ config: "/vitrin/config.json", model: "https://cdn.example/m.json" });
    expect(
      readScriptConfig(script({ src: "/v.js", "data-model": "data:application/json,{}" })),
    ).toEqual({});
    expect(warn.mock.calls.map(([m]) => m)).toEqual([
      '[vitrin] <script src="/v.js">: data-model="data:application/json,{}" must be an http(s) URL or a path',
    ]);
  });
});

describe("readTrackerConfig", () => {
  it("reads only what the tracker-only bundle uses, and names the rest as unknown", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(
      readTrackerConfig(
        script({ src: "/t.js", "data-datalayer": "off", "data-catalog": "/c.json" }),
      ),
    ).toEqual({
      dataLayer: false,
    });
    expect(warn.mock.calls.map(([m]) => m)).toEqual([
      '[vitrin] <script src="/t.js">: unknown attribute data-catalog; expected one of data-datalayer, data-consent, data-gpc, data-track',
    ]);
    warn.mockRestore();
  });
});

describe("data-catalog-max-age", () => {
  it("reads durations", () => {
    expect([
      parseDuration("6h"),
      parseDuration("30m"),
      parseDuration("90s"),
      parseDuration("0"),
      parseDuration("1.5d"),
    ]).toEqual([21_600_000, 1_800_000, 90_000, 0, 129_600_000]);
    expect(parseDuration("six hours")).toBeUndefined();
    expect(readScriptConfig(script({ "data-catalog-max-age": "1s" }))).toEqual({
      catalogMaxAgeMs: 1000,
    });
  });

  it("names a bad duration", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(readScriptConfig(script({ src: "/v.js", "data-catalog-max-age": "-1h" }))).toEqual({});
    expect(warn.mock.calls[0]?.[0]).toBe(
      '[vitrin] <script src="/v.js">: data-catalog-max-age="-1h" must be a duration like 6h, 30m, 90s or 0',
    );
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
      readScriptConfig(script({ src: "/w.js", "data-consent": "yes", "data-track": "-cookies" })),
    ).toEqual({});
    expect(warn.mock.calls.map(([m]) => m)).toEqual([
      '[vitrin] <script src="/w.js">: data-consent="yes" is not a consent setting; expected one of granted, required, gcm',
      '[vitrin] <script src="/w.js">: data-track="-cookies" : cannot read "-cookies"; expected words like -jsonld -dom -spa -engagement',
    ]);
  });
});
