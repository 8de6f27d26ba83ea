// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { abandonerProfile, fakeVitrin, profileWith, setPage } from "./content-fixtures.js";
import { mountContent } from "./content-mount.js";

const page = setPage;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

const OFFERS = [
  {
    id: "welcome",
    text: { tr: "Hoş geldin! İlk siparişine %10 indirim", en: "Welcome! 10% off" },
    code: "HOSGELDIN10",
    link: "/kampanya",
    visitor: "new",
    maxViews: 2,
  },
  { id: "lapsed", text: "Seni özledik", segment: "lapsed" },
  { id: "shipping", kind: "badge", text: "Kargo bedava" },
  {
    id: "evil",
    kind: "badge",
    text: '<img src=x onerror="alert(1)">',
    link: "https://magaza.example/x",
  },
  { id: "sneaky", kind: "badge", text: "Tıkla", link: "javascript:alert(1)" },
];

beforeEach(() => localStorage.clear());
afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe("offer slots", () => {
  it("shows the first matching banner as a labelled region, and badges as text", () => {
    page(
      `<div id="top" data-vitrin-offer-slot></div><p>Ürün <span data-vitrin-offer-slot="badge"></span></p>`,
    );
    const { vitrin, $profile } = fakeVitrin(profileWith());
    const stop = mountContent(vitrin, { offers: OFFERS });
    const banner = document.querySelector("aside.vitrin-offer--banner");
    expect(banner?.getAttribute("aria-label")).toBe("Kampanya");
    expect(banner?.getAttribute("data-vitrin-offer-id")).toBe("welcome");
    expect(banner?.querySelector(".vitrin-offer__text")?.textContent).toBe(
      "Hoş geldin! İlk siparişine %10 indirim",
    );
    expect(banner?.querySelector("a")?.getAttribute("href")).toBe(`${location.origin}/kampanya`);
    const badges = [...document.querySelectorAll(".vitrin-offer--badge")];
    expect(badges.map((b) => b.textContent)).toEqual([
      "Kargo bedava",
      '<img src=x onerror="alert(1)">',
    ]);
    expect(document.querySelector("img")).toBeNull();
    // The javascript: link was refused when the offers were read: no link at all.
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();

    $profile.set(profileWith({ segments: ["returning", "lapsed"], returning: true }));
    expect(
      document.querySelector(".vitrin-offer--banner")?.getAttribute("data-vitrin-offer-id"),
    ).toBe("lapsed");
    $profile.set(undefined);
    expect(document.querySelector(".vitrin-offer")).toBeNull();
    stop();
  });

  it("reads offers from an inline JSON script and warns about bad ones", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    page(`<script type="application/json" data-vitrin-offers>
      [{"id": "night", "text": {"tr": "Gece indirimi", "en": "Night sale"}, "daypart": "evening"},
       {"id": "broken", "text": "x", "start": "yarın"}]
    </script><div lang="en"><div data-vitrin-offer-slot="banner"></div></div>`);
    const { vitrin } = fakeVitrin(profileWith());
    const stop = mountContent(vitrin);
    expect(document.querySelector(".vitrin-offer__text")?.textContent).toBe("Night sale");
    expect(warn).toHaveBeenCalledWith(
      "[vitrin] <script data-vitrin-offers>: offers[1].start: expected an ISO date like 2026-12-31",
    );
    stop();
  });

  it("warns about an unknown slot kind, naming the element", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    page(`<div id="bant" data-vitrin-offer-slot="popup"></div>`);
    const stop = mountContent(fakeVitrin(profileWith()).vitrin, { offers: OFFERS });
    expect(warn).toHaveBeenCalledWith(
      '[vitrin] <div#bant> data-vitrin-offer-slot="popup": expected "banner", "badge" or no value (a banner)',
    );
    expect(document.querySelector(".vitrin-offer")).toBeNull();
    stop();
  });

  it("copies the code, or selects it when the clipboard is refused", async () => {
    page(`<div data-vitrin-offer-slot></div>`);
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const stop = mountContent(fakeVitrin(profileWith()).vitrin, { offers: OFFERS });
    const button = document.querySelector<HTMLButtonElement>(".vitrin-offer__copy");
    expect(button?.getAttribute("aria-label")).toBe("Kodu kopyala: HOSGELDIN10");
    button?.click();
    await tick();
    expect(writeText).toHaveBeenCalledWith("HOSGELDIN10");
    expect(document.querySelector('[role="status"]')?.textContent).toBe("Kod kopyalandı");

    writeText.mockRejectedValue(new Error("denied"));
    button?.click();
    await tick();
    expect(getSelection()?.toString()).toBe("HOSGELDIN10");
    expect(document.querySelector('[role="status"]')?.textContent).toBe(
      "Kod seçildi, kopyalayabilirsin",
    );
    stop();
    Reflect.deleteProperty(navigator, "clipboard");
  });

  it("counts a view once per page, stores counts only when Vitrin may store, and caps", () => {
    page(`<div data-vitrin-offer-slot></div><div data-vitrin-offer-slot></div>`);
    const { vitrin, $profile, allowStorage } = fakeVitrin(profileWith());
    allowStorage(true);
    let stop = mountContent(vitrin, { offers: OFFERS });
    $profile.set(profileWith({ segments: ["buyer"] }));
    // Two slots and a new profile on one page: one view.
    expect(JSON.parse(localStorage.getItem("vitrin:offers") ?? "{}")).toEqual({
      welcome: { total: 1, session: 1, inSession: 1 },
    });
    stop();
    stop = mountContent(vitrin, { offers: OFFERS });
    expect(document.querySelectorAll(".vitrin-offer--banner")).toHaveLength(2);
    stop();
    // maxViews: 2 reached; the third page load shows nothing.
    stop = mountContent(vitrin, { offers: OFFERS });
    expect(document.querySelector(".vitrin-offer--banner")).toBeNull();
    stop();

    // Without storage, the caps hold for as long as the page does.
    localStorage.clear();
    allowStorage(false);
    const once = [{ id: "only-once", text: "Bir kez", maxViews: 1 }];
    stop = mountContent(vitrin, { offers: once });
    expect(document.querySelectorAll(".vitrin-offer--banner")).toHaveLength(2);
    stop();
    stop = mountContent(vitrin, { offers: once });
    expect(document.querySelector(".vitrin-offer--banner")).toBeNull();
    stop();
    expect(localStorage.getItem("vitrin:offers")).toBeNull();
  });
});

