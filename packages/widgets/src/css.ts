/**
 * The widgets' stylesheet, generated: one source for the constructed stylesheet the script adopts
 * and for `dist/vitrin.css`, which a store links in `<head>` so each slot's box is reserved before
 * any script runs. No imports, so the build can run it on its own.
 *
 * Reservation: a slot element's `min-height` is computed from its attributes alone —
 * `title row + rows × card height + (rows − 1) × gap` — and the rendered cards use the very same
 * heights, so results fit the box they were promised. Per-condition tokens
 * (`mobile:carousel`) are matched with `~=` inside the condition's media query; rules come in
 * {@link CONDITIONS} order, which is the precedence the script applies too.
 *
 * The box is reserved only where the slot has a strategy: always for a bare one (`trending`),
 * and inside a condition's media query for a per-condition one (`mobile:trending`), so a slot
 * meant for phones takes no space on a desktop and nothing moves there when it stays empty.
 */

/** Media query of each condition; `saver` has none (no browser ships `prefers-reduced-data`). */
export const MEDIA = {
  mobile: "(max-width:599.98px)",
  tablet: "(min-width:600px) and (max-width:1023.98px)",
  desktop: "(min-width:1024px)",
  touch: "(pointer:coarse)",
  mouse: "not all and (pointer:coarse)",
  saver: "",
  "reduced-motion": "(prefers-reduced-motion:reduce)",
} as const;

/** A condition a per-device token can name; later in this list wins over earlier. */
export type Condition = keyof typeof MEDIA;
/** Conditions in precedence order (lowest first). */
export const CONDITIONS = Object.keys(MEDIA) as Condition[];

const TEXT = "calc(var(--vitrin-img) + var(--vitrin-text-h,4.5rem))";
/** Rows and card height of each layout: set on the slot element (reservation) and on the rendered section. */
export const LAYOUTS = {
  grid: `--vitrin-rows:round(up,var(--vitrin-n)/var(--vitrin-cols),1);--vitrin-card-h:${TEXT}`,
  carousel: `--vitrin-rows:1;--vitrin-card-h:${TEXT}`,
  list: "--vitrin-rows:var(--vitrin-n);--vitrin-card-h:max(calc(var(--vitrin-img)/2),4.5rem)",
  strip: "--vitrin-rows:1;--vitrin-card-h:calc(var(--vitrin-img-strip,5.5rem) + 2.5rem)",
};
/** A slot layout. */
export type Layout = keyof typeof LAYOUTS;

/** Displayed image height by size (themable with `--vitrin-img-small` etc.). */
export const IMAGES = { small: "6rem", medium: "9rem", large: "12rem" };
/** An image size. */
export type ImageSize = keyof typeof IMAGES;

/** The most items a slot shows. */
export const MAX_LIMIT = 24;

/**
 * The strategies a bare token can name: core's `STRATEGIES`, repeated here because this module
 * imports nothing (a test keeps the two lists equal).
 */
export const SLOT_STRATEGIES = [
  "recently-viewed",
  "similar",
  "viewed-together",
  "bought-together",
  "trending",
  "for-you",
  "up-next",
  "cart-cross-sell",
  "buy-again",
  "new-arrivals",
];

const img = (size: ImageSize) => `--vitrin-img:var(--vitrin-img-${size},${IMAGES[size]})`;
const on = (attr: string, token: string) =>
  `[data-vitrin-${attr}~="${token}"],vitrin-slot[${attr}~="${token}"]`;

/** The token rules of one condition ("" for bare tokens). */
function tokens(condition: string): string {
  const p = condition ? `${condition}:` : "";
  let css = "";
  for (const [layout, vars] of Object.entries(LAYOUTS))
    css += `${on("layout", p + layout)}{${vars}}`;
  for (const size of Object.keys(IMAGES) as ImageSize[])
    css += `${on("image", p + size)}{${img(size)}}`;
  for (let n = 1; n <= MAX_LIMIT; n++) css += `${on("limit", p + n)}{--vitrin-n:${n}}`;
  return css;
}

/**
 * The slots `selector` matches get their box, and hide their fallback until they come out empty.
 * Elsewhere a slot has no strategy: it takes no space and shows its fallback from the first paint.
 */
const reserve = (selector: string) =>
  `:is(${selector}){min-height:var(--vitrin-h)}:is(${selector}):not([data-vitrin-state=empty])>[data-vitrin-fallback]{display:none}`;

// The slot element gets `min-width:0`: as a grid or flex item (a store's section layout), it
// would otherwise grow to its carousel's full scroll width and widen the page.
const HOST = ":is([data-vitrin-slot],vitrin-slot)";
const FOCUS = "outline:2px solid var(--vitrin-focus,#1a56db);outline-offset:-2px";
const ROUND = "border-radius:var(--vitrin-radius,.5rem)";
// The geometry the reserved space is computed from (title height and margin, list margin and
// padding, card and image heights) is `!important`: in a layer, that wins over a store's
// unlayered resets such as `h2{margin:0 0 .6em}` or `img{height:auto}`, which would otherwise
// make a rendered slot taller than its reservation (a layout shift) or push a card's text out
// of its fixed-height box. Theme these through the custom properties instead.

