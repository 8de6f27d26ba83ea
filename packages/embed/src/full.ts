/**
 * `vitrin.min.js`: the whole of Vitrin for one script tag — tracker, store, catalog, profile
 * and widgets. Configured by the tag's data attributes; slots by the page's data attributes.
 */
import { createVitrin, reportFailure, warnOnce } from "@vitrin/core";
import {
  defineSlotElement,
  type MountOptions,
  mountContent,
  mountSlot,
  mountSlots,
  refreshSlots,
  suggest,
} from "@vitrin/widgets";
import type { VitrinCommands, VitrinMountOptions } from "./api.js";
import { boot, whenDomReady } from "./boot.js";
import { installCommandQueue } from "./queue.js";
import { readScriptConfig } from "./script-config.js";

/** The keys `mount` reads: every one of {@link VitrinMountOptions} (the type checker sees to it). */
const MOUNT_OPTIONS = Object.keys({
  attributes: 0,
  render: 0,
  lang: 0,
  dataLayer: 0,
} satisfies Record<keyof VitrinMountOptions, 0>);

boot((script) => {
  const { lang, ...config } = readScriptConfig(script);
  const vitrin = createVitrin(config);
  // The tag's nonce, for the one case that needs it: a <style> element where a browser cannot
  // adopt a constructed stylesheet.
  const nonce = (script as HTMLScriptElement | null)?.nonce;
  const options: MountOptions = { ...(lang ? { lang } : {}), ...(nonce ? { nonce } : {}) };
  const commands: VitrinCommands = {
    track: (name: string, params?: unknown) => vitrin.track(name, params),
    identify: (traits: unknown) => vitrin.identify(traits),
    consent: (granted: boolean) => vitrin.consent(granted),
    export: () => vitrin.export(),
    erase: () => vitrin.erase(),
    flush: () => vitrin.flush(),
    // Returns how to unmount it.
    mount: (el, overrides = {}) => {
      try {
        // A misspelt option would otherwise do nothing, in silence.
        for (const key in overrides)
          if (!MOUNT_OPTIONS.includes(key))
            warnOnce(`mount options: unknown key "${key}"; ${suggest(key, MOUNT_OPTIONS)}`);
        return mountSlot(vitrin, el, { ...options, ...overrides });
      } catch (error) {
        reportFailure("mounting a slot", error);
        return () => {};
      }
    },
    refresh: () => refreshSlots(),
  };
  installCommandQueue(window as unknown as Record<string, unknown>, "vitrin", commands);
  whenDomReady(() => {
    try {
      // Slots and content in the page now, and those added later (single-page apps).
      mountSlots(vitrin, options);
      defineSlotElement(vitrin, options);
      mountContent(vitrin, lang ? { lang } : {});
    } catch (error) {
      reportFailure("mounting slots", error);
    }
  });
});