describe("mountContent", () => {
  it("mounts elements added later and stops those removed", async () => {
    page(`<main></main>`);
    const { vitrin, $profile } = fakeVitrin(abandonerProfile(["KTP-1"]));
    const stop = mountContent(vitrin, { offers: OFFERS });
    const main = document.querySelector("main") as HTMLElement;
    const reminder = document.createElement("div");
    reminder.setAttribute("data-vitrin-cart-reminder", "");
    main.append(reminder);
    await tick();
    expect(reminder.querySelector(".vitrin-reminder")).not.toBeNull();
    reminder.remove();
    await tick();
    const listen = vi.spyOn($profile, "listen");
    $profile.set(abandonerProfile(["KTP-2"]));
    // Unmounted: the removed element is no longer redrawn.
    expect(reminder.querySelector(".vitrin-reminder")).toBeNull();
    expect(listen).not.toHaveBeenCalled();
    stop();
  });

  it("contains a failing element: one console error, the rest of the page still personalized", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    page(`<div id="a" data-vitrin-content><template data-vitrin-variant="visitor:new"><p>A</p></template><div data-vitrin-default>a</div></div>
      <div id="b" data-vitrin-content><template data-vitrin-variant="visitor:new"><p>B</p></template><div data-vitrin-default>b</div></div>`);
    const broken = document.querySelector("#a [data-vitrin-default]") as HTMLElement;
    broken.after = () => {
      throw new Error("boom");
    };
    const { vitrin } = fakeVitrin(profileWith());
    expect(() => mountContent(vitrin)()).not.toThrow();
    expect(error).toHaveBeenCalledWith(
      "[vitrin] showing a variant of <div#a> failed, continuing without personalization: boom",
    );
    const stop = mountContent(vitrin);
    expect(document.querySelector("#b .vitrin-variant")?.textContent).toBe("B");
    stop();
  });
});
