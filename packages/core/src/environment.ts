import { deviceSignals } from "./context.js";
import type { Environment } from "./recognize.js";

/** A media query's answer, false where `matchMedia` is missing (old browsers, tests). */
function matches(query: string): boolean {
  try {
    return globalThis.matchMedia?.(query).matches ?? false;
  } catch {
    return false;
  }
}

/**
 * What this browser reports about the device, the shopper's settings and this page, read once
 * at start-up: the edge where the Recognize stage's pure input comes from.
 */
export function readEnvironment(): Environment {
  const nav = navigator as Navigator & { connection?: { saveData?: boolean } };
  let timeZone = "UTC";
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    // Some embedded browsers ship without time zone data; UTC is a safe reading.
  }
  return {
    ...deviceSignals(),
    coarsePointer: matches("(pointer: coarse)"),
    hover: matches("(hover: hover)"),
    saveData: nav.connection?.saveData === true,
    reducedMotion: matches("(prefers-reduced-motion: reduce)"),
    languages: nav.languages?.length ? [...nav.languages] : [nav.language || "tr-TR"],
    timeZone,
    referrer: document.referrer,
    host: location.hostname,
    search: location.search,
  };
}
