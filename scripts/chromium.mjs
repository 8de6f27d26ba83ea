// Which Chromium the end-to-end tests drive. Playwright cannot download its own browser on
// every machine, so a system Chromium is preferred when present.
import { existsSync } from "node:fs";

/** Flags for Chromium in containers and on closed networks (no sandbox, no GPU, no phoning home). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** System locations of Debian's and other distributions' Chromium. */
const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/**
 * The browser to launch: `VITRIN_CHROMIUM` if set, else a system Chromium, else undefined
 * (Playwright's own browser, where it has been installed).
 * @returns {{ path: string; from: string } | undefined}
 */
export function findChromium() {
  const override = process.env.VITRIN_CHROMIUM;
  if (override) {
    if (!existsSync(override)) throw new Error(`VITRIN_CHROMIUM=${override} does not exist`);
    return { path: override, from: "VITRIN_CHROMIUM" };
  }
  const system = SYSTEM_CHROMIUM.find((path) => existsSync(path));
  return system ? { path: system, from: "system" } : undefined;
}

/**
 * Launches headless Chromium for the benchmarks: the browser `findChromium()` picks, with
 * `CHROMIUM_ARGS`, and says on stdout which one it is.
 * @returns {Promise<{ browser: import("@playwright/test").Browser; found: { path: string; from: string } }>}
 */
export async function launchChromium() {
  const { chromium } = await import("@playwright/test");
  const found = findChromium();
  const browser = await chromium.launch({
    headless: true,
    args: CHROMIUM_ARGS,
    ...(found ? { executablePath: found.path } : {}),
  });
  console.log(`› Chromium ${browser.version()} (${found ? found.path : "Playwright's own"})`);
  return { browser, found: found ?? { path: "playwright", from: "playwright" } };
}
