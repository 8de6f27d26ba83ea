/**
 * Default look of the widgets, kept small and overridable: every rule is in a cascade layer,
 * so any rule of the merchant's wins without specificity fights.
 */
export const DEFAULT_CSS = `@layer vitrin{
.vitrin-slot{margin:1.5rem 0}
.vitrin-slot__title{font-size:1.15rem;margin:0 0 .75rem}
.vitrin-slot__list{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:1rem;list-style:none;margin:0;padding:0}
.vitrin-card__link{display:flex;flex-direction:column;gap:.25rem;color:inherit;text-decoration:none}
.vitrin-card__image{width:100%;height:auto;aspect-ratio:1;object-fit:cover;border-radius:.5rem;background:#f3f3f3}
.vitrin-card__title{font-size:.9rem;line-height:1.3}
.vitrin-card__brand{font-size:.8rem;opacity:.7}
.vitrin-card__price{display:flex;flex-wrap:wrap;column-gap:.4rem;font-weight:600}
.vitrin-card__was{font-weight:400;opacity:.6}
.vitrin-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
}`;

let adopted = false;

/**
 * Adds the default stylesheet once, as a constructed stylesheet: unlike a `<style>` element,
 * it needs no `'unsafe-inline'` in the host's Content-Security-Policy.
 */
export function adoptDefaultStyles(doc: Document = document): void {
  if (adopted || typeof CSSStyleSheet === "undefined" || !("adoptedStyleSheets" in doc)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(DEFAULT_CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  adopted = true;
}
