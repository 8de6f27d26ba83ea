/**
 * The cart reminder mounted on one element: what `<div data-vitrin-cart-reminder>` gets from
 * `mountContent`, and what the Preact and React `<CartReminder>` components draw into their host.
 */
import { safeHttpUrl, type Vitrin, warnOnce } from "@vitrin/core";
import { reminderDismissed, reminderFor, renderReminder } from "./cart-reminder.js";
import { el } from "./content-dom.js";
import { type ContentLang, contentLang } from "./content-strings.js";
import { watch } from "./store-watch.js";
import { elementName } from "./variants.js";

/** A value, or a function read at each redraw (a `lang` attribute the page may change). */
type Live<T> = T | (() => T);

/** Options of {@link mountCartReminder}. */
export interface CartReminderOptions {
  /** Language (`tr` or `en`); default the page's `<html lang>`, else Turkish. */
  lang?: Live<string | undefined>;
  /** The cart page: an http(s) link or a path. Default `/sepet`. */
  cartUrl?: string | undefined;
  /** The merchant's incentive ("Alışverişine özel 20 TL hediye çeki"), shown as text. */
  incentive?: Live<string | undefined>;
  /** In the page's flow rather than a toast (then the page reserves its height). */
  inline?: boolean | undefined;
  /** How a warning names the cart link; default `<div…> data-vitrin-cart-url`. */
  cartUrlName?: string;
}

const read = <T>(value: Live<T>): T => (typeof value === "function" ? (value as () => T)() : value);

/** The cart link as an absolute http(s) URL, relative paths resolved against the page. */
function safeCartUrl(raw: string): string | undefined {
  return /^[^\s\p{Cc}]+$/u.test(raw) ? safeHttpUrl(raw, globalThis.location?.href) : undefined;
}

/**
 * Shows the cart reminder in `host` for a returning shopper with items left from an earlier
 * visit, and keeps it in step with the profile, the catalog and `identify()`. Returns a function
 * that stops it and takes away what it drew.
 */
export function mountCartReminder(
  vitrin: Vitrin,
  host: Element,
  options: CartReminderOptions = {},
): () => void {
  const raw = options.cartUrl ?? "/sepet";
  let cartUrl = safeCartUrl(raw);
  if (!cartUrl) {
    warnOnce(
      `${options.cartUrlName ?? `${elementName(host)} data-vitrin-cart-url`}="${raw.slice(0, 80)}": expected an http(s) link or a path like /sepet`,
    );
    cartUrl = safeCartUrl("/sepet") ?? "/sepet";
  }
  const box = el("div", {
    class: options.inline
      ? "vitrin-reminder-box"
      : "vitrin-reminder-box vitrin-reminder-box--toast",
  });
  host.append(box);
  // The toast's height, for the page's scroll padding (see content-styles.ts).
  const root = host.ownerDocument.documentElement;
  const sizes =
    options.inline || typeof ResizeObserver !== "function"
      ? undefined
      : new ResizeObserver(() =>
          root.style.setProperty("--vitrin-toast-h", `${box.offsetHeight}px`),
        );
  sizes?.observe(box);
  let shown = "";
  const update = () => {
    const found = reminderDismissed.get()
      ? undefined
      : reminderFor(vitrin.$profile.get(), vitrin.$catalog.get(), vitrin.$identity.get());
    const lang: ContentLang = contentLang(read(options.lang));
    // Redrawn only when what it says changes: the profile is rebuilt on every event.
    const key = found
      ? JSON.stringify([lang, found.name, found.count, found.items.map((i) => i.id)])
      : "";
    if (key === shown) return;
    shown = key;
    box.replaceChildren(
      found
        ? renderReminder(found, {
            lang,
            cartUrl,
            incentive: read(options.incentive),
            onDismiss: () => {
              reminderDismissed.set();
              shown = "";
              box.replaceChildren();
            },
          })
        : "",
    );
  };
  const stop = watch(
    [vitrin.$profile, vitrin.$catalog, vitrin.$identity],
    update,
    "showing the cart reminder",
  );
  return () => {
    stop();
    sizes?.disconnect();
    root.style.removeProperty("--vitrin-toast-h");
    box.remove();
  };
}