/** The whole stylesheet, in `@layer vitrin` so any rule of the store wins. */
export function slotCss(): string {
  let css = `:root{--vitrin-css:1}
${HOST}{display:block;min-width:0;--vitrin-n:6;--vitrin-cols:2;--vitrin-t:var(--vitrin-title-h,2.5rem);${img("medium")};${LAYOUTS.grid};--vitrin-h:calc(var(--vitrin-t) + var(--vitrin-rows)*var(--vitrin-card-h) + (var(--vitrin-rows) - 1)*var(--vitrin-gap,1rem))}
[data-vitrin-title=""],vitrin-slot[title=""]{--vitrin-t:0px}
${reserve(SLOT_STRATEGIES.map((s) => `[data-vitrin-slot~="${s}"],vitrin-slot[strategy~="${s}"]`).join())}
${HOST}[data-vitrin-state=empty]:not(:has(>[data-vitrin-fallback])){min-height:0}
.vitrin-slot{position:relative;color:var(--vitrin-fg,inherit)}
.vitrin-slot__title{box-sizing:border-box;height:var(--vitrin-t)!important;margin:0!important;padding-bottom:.5rem;font-size:1.125rem;line-height:1.6;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
.vitrin-slot :focus-visible{${FOCUS}}
.vitrin-track{position:relative}
.vitrin-items{display:grid;gap:var(--vitrin-gap,1rem);grid-auto-rows:var(--vitrin-card-h);list-style:none;margin:0!important;padding:0!important}
.vitrin-grid .vitrin-items{grid-template-columns:repeat(var(--vitrin-cols),minmax(0,1fr))}
.vitrin-carousel,.vitrin-strip{--vitrin-card-w:var(--vitrin-card-width,calc(var(--vitrin-img) + 2rem))}
.vitrin-strip{--vitrin-card-w:var(--vitrin-img-strip,5.5rem)}
.vitrin-carousel .vitrin-items,.vitrin-strip .vitrin-items{grid-auto-flow:column;grid-auto-columns:var(--vitrin-card-w);overflow-x:auto;overscroll-behavior-x:contain;scroll-snap-type:x mandatory;scrollbar-width:none}
.vitrin-items::-webkit-scrollbar{display:none}
.vitrin-card{position:relative;height:var(--vitrin-card-h)!important;overflow:hidden;scroll-snap-align:start;background:var(--vitrin-card-bg,transparent);${ROUND}}
.vitrin-card__link{display:flex;flex-direction:column;gap:.25rem;height:100%;color:inherit;text-decoration:none;${ROUND}}
.vitrin-card__image{display:block;flex:none;width:100%;height:var(--vitrin-img)!important;object-fit:cover;background:var(--vitrin-placeholder,#f2f2f2);${ROUND}}
.vitrin-list .vitrin-card__link{flex-direction:row;gap:.75rem}
.vitrin-list .vitrin-card__image{width:calc(var(--vitrin-img)/2);height:calc(var(--vitrin-img)/2)!important}
.vitrin-strip .vitrin-card__image{height:var(--vitrin-img-strip,5.5rem)!important}
.vitrin-card__text{display:flex;flex-direction:column;gap:.125rem;min-width:0}
.vitrin-card__title{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;font-size:.875rem;line-height:1.3}
.vitrin-strip .vitrin-card__title{-webkit-line-clamp:1;font-size:.75rem}
.vitrin-card__price{display:flex;flex-wrap:wrap;column-gap:.375rem;font-size:.875rem;font-weight:600}
.vitrin-strip .vitrin-card__price{font-size:.75rem}
.vitrin-card__was{font-weight:400;opacity:.7}
.vitrin-strip .vitrin-card__was{display:none}
.vitrin-why>summary{position:absolute;top:.25rem;right:.25rem;z-index:2;display:grid;place-items:center;width:1.75rem;height:1.75rem;border-radius:50%;background:var(--vitrin-why-bg,#fff);color:var(--vitrin-why-fg,#222);box-shadow:0 0 0 1px #0003;font:600 .875rem/1 system-ui,sans-serif;cursor:pointer;list-style:none}
.vitrin-strip .vitrin-why>summary{width:1.5rem;height:1.5rem;font-size:.75rem}
.vitrin-why>summary::-webkit-details-marker{display:none}
.vitrin-why>p{position:absolute;inset:0;z-index:1;margin:0;padding:2.25rem .75rem .75rem;overflow:auto;background:var(--vitrin-card-bg,#fff);font-size:.8125rem;line-height:1.4}
.vitrin-nav{position:absolute;top:calc(var(--vitrin-img)/2 - 1.25rem);z-index:3;width:2.5rem;height:2.5rem;border:1px solid #0003;border-radius:50%;background:var(--vitrin-nav-bg,#fff);color:var(--vitrin-nav-fg,#222);font-size:1.25rem;cursor:pointer}
.vitrin-prev{left:.25rem}.vitrin-next{right:.25rem}
.vitrin-track[data-at-start] .vitrin-prev,.vitrin-track[data-at-end] .vitrin-next{opacity:.35;cursor:default}
.vitrin-track[data-at-start][data-at-end] .vitrin-nav{visibility:hidden}
.vitrin-pause{position:absolute;top:.25rem;left:.25rem;z-index:3;font-size:.75rem;border:0;${ROUND};background:var(--vitrin-nav-bg,#fff);color:var(--vitrin-nav-fg,#222)}
.vitrin-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
${tokens("")}`;
  const cols = [3, 4];
  for (const c of CONDITIONS) {
    if (!MEDIA[c]) continue;
    const extra = c === "tablet" || c === "desktop" ? `${HOST}{--vitrin-cols:${cols.shift()}}` : "";
    css += `@media ${MEDIA[c]}{${extra}${tokens(c)}${reserve(`[data-vitrin-slot*="${c}:"],vitrin-slot[strategy*="${c}:"]`)}}`;
  }
  // The rendered section follows the layout and image size the script resolved.
  for (const [layout, vars] of Object.entries(LAYOUTS)) css += `.vitrin-${layout}{${vars}}`;
  for (const size of Object.keys(IMAGES) as ImageSize[]) css += `.vitrin-img-${size}{${img(size)}}`;
  return `@layer vitrin{${css}}`;
}
