// @vitest-environment happy-dom

import { STRATEGIES } from "@vitrin/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CONDITIONS, MAX_LIMIT, MEDIA, SLOT_STRATEGIES, slotCss } from "./css.js";
import { adoptDefaultStyles, DEFAULT_CSS } from "./styles.js";

describe("slotCss", () => {
  const css = slotCss();

  it("is one cascade layer, so the store's own rules win", () => {
    expect(css.startsWith("@layer vitrin{")).toBe(true);
    expect(css.endsWith("}")).toBe(true);
    let depth = 0;
    for (const ch of css) {
      depth += ch === "{" ? 1 : ch === "}" ? -1 : 0;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });

  it("reserves space for every limit, bare and per condition CSS can see", () => {
    for (let n = 1; n <= MAX_LIMIT; n++) {
      expect(css).toContain(
        `[data-vitrin-limit~="${n}"],vitrin-slot[limit~="${n}"]{--vitrin-n:${n}}`,
      );
      expect(css).toContain(`[data-vitrin-limit~="mobile:${n}"]`);
      expect(css).toContain(`vitrin-slot[limit~="desktop:${n}"]`);
    }
    for (const layout of ["grid", "list", "carousel", "strip"])
      expect(css).toContain(`[data-vitrin-layout~="touch:${layout}"]`);
    // No media feature tells CSS about data saver: no rule can pretend to.
    expect(css).not.toContain("saver:");
  });

  it("orders condition rules by precedence, after the bare ones, as the script resolves them", () => {
    const at = (s: string) => css.indexOf(s);
    const visible = CONDITIONS.filter((c) => MEDIA[c]);
    expect(at('[data-vitrin-limit~="8"]')).toBeLessThan(at(`@media ${MEDIA.mobile}`));
    for (let i = 1; i < visible.length; i++)
      expect(at(`@media ${MEDIA[visible[i - 1] as keyof typeof MEDIA]}{`)).toBeLessThan(
        at(`@media ${MEDIA[visible[i] as keyof typeof MEDIA]}{`),
      );
  });

  it("collapses an empty slot unless it has fallback markup, which it then shows", () => {
    expect(css).toContain(
      ":is([data-vitrin-slot],vitrin-slot)[data-vitrin-state=empty]:not(:has(>[data-vitrin-fallback])){min-height:0}",
    );
    expect(css).toContain(
      `vitrin-slot[strategy~="new-arrivals"]):not([data-vitrin-state=empty])>[data-vitrin-fallback]{display:none}`,
    );
  });

  it("reserves a slot's box only where it has a strategy: bare, or inside the condition's media query", () => {
    // No rule gives every slot a height: a slot for phones takes no space on a desktop.
    expect(css).not.toMatch(/:is\(\[data-vitrin-slot\],vitrin-slot\)\{[^}]*min-height/);
    const bare = SLOT_STRATEGIES.map(
      (s) => `[data-vitrin-slot~="${s}"],vitrin-slot[strategy~="${s}"]`,
    ).join();
    expect(css).toContain(`:is(${bare}){min-height:var(--vitrin-h)}`);
    for (const c of CONDITIONS.filter((c) => MEDIA[c])) {
      const rule = `:is([data-vitrin-slot*="${c}:"],vitrin-slot[strategy*="${c}:"]){min-height:var(--vitrin-h)}`;
      const media = css.indexOf(`@media ${MEDIA[c]}{`);
      const next = css.indexOf("@media", media + 1);
      expect(css.indexOf(rule)).toBeGreaterThan(media);
      expect(css.indexOf(rule)).toBeLessThan(next < 0 ? css.length : next);
    }
  });

  it("knows every strategy core does", () => {
    expect(SLOT_STRATEGIES).toEqual([...STRATEGIES]);
  });
});

describe("adoptDefaultStyles", () => {
  afterEach(() => vi.restoreAllMocks());

  it("adopts one constructed sheet per document", () => {
    const doc = document.implementation.createHTMLDocument("a");
    adoptDefaultStyles(doc);
    adoptDefaultStyles(doc);
    expect(doc.adoptedStyleSheets).toHaveLength(1);
    expect(doc.querySelector("style")).toBeNull();
  });

  it("adds nothing when the page links vitrin.css", () => {
    const doc = document.implementation.createHTMLDocument("b");
    vi.spyOn(window, "getComputedStyle").mockReturnValue({
      getPropertyValue: (name: string) => (name === "--vitrin-css" ? "1" : ""),
    } as CSSStyleDeclaration);
    adoptDefaultStyles(doc);
    expect(doc.adoptedStyleSheets).toHaveLength(0);
    expect(doc.querySelector("style")).toBeNull();
  });

  it("falls back to a <style> element carrying the nonce where sheets cannot be adopted", () => {
    const doc = document.implementation.createHTMLDocument("c");
    vi.stubGlobal("CSSStyleSheet", undefined);
    try {
      adoptDefaultStyles(doc, "r4nd0m");
    } finally {
      vi.unstubAllGlobals();
    }
    const style = doc.querySelector("style");
    expect(style?.nonce).toBe("r4nd0m");
    expect(style?.textContent).toBe(DEFAULT_CSS);
  });
});
