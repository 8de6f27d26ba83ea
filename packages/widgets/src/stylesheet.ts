import { CONTENT_CSS } from "./content-styles.js";
import { slotCss } from "./css.js";

/**
 * Every widget's default style, in one text: the constructed stylesheet the script adopts, and
 * `dist/vitrin.css`, which the build writes from this module for stores to link in `<head>`.
 */
export const STYLESHEET = `${slotCss()}\n${CONTENT_CSS}`;
