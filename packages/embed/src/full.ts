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
  const { lang, ...config } = readScriptConfig(script);
  const vitrin = createVitrin(config);
  installCommandQueue(window as unknown as Record<string, unknown>, "vitrin", {
    track: (name: string, params?: unknown) => vitrin.track(name, params),
    identify: (traits: unknown) => vitrin.identify(traits),
    consent: (granted: boolean) => vitrin.consent(granted),
    export: () => vitrin.export(),
    erase: () => vitrin.erase(),
    flush: () => vitrin.flush(),
  });
  whenDomReady(() => {
    try {
      mountSlots(vitrin, lang ? { lang } : {});
    } catch (error) {
      reportFailure("mounting slots", error);
    }
  });
});
