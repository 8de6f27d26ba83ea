/** @jsxImportSource react */
// @vitest-environment happy-dom
// Runs twice: under the root's React 19 (project "unit") and React 18 (project "react-18").
import { memoryStores, type Vitrin } from "@vitrin/core";
import { act, StrictMode, useEffect, version } from "react";
import { version as domVersion } from "react-dom";
import { createRoot, hydrateRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  abandonerProfile,
  fakeVitrin as contentVitrin,
  profileWith,
} from "../../widgets/src/content-fixtures.js";
import {
  CATALOG,
  destroyAll,
  FakeIntersectionObserver,
  settle,
  vitrinWith,
} from "../../widgets/src/slot-fixtures.js";
import {
  CartReminder,
  RecommendationSlot,
  useProfile,
  useRecommendations,
  useSegment,
  useVitrin,
  Variant,
  VitrinProvider,
} from "./index.js";

const ACT = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
let root: Root | undefined;
let container: HTMLElement;

function mount(tree: React.ReactNode) {
  container = document.createElement("div");
  document.body.append(container);
  const made = createRoot(container);
  root = made;
  act(() => made.render(tree));
}
/** Lets stores, microtasks and effects settle inside act(). */
const flush = () => act(() => settle());
const cardIds = (el: Element) =>
  [...el.querySelectorAll(".vitrin-card [data-vitrin-item]")].map((c) =>
    c.getAttribute("data-vitrin-item"),
  );

interface Seen {
  status: string;
  ids: string[];
  viewed?: string | undefined;
  segments: number;
}

/** Records what the hooks give on every render. */
function ListProbe({ seen }: { seen: Seen[] }) {
  const list = useRecommendations("recently-viewed", { limit: 3 });
  const profile = useProfile();
  const segments = useSegment();
  const ids = list.status === "ready" ? list.picks.map((p) => p.item.id) : [];
  seen.push({
    status: list.status,
    ids,
    viewed: profile?.memory.recentlyViewed[0],
    segments: segments.length,
  });
  return <ol>{ids.join(",")}</ol>;
}

function SegmentProbe() {
  return <p>{`${useSegment("returning")}|${useSegment("lapsed")}|${useSegment().join()}`}</p>;
}

function UnknownStrategyProbe() {
  // A JavaScript app can pass anything.
  return <p>{useRecommendations("bestsellers" as "trending").status}</p>;
}

function InstanceProbe({ onInstance }: { onInstance(vitrin: Vitrin): void }) {
  const vitrin = useVitrin();
  useEffect(() => {
    if (vitrin) onInstance(vitrin);
  }, [vitrin, onInstance]);
  return <p>{useRecommendations("trending", { limit: 2 }).status}</p>;
}

