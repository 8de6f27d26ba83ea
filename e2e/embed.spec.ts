import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { blankPage, vitrinReady } from "./support.js";

/** The hashes the build wrote for the bundles the demo serves (the same bytes). */
const integrity: Record<string, string> = JSON.parse(
  readFileSync(new URL("../packages/embed/dist/integrity.json", import.meta.url), "utf8"),
);

for (const bundle of ["vitrin.min.js", "vitrin-track.min.js"]) {
  test(`${bundle} loads with the build's Subresource Integrity hash, and not with another`, async ({
    page,
    baseURL,
  }) => {
    const hash = integrity[bundle];
    expect(hash).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
    const tag = (value: string) =>
      `<script async src="/vitrin/${bundle}" integrity="${value}" crossorigin="anonymous"></script>`;

    await page.goto(await blankPage(page, baseURL, "/sri-good.html", tag(hash ?? "")));
    await vitrinReady(page);

    // One changed character of the hash: Chromium must refuse to run the file.
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    const tampered = `${hash?.slice(0, -1)}${hash?.endsWith("A") ? "B" : "A"}`;
    await page.goto(await blankPage(page, baseURL, "/sri-bad.html", tag(tampered)));
    await expect.poll(() => errors.join("\n")).toMatch(/integrity/i);
    expect(await page.evaluate(() => "vitrin" in window)).toBe(false);
  });
}
