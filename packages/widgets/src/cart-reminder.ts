/**
 * The cart reminder: a returning shopper who left items in the cart in an earlier visit is
 * greeted with them ("Sevgili Ayşe, seçtiğin 2 kitap sepetinde seni bekliyor!"), their
 * thumbnails, a link to the cart and the merchant's incentive, if any.
 */
import type { Catalog, CatalogItem, Profile } from "@vitrin/core";
import { el } from "./content-dom.js";
import { CONTENT_STRINGS, type ContentLang, reminderMessage } from "./content-strings.js";
import { imageOf } from "./images.js";

/** What the reminder shows. */
export interface Reminder {
  /** First name from `identify()`, if given. */
  name?: string;
  /** The abandoned items still sold, newest first. */
  items: CatalogItem[];
  /** Units of them (quantities summed). */
  count: number;
  /** Their shared leaf category, lower-cased, when it reads as a Turkish noun. */
  noun?: string;
}

/** How the reminder is drawn. */
export interface ReminderView {
  lang: ContentLang;
  /** Absolute http(s) URL of the cart page. */
  cartUrl: string;
  incentive?: string | undefined;
  /** Called when the shopper closes it (button or Escape). */
  onDismiss(): void;
}

const MAX_THUMBNAILS = 4;

/**
 * The reminder for this shopper, or undefined: only for a returning `cart-abandoner`, and only
 * with items still in the catalog and in stock (a reminder of a sold-out item disappoints).
 */
export function reminderFor(
  profile: Profile | undefined,
  catalog: Catalog | null | undefined,
  identity: Readonly<Record<string, unknown>> = {},
): Reminder | undefined {
  if (!profile || !catalog || profile.visitor.isNew) return undefined;
  if (!profile.segments.includes("cart-abandoner")) return undefined;
  let count = 0;
  const items = profile.memory.abandonedCart.flatMap((line) => {
    const item = catalog.byId.get(line.id);
    if (!item || item.availability === "out_of_stock") return [];
    count += Math.max(1, Math.floor(line.qty) || 1);
    return [item];
  });
  if (!items.length) return undefined;
  const leaves = new Set(items.map((item) => item.categories.at(-1)));
  const [leaf] = leaves;
  // One plain word, not already plural (-ler/-lar): "2 kitap" is right, "2 kitaplar" is not.
  const noun =
    leaves.size === 1 && leaf && /^\p{L}{2,24}$/u.test(leaf) && !/l[ae]r$/iu.test(leaf)
      ? leaf.toLocaleLowerCase("tr-TR")
      : undefined;
  const first = identity.firstName;
  const name = typeof first === "string" ? first.trim().slice(0, 40) : "";
  return { items, count, ...(name ? { name } : {}), ...(noun ? { noun } : {}) };
}

/** The reminder as a labelled region; every catalog and merchant text goes in as text. */
export function renderReminder(reminder: Reminder, view: ReminderView): HTMLElement {
  const t = CONTENT_STRINGS[view.lang];
  const thumbnails = reminder.items.slice(0, MAX_THUMBNAILS).flatMap((item) => {
    const { src } = imageOf(item, true);
    return src
      ? [
          el(
            "li",
            {},
            el("img", {
              class: "vitrin-reminder__image",
              src,
              alt: item.title,
              width: 56,
              height: 56,
              decoding: "async",
            }),
          ),
        ]
      : [];
  });
  const close = el(
    "button",
    { type: "button", class: "vitrin-reminder__close", "aria-label": t.dismiss },
    "×",
  );
  const region = el(
    "aside",
    { class: "vitrin-reminder", "aria-label": t.reminder },
    el(
      "p",
      { class: "vitrin-reminder__message" },
      reminderMessage(view.lang, {
        ...reminder,
        noun: view.lang === "tr" ? reminder.noun : undefined,
      }),
    ),
    thumbnails.length > 0 && el("ul", { class: "vitrin-reminder__items" }, ...thumbnails),
    view.incentive && el("p", { class: "vitrin-reminder__incentive" }, view.incentive),
    el("a", { class: "vitrin-reminder__cta", href: view.cartUrl }, t.toCart),
    close,
  );
  close.addEventListener("click", view.onDismiss);
  region.addEventListener("keydown", (event) => {
    if (event.key === "Escape") view.onDismiss();
  });
  return region;
}

/** Where a dismissal is remembered for the visit (this tab). */
export const DISMISSED_KEY = "vitrin:reminder-dismissed";
let dismissedHere = false;

/**
 * A reminder is only ever shown from a stored history, which exists only when Vitrin may
 * store; so the dismissal flag (no personal data) is written only after that was allowed.
 */
export const reminderDismissed = {
  get(): boolean {
    try {
      return dismissedHere || sessionStorage.getItem(DISMISSED_KEY) === "1";
    } catch {
      return dismissedHere;
    }
  },
  set(): void {
    try {
      sessionStorage.setItem(DISMISSED_KEY, "1");
    } catch {
      // Storage refused (some privacy modes): remembered for this page only.
      dismissedHere = true;
    }
  },
};
