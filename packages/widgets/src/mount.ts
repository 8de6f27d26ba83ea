import { reportFailure, type Vitrin, warnOnce } from "@vitrin/core";
import { h, render } from "preact";
import { readSlotAttributes } from "./attributes.js";
import { SlotView } from "./slot-view.js";
import { resolveLang, STRINGS } from "./strings.js";
import { adoptDefaultStyles } from "./styles.js";

/** Options of {@link mountSlots}. */
export interface MountOptions {
  /** Where to look for `[data-vitrin-slot]` elements. Default: the document. */
  root?: ParentNode;
  /** Widget language; default from `<html lang>`. */
  lang?: string;
  /** Skip the default stylesheet (the merchant styles `.vitrin-*` classes themselves). */
  unstyled?: boolean;
}

const mounted = new WeakSet<Element>();

/**
 * Mounts every slot declared with data attributes under `root`. Each slot renders into a
 * container of its own, so the merchant's markup inside the element is left untouched.
 * Returns a function that unmounts them all.
 */
export function mountSlots(vitrin: Vitrin, options: MountOptions = {}): () => void {
  const root = options.root ?? document;
  const lang = resolveLang(options.lang);
  if (!options.unstyled) adoptDefaultStyles();
  const cleanups: (() => void)[] = [];
  for (const el of root.querySelectorAll("[data-vitrin-slot]")) {
    if (mounted.has(el)) continue;
    const declared = readSlotAttributes(el);
    if (!declared.ok) {
      warnOnce(declared.error);
      continue;
    }
    for (const warning of declared.warnings) warnOnce(warning);
    mounted.add(el);
    const { request, title } = declared.value;
    const container = document.createElement("div");
    container.className = "vitrin-slot-root";
    el.append(container);
    const unsubscribe = vitrin.slot(request).subscribe((state) => {
      try {
        render(
          h(SlotView, {
            state,
            lang,
            strategy: request.strategy,
            title: title ?? STRINGS[lang].titles[request.strategy],
          }),
          container,
        );
      } catch (error) {
        reportFailure(`rendering slot ${request.strategy}`, error);
      }
    });
    cleanups.push(() => {
      unsubscribe();
      render(null, container);
      container.remove();
      mounted.delete(el);
    });
  }
  return () => {
    for (const cleanup of cleanups) cleanup();
  };
}
