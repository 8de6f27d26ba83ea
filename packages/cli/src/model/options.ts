import { MAX_NEIGHBOURS } from "@vitrin/core";
import type { SqlParams } from "./sql.js";
import { ModelInputError, type ModelOptions } from "./types.js";

/**
 * The defaults, in one place: the CLI's help, the docs, the tests and `vitrin eval` read them
 * from here, so a merchant's `vitrin model` builds what the evaluation measured. k = 30 and
 * α = 0.1 were chosen on validation targets only (docs/quality.md).
 */
export const MODEL_DEFAULTS = {
  k: 30,
  window: 5,
  nextDecay: 1,
  coViewDecay: 1,
  popularityDamping: 0.1,
  trendDays: 7,
  trendMinEvents: 3,
  sessionGapMinutes: 30,
  digits: 2,
  memoryLimit: "1GB",
} as const;

type Numeric = Exclude<keyof typeof MODEL_DEFAULTS, "memoryLimit">;

/** What each number must be, for messages. */
const RULES: Record<Numeric, { min: number; max: number; integer: boolean }> = {
  // The browser reads at most MAX_NEIGHBOURS per list; more would be bytes it ignores.
  k: { min: 1, max: MAX_NEIGHBOURS, integer: true },
  window: { min: 1, max: 1000, integer: true },
  nextDecay: { min: 0, max: 10, integer: false },
  coViewDecay: { min: 0, max: 10, integer: false },
  popularityDamping: { min: 0, max: 2, integer: false },
  trendDays: { min: 0, max: 36500, integer: false },
  trendMinEvents: { min: 1, max: 1e9, integer: true },
  sessionGapMinutes: { min: 0, max: 1e9, integer: false },
  digits: { min: 1, max: 15, integer: true },
};

/** The options with every default filled in, checked (a bad one is a {@link ModelInputError}). */
export function resolveOptions(options: ModelOptions = {}) {
  const resolved = { ...MODEL_DEFAULTS } as Record<Numeric, number> & {
    memoryLimit: string;
    tempDirectory?: string;
    threads?: number;
  };
  for (const name of Object.keys(RULES) as Numeric[]) {
    const value = options[name];
    if (value === undefined) continue;
    const rule = RULES[name];
    if (
      typeof value !== "number" ||
      !Number.isFinite(value) ||
      value < rule.min ||
      value > rule.max ||
      (rule.integer && !Number.isInteger(value))
    ) {
      throw new ModelInputError(
        `${name}: expected ${rule.integer ? "a whole number" : "a number"} from ${rule.min} to ${rule.max}, got ${JSON.stringify(value)}`,
      );
    }
    resolved[name] = value;
  }
  if (options.memoryLimit !== undefined) {
    // DuckDB's own syntax (`512MB`, `4GiB`, `75%`); checked here so a typo is a usage error.
    if (!/^\d+(\.\d+)?\s*(%|[KMGT]i?B|B|bytes)$/i.test(options.memoryLimit))
      throw new ModelInputError(
        `memoryLimit: expected a size such as 512MB or 4GB, got ${JSON.stringify(options.memoryLimit)}`,
      );
    resolved.memoryLimit = options.memoryLimit;
  }
  if (options.tempDirectory !== undefined) resolved.tempDirectory = options.tempDirectory;
  if (options.threads !== undefined) {
    if (!Number.isInteger(options.threads) || options.threads < 1)
      throw new ModelInputError(
        `threads: expected a whole number ≥ 1, got ${JSON.stringify(options.threads)}`,
      );
    resolved.threads = options.threads;
  }
  return resolved;
}

export type ResolvedOptions = ReturnType<typeof resolveOptions>;

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The SQL's parameters. `clock` says whether times are milliseconds: sequence files have
 * positions, where a session gap and a trend window in days mean nothing.
 */
export function sqlParams(options: ResolvedOptions, clock: boolean): SqlParams {
  return {
    k: options.k,
    window: options.window,
    next_decay: options.nextDecay,
    co_view_decay: options.coViewDecay,
    damping: options.popularityDamping,
    digits: options.digits,
    session_gap: clock ? options.sessionGapMinutes * MINUTE : Number.MAX_SAFE_INTEGER,
    trend_window: clock ? options.trendDays * DAY : 0,
    trend_min_events: options.trendMinEvents,
  };
}
