import { type Pick, reportFailure, type SlotState, safeHttpUrl, type Vitrin } from "@vitrin/core";
import type { ReadableAtom } from "nanostores";
import { pushListView, pushSelect } from "./analytics.js";
import {
  type Conditions,
  type ResolvedSlot,
  resolveSlot,
  type SlotDeclaration,
} from "./attributes.js";
import { deviceConditions } from "./conditions.js";
import { type Lang, resolveLang, STRINGS } from "./strings.js";

/** What a renderer draws: everything it needs, nothing it has to fetch or track. */
export interface SlotRenderState {
  /** `empty` also covers "no catalog" and "no strategy for this device". */
  status: "loading" | "ready" | "empty";
  /** The options for this device; undefined when none applies here. */
  slot: ResolvedSlot | undefined;
  picks: readonly Pick[];
  currency: string;
  lang: Lang;
  /** The slot's heading ("" for none) and accessible name. */
  title: string;
  label: string;
  conditions: Conditions;
  /** Names an item by id (reasons refer to other items). */
  titleOf(id: string): string | undefined;
  /** Call when the shopper follows the card at `index`: records the click for analytics. */
  select(index: number): void;
}

/** Options of {@link connectSlot}. */
export interface ConnectOptions {
  /** Widget language; default from `<html lang>`. */
  lang?: string;
  /** The conditions that hold; this browser's, following the viewport, by default. */
  conditions?: ReadableAtom<Conditions>;
  /**
   * The slot element: it gets `data-vitrin-state` (loading | ready | empty, which the stylesheet
   * uses to collapse it or show its fallback) and its visibility decides impressions.
   */
  element?: Element;
  /** Data layer for impressions and clicks; `false` for none. Default `dataLayer`. */
  dataLayer?: string | false;
}

/**
 * Connects a slot declaration to Vitrin: resolves the options for the current device (again
 * when the viewport or settings change), follows the slot's store, reports impressions (once
 * per distinct list, when at least half the slot, or half the screen, shows it) and clicks, and calls `render`
 * with each state. Framework-free: any renderer can draw the state. Returns `dispose`.
 */
export function connectSlot(
  vitrin: Vitrin,
  declaration: SlotDeclaration,
  render: (state: SlotRenderState) => void,
  options: ConnectOptions = {},
): () => void {
  const lang = resolveLang(options.lang);
  const { element } = options;
  const layer = options.dataLayer ?? "dataLayer";
  const $conditions = options.conditions ?? deviceConditions();
  let conditions = $conditions.get();
  let slot: ResolvedSlot | undefined;
  let request = "";
  let data: SlotState = { status: "loading" };
  let current: SlotRenderState | undefined;
  let unsubscribe: (() => void) | undefined;
  let visible = false;
  let shown = "";

  const titleOf = (id: string) => vitrin.$catalog.get()?.byId.get(id)?.title;
  const list = () => ({
    id: slot?.id ?? "",
    name: current?.label ?? "",
    currency: current?.currency ?? "",
  });

  const impress = () => {
    if (!visible || !layer || current?.status !== "ready") return;
    // A new list object with the same items (the profile recomputed) is not a new impression.
    const key = `${list().id}|${current.picks.map((p) => p.item.id).join()}`;
    if (key === shown) return;
    shown = key;
    pushListView(layer, list(), current.picks);
  };

  const draw = () => {
    // A card is a link: an item whose URL is not http(s) (`javascript:`…) has no card at all.
    const picks =
      data.status === "ready" && slot
        ? data.picks.filter((p) => safeHttpUrl(p.item.url, globalThis.location?.href))
        : [];
    const status = !slot
      ? "empty"
      : data.status === "loading"
        ? "loading"
        : picks.length
          ? "ready"
          : "empty";
    const label = slot ? STRINGS[lang].titles[slot.strategy] : "";
    current = {
      status,
      slot,
      picks,
      currency: data.status === "ready" ? data.currency : "",
      lang,
      title: slot?.title ?? label,
      label: slot?.title || label,
      conditions,
      titleOf,
      select(index) {
        const pick = picks[index];
        if (pick && layer) pushSelect(layer, list(), pick, index);
      },
    };
    element?.setAttribute("data-vitrin-state", status);
    try {
      render(current);
    } catch (error) {
      reportFailure(`rendering a "${slot?.strategy}" slot`, error);
    }
    impress();
  };

  const stopConditions = $conditions.subscribe((next) => {
    conditions = next;
    slot = resolveSlot(declaration, next);
    const wanted = slot ? JSON.stringify([slot.strategy, slot.limit, slot.item]) : "";
    if (wanted !== request) {
      // A different list for this device (rotated tablet, resized window): a new store.
      request = wanted;
      unsubscribe?.();
      unsubscribe = undefined;
      data = { status: "loading" };
      if (slot) {
        const { strategy, limit, item } = slot;
        unsubscribe = vitrin.slot({ strategy, limit, ...(item ? { item } : {}) }).subscribe((s) => {
          data = s;
          draw();
        });
        return;
      }
    }
    draw();
  });

  // Seen: half the slot on screen, or, for a slot taller than that can ever be (a long list
  // on a phone), half the screen filled by it. Thresholds every tenth, so the second case is
  // noticed while scrolling too.
  const observer =
    element && layer && typeof IntersectionObserver === "function"
      ? new IntersectionObserver(
          ([entry]) => {
            visible =
              !!entry &&
              (entry.intersectionRatio >= 0.5 ||
                entry.intersectionRect.height * 2 >= (entry.rootBounds?.height ?? innerHeight));
            impress();
          },
          { threshold: [0, 0.1, 0.2, 0.3, 0.4, 0.5] },
        )
      : undefined;
  observer?.observe(element as Element);

  return () => {
    stopConditions();
    unsubscribe?.();
    observer?.disconnect();
  };
}
