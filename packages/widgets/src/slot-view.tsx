/** @jsxRuntime classic */
/** @jsx h */
// Classic JSX: preact's `h` is in the bundle anyway (mount.ts calls it); the automatic
// runtime would add preact/jsx-runtime's `jsx` beside it.
import {
  effectivePrice,
  formatPrice,
  localeFor,
  type Pick,
  type SlotState,
  safeHttpUrl,
} from "@vitrin/core";
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above compiles to h().
import { h } from "preact";
import { type Lang, STRINGS } from "./strings.js";

/** Props of {@link SlotView}. */
export interface SlotViewProps {
  state: SlotState;
  title: string;
  lang: Lang;
  /** The slot's strategy, exposed on the section for styling and tests. */
  strategy: string;
}

function Card({ pick, currency, lang }: { pick: Pick; currency: string; lang: Lang }) {
  const { item } = pick;
  const base = globalThis.location?.href;
  const href = safeHttpUrl(item.url, base);
  if (!href) return null;
  const image = safeHttpUrl(item.image, base);
  const locale = localeFor(lang);
  const price = (value: number) => formatPrice(value, item.currency || currency, locale);
  return (
    <li class="vitrin-card" data-vitrin-id={item.id} data-vitrin-reason={pick.reason.kind}>
      <a class="vitrin-card__link" href={href}>
        {image && (
          <img
            class="vitrin-card__image"
            src={image}
            alt=""
            width={160}
            height={160}
            loading="lazy"
            decoding="async"
          />
        )}
        <span class="vitrin-card__title">{item.title}</span>
        {item.brand && <span class="vitrin-card__brand">{item.brand}</span>}
        <span class="vitrin-card__price">
          {item.salePrice !== undefined && (
            <del class="vitrin-card__was">
              <span class="vitrin-hidden">{STRINGS[lang].was} </span>
              {price(item.price)}
            </del>
          )}
          <span class="vitrin-card__now">{price(effectivePrice(item))}</span>
        </span>
      </a>
    </li>
  );
}

/** Renders a slot's picks as a titled list of product cards; renders nothing when there are none. */
export function SlotView({ state, title, lang, strategy }: SlotViewProps) {
  if (state.status !== "ready" || state.picks.length === 0) return null;
  return (
    <section class="vitrin-slot" data-vitrin-strategy={strategy} aria-label={title}>
      {title && <h2 class="vitrin-slot__title">{title}</h2>}
      <ul class="vitrin-slot__list">
        {state.picks.map((pick) => (
          <Card key={pick.item.id} pick={pick} currency={state.currency} lang={lang} />
        ))}
      </ul>
    </section>
  );
}
