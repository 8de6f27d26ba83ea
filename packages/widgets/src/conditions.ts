import { atom, type ReadableAtom } from "nanostores";
import type { Conditions } from "./attributes.js";
import { CONDITIONS, MEDIA } from "./css.js";

const query = (media: string) => (media ? globalThis.matchMedia?.(media) : undefined);

/**
 * Which conditions hold in this browser now. Device classes come from the viewport, with the
 * very media queries the stylesheet reserves space with, so script and CSS agree.
 */
export function readConditions(): Conditions {
  const out = {} as Conditions;
  for (const c of CONDITIONS) {
    const connection = (globalThis.navigator as { connection?: { saveData?: boolean } } | undefined)
      ?.connection;
    out[c] = c === "saver" ? connection?.saveData === true : (query(MEDIA[c])?.matches ?? false);
  }
  return out;
}

let shared: ReadableAtom<Conditions> | undefined;

/**
 * The conditions as a store that follows the viewport and settings (a rotated tablet, a window
 * resized across a breakpoint), shared by every slot of the page.
 */
export function deviceConditions(): ReadableAtom<Conditions> {
  if (shared) return shared;
  const $conditions = atom(readConditions());
  const update = () => $conditions.set(readConditions());
  for (const c of CONDITIONS) query(MEDIA[c])?.addEventListener?.("change", update);
  shared = $conditions;
  return $conditions;
}
