// @vitest-environment happy-dom
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mountSlots } from "./mount.js";
import { destroyAll, device, settle, vitrinWith } from "./slot-fixtures.js";
import { distance, suggest } from "./suggest.js";
import { checkAttributes, KNOWN_ATTRIBUTES } from "./typos.js";

/** An element with attributes and children, built without parsing markup. */
function el(tag: string, attrs: Record<string, string>, ...children: Element[]): Element {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const warnings = () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  return () => warn.mock.calls.map(([m]) => String(m));
};

afterEach(async () => {
  await destroyAll();
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe("suggest", () => {
  it("names the known name a typo is closest to, else all of them", () => {
    expect(distance("data-vitrin-solt", "data-vitrin-slot")).toBe(0);
    expect(distance("data-vitrin-limt", "data-vitrin-limit")).toBe(1);
    expect(distance("kitten", "sitting")).toBe(5);
    expect(distance("", "abc")).toBe(3);
    expect(suggest("data-vitrin-solt", KNOWN_ATTRIBUTES)).toBe("did you mean data-vitrin-slot?");
    expect(suggest("data-vitrin-banner", ["data-vitrin-slot", "data-vitrin-item"])).toBe(
      "expected one of data-vitrin-slot, data-vitrin-item",
    );
  });
});

describe("checkAttributes", () => {
  it("warns once per misspelt attribute, naming the element and the name it meant", () => {
    const said = warnings();
    document.body.append(
      el(
        "section",
        { id: "pdp" },
        el("div", { id: "rec", "data-vitrin-solt": "similar", "data-vitrin-limt": "4" }),
        el("a", { "data-vitrin-item": "A", "data-vitrin-itme": "A" }),
        el("button", { "data-vitrin-event": "add_to_cart", "data-vitrin-quantity": "2" }),
        el(
          "div",
          { "data-vitrin-content": "" },
          el("template", { "data-vitrin-variant": "persona:x" }),
          el("div", { "data-vitrin-default": "" }),
        ),
      ),
    );
    checkAttributes(document);
    checkAttributes(document);
    expect(said()).toEqual([
      '[vitrin] <div#rec>: data-vitrin-solt="similar" is not a Vitrin attribute; did you mean data-vitrin-slot?',
      '[vitrin] <div#rec>: data-vitrin-limt="4" is not a Vitrin attribute; did you mean data-vitrin-limit?',
      '[vitrin] <a>: data-vitrin-itme="A" is not a Vitrin attribute; did you mean data-vitrin-item?',
    ]);
  });

  it("leaves slot elements to the slot reader, and knows every attribute Vitrin writes", () => {
    const said = warnings();
    document.body.append(el("div", { "data-vitrin-slot": "trending", "data-vitrin-titel": "x" }));
    checkAttributes(document.body);
    expect(said()).toEqual([]);
    for (const name of ["data-vitrin-state", "data-vitrin-list", "data-vitrin-offer-id"])
      expect(KNOWN_ATTRIBUTES).toContain(name);
  });

  it("knows every data-vitrin-* name the code, docs and examples use (so none is ever warned about)", () => {
    // A path from a string: under happy-dom, URL is the fake browser's.
    const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
    const files = (dir: string): string[] =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? ["dist", "node_modules"].includes(entry.name)
            ? []
            : files(join(dir, entry.name))
          : /\.(ts|tsx|mjs|md|html)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)
            ? [join(dir, entry.name)]
            : [],
      );
    const used = new Set<string>();
    for (const file of [...files("packages"), ...files("examples"), ...files("docs"), "README.md"])
      for (const [name] of readFileSync(join(root, file), "utf8").matchAll(
        /data-vitrin-[a-z-]*[a-z]/g,
      ))
        used.add(name);
    // The typos the docs show on purpose, and a placeholder in a comment.
    const examples = ["data-vitrin-solt", "data-vitrin-iten", "data-vitrin-x"];
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((n) => !KNOWN_ATTRIBUTES.includes(n) && !examples.includes(n))).toEqual(
      [],
    );
  });

  it("runs over the page when idle, and over what is added later, from mountSlots", async () => {
    const said = warnings();
    const vitrin = await vitrinWith([]);
    document.body.append(el("div", { "data-vitrin-slto": "trending" }));
    const stop = mountSlots(vitrin, { unstyled: true, conditions: device() });
    expect(said()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(said()).toEqual([
      '[vitrin] <div>: data-vitrin-slto="trending" is not a Vitrin attribute; did you mean data-vitrin-slot?',
    ]);
    document.body.append(el("p", {}, el("span", { id: "x", "data-vitrin-cart-reminer": "" })));
    // Checked when idle too, not in the observer's callback.
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(said().at(-1)).toBe(
      '[vitrin] <span#x>: data-vitrin-cart-reminer="" is not a Vitrin attribute; did you mean data-vitrin-cart-reminder?',
    );
    stop();
  });
});
