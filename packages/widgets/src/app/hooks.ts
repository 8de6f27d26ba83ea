import { type Profile, reportFailure, type SlotState, type Strategy } from "@vitrin/core";
import type { ReadableAtom } from "nanostores";
import { useEffect, useMemo, useReducer } from "preact/hooks";
import { inSegment, segmentsOf } from "./audience.js";
import { useVitrin } from "./provider.js";
import { LOADING, type RecommendationOptions, slotRequest, UNAVAILABLE } from "./slot-props.js";

/**
 * A store's value, re-rendering when it changes; `initial` while there is no store (on the
 * server, before the provider has a Vitrin). A store that throws gives `initial`, once reported.
 */
function useStore<T, I>(store: ReadableAtom<T> | undefined, initial: I): T | I {
  const [, changed] = useReducer((n: number) => n + 1, 0);
  let value: T | I = initial;
  try {
    if (store) value = store.get();
  } catch (error) {
    reportFailure("reading Vitrin's state", error);
  }
  useEffect(() => {
    if (!store) return;
    const stop = store.listen(() => changed(1));
    // A change between this render and the subscription would otherwise be missed.
    if (store.get() !== value) changed(1);
    return stop;
  }, [store]);
  return value;
}

/**
 * A recommendation list as data, for a renderer of the app's own: core's slot state
 * (`loading`, `unavailable`, or `ready` with `picks`), recomputed as the shopper browses.
 */
export function useRecommendations(
  strategy: Strategy,
  options: RecommendationOptions = {},
): SlotState {
  const vitrin = useVitrin();
  const { limit, item } = options;
  const request = useMemo(
    () => slotRequest(strategy, { ...(limit === undefined ? {} : { limit }), item }),
    [strategy, limit, item],
  );
  const store = useMemo(
    () => (vitrin && request ? vitrin.slot(request) : undefined),
    [vitrin, request],
  );
  return useStore(store, request ? LOADING : UNAVAILABLE);
}

/** The shopper's profile; undefined on the server and until the stored history is read. */
export function useProfile(): Profile | undefined {
  return useStore(useVitrin()?.$profile, undefined);
}

/** The ids of the segments the shopper is in (none until the profile is known). */
export function useSegment(): readonly string[];
/** Whether the shopper is in segment `id` (false until the profile is known). */
export function useSegment(id: string): boolean;
export function useSegment(id?: string): readonly string[] | boolean {
  const profile = useProfile();
  return id === undefined ? segmentsOf(profile) : inSegment(profile, id);
}
