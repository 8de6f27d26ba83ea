/**
 * `vitrin-track.min.js`: the tracker alone, for pages that only collect behaviour
 * (no catalog, no widgets, no Preact). Same data attributes and command queue as the full bundle.
 */
import { createTracker, idbEventStore } from "@vitrin/core";
import { boot } from "./boot.js";
import { installCommandQueue } from "./queue.js";
import { readTrackerConfig } from "./script-config.js";

boot((script) => {
  const config = script ? readTrackerConfig(script) : {};
  const tracker = createTracker({
    // Without IndexedDB a collect-only page has nothing to do: this throws, boot() reports it once.
    events: idbEventStore(),
    ...(config.dataLayer === undefined ? {} : { dataLayer: config.dataLayer }),
  });
  installCommandQueue(window as unknown as Record<string, unknown>, "vitrin", {
    track: (name: string, params?: unknown) => tracker.track(name, params),
    flush: () => tracker.flush(),
  });
});
