/**
 * `vitrin-track.min.js`: the tracker alone, for pages that only collect behaviour
 * (no catalog, no widgets, no Preact). Same tracker attributes and command queue as the full bundle.
 */
import { compactWhenIdle, createTracker, defaultStores, exportData } from "@vitrin/core";
import type { VitrinTrackerCommands } from "./api.js";
import { boot } from "./boot.js";
import { installCommandQueue } from "./queue.js";
import { readTrackerConfig } from "./script-config.js";

boot((script) => {
  const config = script ? readTrackerConfig(script) : {};
  const stores = defaultStores();
  const tracker = createTracker({ ...config, stores });
  // Caps and retention hold on pages that only collect, too.
  if (tracker.storing()) compactWhenIdle(stores, Date.now);
  const commands: VitrinTrackerCommands = {
    track: (name: string, params?: unknown) => tracker.track(name, params),
    identify: (traits: unknown) => tracker.identify(traits),
    consent: (granted: boolean) => tracker.consent(granted),
    export: () => tracker.flush().then(() => exportData(stores, Date.now())),
    erase: () => tracker.erase(),
    flush: () => tracker.flush(),
  };
  installCommandQueue(window as unknown as Record<string, unknown>, "vitrin", commands);
});
