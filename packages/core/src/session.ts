/**
 * Sessions, as analytics tools count them: a new one after 30 minutes without activity, or
 * when the shopper arrives from a different campaign.
 */

/** One session of one shopper on this device. */
export interface Session {
  id: string;
  /** When the session started and when it last saw activity (ms since epoch). */
  start: number;
  last: number;
  /** How many sessions this device has had, this one included. */
  count: number;
  /** The campaign the session came from (`source/medium/campaign`), if any. */
  campaign?: string;
}

/** Inactivity after which the next event starts a new session. */
export const SESSION_TIMEOUT_MS = 30 * 60 * 1000;

/** Continues `previous`, or starts a new session when it timed out or the campaign changed. */
export function continueSession(
  previous: Session | undefined,
  now: number,
  campaign: string | undefined,
  newId: () => string,
): Session {
  const fresh =
    !previous ||
    now - previous.last > SESSION_TIMEOUT_MS ||
    (campaign !== undefined && campaign !== previous.campaign);
  if (!fresh) return { ...previous, last: Math.max(previous.last, now) };
  return {
    id: newId(),
    start: now,
    last: now,
    count: (previous?.count ?? 0) + 1,
    ...(campaign === undefined ? {} : { campaign }),
  };
}

/** Reads a stored session, ignoring anything that is not one. */
export function readSession(raw: string | null): Session | undefined {
  if (!raw) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    const s = value as Session;
    return typeof s?.id === "string" &&
      Number.isFinite(s.start) &&
      Number.isFinite(s.last) &&
      Number.isFinite(s.count)
      ? s
      : undefined;
  } catch {
    return undefined;
  }
}
