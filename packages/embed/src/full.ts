/**
 * `vitrin.min.js`: the whole of Vitrin for one script tag — tracker, store, catalog, profile
 * and widgets. Configured by the tag's data attributes; slots by the page's data attributes.
 */
import { createVitrin, reportFailure } from "@vitrin/core";
import { mountSlots } from "@vitrin/widgets";
import { boot, whenDomReady } from "./boot.js";
import { installCommandQueue } from "./queue.js";
import { readScriptConfig } from "./script-config.js";

boot((script) => {
  const config = readScriptConfig(script);
  const vitrin = createVitrin({
    ...(config.catalog ? { catalog: config.catalog } : {}),
    ...(config.catalogMaxAgeMs === undefined ? {} : { catalogMaxAgeMs: config.catalogMaxAgeMs }),
    ...(config.dataLayer === undefined ? {} : { dataLayer: config.dataLayer }),
  });
  installCommandQueue(window as unknown as Record<string, unknown>, "vitrin", {
    track: (name: string, params?: unknown) => vitrin.track(name, params),
    flush: () => vitrin.flush(),
  });
  whenDomReady(() => {
    try {
      mountSlots(vitrin, config.lang ? { lang: config.lang } : {});
    } catch (error) {
      reportFailure("mounting slots", error);
    }
  });
});
