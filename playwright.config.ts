import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./scripts/chromium.mjs";

const chromium = findChromium();

export default defineConfig({
  testDir: "e2e",
  // Serves the built storefront on a free port and passes its URL on in VITRIN_BASE_URL.
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  use: {
    ...(process.env.VITRIN_BASE_URL ? { baseURL: process.env.VITRIN_BASE_URL } : {}),
    browserName: "chromium",
    locale: "tr-TR",
    timezoneId: "Europe/Istanbul",
    launchOptions: { args: CHROMIUM_ARGS, ...(chromium ? { executablePath: chromium.path } : {}) },
    trace: "retain-on-failure",
  },
});
