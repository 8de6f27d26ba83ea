/**
 * Default look of the content widgets, appended to the widgets' stylesheet. Everything is in
 * the `vitrin` cascade layer, so any rule of the merchant's wins, and themed through custom
 * properties (each with a fallback, so none has to be set):
 * `--vitrin-bg`, `--vitrin-fg`, `--vitrin-accent`, `--vitrin-accent-fg`, `--vitrin-muted`,
 * `--vitrin-radius`, `--vitrin-space`, `--vitrin-focus`, `--vitrin-shadow`, `--vitrin-z`,
 * `--vitrin-offer-height` (space reserved for a banner slot, to avoid layout shift).
 *
 * A hidden default stays hidden even under a merchant rule such as `.hero{display:flex}`
 * (a layered `!important` wins over unlayered rules), and a link drawn as a button keeps its
 * text colour under a store's `a{color:…}` (else blue on blue); theme it with `--vitrin-accent-fg`.
 *
 * The cart reminder is a fixed toast by default: it appears once the profile is known, and a
 * fixed box moves nothing else on the page (no layout shift). `data-vitrin-inline` puts it in
 * the flow, where the merchant should reserve its height. On phones the toast is compact (its
 * text beside the button, no thumbnails), and while it shows, the page scrolls whatever gets
 * keyboard focus clear of it (`scroll-padding-bottom`: WCAG 2.4.11); the script keeps its
 * height in `--vitrin-toast-h`.
 */
export const CONTENT_CSS = `@layer vitrin{
.vitrin-variant{display:contents}
[data-vitrin-content]>[data-vitrin-default][hidden]{display:none!important}
[data-vitrin-offer-slot]:not([data-vitrin-offer-slot=badge]){display:block;min-height:var(--vitrin-offer-height,auto)}
.vitrin-reminder,.vitrin-offer--banner{position:relative;box-sizing:border-box;display:grid;gap:calc(var(--vitrin-space,1rem)/2);padding:var(--vitrin-space,1rem);padding-inline-end:calc(var(--vitrin-space,1rem)*2.5);background:var(--vitrin-bg,#fff);color:var(--vitrin-fg,#1f2328);border:1px solid var(--vitrin-muted,#d0d7de);border-radius:var(--vitrin-radius,.75rem)}
.vitrin-reminder-box--toast{position:fixed;z-index:var(--vitrin-z,1000);inset-inline-end:var(--vitrin-space,1rem);bottom:var(--vitrin-space,1rem);width:min(26rem,calc(100vw - 2*var(--vitrin-space,1rem)))}
.vitrin-reminder-box--toast .vitrin-reminder{box-shadow:var(--vitrin-shadow,0 .5rem 1.5rem rgb(0 0 0/.18))}
:root:has(.vitrin-reminder-box--toast>*){scroll-padding-bottom:calc(var(--vitrin-toast-h,0px) + 2*var(--vitrin-space,1rem))}
@media (max-width:599.98px){.vitrin-reminder-box--toast{--vitrin-space:.5rem;font-size:.875rem}
.vitrin-reminder-box--toast .vitrin-reminder{grid-template-columns:1fr auto;align-items:center;column-gap:.75rem;padding-inline-end:2.25rem}
.vitrin-reminder-box--toast .vitrin-reminder__items{display:none}
.vitrin-reminder-box--toast .vitrin-reminder__cta{grid-area:1/2/span 2}}
.vitrin-reminder__message,.vitrin-offer__text{margin:0;font-weight:600}
.vitrin-reminder__incentive,.vitrin-offer__code-row{margin:0}
.vitrin-reminder__items{display:flex;gap:.5rem;list-style:none;margin:0;padding:0}
.vitrin-reminder__image{display:block;width:3.5rem;height:3.5rem;object-fit:cover;border-radius:calc(var(--vitrin-radius,.75rem)/2);background:var(--vitrin-muted,#d0d7de)}
.vitrin-reminder__cta,.vitrin-offer__link,.vitrin-offer__copy{justify-self:start;padding:.5em 1em;border:0;border-radius:calc(var(--vitrin-radius,.75rem)/2);background:var(--vitrin-accent,#b4232a);color:var(--vitrin-accent-fg,#fff);font:inherit;text-decoration:none;cursor:pointer}
.vitrin-reminder__cta,.vitrin-offer__link{color:var(--vitrin-accent-fg,#fff)!important}
.vitrin-offer__copy{padding:.25em .75em}
.vitrin-reminder__close{position:absolute;top:calc(var(--vitrin-space,1rem)/2);inset-inline-end:calc(var(--vitrin-space,1rem)/2);width:2rem;height:2rem;border:0;border-radius:50%;background:transparent;color:inherit;font-size:1.25rem;line-height:1;cursor:pointer}
.vitrin-offer__code{padding:.1em .4em;border:1px dashed currentColor;border-radius:.25em;user-select:all}
.vitrin-offer--badge{display:inline-block;padding:.15em .6em;border-radius:999px;background:var(--vitrin-accent,#b4232a);color:var(--vitrin-accent-fg,#fff);font-size:.8em;font-weight:600}
.vitrin-offer--badge .vitrin-offer__code{border-color:currentColor}
.vitrin-offers>*+*{margin-inline-start:.25em}
.vitrin-offers{display:contents}
.vitrin-reminder :focus-visible,.vitrin-offer :focus-visible,.vitrin-offer__badge-link:focus-visible{outline:3px solid var(--vitrin-focus,#0969da);outline-offset:2px}
.vitrin-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
}`;
