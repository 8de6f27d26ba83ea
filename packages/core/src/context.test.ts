import { describe, expect, it } from "vitest";
import { classifyDevice, classifyTraffic, readUtm } from "./context.js";

describe("readUtm", () => {
  it("reads campaign parameters, trimmed and bounded", () => {
    expect(readUtm("?utm_source=newsletter&utm_medium=email&utm_campaign=%20kis%20&x=1")).toEqual({
      source: "newsletter",
      medium: "email",
      campaign: "kis",
    });
    expect(readUtm("?q=kazak")).toBeUndefined();
    expect(readUtm(`?utm_source=${"a".repeat(500)}`)?.source).toHaveLength(100);
  });
});

describe("classifyTraffic", () => {
  const host = "shop.example";
  it.each([
    ["", "", "direct"],
    ["https://shop.example/kategori/giyim.html", "", "internal"],
    ["https://www.google.com.tr/", "", "search"],
    ["https://yandex.com.tr/search", "", "search"],
    ["https://l.instagram.com/", "", "social"],
    ["https://www.instagram.com/", "", "social"],
    ["https://t.co/abc", "", "social"],
    ["https://mail.google.com/", "", "email"],
    ["https://blog.example.org/post", "", "referral"],
    ["https://www.google.com/", "?gclid=abc", "paid"],
    ["", "?utm_medium=cpc&utm_source=google", "paid"],
    ["", "?utm_medium=email", "email"],
    ["", "?utm_medium=social", "social"],
  ] as const)("%s %s → %s", (referrer, search, expected) => {
    expect(classifyTraffic(referrer, host, search)).toBe(expected);
  });
});

describe("classifyDevice", () => {
  const base = { maxTouchPoints: 0, screenWidth: 1440 };
  it.each([
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148", 5, 390, "mobile"],
    ["Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/120 Mobile Safari/537.36", 5, 412, "mobile"],
    ["Mozilla/5.0 (Linux; Android 13; SM-X710) Chrome/120 Safari/537.36", 5, 800, "tablet"],
    ["Mozilla/5.0 (iPad; CPU OS 16_0 like Mac OS X)", 5, 820, "tablet"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605.1.15", 5, 1024, "tablet"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605.1.15", 0, 1440, "desktop"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120", 0, 1920, "desktop"],
  ] as const)("%s → %s", (userAgent, maxTouchPoints, screenWidth, expected) => {
    expect(classifyDevice({ userAgent, maxTouchPoints, screenWidth })).toBe(expected);
  });
  it("believes the Client Hints mobile flag", () => {
    expect(
      classifyDevice({ ...base, userAgent: "Mozilla/5.0 (Linux) Chrome/120", mobileHint: true }),
    ).toBe("mobile");
  });
});
