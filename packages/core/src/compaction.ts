/**
 * Keeps the event log within its caps (count and age) without forgetting what the pruned
 * events said: their signal is folded into the aggregate record first (see aggregates.ts).
 * One tab at a time, and in an order where a crash at any point loses nothing and a retry
 * counts nothing twice.
 */
import { foldAggregates, readAggregates } from "./aggregates.js";
import { warnOnce } from "./log.js";
import type { Stores } from "./store.js";

/** The caps, and a clock. */
export interface CompactionOptions {
  /** At most this many events stay in the log. */
  maxEvents: number;
  /** Events older than this go. */
  maxAgeMs: number;
  now: () => number;
}

/** 5,000 events, 180 days. */
export const DEFAULT_CAPS = { maxEvents: 5000, maxAgeMs: 180 * 24 * 60 * 60 * 1000 };
/** Cache key of the aggregate record. */
export const AGGREGATES_KEY = "aggregates";
/** Cache key of the time of the last compaction. */
export const COMPACTED_AT_KEY = "compactedAt";
/** Web Locks name held while compacting. */
export const COMPACTION_LOCK = "vitrin:compact";

const HOUR = 60 * 60 * 1000;

/** True when the last compaction is an hour old or more (or unknown, or in the future). */
export function shouldCompact(lastCompactedAt: number | undefined, now: number): boolean {
  // Written as a negation so NaN or a clock that went back means "compact now", not "never".
  return !(lastCompactedAt !== undefined && now >= lastCompactedAt && now - lastCompactedAt < HOUR);
}

async function run({ events, cache }: Stores, options: CompactionOptions): Promise<number> {
  const at = options.now();
  const stored = await cache.get(AGGREGATES_KEY);
  const previous = readAggregates(stored);
  if (stored !== undefined && !previous) warnOnce("replacing unreadable stored aggregates");
  // Read what will go before deleting anything.
  const going = await events.prune({
    before: at - options.maxAgeMs,
    keep: options.maxEvents,
    dryRun: true,
  });
  let pruned = 0;
  if (going.length) {
    const next = foldAggregates(previous, going);
    // Written first: dying before the delete below loses nothing, and the `to` watermark
    // makes the next run skip what is already folded in.
    await cache.set(AGGREGATES_KEY, next);
    // Everything the aggregates now cover: the events read above, plus any that share the
    // last one's millisecond (the watermark would skip them anyway).
    pruned = (await events.prune({ before: next.to + 1, keep: Number.POSITIVE_INFINITY })).length;
  }
  await cache.set(COMPACTED_AT_KEY, at);
  return pruned;
}

/**
 * Prunes beyond the caps and folds what was pruned into the aggregates; only one tab at a
 * time. Resolves to the number of events pruned, or null when another tab holds the lock.
 * Never rejects: a failure is warned once and resolves to 0.
 */
export async function compact(stores: Stores, options: CompactionOptions): Promise<number | null> {
  try {
    const locks = globalThis.navigator?.locks;
    if (!locks) return await run(stores, options);
    return await locks.request(COMPACTION_LOCK, { ifAvailable: true }, (lock) =>
      lock ? run(stores, options) : null,
    );
  } catch (error) {
    warnOnce(`could not compact stored events: ${error instanceof Error ? error.message : error}`);
    return 0;
  }
}

/**
 * Applies the caps once the browser is idle, if the last run is an hour old or more. Both
 * script-tag bundles call it at start: a store that only ever loads the tracker must keep the
 * same caps, and the retention `docs/privacy.md` promises.
 */
export function compactWhenIdle(stores: Stores, now: () => number): void {
  const later = typeof requestIdleCallback === "function" ? requestIdleCallback : setTimeout;
  later(() => {
    stores.cache.get<number>(COMPACTED_AT_KEY).then(
      (last) => {
        if (shouldCompact(last, now())) void compact(stores, { ...DEFAULT_CAPS, now });
      },
      // A failed read is already a warned store failure; skip this run.
      () => {},
    );
  });
}
