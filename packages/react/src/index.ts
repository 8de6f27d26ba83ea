export type { Profile, SlotState, Strategy, Vitrin, VitrinOptions } from "@vitrin/core";
export type { CartReminderProps, RecommendationOptions, SlotProps } from "@vitrin/widgets";
export {
  CartReminder,
  type CartReminderComponentProps,
  RecommendationSlot,
  type RecommendationSlotProps,
  Variant,
  type VariantProps,
} from "./components.js";
export { useProfile, useRecommendations, useSegment } from "./hooks.js";
export { useVitrin, VitrinProvider, type VitrinProviderProps } from "./provider.js";
