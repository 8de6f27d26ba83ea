import { reportFailure } from "@vitrin/core";

/**
 * Runs a bundle's start-up so that nothing it does can throw into the host page: any failure
 * becomes one console message and the page goes on without personalization.
 */
export function boot(start: (script: Element | null) => void): void {
  try {
    // Only readable while the script's own code first runs, async or not.
    start(document.currentScript);
  } catch (error) {
    reportFailure("Vitrin start-up", error);
  }
}

/** Calls `fn` once the DOM is parsed (at once if it already is). */
export function whenDomReady(fn: () => void): void {
  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", fn, { once: true });
  else fn();
}
