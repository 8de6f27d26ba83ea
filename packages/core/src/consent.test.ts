import { describe, expect, it } from "vitest";
import { initialConsent, readConsentMode } from "./consent.js";

function gtag(..._: unknown[]): IArguments {
  // biome-ignore lint/complexity/noArguments: gtag() pushes its arguments object.
  return arguments;
}

describe("initialConsent", () => {
  const base = { gpc: false, respectGpc: true, remembered: false };
  it("grants only what the setting, a remembered consent and GPC allow", () => {
    expect(initialConsent({ ...base, setting: "granted" })).toBe(true);
    expect(initialConsent({ ...base, setting: "required" })).toBe(false);
    expect(initialConsent({ ...base, setting: "required", remembered: true })).toBe(true);
    expect(initialConsent({ ...base, setting: "gcm" })).toBe(false);
    expect(initialConsent({ ...base, setting: "granted", gpc: true })).toBe(false);
    expect(initialConsent({ ...base, setting: "required", remembered: true, gpc: true })).toBe(
      false,
    );
    expect(initialConsent({ ...base, setting: "granted", gpc: true, respectGpc: false })).toBe(
      true,
    );
  });
});

describe("readConsentMode", () => {
  it("reads personalization_storage from gtag consent commands", () => {
    expect(readConsentMode(gtag("consent", "default", { personalization_storage: "denied" }))).toBe(
      false,
    );
    expect(readConsentMode(gtag("consent", "update", { personalization_storage: "granted" }))).toBe(
      true,
    );
    expect(readConsentMode(gtag("consent", "update", { ad_storage: "granted" }))).toBeUndefined();
    expect(readConsentMode(gtag("event", "view_item", {}))).toBeUndefined();
    expect(readConsentMode({ event: "consent" })).toBeUndefined();
  });
});
