/**
 * Checks for untrusted input, shared by every module that reads it (events, JSON-LD, catalog,
 * stored records) so each bundle carries one copy.
 */

/** Any object, arrays included (`typeof null` is "object" too, hence the check). */
export const isObject = (value: unknown): value is object =>
  typeof value === "object" && value !== null;

/** A plain key-value object: not null, not an array. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  isObject(value) && !Array.isArray(value);

/** Text trimmed and cut to `max` characters; undefined for anything else or blank text. */
export const trimmed = (value: unknown, max: number): string | undefined =>
  typeof value === "string" && value.trim() ? value.trim().slice(0, max) : undefined;
