import { type Profile, reportFailure, type SlotState, type Strategy } from "@vitrin/core";
import {
  inSegment,
  LOADING,
  type RecommendationOptions,
  segmentsOf,
  slotRequest,
  UNAVAILABLE,
} from "@vitrin/widgets";
import type { ReadableAtom } from "nanostores";
import { useCallback, useMemo, useSyncExternalStore } from "react";
import { useVitrin } from "./provider.js";

const nothing = () => {};

/**
 * A nanostores atom's value through `useSyncExternalStore`, so concurrent renders never tear;
 * `server` (a constant) on the server, while hydrating and while there is no store. A store that
 * throws gives `server`, reported once: a fault in Vitrin never reaches the app's tree.
 */
function useStore<T, S>(store: ReadableAtom<T> | undefined, server: S): T | S {
  const subscribe = useCallback(
    (changed: () => void) => (store ? store.listen(() => changed()) : nothing),
    [store],
  );
  const read = useCallback((): T | S => {
    try {
      return store ? store.get() : server;
    } catch (error) {
      reportFailure("reading Vitrin's state", error);
      return server;
    }
  }, [store, server]);
  return useSyncExternalStore(subscribe, read, () => server);
}

/**
 * A recommendation list as data, for a renderer of the app's own: core's slot state
 * (`loading`, `unavailable`, or `ready` with `picks`), recomputed as the shopper browses.
 * `{ status: "loading" }` on the server.
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
