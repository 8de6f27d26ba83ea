/** Draws an offer as a banner (a labelled region) or a badge (inline text). */
import { safeHttpUrl } from "@vitrin/core";
import { el } from "./content-dom.js";
import { CONTENT_STRINGS, type ContentLang } from "./content-strings.js";
import { type Offer, textIn } from "./offers.js";

/**
 * Copies the code; where the Clipboard API is missing or refused (http pages, permissions),
 * selects the code instead so the shopper can copy it by hand. The outcome is announced.
 */
function copyButton(code: string, codeEl: HTMLElement, lang: ContentLang): HTMLElement[] {
  const t = CONTENT_STRINGS[lang];
  const status = el("span", { class: "vitrin-hidden", role: "status" });
  const button = el(
    "button",
    { type: "button", class: "vitrin-offer__copy", "aria-label": `${t.copyLabel}: ${code}` },
    t.copy,
  );
  const select = () => {
    const range = document.createRange();
    range.selectNodeContents(codeEl);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    status.textContent = t.selected;
  };
  button.addEventListener("click", () => {
    try {
      if (!navigator.clipboard) return select();
      navigator.clipboard.writeText(code).then(() => {
        status.textContent = t.copied;
      }, select);
    } catch {
      select();
    }
  });
  return [button, status];
}

/** The offer as a DOM element; text as text, the link only if http(s). */
export function renderOffer(offer: Offer, lang: ContentLang): HTMLElement {
  const t = CONTENT_STRINGS[lang];
  const href = safeHttpUrl(offer.link, globalThis.location?.href);
  const code = offer.code && el("code", { class: "vitrin-offer__code" }, offer.code);
  const text = textIn(offer.text, lang);
  if (offer.kind === "badge") {
    const badge = el(
      "span",
      { class: "vitrin-offer vitrin-offer--badge", "data-vitrin-offer-id": offer.id },
      text,
      code && " ",
      code,
    );
    return href ? el("a", { class: "vitrin-offer__badge-link", href }, badge) : badge;
  }
  return el(
    "aside",
    {
      class: "vitrin-offer vitrin-offer--banner",
      "aria-label": t.offer,
      "data-vitrin-offer-id": offer.id,
    },
    el("p", { class: "vitrin-offer__text" }, text),
    code &&
      el(
        "p",
        { class: "vitrin-offer__code-row" },
        `${t.code}: `,
        code,
        " ",
        ...copyButton(offer.code ?? "", code, lang),
      ),
    href &&
      el("a", { class: "vitrin-offer__link", href }, offer.cta ? textIn(offer.cta, lang) : t.cta),
  );
}
