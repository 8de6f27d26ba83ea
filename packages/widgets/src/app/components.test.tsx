// @vitest-environment happy-dom
// The Preact flavour of the app API; packages/react/src/react.test.tsx holds the same cases for React.
import { memoryStores, type Vitrin } from "@vitrin/core";
import { type ComponentChildren, hydrate, render } from "preact";
import { useEffect } from "preact/hooks";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { abandonerProfile, fakeVitrin as contentVitrin, profileWith } from "../content-fixtures.js";
import {
  CATALOG,
  destroyAll,
  FakeIntersectionObserver,
  settle,
  vitrinWith,
} from "../slot-fixtures.js";
import { CartReminder, RecommendationSlot, Variant } from "./components.js";
import { useProfile, useRecommendations, useSegment } from "./hooks.js";
import { useVitrin, VitrinProvider } from "./provider.js";

let container: HTMLElement;

function mount(tree: ComponentChildren) {
  container = document.createElement("div");
  document.body.append(container);
  act(() => render(tree, container));
}
const flush = () =>
  act(async () => {
    await settle();
  });
const cardIds = (el: Element) =>
  [...el.querySelectorAll(".vitrin-card [data-vitrin-item]")].map((c) =>
    c.getAttribute("data-vitrin-item"),
  );

beforeEach(() => {
  FakeIntersectionObserver.all = [];
  vi.stubGlobal("IntersectionObserver", FakeIntersectionObserver);
  sessionStorage.clear();
});
afterEach(async () => {
  if (container) act(() => render(null, container));
  await destroyAll();
  document.body.replaceChildren();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("Preact provider and hooks", () => {
  it("give the profile, segments and a recommendation list that follow tracked events", async () => {
    const vitrin = await vitrinWith(["A", "B"]);
    const seen: string[] = [];
    function Probe() {
      const list = useRecommendations("recently-viewed", { limit: 3 });
      const profile = useProfile();
      const ids = list.status === "ready" ? list.picks.map((p) => p.item.id) : [];
      seen.push(
        `${list.status}:${profile?.memory.recentlyViewed[0] ?? "-"}:${useSegment().length}`,
      );
      return <ol>{ids.join(",")}</ol>;
    }
    mount(
      <VitrinProvider vitrin={vitrin}>
        <Probe />
      </VitrinProvider>,
    );
    expect(seen[0]).toBe("loading:-:0");
    expect(container.textContent).toBe("B,A");
    // The item viewed last is the one on screen, which no list shows.
    vitrin.track("view_item", { items: [{ item_id: "F" }] });
    vitrin.track("view_item", { items: [{ item_id: "G" }] });
    await flush();
    expect(container.textContent).toBe("F,B,A");
    expect(seen.at(-1)).toMatch(/^ready:G:/);
  });

  it("useSegment(id) answers for one segment, following the profile", () => {
    const { vitrin, $profile } = contentVitrin(profileWith({ segments: ["returning"] }));
    function Probe() {
      return <p>{`${useSegment("returning")}|${useSegment().join()}`}</p>;
    }
    mount(
      <VitrinProvider vitrin={vitrin}>
        <Probe />
      </VitrinProvider>,
    );
    expect(container.textContent).toBe("true|returning");
    act(() => $profile.set(profileWith({ segments: ["lapsed"] })));
    expect(container.textContent).toBe("false|lapsed");
  });

  it("with options, makes its own instance after mount and destroys it on unmount", async () => {
    let made: Vitrin | undefined;
    function Probe() {
      const vitrin = useVitrin();
      useEffect(() => {
        if (vitrin) made = vitrin;
      }, [vitrin]);
      return <p>{useRecommendations("trending", { limit: 2 }).status}</p>;
    }
    mount(
      <VitrinProvider options={{ catalog: CATALOG, stores: memoryStores(), dataLayer: false }}>
        <Probe />
      </VitrinProvider>,
    );
    expect(made).toBeDefined();
    await act(async () => {
      await made?.ready;
      await settle();
    });
    expect(container.textContent).toBe("ready");
    const destroy = vi.spyOn(made as Vitrin, "destroy");
    act(() => render(null, container));
    expect(destroy).toHaveBeenCalledTimes(1);
  });
});

describe("Preact components", () => {
  it("<RecommendationSlot>: an empty reserved element first, Vitrin's cards after mount, remounted on new props", async () => {
    const vitrin = await vitrinWith(["A", "C", "B"]);
    const tree = (limit: number) => (
      <VitrinProvider vitrin={vitrin} lang="en">
        <RecommendationSlot
          strategy="recently-viewed"
          limit={limit}
          layout="mobile:carousel grid"
          fallback={<p>Nothing yet</p>}
        />
      </VitrinProvider>
    );
    container = document.createElement("div");
    document.body.append(container);
    // The first render, before any effect: what a server (or the hydrating client) has.
    render(tree(4), container);
    const slot = container.querySelector("[data-vitrin-slot]") as HTMLElement;
    expect(slot.getAttribute("data-vitrin-limit")).toBe("4");
    expect(slot.getAttribute("data-vitrin-layout")).toBe("mobile:carousel grid");
    expect(slot.querySelector(".vitrin-slot-root")).toBeNull();
    expect(slot.querySelector("[data-vitrin-fallback]")?.textContent).toBe("Nothing yet");
    // Preact runs effects after the next frame (at most 35 ms later without one).
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    await flush();
    expect(cardIds(slot)).toEqual(["B", "C", "A"]);
    expect(slot.querySelector("h2")?.textContent).toBe("Recently viewed");
    act(() => render(tree(2), container));
    expect(slot.querySelectorAll(".vitrin-slot-root")).toHaveLength(1);
    expect(cardIds(slot)).toEqual(["B", "C"]);
    act(() => render(null, container));
    expect(slot.querySelector(".vitrin-slot-root")).toBeNull();
  });

  it("<RecommendationSlot> with a bad value gives the HTML slots' one warning and stays empty", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const vitrin = await vitrinWith(["A"]);
    mount(
      <VitrinProvider vitrin={vitrin}>
        <RecommendationSlot strategy="recently-viewed" limit={40} />
      </VitrinProvider>,
    );
    const slot = container.querySelector("[data-vitrin-slot]") as HTMLElement;
    expect(slot.getAttribute("data-vitrin-state")).toBe("empty");
    const warnings = warn.mock.calls.map(([m]) => String(m)).filter((m) => m.includes('="40"'));
    expect(warnings).toEqual([expect.stringContaining("expected a whole number from 1 to 24")]);
  });

  it("<CartReminder> greets a returning shopper with the cart's items", () => {
    const { vitrin } = contentVitrin(abandonerProfile(["KTP-1", "KTP-2"]));
    mount(
      <VitrinProvider vitrin={vitrin} lang="tr">
        <CartReminder cartUrl="/sepet" incentive="Alışverişine özel 20 TL hediye çeki" inline />
      </VitrinProvider>,
    );
    expect(container.querySelector(".vitrin-reminder__message")?.textContent).toBe(
      "Sepetinde seni bekleyen 2 roman var!",
    );
    expect(container.querySelector(".vitrin-reminder__incentive")?.textContent).toBe(
      "Alışverişine özel 20 TL hediye çeki",
    );
    expect(container.querySelector(".vitrin-reminder-box--toast")).toBeNull();
    act(() => render(null, container));
    expect(container.querySelector(".vitrin-reminder")).toBeNull();
  });

  it("<Variant> shows otherwise until the profile is known and while the condition fails; nests", () => {
    const { vitrin, $profile } = contentVitrin(undefined);
    mount(
      <VitrinProvider vitrin={vitrin}>
        <Variant
          when="persona:bargain-hunter"
          otherwise={
            <Variant when="segment:returning" otherwise={<p>Kış koleksiyonu</p>}>
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
    act(() => $profile.set(profileWith({ segments: ["returning"] })));
    expect(container.textContent).toBe("Tekrar hoş geldin");
  });

  it("hydrates first-render markup without an error, then fills the slot", async () => {
    const vitrin = await vitrinWith(["A", "B"]);
    const tree = (given?: Vitrin) => (
      <VitrinProvider vitrin={given}>
        <RecommendationSlot strategy="recently-viewed" title="Son baktıkların" />
        <Variant when="persona:bargain-hunter" otherwise={<p>Herkese merhaba</p>}>
          <p>İndirimler</p>
        </Variant>
      </VitrinProvider>
    );
    // What a server sends: the tree rendered without an instance, copied as parsed nodes.
    const server = document.createElement("div");
    render(tree(), server);
    const markup = new XMLSerializer().serializeToString(server);
    render(null, server);
    const parsed = new DOMParser().parseFromString(markup, "text/html");
    container = document.importNode(parsed.body.firstElementChild as HTMLElement, true);
    document.body.append(container);
    const serverSlot = container.querySelector("[data-vitrin-slot]");
    expect(serverSlot?.childElementCount).toBe(0);
    const errors = vi.spyOn(console, "error");
    act(() => hydrate(tree(vitrin), container));
    await flush();
    expect(errors).not.toHaveBeenCalled();
    const slot = container.querySelector("[data-vitrin-slot]") as HTMLElement;
    expect(slot).toBe(serverSlot);
    expect(cardIds(slot)).toEqual(["B", "A"]);
    expect(container.textContent).toContain("Herkese merhaba");
  });
});
