import { reportFailure, type Vitrin, warnOnce } from "@vitrin/core";
import { h, render as renderPreact } from "preact";
import {
  describeElement,
  readSlotAttributes,
  SLOT_ATTRIBUTES,
  type SlotAttributes,
} from "./attributes.js";
import { type ConnectOptions, connectSlot, type SlotRenderState } from "./connector.js";
import { SlotView } from "./slot-view.js";
import { adoptDefaultStyles } from "./styles.js";
import { checkAttributes } from "./typos.js";

/** Options of {@link mountSlots} and {@link mountSlot}. */
export interface MountOptions extends Omit<ConnectOptions, "element"> {
  /** Where to look for `[data-vitrin-slot]` elements, now and as they are added. Default: the document. */
  root?: ParentNode;
  /** Skip the default stylesheet (the page links `vitrin.css` or styles `.vitrin-*` itself). */
  unstyled?: boolean;
  /** Nonce for the `<style>` element used where constructed stylesheets are missing. */
  nonce?: string;
  /** A renderer of your own, instead of the built-in Preact one; draws into `container`. */
  render?: (state: SlotRenderState, container: HTMLElement) => void;
}

/** Options of one slot: the shared ones, plus attribute values that take the place of the element's. */
export interface SlotMountOptions extends MountOptions {
  attributes?: SlotAttributes;
}

interface Mounted {
  stop(): void;
  remount(): void;
}

const mounted = new Map<Element, Mounted>();

/**
 * Mounts one slot element: reads and checks its attributes (a problem → one console warning,
 * and the slot stays empty: collapsed, or showing its `data-vitrin-fallback` children), then
 * connects it and renders into a container of its own, leaving the merchant's markup alone.
 * Mounting an element again re-reads it. Returns a function that unmounts it.
 */
export function mountSlot(vitrin: Vitrin, el: Element, options: SlotMountOptions = {}): () => void {
  unmountSlot(el);
  let dispose = () => {};
  // Stops this mount only: a function kept from an earlier mount of the element does nothing.
  const stop = () => {
    if (mounted.get(el) !== entry) return;
    mounted.delete(el);
    el.removeAttribute("data-vitrin-state");
    dispose();
  };
  const entry: Mounted = { stop, remount: () => mountSlot(vitrin, el, options) };
  mounted.set(el, entry);
  try {
    if (!options.unstyled) adoptDefaultStyles(el.ownerDocument, options.nonce);
    const declared = readSlotAttributes(el, options.attributes);
    if (!declared.ok) {
      warnOnce(declared.error);
      el.setAttribute("data-vitrin-state", "empty");
      return stop;
    }
    const { card } = declared.value;
    const found = card ? el.ownerDocument.getElementById(card) : null;
    const template = found instanceof HTMLTemplateElement ? found : undefined;
    if (card && !template) {
      const attr = el.localName === "vitrin-slot" ? "card" : "data-vitrin-card";
      warnOnce(
        `${describeElement(el)}: ${attr}="${card}" names no <template>; expected the id of a <template> in the page`,
      );
      el.setAttribute("data-vitrin-state", "empty");
      return stop;
    }
    const container = el.ownerDocument.createElement("div");
    container.className = "vitrin-slot-root";
    el.append(container);
    const draw =
      options.render ??
      ((state: SlotRenderState) => renderPreact(h(SlotView, { state, template }), container));
    const disconnect = connectSlot(vitrin, declared.value, (state) => draw(state, container), {
      ...options,
      element: el,
    });
    dispose = () => {
      disconnect();
      if (!options.render) renderPreact(null, container);
      container.remove();
    };
  } catch (error) {
    reportFailure("mounting a slot", error);
  }
  return stop;
}

/** Unmounts the slot mounted on `el`, if any. */
export function unmountSlot(el: Element): void {
  mounted.get(el)?.stop();
}

/** Re-reads the attributes of every mounted slot and renders it again (after the page changed them). */
export function refreshSlots(): void {
  for (const entry of [...mounted.values()]) entry.remount();
}

/**
 * Mounts every slot declared with data attributes under `root`, and keeps following the page:
 * slots added later (a single-page app's new route, infinite scroll) are mounted, removed ones
 * unmounted, and a slot whose attributes change is mounted again. A misspelt `data-vitrin-*`
 * attribute anywhere under `root` gets one console warning. Returns a function that stops
 * following and unmounts them all.
 */
export function mountSlots(vitrin: Vitrin, options: MountOptions = {}): () => void {
  const root = options.root ?? document;
  const mine = new Set<Element>();
  const add = (node: ParentNode) => {
    const found = [...node.querySelectorAll("[data-vitrin-slot]")];
    if (node instanceof Element && node.matches("[data-vitrin-slot]")) found.push(node);
    for (const el of found)
      if (!mounted.has(el)) {
        mine.add(el);
        mountSlot(vitrin, el, options);
      }
  };
  add(root);
  // Misspelt attributes anywhere: the page, then what is added, in one pass when the browser
  // is idle (never in the observer's callback: route changes and our own renders add nodes).
  const unchecked = new Set<ParentNode>();
  const check = (node: ParentNode) => {
    if (!unchecked.size)
      (globalThis.requestIdleCallback ?? setTimeout)(() => {
        for (const n of unchecked) checkAttributes(n);
        unchecked.clear();
      });
    unchecked.add(node);
  };
  check(root);
  const observer = new MutationObserver((records) => {
    const changed = new Set<Element>();
    for (const record of records) {
      if (record.type === "attributes") changed.add(record.target as Element);
      else
        for (const node of record.addedNodes)
          if (node instanceof Element) {
            add(node);
            check(node);
          }
    }
    // Our own rendering touches no observed attribute; the merchant's edits mount again.
    for (const el of changed) {
      if (!el.matches("[data-vitrin-slot]")) unmountSlot(el);
      else if (mounted.has(el)) mounted.get(el)?.remount();
      else add(el);
    }
    for (const [el, entry] of mounted) if (!el.isConnected) entry.stop();
  });
  observer.observe(root, { childList: true, subtree: true, attributeFilter: SLOT_ATTRIBUTES });
  return () => {
    observer.disconnect();
    for (const el of mine) unmountSlot(el);
  };
}
