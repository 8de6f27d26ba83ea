/**
 * Who the shopper is, as the Preact and React components ask it, framework-free: the segments
 * they are in, and whether a `<Variant when="…">` holds — with the very condition syntax and
 * checks of `data-vitrin-variant`, so a condition means the same in HTML and in an app.
 */
import { type Profile, warnOnce } from "@vitrin/core";
import { matchesAll, parseVariant } from "../variants.js";

/** No segments: one frozen array, so a hook returns the same value while nothing is known. */
export const NO_SEGMENTS: readonly string[] = Object.freeze([]);

/** The ids of the segments the shopper is in; none until the profile is known. */
export function segmentsOf(profile: Profile | undefined): readonly string[] {
  return profile?.segments ?? NO_SEGMENTS;
}

/** Whether the shopper is in segment `id`; false until the profile is known. */
export function inSegment(profile: Profile | undefined, id: string): boolean {
  return segmentsOf(profile).includes(id);
}

/**
 * Whether every condition of `when` (`"persona:bargain-hunter device:mobile"`) holds for the
 * profile. False until the profile is known; false, with one console warning naming the
 * problem, when `when` does not parse — the audience then sees the default, never an error.
 */
export function whenHolds(when: string, profile: Profile | undefined): boolean {
  const parsed = parseVariant(typeof when === "string" ? when : "");
  if ("error" in parsed) {
    warnOnce(`<Variant when="${String(when).slice(0, 80)}">: ${parsed.error}; showing otherwise`);
    return false;
  }
  return profile !== undefined && matchesAll(parsed.conditions, profile);
}
