import { reportFailure } from "@vitrin/core";
import type { ReadableAtom } from "nanostores";

/**
 * Runs `update` now and whenever one of the stores changes; returns the unsubscribe. A fault in
 * `update` is reported once and costs that widget only, never the page or the other widgets.
 */
export function watch(
  stores: ReadableAtom<unknown>[],
  update: () => void,
  what: string,
): () => void {
  const run = () => {
    try {
      update();
    } catch (error) {
      reportFailure(what, error);
    }
  };
  const stops = stores.map((store) => store.listen(run));
  run();
  return () => {
    for (const stop of stops) stop();
  };
}
