export { inSegment, NO_SEGMENTS, segmentsOf, whenHolds } from "./app/audience.js";
export {
  CartReminder,
  type CartReminderComponentProps,
  RecommendationSlot,
  type RecommendationSlotProps,
  Variant,
  type VariantProps,
} from "./app/components.js";
export { useProfile, useRecommendations, useSegment } from "./app/hooks.js";
export { type CartReminderProps, mountReminderHost, mountSlotHost } from "./app/hosts.js";
export {
  NO_VITRIN,
  type OwnVitrin,
  providedVitrin,
  startVitrin,
  type VitrinContextValue,
  type VitrinProviderOptions,
} from "./app/own-vitrin.js";
export { useVitrin, VitrinProvider, type VitrinProviderProps } from "./app/provider.js";
export {
  LOADING,
  type RecommendationOptions,
  type SlotProps,
  slotAttributes,
  slotRequest,
  UNAVAILABLE,
} from "./app/slot-props.js";
export {
  type Choices,
  type Conditions,
  describeElement,
  ELEMENT_ATTRIBUTES,
  type ResolvedSlot,
  readSlotAttributes,
  resolveSlot,
  SLOT_ATTRIBUTES,
  SLOT_OPTIONS,
  type SlotAttributes,
  type SlotDeclaration,
} from "./attributes.js";
export { Card, type CardContext, cardFields } from "./card.js";
export { DISMISSED_KEY, type Reminder, reminderFor, renderReminder } from "./cart-reminder.js";
export { deviceConditions, readConditions } from "./conditions.js";
export { type ConnectOptions, connectSlot, type SlotRenderState } from "./connector.js";
export { CONTENT_SELECTOR, type ContentOptions, mountContent } from "./content-mount.js";
export {
  CONTENT_STRINGS,
  type ContentLang,
  contentLang,
  reminderMessage,
} from "./content-strings.js";
export { CONTENT_CSS } from "./content-styles.js";
export {
  CONDITIONS,
  type Condition,
  IMAGES,
  type ImageSize,
  LAYOUTS,
  type Layout,
  MAX_LIMIT,
  MEDIA,
  slotCss,
} from "./css.js";
export { defineSlotElement } from "./element.js";
export { imageOf } from "./images.js";
export {
  type MountOptions,
  mountSlot,
  mountSlots,
  refreshSlots,
  type SlotMountOptions,
  unmountSlot,
} from "./mount.js";
export { renderOffer } from "./offer-view.js";
export {
  chooseOffers,
  countView,
  type LocalText,
  OFFERS_KEY,
  type Offer,
  type OfferSeen,
  type OffersParse,
  type OfferTargets,
  type OfferViews,
  parseOffers,
  readSeen,
  textIn,
} from "./offers.js";
export { reasonsText, reasonText } from "./reasons.js";
export { type CartReminderOptions, mountCartReminder } from "./reminder-mount.js";
export { SlotView, type SlotViewProps } from "./slot-view.js";
export { dative, type Lang, resolveLang, STRINGS, type Strings } from "./strings.js";
export { adoptDefaultStyles, DEFAULT_CSS } from "./styles.js";
export { STYLESHEET } from "./stylesheet.js";
export { distance, suggest } from "./suggest.js";
export { CARD_FIELDS, fillTemplate } from "./template-card.js";
export { checkAttributes, KNOWN_ATTRIBUTES } from "./typos.js";
export {
  chooseVariant,
  matchesAll,
  parseVariant,
  resetVariant,
  showVariant,
  TARGET_KEYS,
  type TargetKey,
  type VariantCondition,
} from "./variants.js";
