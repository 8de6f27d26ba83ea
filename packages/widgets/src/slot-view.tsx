/** @jsxRuntime classic */
/** @jsx h */
// Classic JSX: preact's `h` is in the bundle anyway (mount.ts calls it); the automatic
// runtime would add preact/jsx-runtime's `jsx` beside it.
import { warnOnce } from "@vitrin/core";
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above compiles to h().
import { h } from "preact";
import { Card, type CardContext } from "./card.js";
import { autoplay, onArrowKeys, scrollByView, trackEdges } from "./carousel.js";
import type { SlotRenderState } from "./connector.js";
import { STRINGS } from "./strings.js";
import { fillTemplate } from "./template-card.js";

/** Props of {@link SlotView}. */
export interface SlotViewProps {
  state: SlotRenderState;
  /** A merchant's card `<template>`, used instead of the built-in card. */
  template?: HTMLTemplateElement | undefined;
}

/**
 * Draws a slot in its layout: a labelled section with a heading and a list of cards — a grid,
 * a one-column list, a horizontally scrolling carousel (with buttons and arrow keys) or a compact
 * strip. Renders nothing unless there are picks (the slot element then collapses or shows its
 * fallback, by `data-vitrin-state`).
 */
export function SlotView({ state, template }: SlotViewProps) {
  const { slot, picks, lang, conditions } = state;
  if (state.status !== "ready" || !slot) return null;
  const s = STRINGS[lang];
  const { layout } = slot;
  const carousel = layout === "carousel";
  const smooth = !conditions["reduced-motion"];
  const ctx: CardContext = {
    currency: state.currency,
    lang,
    image: slot.image,
    // Small pictures (a list's and a strip's are smaller still) and data saver: the thumb.
    small: conditions.saver || slot.image === "small" || layout === "list" || layout === "strip",
    titleOf: state.titleOf,
  };
  // Cards likely on screen at once load eagerly: the first row of the layout.
  const firstRow =
    layout === "list"
      ? 1
      : conditions.mobile
        ? 2
        : conditions.tablet
          ? 3
          : layout === "strip"
            ? 8
            : 4;
  const play = carousel && slot.autoplay && smooth && !conditions.saver ? slot.autoplay : 0;
  return (
    <section
      class={`vitrin-slot vitrin-${layout} vitrin-img-${slot.image}`}
      aria-label={state.label}
      aria-roledescription={carousel ? s.carousel : undefined}
      data-vitrin-list={slot.id}
      data-vitrin-strategy={slot.strategy}
    >
      {state.title && <h2 class="vitrin-slot__title">{state.title}</h2>}
      <div
        class="vitrin-track"
        ref={
          // Both scroll sideways: they keep their place when their picks change.
          carousel || layout === "strip"
            ? (wrap: HTMLDivElement | null) => {
                trackEdges(wrap);
                if (play) autoplay(play)(wrap);
              }
            : undefined
        }
      >
        <ul
          class="vitrin-items"
          onKeyDown={layout === "carousel" || layout === "strip" ? onArrowKeys : undefined}
          onClick={(event) => {
            const link = (event.target as Element).closest?.("a[href]");
            const card = link?.closest(".vitrin-card");
            if (card) state.select([...(card.parentElement?.children ?? [])].indexOf(card));
          }}
        >
          {picks.map((pick, i) =>
            template ? (
              <li
                key={pick.item.id}
                class="vitrin-card"
                data-vitrin-id={pick.item.id}
                data-vitrin-reason={pick.reason.kind}
                ref={(li) => {
                  li?.replaceChildren(fillTemplate(template, pick, ctx, warnOnce));
                }}
              />
            ) : (
              <Card key={pick.item.id} pick={pick} ctx={ctx} eager={i < firstRow} />
            ),
          )}
        </ul>
        {carousel && [
          <button
            key="p"
            type="button"
            class="vitrin-nav vitrin-prev"
            aria-label={s.prev}
            onClick={(e) => scrollByView(e.currentTarget, -1, smooth)}
          >
            ‹
          </button>,
          <button
            key="n"
            type="button"
            class="vitrin-nav vitrin-next"
            aria-label={s.next}
            onClick={(e) => scrollByView(e.currentTarget, 1, smooth)}
          >
            ›
          </button>,
        ]}
        {play > 0 && (
          <button type="button" class="vitrin-pause">
            {s.pause}
          </button>
        )}
      </div>
    </section>
  );
}
