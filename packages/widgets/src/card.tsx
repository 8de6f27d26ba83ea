/** @jsxRuntime classic */
/** @jsx h */
import { effectivePrice, formatPrice, localeFor, type Pick, safeHttpUrl } from "@vitrin/core";
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above compiles to h().
import { h } from "preact";
import type { ImageSize } from "./css.js";
import { imageOf } from "./images.js";
import { reasonsText } from "./reasons.js";
import { type Lang, STRINGS } from "./strings.js";

/** Intrinsic image size hints per size, so the browser knows the shape before the file arrives. */
const PIXELS: Record<ImageSize, number> = { small: 96, medium: 160, large: 224 };

/** What a card needs besides its pick. */
export interface CardContext {
  currency: string;
  lang: Lang;
  image: ImageSize;
  /** Small images only (data saver, small or half-size pictures): the item's `thumb` if it has one. */
  small?: boolean;
  titleOf(id: string): string | undefined;
}

/** The texts and safe URLs of a card: shared by the built-in card and `<template>` cards. */
export function cardFields(pick: Pick, ctx: CardContext) {
  const { item } = pick;
  const base = globalThis.location?.href;
  const price = (value: number) =>
    formatPrice(value, item.currency || ctx.currency, localeFor(ctx.lang));
  return {
    href: safeHttpUrl(item.url, base),
    ...imageOf(item, ctx.small),
    title: item.title,
    brand: item.brand,
    price: price(effectivePrice(item)),
    was: item.salePrice === undefined ? undefined : price(item.price),
    reasons: reasonsText(pick.reasons.length ? pick.reasons : [pick.reason], ctx.lang, ctx.titleOf),
  };
}

/**
 * A product card: link with image, title and price, and a "Why this?" disclosure. Everything
 * from the catalog is a text node or an http(s) attribute. `eager` marks the first row, which
 * is likely on screen at once; every other image loads lazily.
 */
export function Card({ pick, ctx, eager }: { pick: Pick; ctx: CardContext; eager: boolean }) {
  // The connector only passes picks with an http(s) link.
  const f = cardFields(pick, ctx);
  const s = STRINGS[ctx.lang];
  const px = PIXELS[ctx.image];
  return (
    // Which item a card shows and why (its first reason's kind): for the store's own scripts and tests.
    <li class="vitrin-card" data-vitrin-id={pick.item.id} data-vitrin-reason={pick.reason.kind}>
      {/* On the link, not the card: Vitrin's own tracking counts clicks on `data-vitrin-item`,
          and opening "Why this?" is not choosing the item. */}
      <a class="vitrin-card__link" href={f.href} data-vitrin-item={pick.item.id}>
        {f.src && (
          <img
            class="vitrin-card__image"
            src={f.src}
            srcset={f.srcset}
            // The width laid out, where the browser knows it (lazy images); else about a column.
            sizes={f.srcset && "auto,50vw"}
            alt=""
            width={px}
            height={px}
            loading={eager ? "eager" : "lazy"}
            decoding="async"
          />
        )}
        <span class="vitrin-card__text">
          <span class="vitrin-card__title">{f.title}</span>
          <span class="vitrin-card__price">
            {f.was && (
              <del class="vitrin-card__was">
                <span class="vitrin-hidden">{s.was} </span>
                {f.was}
              </del>
            )}
            <span class="vitrin-card__now">{f.price}</span>
          </span>
        </span>
      </a>
      {f.reasons.length > 0 && (
        <details class="vitrin-why">
          <summary>
            <span aria-hidden="true">?</span>
            {/* The product's name too: a list of "Why this?" alone says nothing out of context. */}
            <span class="vitrin-hidden">
              {s.why} {f.title}
            </span>
          </summary>
          <p>{f.reasons.join(". ")}</p>
        </details>
      )}
    </li>
  );
}