beforeEach(() => {
  ACT.IS_REACT_ACT_ENVIRONMENT = true;
  FakeIntersectionObserver.all = [];
  vi.stubGlobal("IntersectionObserver", FakeIntersectionObserver);
  sessionStorage.clear();
});
afterEach(async () => {
  if (root) act(() => root?.unmount());
  root = undefined;
  await destroyAll();
  document.body.replaceChildren();
  document.documentElement.removeAttribute("lang");
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe(`@vitrin/react under React ${process.env.VITRIN_REACT}`, () => {
  it("runs on the React version this project stands for", () => {
    const major = process.env.VITRIN_REACT;
    expect(["18", "19"]).toContain(major);
    expect(version.split(".")[0]).toBe(major);
    expect(domVersion.split(".")[0]).toBe(major);
  });
});

describe("provider and hooks", () => {
  it("give the profile, segments and a recommendation list that follow tracked events", async () => {
    const vitrin = await vitrinWith(["A", "B"]);
    const seen: Seen[] = [];
    mount(
      <VitrinProvider vitrin={vitrin}>
        <ListProbe seen={seen} />
      </VitrinProvider>,
    );
    // The first render has no instance (it could be hydrating), the next one has its data.
    expect(seen[0]).toEqual({ status: "loading", ids: [], viewed: undefined, segments: 0 });
    expect(container.textContent).toBe("B,A");
    expect(seen.at(-1)?.viewed).toBe("B");

    // The item viewed last is the one on screen, which no list shows.
    vitrin.track("view_item", { items: [{ item_id: "F" }] });
    vitrin.track("view_item", { items: [{ item_id: "G" }] });
    await flush();
    expect(container.textContent).toBe("F,B,A");
    expect(seen.at(-1)?.viewed).toBe("G");
  });

  it("useSegment(id) answers for one segment, and the answer follows the profile", () => {
    const { vitrin, $profile } = contentVitrin(profileWith({ segments: ["returning"] }));
    mount(
      <VitrinProvider vitrin={vitrin}>
        <SegmentProbe />
      </VitrinProvider>,
    );
    expect(container.textContent).toBe("true|false|returning");
    act(() => $profile.set(profileWith({ segments: ["lapsed"] })));
    expect(container.textContent).toBe("false|true|lapsed");
  });

  it("an unknown strategy is unavailable, with one warning, and breaks nothing", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { vitrin } = contentVitrin(profileWith());
    mount(
      <VitrinProvider vitrin={vitrin}>
        <UnknownStrategyProbe />
        <UnknownStrategyProbe />
      </VitrinProvider>,
    );
    expect(container.textContent).toBe("unavailableunavailable");
    expect(warn.mock.calls.filter(([m]) => String(m).includes('"bestsellers"'))).toHaveLength(1);
  });

  it("with options, makes its own instance in the browser and destroys it on unmount", async () => {
    let made: Vitrin | undefined;
    mount(
      <VitrinProvider options={{ catalog: CATALOG, stores: memoryStores(), dataLayer: false }}>
        <InstanceProbe
          onInstance={(vitrin) => {
            made = vitrin;
          }}
        />
      </VitrinProvider>,
    );
    expect(made).toBeDefined();
    await act(async () => {
      await made?.ready;
      await settle();
    });
    expect(container.textContent).toBe("ready");
    const destroy = vi.spyOn(made as Vitrin, "destroy");
    act(() => root?.unmount());
    root = undefined;
    expect(destroy).toHaveBeenCalledTimes(1);
  });
});

describe("<RecommendationSlot>", () => {
  it("renders the slot element and lets Vitrin draw cards into it after mount", async () => {
    const vitrin = await vitrinWith(["A", "C", "B"]);
    mount(
      <StrictMode>
        <VitrinProvider vitrin={vitrin} lang="en">
          <RecommendationSlot strategy="recently-viewed" limit={4} layout="mobile:carousel grid" />
        </VitrinProvider>
      </StrictMode>,
    );
    const slot = container.querySelector("[data-vitrin-slot]") as HTMLElement;
    expect(slot.getAttribute("data-vitrin-slot")).toBe("recently-viewed");
    expect(slot.getAttribute("data-vitrin-limit")).toBe("4");
    expect(slot.getAttribute("data-vitrin-layout")).toBe("mobile:carousel grid");
    // Strict mode mounts, unmounts and mounts again: one renderer remains.
    expect(slot.querySelectorAll(".vitrin-slot-root")).toHaveLength(1);
    expect(cardIds(slot)).toEqual(["B", "C", "A"]);
    expect(slot.querySelector("h2")?.textContent).toBe("Recently viewed");
    expect(slot.getAttribute("data-vitrin-state")).toBe("ready");
  });

  it("remounts when its props change, and unmounts cleanly", async () => {
    const vitrin = await vitrinWith(["A", "B"]);
    const tree = (strategy: "recently-viewed" | "similar") => (
      <VitrinProvider vitrin={vitrin}>
        <RecommendationSlot strategy={strategy} item="A" limit="3" title="" />
      </VitrinProvider>
    );
    mount(tree("recently-viewed"));
    const slot = container.querySelector("[data-vitrin-slot]") as HTMLElement;
    expect(cardIds(slot)).toEqual(["B", "A"]);
    act(() => root?.render(tree("similar")));
    expect(slot.getAttribute("data-vitrin-slot")).toBe("similar");
    expect(slot.querySelectorAll(".vitrin-slot-root")).toHaveLength(1);
    expect(cardIds(slot)).not.toContain("A");
    expect(cardIds(slot).length).toBeGreaterThan(0);
    expect(slot.querySelector("h2")).toBeNull();
    act(() => root?.unmount());
    root = undefined;
    expect(slot.querySelector(".vitrin-slot-root")).toBeNull();
  });

  it("gives the HTML slots' one warning for a bad value and stays empty, showing its fallback", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const vitrin = await vitrinWith(["A"]);
    mount(
      <VitrinProvider vitrin={vitrin}>
        <RecommendationSlot
          strategy="recently-viewed"
          layout="carousell"
          fallback={<p>Henüz bir şeye bakmadın</p>}
        />
      </VitrinProvider>,
    );
    const slot = container.querySelector("[data-vitrin-slot]") as HTMLElement;
    expect(slot.getAttribute("data-vitrin-state")).toBe("empty");
    expect(cardIds(slot)).toEqual([]);
    expect(slot.querySelector("[data-vitrin-fallback]")?.textContent).toBe(
      "Henüz bir şeye bakmadın",
    );
    const warnings = warn.mock.calls.map(([m]) => String(m)).filter((m) => m.includes("carousell"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('data-vitrin-layout="carousell"');
    expect(warnings[0]).toContain("expected carousel, grid, list or strip");
  });
});

describe("<CartReminder>", () => {
  it("greets a returning shopper with the items left in the cart, and closes", () => {
    const { vitrin } = contentVitrin(abandonerProfile(["KTP-1", "KTP-2"]));
    mount(
      <VitrinProvider vitrin={vitrin} lang="tr">
        <CartReminder cartUrl="/sepet" incentive="Alışverişine özel 20 TL hediye çeki" />
      </VitrinProvider>,
    );
    const message = container.querySelector(".vitrin-reminder__message");
    expect(message?.textContent).toBe("Sepetinde seni bekleyen 2 roman var!");
    expect(container.querySelector(".vitrin-reminder__incentive")?.textContent).toBe(
      "Alışverişine özel 20 TL hediye çeki",
    );
    expect(container.querySelector(".vitrin-reminder__cta")?.getAttribute("href")).toMatch(
      /^http:\/\/localhost(:\d+)?\/sepet$/,
    );
    expect(container.querySelector(".vitrin-reminder-box--toast")).not.toBeNull();
    act(() => (container.querySelector(".vitrin-reminder__close") as HTMLElement).click());
    expect(container.querySelector(".vitrin-reminder")).toBeNull();
  });

  it("speaks English, sits inline when asked, shows nothing to a new shopper and refuses a javascript: link", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { vitrin, $profile } = contentVitrin(profileWith());
    mount(
      <VitrinProvider vitrin={vitrin} lang="en">
        <CartReminder cartUrl="javascript:alert(1)" inline />
      </VitrinProvider>,
    );
    expect(container.querySelector(".vitrin-reminder")).toBeNull();
    act(() => $profile.set(abandonerProfile(["KTP-1"])));
    expect(container.querySelector(".vitrin-reminder__message")?.textContent).toBe(
      "You have 1 item waiting in your cart!",
    );
    expect(container.querySelector(".vitrin-reminder-box--toast")).toBeNull();
    expect(container.querySelector(".vitrin-reminder__cta")?.getAttribute("href")).toMatch(
      /^http:\/\/localhost(:\d+)?\/sepet$/,
    );
    expect(warn.mock.calls.map(([m]) => String(m))).toContainEqual(
      expect.stringContaining('<CartReminder> cartUrl="javascript:alert(1)"'),
    );
  });
});

describe("<Variant>", () => {
  it("shows otherwise until the profile is known and while the condition fails; nests", () => {
    const { vitrin, $profile } = contentVitrin(undefined);
    mount(
      <VitrinProvider vitrin={vitrin}>
        <Variant
          when="persona:bargain-hunter"
          otherwise={
            <Variant when="segment:returning device:desktop" otherwise={<p>Kış koleksiyonu</p>}>
              <p>Tekrar hoş geldin</p>
            </Variant>
          }
        >
          <p>İndirimler</p>
        </Variant>
      </VitrinProvider>,
    );
    expect(container.textContent).toBe("Kış koleksiyonu");
    act(() => $profile.set(profileWith({ persona: "bargain-hunter" })));
    expect(container.textContent).toBe("İndirimler");
    act(() =>
      $profile.set(profileWith({ segments: ["returning"], context: { device: "desktop" } })),
    );
    expect(container.textContent).toBe("Tekrar hoş geldin");
    act(() =>
      $profile.set(profileWith({ segments: ["returning"], context: { device: "mobile" } })),
    );
    expect(container.textContent).toBe("Kış koleksiyonu");
  });

  it("a bad condition shows otherwise, with one warning", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { vitrin } = contentVitrin(profileWith({ persona: "bargain-hunter" }));
    mount(
      <VitrinProvider vitrin={vitrin}>
        <Variant when="persona:Bargain_Hunter" otherwise={<p>Herkes</p>}>
          <p>İndirimler</p>
        </Variant>
      </VitrinProvider>,
    );
    expect(container.textContent).toBe("Herkes");
    const warnings = warn.mock.calls.map(([m]) => String(m)).filter((m) => m.includes("Bargain"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('<Variant when="persona:Bargain_Hunter">');
  });
});

describe("server rendering and hydration", () => {
  const app = (provider: { vitrin?: Vitrin; options?: object }) => (
    <VitrinProvider {...provider} lang="tr">
      <main>
        <RecommendationSlot
          strategy="recently-viewed"
          limit="mobile:4 desktop:8"
          layout="mobile:carousel desktop:grid"
          title="Son baktıkların"
          fallback={<p>Henüz yok</p>}
        />
        <Variant when="persona:bargain-hunter" otherwise={<p>Herkese merhaba</p>}>
          <p>İndirimler</p>
        </Variant>
        <CartReminder cartUrl="/sepet" />
      </main>
    </VitrinProvider>
  );

  it("renders empty, size-reserved slots and the default content, without starting Vitrin", () => {
    let started = false;
    const options = {
      catalog: CATALOG,
      dataLayer: false,
      get stores() {
        started = true;
        return memoryStores();
      },
    };
    const html = renderToString(app({ options }));
    expect(started).toBe(false);
    expect(html).toContain(
      '<div data-vitrin-slot="recently-viewed" data-vitrin-limit="mobile:4 desktop:8" data-vitrin-layout="mobile:carousel desktop:grid" data-vitrin-title="Son baktıkların"><div data-vitrin-fallback=""><p>Henüz yok</p></div></div>',
    );
    expect(html).toContain("<p>Herkese merhaba</p>");
    expect(html).toContain('<div data-vitrin-component="cart-reminder"></div>');
    expect(html).not.toContain("vitrin-slot-root");
    expect(html).not.toContain("İndirimler");
  });

  it("hydrates the server's HTML without a warning, then fills the slot and picks the variant", async () => {
    const vitrin = await vitrinWith(["A", "B"]);
    const html = renderToString(app({}));
    // The server's HTML goes into the page as parsed nodes (no code here assigns HTML strings).
    const parsed = new DOMParser().parseFromString(`<div id="app">${html}</div>`, "text/html");
    container = document.importNode(parsed.getElementById("app") as HTMLElement, true);
    document.body.append(container);
    const serverSlot = container.querySelector("[data-vitrin-slot]");
    const errors = vi.spyOn(console, "error");
    const recoverable: unknown[] = [];
    await act(async () => {
      root = hydrateRoot(container, app({ vitrin }), {
        onRecoverableError: (error) => recoverable.push(error),
      });
    });
    await flush();
    expect(errors).not.toHaveBeenCalled();
    expect(recoverable).toEqual([]);
    // The very element the server sent is kept, and Vitrin drew into it.
    const slot = container.querySelector("[data-vitrin-slot]") as HTMLElement;
    expect(slot).toBe(serverSlot);
    expect(cardIds(slot)).toEqual(["B", "A"]);
    expect(slot.getAttribute("data-vitrin-state")).toBe("ready");
    expect(container.textContent).toContain("Herkese merhaba");

    // A hydrated tree keeps following the shopper: the item viewed before this one joins the slot.
    vitrin.track("view_item", { items: [{ item_id: "F" }] });
    vitrin.track("view_item", { items: [{ item_id: "G" }] });
    await flush();
    expect(cardIds(slot)).toEqual(["F", "B", "A"]);
    expect(errors).not.toHaveBeenCalled();
  });

  it("hydrates a provider with options the same way, starting Vitrin only on the client", async () => {
    const html = renderToString(app({ options: { catalog: CATALOG, dataLayer: false } }));
    const parsed = new DOMParser().parseFromString(`<div id="app">${html}</div>`, "text/html");
    container = document.importNode(parsed.getElementById("app") as HTMLElement, true);
    document.body.append(container);
    const errors = vi.spyOn(console, "error");
    const recoverable: unknown[] = [];
    await act(async () => {
      root = hydrateRoot(
        container,
        app({ options: { catalog: CATALOG, stores: memoryStores(), dataLayer: false } }),
        { onRecoverableError: (error) => recoverable.push(error) },
      );
    });
    await flush();
    expect(errors).not.toHaveBeenCalled();
    expect(recoverable).toEqual([]);
    // A new shopper: nothing viewed yet, so the slot is empty and shows its fallback.
    const slot = container.querySelector("[data-vitrin-slot]") as HTMLElement;
    expect(slot.getAttribute("data-vitrin-state")).toBe("empty");
  });
});
