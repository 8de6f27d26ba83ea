import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { whenHolds } from "./audience.js";
import { useProfile } from "./hooks.js";
import { type CartReminderProps, mountReminderHost, mountSlotHost } from "./hosts.js";
import { useVitrinContext } from "./provider.js";
import { type SlotProps, slotAttributes } from "./slot-props.js";

/** Props of the Preact `<RecommendationSlot>`. */
export interface RecommendationSlotProps extends SlotProps {
  /** Shown in the reserved space when the slot ends empty. */
  fallback?: ComponentChildren;
  class?: string;
  className?: string;
}

/**
 * A recommendation slot: renders `<div data-vitrin-slot=…>` — empty on the server and in the
 * first render, its box reserved by `vitrin.css` from those attributes — and once mounted lets
 * Vitrin's own slot renderer draw inside it. Remounts when the props change.
 */
export function RecommendationSlot(props: RecommendationSlotProps) {
  const { vitrin, lang } = useVitrinContext();
  const host = useRef<HTMLDivElement>(null);
  const attributes = slotAttributes(props);
  const key = JSON.stringify(attributes);
  useEffect(() => {
    if (!vitrin || !host.current) return;
    return mountSlotHost(vitrin, host.current, lang);
  }, [vitrin, lang, key]);
  return (
    <div ref={host} class={props.class ?? props.className} {...attributes}>
      {props.fallback !== undefined && <div data-vitrin-fallback="">{props.fallback}</div>}
    </div>
  );
}

/** Props of the Preact `<CartReminder>`. */
export interface CartReminderComponentProps extends CartReminderProps {
  class?: string;
  className?: string;
}

/**
 * The cart reminder for a returning shopper with items left from an earlier visit, as
 * `<div data-vitrin-cart-reminder>` shows it: a toast by default, `inline` in the flow.
 */
export function CartReminder(props: CartReminderComponentProps) {
  const { vitrin, lang } = useVitrinContext();
  const host = useRef<HTMLDivElement>(null);
  const { cartUrl, incentive, inline } = props;
  useEffect(() => {
    if (!vitrin || !host.current) return;
    return mountReminderHost(vitrin, host.current, { cartUrl, incentive, inline }, lang);
  }, [vitrin, lang, cartUrl, incentive, inline]);
  return (
    <div ref={host} class={props.class ?? props.className} data-vitrin-component="cart-reminder" />
  );
}

/** Props of the Preact `<Variant>`. */
export interface VariantProps {
  /** Conditions, all of which must hold: `"persona:bargain-hunter"`, `"segment:returning device:mobile"`. */
  when: string;
  /** What everyone else sees (and everyone, on the server and until the profile is known). */
  otherwise?: ComponentChildren;
  children?: ComponentChildren;
}

/**
 * Content for one audience: `children` when `when` holds for the shopper, else `otherwise`
 * (nest another `<Variant>` there for the next audience).
 */
export function Variant({ when, otherwise, children }: VariantProps) {
  const holds = whenHolds(when, useProfile());
  return <>{holds ? children : otherwise}</>;
}
