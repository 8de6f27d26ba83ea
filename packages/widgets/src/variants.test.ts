// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeVitrin, profileWith, setPage } from "./content-fixtures.js";
import { mountContent } from "./content-mount.js";
import { parseVariant } from "./variants.js";

const page = setPage;

const HERO = `<div id="hero" data-vitrin-content>
  <template data-vitrin-variant="persona:gift-shopper"><h2>Hediye rehberi</h2></template>
  <template data-vitrin-variant="segment:returning device:mobile"><h2>Tekrar hoş geldin</h2></template>
  <div data-vitrin-default><h2>Yeni sezon</h2></div>
</div>`;

/** The headline the shopper sees: the shown variant's, else the visible default's. */
const visible = (root: Element) =>
  [...root.querySelectorAll("h2")].filter((h) => !h.closest("[hidden]")).map((h) => h.textContent);

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe("parseVariant", () => {
  it("reads key:value tokens and says what is accepted", () => {
    expect(parseVariant(" segment:returning   device:mobile ")).toEqual({
      conditions: [
        ["segment", "returning"],
        ["device", "mobile"],
      ],
    });
    expect(parseVariant("device:phone")).toEqual({
      error: '"device:phone": expected device:mobile, device:tablet, device:desktop',
    });
    expect(parseVariant("mood:happy")).toEqual({
      error:
        'unknown key "mood"; expected segment, persona, device, daypart, season, input, visitor (as key:value)',
    });
    expect(parseVariant("persona:Gift Shopper")).toHaveProperty("error");
    expect(parseVariant("")).toHaveProperty("error");
  });
});

describe("content variants", () => {
  it("keeps the default until the profile is known, then switches as the profile changes", () => {
    const hero = page(HERO);
    const { vitrin, $profile } = fakeVitrin(undefined);
    const stop = mountContent(vitrin);
    expect(visible(hero)).toEqual(["Yeni sezon"]);

    $profile.set(profileWith({ persona: "gift-shopper" }));
    expect(visible(hero)).toEqual(["Hediye rehberi"]);
    const shown = hero.querySelector(".vitrin-variant");
    expect(shown?.getAttribute("data-vitrin-shown")).toBe("persona:gift-shopper");
    // The default is hidden, not removed, and the variant sits where it was.
    expect(hero.querySelector("[data-vitrin-default]")?.hasAttribute("hidden")).toBe(true);
    expect(hero.querySelector("[data-vitrin-default]")?.nextElementSibling).toBe(shown);

    // A new profile with the same persona leaves the shown variant's nodes alone.
    $profile.set(profileWith({ persona: "gift-shopper", segments: ["buyer"] }));
    expect(hero.querySelector(".vitrin-variant")).toBe(shown);

    // Every token must hold: returning alone is not enough, returning on a phone is.
    $profile.set(profileWith({ segments: ["returning"] }));
    expect(visible(hero)).toEqual(["Yeni sezon"]);
    $profile.set(profileWith({ segments: ["returning"], context: { device: "mobile" } }));
    expect(visible(hero)).toEqual(["Tekrar hoş geldin"]);

    // The first match wins.
    $profile.set(
      profileWith({
        persona: "gift-shopper",
        segments: ["returning"],
        context: { device: "mobile" },
      }),
    );
    expect(visible(hero)).toEqual(["Hediye rehberi"]);

    $profile.set(profileWith());
    expect(visible(hero)).toEqual(["Yeni sezon"]);
    expect(hero.querySelectorAll(".vitrin-variant")).toHaveLength(0);
    stop();
  });

  it("leaves the templates inert and restores the default when stopped", () => {
    const hero = page(HERO);
    const { vitrin } = fakeVitrin(profileWith({ persona: "gift-shopper" }));
    const stop = mountContent(vitrin);
    expect(hero.querySelectorAll("template")).toHaveLength(2);
    stop();
    expect(visible(hero)).toEqual(["Yeni sezon"]);
    expect(hero.querySelector("[data-vitrin-default]")?.hasAttribute("hidden")).toBe(false);
  });

  it("warns once about a bad token, naming the element and the accepted values, and skips it", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const hero = page(`<div id="promo" class="hero" data-vitrin-content>
      <template data-vitrin-variant="device:phone"><h2>Telefon</h2></template>
      <template data-vitrin-variant="daypart:evening"><h2>Akşam</h2></template>
      <div data-vitrin-default><h2>Varsayılan</h2></div>
    </div>`);
    const { vitrin, $profile } = fakeVitrin(profileWith({ context: { device: "mobile" } }));
    const stop = mountContent(vitrin);
    // The fixture's clock is an evening.
    expect(visible(hero)).toEqual(["Akşam"]);
    $profile.set(profileWith({ context: { device: "mobile", daypart: "morning" } }));
    expect(visible(hero)).toEqual(["Varsayılan"]);
    const said = warn.mock.calls.map(([m]) => m);
    expect(said).toEqual([
      '[vitrin] <div#promo.hero> data-vitrin-variant="device:phone": "device:phone": expected device:mobile, device:tablet, device:desktop; this variant is skipped',
    ]);
    stop();
  });

  it("shows nothing rather than a stale variant when there is no default", () => {
    const box = page(`<div data-vitrin-content>
      <template data-vitrin-variant="visitor:returning"><p>Tekrar</p></template>
    </div>`);
    const { vitrin, $profile } = fakeVitrin(profileWith({ returning: true }));
    const stop = mountContent(vitrin);
    expect(box.textContent?.trim()).toBe("Tekrar");
    $profile.set(profileWith());
    expect(box.querySelector("p")).toBeNull();
    stop();
  });
});
