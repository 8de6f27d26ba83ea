import type { Vitrin } from "@vitrin/core";
import { ELEMENT_ATTRIBUTES } from "./attributes.js";
import { type MountOptions, mountSlot, unmountSlot } from "./mount.js";

/**
 * Registers `<vitrin-slot strategy="similar" limit="mobile:4 desktop:8" layout="…">`, once per
 * page: the same options as the data attributes, without the `data-vitrin-` prefix. It mounts
 * when it enters the page, unmounts when it leaves, and mounts again when an attribute changes.
 */
export function defineSlotElement(vitrin: Vitrin, options: MountOptions = {}): void {
  if (typeof customElements === "undefined" || customElements.get("vitrin-slot")) return;
  customElements.define(
    "vitrin-slot",
    class extends HTMLElement {
      static observedAttributes = ELEMENT_ATTRIBUTES;
      connectedCallback() {
        mountSlot(vitrin, this, options);
      }
      disconnectedCallback() {
        unmountSlot(this);
      }
      attributeChangedCallback() {
        // Before the first mount (the parser setting attributes) there is nothing to redo.
        if (this.isConnected && this.hasAttribute("data-vitrin-state"))
          mountSlot(vitrin, this, options);
      }
    },
  );
}
