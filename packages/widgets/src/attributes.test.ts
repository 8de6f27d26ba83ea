// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { type Conditions, readSlotAttributes, resolveSlot } from "./attributes.js";

const DESKTOP: Conditions = {
  mobile: false,
  tablet: false,
  desktop: true,
  touch: false,
  mouse: true,
  saver: false,
  "reduced-motion": false,
};
const PHONE: Conditions = { ...DESKTOP, mobile: true, desktop: false, touch: true, mouse: false };

function element(attrs: Record<string, string>, tag = "div"): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  return el;
}
const errorOf = (attrs: Record<string, string>, tag?: string) => {
  const read = readSlotAttributes(element(attrs, tag));
  return read.ok ? undefined : read.error;
};

afterEach(() => document.body.replaceChildren());

describe("readSlotAttributes", () => {
  it("reads strategy, limit, title and item with defaults for the rest", () => {
    const read = readSlotAttributes(
      element({
        "data-vitrin-slot": "similar",
        "data-vitrin-limit": "8",
        "data-vitrin-title": "Benzer",
        "data-vitrin-item": "A",
      }),
    );
    expect(read).toEqual({
      ok: true,
      value: {
        strategy: { "": "similar" },
        limit: { "": 8 },
        layout: {},
        image: {},
        title: "Benzer",
        item: "A",
      },
    });
    expect(read.ok && resolveSlot(read.value, DESKTOP)).toEqual({
      strategy: "similar",
      limit: 8,
      layout: "grid",
      image: "medium",
      title: "Benzer",
      item: "A",
      id: "vitrin-similar",
    });
  });

  it("resolves per-device tokens: a bare default, conditions override it in a fixed order", () => {
    const read = readSlotAttributes(
      element({
        id: "recs",
        "data-vitrin-slot": "mobile:trending for-you",
        "data-vitrin-limit": "desktop:8 mobile:4",
        "data-vitrin-layout": "touch:carousel mobile:list grid",
        "data-vitrin-image": "large reduced-motion:small",
        "data-vitrin-autoplay": "",
      }),
    );
    if (!read.ok) throw new Error(read.error);
    expect(resolveSlot(read.value, DESKTOP)).toMatchObject({
      strategy: "for-you",
      limit: 8,
      layout: "grid",
      image: "large",
      id: "recs",
      autoplay: 5,
    });
    // `touch:` comes after `mobile:` in precedence, whatever the order of the tokens.
    expect(resolveSlot(read.value, PHONE)).toMatchObject({
      strategy: "trending",
      limit: 4,
      layout: "carousel",
      image: "large",
    });
    expect(resolveSlot(read.value, { ...PHONE, "reduced-motion": true })?.image).toBe("small");
    // No limit token for tablets and no bare one: the default.
    expect(resolveSlot(read.value, { ...DESKTOP, desktop: false, tablet: true })?.limit).toBe(6);
  });

  it("gives small images under data saver unless a saver: token says otherwise", () => {
    const plain = readSlotAttributes(
      element({ "data-vitrin-slot": "trending", "data-vitrin-image": "large" }),
    );
    const chosen = readSlotAttributes(
      element({ "data-vitrin-slot": "trending", "data-vitrin-image": "large saver:medium" }),
    );
    if (!plain.ok || !chosen.ok) throw new Error("unexpected");
    expect(resolveSlot(plain.value, { ...DESKTOP, saver: true })?.image).toBe("small");
    expect(resolveSlot(chosen.value, { ...DESKTOP, saver: true })?.image).toBe("medium");
  });

  it("has no strategy where none of its tokens applies", () => {
    const read = readSlotAttributes(element({ "data-vitrin-slot": "mobile:trending" }));
    expect(read.ok && resolveSlot(read.value, DESKTOP)).toBeUndefined();
  });

  it("names the element, the attribute and what is accepted, for every kind of problem", () => {
    expect(errorOf({ id: "rec", "data-vitrin-slot": "simlar" })).toBe(
      '<div#rec data-vitrin-slot="simlar">: data-vitrin-slot="simlar": "simlar" is not an accepted value; expected one of recently-viewed, similar, viewed-together, bought-together, trending, for-you, up-next, cart-cross-sell, buy-again, new-arrivals, optionally per condition (mobile, tablet, desktop, touch, mouse, saver, reduced-motion), e.g. "mobile:… desktop:…"',
    );
    expect(errorOf({ "data-vitrin-limit": "4" })).toContain(
      "data-vitrin-slot is missing; expected one of recently-viewed",
    );
    const cases: [Record<string, string>, string][] = [
      [
        { "data-vitrin-limit": "lots" },
        '"lots" is not an accepted value; expected a whole number from 1 to 24',
      ],
      [{ "data-vitrin-limit": "25" }, "from 1 to 24"],
      [{ "data-vitrin-limit": "0" }, "from 1 to 24"],
      [
        { "data-vitrin-layout": "mobile:carusel" },
        '"mobile:carusel" is not an accepted value; expected carousel, grid, list or strip',
      ],
      [{ "data-vitrin-layout": "phone:grid" }, '"phone:grid" is an unknown condition "phone"'],
      [{ "data-vitrin-limit": "mobile:4 mobile:8" }, '"mobile:8" is a second "mobile:" value'],
      [{ "data-vitrin-limit": "4 8" }, '"8" is a second default value'],
      [{ "data-vitrin-image": "huge" }, "expected small, medium or large"],
      [
        { "data-vitrin-autoplay": "fast" },
        'data-vitrin-autoplay="fast": expected nothing (5 s) or whole seconds from 2 to 30',
      ],
      [
        { "data-vitrin-limt": "3" },
        "unknown attribute data-vitrin-limt; did you mean data-vitrin-limit?",
      ],
    ];
    for (const [attrs, message] of cases)
      expect(errorOf({ "data-vitrin-slot": "trending", ...attrs })).toContain(message);
  });

  it("collects every problem of an element into one message", () => {
    const error = errorOf({
      "data-vitrin-slot": "bestsellers",
      "data-vitrin-layout": "slider",
      "data-vitrin-titel": "x",
    });
    expect(error?.match(/; /g)?.length).toBeGreaterThanOrEqual(2);
    expect(error).toContain("bestsellers");
    expect(error).toContain("slider");
    expect(error).toContain("data-vitrin-titel");
  });

  it("reads <vitrin-slot> attributes without the prefix, and flags unknown ones", () => {
    const read = readSlotAttributes(
      element(
        { strategy: "similar", limit: "mobile:4 8", layout: "carousel", id: "pdp" },
        "vitrin-slot",
      ),
    );
    if (!read.ok) throw new Error(read.error);
    expect(resolveSlot(read.value, PHONE)).toMatchObject({
      strategy: "similar",
      limit: 4,
      id: "pdp",
    });
    expect(
      errorOf({ strategy: "similar", lmit: "4", class: "x", "aria-label": "y" }, "vitrin-slot"),
    ).toBe('<vitrin-slot strategy="similar">: unknown attribute lmit; did you mean limit?');
    expect(errorOf({ strategy: "similar", autoscroll: "" }, "vitrin-slot")).toBe(
      '<vitrin-slot strategy="similar">: unknown attribute autoscroll; expected one of strategy, limit, layout, image, title, item, id, card, autoplay',
    );
    expect(errorOf({ strategy: "simlar" }, "vitrin-slot")).toContain('strategy="simlar"');
  });

  it("lets script options take the place of attributes, checked the same way", () => {
    const el = element({ "data-vitrin-slot": "trending", "data-vitrin-limit": "3" });
    const read = readSlotAttributes(el, { strategy: "for-you", layout: "list" });
    expect(read.ok && resolveSlot(read.value, DESKTOP)).toMatchObject({
      strategy: "for-you",
      limit: 3,
      layout: "list",
    });
    const bad = readSlotAttributes(el, { layout: "wall" });
    expect(!bad.ok && bad.error).toContain('data-vitrin-layout="wall"');
  });

  it("ignores its own state attribute", () => {
    expect(
      errorOf({ "data-vitrin-slot": "trending", "data-vitrin-state": "ready" }),
    ).toBeUndefined();
  });
});
