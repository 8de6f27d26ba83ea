/**
 * What the Preact and React components do with the element they render, framework-free: they
 * render the host element themselves and hand it over here, where Vitrin's own slot renderer and
 * cart reminder draw inside it — the same cards, styles, analytics and keys as an HTML slot.
 */
import { reportFailure, type Vitrin } from "@vitrin/core";
import { mountSlot } from "../mount.js";
import { mountCartReminder } from "../reminder-mount.js";
import { adoptDefaultStyles } from "../styles.js";

/** Props of `<CartReminder>`. */
export interface CartReminderProps {
  /** The cart page: an http(s) link or a path. Default `/sepet`. */
  cartUrl?: string;
  /** The merchant's incentive, shown under the message as text. */
  incentive?: string;
  /** In the page's flow instead of a toast (reserve its height then). */
  inline?: boolean;
}

/**
 * Mounts Vitrin's slot renderer in a component's host element, which already carries the
 * `data-vitrin-*` attributes (bad ones get the HTML slots' one warning). Returns the unmount.
 */
export function mountSlotHost(vitrin: Vitrin, host: Element, lang?: string): () => void {
  return mountSlot(vitrin, host, lang ? { lang } : {});
}

/** Mounts the cart reminder in a component's host element. Returns the unmount. */
export function mountReminderHost(
  vitrin: Vitrin,
  host: Element,
  props: CartReminderProps,
  lang?: string,
): () => void {
  try {
    adoptDefaultStyles(host.ownerDocument);
    return mountCartReminder(vitrin, host, {
      lang,
      cartUrl: props.cartUrl,
      incentive: props.incentive,
      inline: props.inline,
      cartUrlName: "<CartReminder> cartUrl",
    });
  } catch (error) {
    reportFailure("mounting <CartReminder>", error);
    return () => {};
  }
}
