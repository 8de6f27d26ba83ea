import { isObject } from "./guards.js";

/**
 * Whether Vitrin may store anything. `required`: nothing is stored until the shopper
 * consents (`vitrin.consent(true)`); `granted`: the merchant has a legal basis already;
 * `gcm`: follow Google Consent Mode's `personalization_storage`. Global Privacy Control
 * counts as a refusal unless the merchant turns that off.
 */
export type ConsentSetting = "granted" | "required" | "gcm";

/** Accepted values of the `consent` setting. */
export const CONSENT_SETTINGS: readonly ConsentSetting[] = ["granted", "required", "gcm"];

/** Where a granted consent is remembered between pages (only ever written after consent). */
export const CONSENT_KEY = "vitrin:consent";

/** What the first decision of a page load is based on. */
export interface ConsentInputs {
  setting: ConsentSetting;
  /** `navigator.globalPrivacyControl`. */
  gpc: boolean;
  respectGpc: boolean;
  /** The shopper consented on an earlier page. */
  remembered: boolean;
}

/** May this page load store data, before any consent call? */
export function initialConsent({ setting, gpc, respectGpc, remembered }: ConsentInputs): boolean {
  if (gpc && respectGpc) return false;
  return setting === "granted" || remembered;
}

/**
 * Reads a Google Consent Mode command from a data layer entry
 * (`gtag("consent", "default" | "update", { personalization_storage })`).
 */
export function readConsentMode(entry: unknown): boolean | undefined {
  if (!isObject(entry) || !("length" in entry)) return undefined;
  const [command, , state] = Array.from(entry as ArrayLike<unknown>);
  if (command !== "consent" || !isObject(state)) return undefined;
  const value = (state as Record<string, unknown>).personalization_storage;
  return value === "granted" ? true : value === "denied" ? false : undefined;
}
