/** @jsxImportSource react */
import {
  type CartReminderProps,
  mountReminderHost,
  mountSlotHost,
  type SlotProps,
  slotAttributes,
  whenHolds,
} from "@vitrin/widgets";
import { type ReactNode, useEffect, useRef } from "react";
import { useProfile } from "./hooks.js";
import { useVitrinContext } from "./provider.js";

/** Props of `<RecommendationSlot>`. */
export interface RecommendationSlotProps extends SlotProps {
  /** Shown in the reserved space when the slot ends empty. */
  fallback?: ReactNode;
  className?: string;
}

/**
 * A recommendation slot: renders `<div data-vitrin-slot=…>` — empty on the server and in the
 * hydrating render, its box reserved by `vitrin.css` from those attributes — and once mounted
 * lets Vitrin's own renderer draw inside it, in a container React never renders into.
 * Remounts when the props change.
 */
export function RecommendationSlot(props: RecommendationSlotProps) {
  const { vitrin, lang } = useVitrinContext();
  const host = useRef<HTMLDivElement>(null);
  const attributes = slotAttributes(props);
  const key = JSON.stringify(attributes);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the attributes React has just written on the host.
  useEffect(() => {
    if (!vitrin || !host.current) return;
    return mountSlotHost(vitrin, host.current, lang);
  }, [vitrin, lang, key]);
  return (
    <div ref={host} className={props.className} {...attributes}>
      {props.fallback !== undefined && <div data-vitrin-fallback="">{props.fallback}</div>}
    </div>
  );
}

/** Props of `<CartReminder>`. */
export interface CartReminderComponentProps extends CartReminderProps {
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
  return <div ref={host} className={props.className} data-vitrin-component="cart-reminder" />;
}

/** Props of `<Variant>`. */
export interface VariantProps {
  /** Conditions, all of which must hold: `"persona:bargain-hunter"`, `"segment:returning device:mobile"`. */
  when: string;
  /** What everyone else sees (and everyone, on the server and until the profile is known). */
  otherwise?: ReactNode;
  children?: ReactNode;
}

/**
 * Content for one audience: `children` when `when` holds for the shopper, else `otherwise`
 * (nest another `<Variant>` there for the next audience).
 */
export function Variant({ when, otherwise, children }: VariantProps) {
  const holds = whenHolds(when, useProfile());
  return <>{holds ? children : otherwise}</>;
}
