/**
 * What the Preact and React components share about recommendation slots, framework-free: the
 * props become the very `data-vitrin-*` attributes an HTML slot carries (so `vitrin.css`
 * reserves the box from the first server-rendered paint, and the attribute reader checks them
 * with the same one warning), and a hook's arguments become a slot request.
 */
import {
  isStrategy,
  type SlotRequest,
  type SlotState,
  STRATEGIES,
  type Strategy,
  warnOnce,
} from "@vitrin/core";
import type { ImageSize, Layout } from "../css.js";

/** A value, or per-condition values like `"mobile:carousel desktop:grid"`. */
type PerCondition<T extends string> = T | (string & {});

/** Props of `<RecommendationSlot>`: the values of an HTML slot's `data-vitrin-*` attributes. */
export interface SlotProps {
  /** `data-vitrin-slot`: a strategy, per condition (`"for-you"`, `"mobile:trending for-you"`). */
  strategy: PerCondition<Strategy>;
  /** `data-vitrin-limit`: 1–24 (default 6), per condition (`"mobile:4 desktop:8"`). */
  limit?: number | string;
  /** `data-vitrin-layout`: `carousel`, `grid` (default), `list` or `strip`, per condition. */
  layout?: PerCondition<Layout>;
  /** `data-vitrin-image`: `small`, `medium` (default) or `large`, per condition. */
  image?: PerCondition<ImageSize>;
  /** `data-vitrin-title`: the heading; `""` for none. Default: per strategy and language. */
  title?: string;
  /** `data-vitrin-item`: the product a `similar` / `*-together` slot is about. */
  item?: string;
  /** `data-vitrin-id`: the list id in analytics (`item_list_id`). Default `vitrin-<strategy>`. */
  id?: string;
  /** `data-vitrin-card`: the id of a `<template>` in the page to draw each card from. */
  card?: string;
  /** `data-vitrin-autoplay`, carousels only: `true` for 5 s, or 2–30 seconds. */
  autoplay?: boolean | number;
}

/** The prop behind each attribute, in the order they are written. */
const ATTRIBUTE_OF = {
  strategy: "data-vitrin-slot",
  limit: "data-vitrin-limit",
  layout: "data-vitrin-layout",
  image: "data-vitrin-image",
  title: "data-vitrin-title",
  item: "data-vitrin-item",
  id: "data-vitrin-id",
  card: "data-vitrin-card",
  autoplay: "data-vitrin-autoplay",
} as const satisfies Record<keyof SlotProps, string>;

/**
 * The host element's attributes for `props`: `{ "data-vitrin-slot": "for-you", … }`. Props left
 * out (or `autoplay={false}`) are left out; values are not checked here, but by the slot when it
 * mounts, exactly as for HTML.
 */
export function slotAttributes(props: SlotProps): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [prop, attribute] of Object.entries(ATTRIBUTE_OF)) {
    const value: unknown = props[prop as keyof SlotProps];
    if (value === undefined || value === null || value === false) continue;
    out[attribute] = value === true ? "" : String(value);
  }
  return out;
}

/** A slot's state on the server and before the provider has an instance. */
export const LOADING: SlotState = Object.freeze({ status: "loading" });
/** The state of a hook asked for something Vitrin cannot show (an unknown strategy). */
export const UNAVAILABLE: SlotState = Object.freeze({ status: "unavailable" });

/** Options of `useRecommendations`. */
export interface RecommendationOptions {
  /** How many items, 1–24. Default 6. */
  limit?: number;
  /** The product the list is about (`similar`, `viewed-together`, `bought-together`). */
  item?: string;
}

/**
 * The slot request of `useRecommendations(strategy, options)`, or undefined (after one console
 * warning naming what is wrong) when the strategy is unknown or the limit is not 1–24.
 */
export function slotRequest(
  strategy: string,
  options: RecommendationOptions = {},
): SlotRequest | undefined {
  const { limit = 6, item } = options;
  if (!isStrategy(strategy)) {
    warnOnce(
      `useRecommendations("${String(strategy).slice(0, 40)}"): unknown strategy; expected one of ${STRATEGIES.join(", ")}`,
    );
    return undefined;
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > 24) {
    warnOnce(
      `useRecommendations("${strategy}", { limit: ${String(limit).slice(0, 20)} }): expected a whole number from 1 to 24`,
    );
    return undefined;
  }
  return { strategy, limit, ...(item ? { item } : {}) };
}
