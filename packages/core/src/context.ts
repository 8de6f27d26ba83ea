/**
 * The page context stamped on every event: where the shopper came from and on what device.
 * Pure functions of what the browser reports, so they are tested without one.
 */

/** How the shopper reached the page. */
export type TrafficClass =
  | "direct"
  | "internal"
  | "search"
  | "social"
  | "email"
  | "paid"
  | "referral";
/** Device class, from User-Agent Client Hints where available, else the user agent and screen. */
export type DeviceClass = "mobile" | "tablet" | "desktop";

/** Campaign parameters from the landing URL. */
export interface Utm {
  source?: string;
  medium?: string;
  campaign?: string;
  term?: string;
  content?: string;
}

/** Context of the page an event happened on. */
export interface PageContext {
  traffic: TrafficClass;
  device: DeviceClass;
  utm?: Utm;
}

const UTM_KEYS = ["source", "medium", "campaign", "term", "content"] as const;

/** Reads `utm_*` parameters from a query string; undefined when there are none. */
export function readUtm(search: string): Utm | undefined {
  const params = new URLSearchParams(search);
  const utm: Utm = {};
  for (const key of UTM_KEYS) {
    const value = params.get(`utm_${key}`)?.trim().slice(0, 100);
    if (value) utm[key] = value;
  }
  return Object.keys(utm).length ? utm : undefined;
}

const SEARCH = /(^|\.)(google|bing|yandex|duckduckgo|yahoo|baidu|ecosia|qwant|naver)\./;
const SOCIAL =
  /(^|\.)(facebook|fb|instagram|t|twitter|x|linkedin|lnkd|pinterest|tiktok|youtube|reddit|whatsapp|telegram)\.(com|me|co|in)$/;
const MAIL = /(^|\.)(mail|outlook|gmail)\./;

/**
 * Classifies the traffic source: campaign parameters first (a paid click carries `gclid` or a
 * paid `utm_medium`), then the referrer's host. A referrer from the shop itself is internal.
 */
export function classifyTraffic(referrer: string, host: string, search: string): TrafficClass {
  const params = new URLSearchParams(search);
  const medium = params.get("utm_medium")?.toLowerCase() ?? "";
  if (params.has("gclid") || params.has("fbclid") || /cpc|ppc|paid|display/.test(medium))
    return "paid";
  if (medium === "email" || medium === "e-posta") return "email";
  if (medium === "social") return "social";
  if (medium === "organic") return "search";
  let from: string;
  try {
    from = new URL(referrer).hostname;
  } catch {
    return "direct";
  }
  if (from === host) return "internal";
  // Webmail before search: mail.google.com is not a Google search.
  if (MAIL.test(from)) return "email";
  if (SEARCH.test(from)) return "search";
  if (SOCIAL.test(from)) return "social";
  return "referral";
}

/** What the device class is read from. */
export interface DeviceSignals {
  userAgent: string;
  /** `navigator.userAgentData.mobile`, where the browser has Client Hints. */
  mobileHint?: boolean;
  maxTouchPoints: number;
  screenWidth: number;
}

/** Mobile, tablet or desktop. iPadOS reports a desktop Mac user agent, but has a touch screen. */
export function classifyDevice(signals: DeviceSignals): DeviceClass {
  const ua = signals.userAgent;
  if (/iPad|Tablet|Android(?!.*Mobile)/i.test(ua)) return "tablet";
  if (/Macintosh/.test(ua) && signals.maxTouchPoints > 1) return "tablet";
  if (signals.mobileHint || /Mobi|iPhone|iPod|Android/i.test(ua)) return "mobile";
  return signals.screenWidth > 0 && signals.screenWidth < 600 && signals.maxTouchPoints > 0
    ? "mobile"
    : "desktop";
}

/** Device signals of this browser. */
export function deviceSignals(): DeviceSignals {
  const nav = navigator as Navigator & { userAgentData?: { mobile?: boolean } };
  const hint = nav.userAgentData?.mobile;
  return {
    userAgent: nav.userAgent,
    maxTouchPoints: nav.maxTouchPoints || 0,
    screenWidth: globalThis.screen?.width ?? 0,
    ...(hint === undefined ? {} : { mobileHint: hint }),
  };
}
