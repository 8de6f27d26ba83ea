export {
  describeElement,
  readSlotAttributes,
  SLOT_ATTRIBUTES,
  type SlotDeclaration,
} from "./attributes.js";
export { type MountOptions, mountSlots } from "./mount.js";
export { SlotView, type SlotViewProps } from "./slot-view.js";
export { type Lang, resolveLang, STRINGS, type Strings } from "./strings.js";
export { adoptDefaultStyles, DEFAULT_CSS } from "./styles.js";
