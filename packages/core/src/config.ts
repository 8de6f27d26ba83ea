/**
 * The merchant's config file (`data-config`, or the `config` option): offers, segments,
 * personas and relevance rules in one JSON file (see docs/config.md). Untrusted: checked once,
 * every problem named with the file, the path inside it and what was expected; a bad section
 * or entry is skipped and the rest applied.
 */
import { isRecord } from "./guards.js";
import { problemsOf } from "./merchant-json.js";
import type { Model } from "./model.js";
import { parsePersonas } from "./personas.js";
import type { ProfileConfig } from "./profile.js";
import { parseRelevance } from "./relevance-config.js";
import { parseSegments } from "./segments.js";
import type { SlotRules } from "./slot.js";

/** Merchant settings that may arrive after start: from the config file, the model file or `configure()`. */
export interface VitrinSettings {
  /** Segments, personas and the half-life of interest. */
  profile?: ProfileConfig;
  /** Relevance settings for every slot: merchant rules, repeatable categories, diversity. */
  relevance?: SlotRules;
  /** A model made by `vitrin model` (viewed-together, bought-together, trending). */
  model?: Model;
  /** Offers as JSON (a list, or `{"offers": […]}`), checked and shown by the widgets. */
  offers?: unknown;
}

/** The top-level keys of a config file. */
export const CONFIG_KEYS = [
  "offers",
  "segments",
  "personas",
  "halfLifeDays",
  "giftWords",
  "relevance",
];

/**
 * Validates a config file: `{"offers": […], "segments": […], "personas": […], "halfLifeDays":
 * 30, "relevance": {…}}`, every key optional. `where` names the file in messages
 * (`config.json: segments[2].when.gte: expected a number`). Offers are passed on as they are:
 * the widgets check them. Never throws.
 */
export function parseConfig(
  json: unknown,
  where: string,
): { settings: VitrinSettings; problems: string[] } {
  const p = problemsOf(where);
  const settings: VitrinSettings = {};
  if (!isRecord(json)) {
    p.add("", `expected an object with any of ${CONFIG_KEYS.join(", ")}`);
    return { settings, problems: p.list };
  }
  // Problems in the order of the sections: unknown keys, segments, personas, the rest.
  const first: string[] = [];
  for (const key of Object.keys(json))
    if (!CONFIG_KEYS.includes(key))
      first.push(`${where}: ${key}: unknown key; expected one of ${CONFIG_KEYS.join(", ")}`);
  const profile: ProfileConfig = {};
  if (Object.hasOwn(json, "segments")) {
    const { rules, problems } = parseSegments(json, where);
    first.push(...problems);
    if (rules.length) profile.segments = rules;
  }
  if (Object.hasOwn(json, "personas")) {
    const { personas, problems } = parsePersonas(json, where);
    first.push(...problems);
    // None valid: the default personas stay, rather than none at all.
    if (personas.length) profile.personas = personas;
  }
  const { halfLifeDays, giftWords, relevance, offers } = json;
  if (halfLifeDays !== undefined) {
    if (typeof halfLifeDays === "number" && halfLifeDays >= 1 && halfLifeDays <= 3650)
      profile.halfLifeDays = halfLifeDays;
    else p.add("halfLifeDays", "expected a number of days from 1 to 3650");
  }
  if (giftWords !== undefined) {
    // Matched as words inside category names, so each must have something to match.
    if (
      Array.isArray(giftWords) &&
      giftWords.length <= 100 &&
      giftWords.every((w) => typeof w === "string" && w.trim().length > 0 && w.length <= 60)
    )
      profile.giftWords = giftWords;
    else p.add("giftWords", 'expected a list of words such as ["hediye", "oyuncak"]');
  }
  if (Object.keys(profile).length) settings.profile = profile;
  if (relevance !== undefined) {
    const rules = parseRelevance(relevance, p);
    if (rules) settings.relevance = rules;
  }
  if (offers !== undefined) settings.offers = offers;
  return { settings, problems: [...first, ...p.list] };
}
