/**
 * Reading the merchant's relevance settings (the `relevance` section of the config file):
 * untrusted JSON, checked once. A bad setting or rule is named and skipped; the rest apply.
 */
import { isRecord } from "./guards.js";
import type { Problems } from "./merchant-json.js";
import { isStrategy, STRATEGIES } from "./recommend.js";
import type { MerchantRule, RuleMatch } from "./relevance.js";
import type { SlotRules } from "./slot.js";

/** At most this many merchant rules: each one is tested against every candidate. */
export const MAX_MERCHANT_RULES = 200;
const text = (value: unknown): value is string =>
  typeof value === "string" && value.trim() !== "" && value.length <= 200;
const whole = (value: unknown, min: number, max: number): value is number =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
const COUNT: Setting = [(v) => whole(v, 1, 100), "a whole number from 1 to 100"];
const SWITCH: Setting = [(v) => typeof v === "boolean", "true or false"];
type Setting = [valid: (value: unknown) => boolean, expected: string];

/** The plain settings of the `relevance` section, and what each must be (`merchant` aside). */
const SETTINGS: Record<string, Setting> = {
  repeatable: [
    (v) => Array.isArray(v) && v.every(text),
    'a list of category paths, e.g. ["Kozmetik", "Kitap"]',
  ],
  maxPerBrand: COUNT,
  maxPerCategory: COUNT,
  frequencyCap: COUNT,
  season: SWITCH,
  daypart: SWITCH,
};
const SETTING_NAMES = [...Object.keys(SETTINGS), "merchant"].join(", ");
const ACTIONS = ["pin", "boost", "bury", "exclude"];
const MATCHES = ["id", "category", "tag", "attribute"];
const RULE_KEYS = ["match", "action", "position", "factor", "strategies", "description"];

function parseMatch(raw: unknown, at: string, p: Problems): RuleMatch | undefined {
  const expected = `expected an object with one of ${MATCHES.join(", ")}`;
  if (!isRecord(raw)) return p.add(at, expected);
  const keys = Object.keys(raw);
  if (keys.length !== 1 || !MATCHES.includes(keys[0] ?? ""))
    return p.add(at, `${expected}, e.g. {"category": "Giyim > Kadın"}`);
  const { attribute } = raw;
  if (keys[0] !== "attribute")
    return text(raw[keys[0] as string])
      ? (raw as RuleMatch)
      : p.add(`${at}.${keys[0]}`, "expected a text of up to 200 characters");
  return isRecord(attribute) && text(attribute.name) && text(attribute.value)
    ? { attribute: { name: attribute.name, value: attribute.value } }
    : p.add(`${at}.attribute`, 'expected {"name": "…", "value": "…"}');
}

function parseRule(raw: unknown, at: string, p: Problems): MerchantRule | undefined {
  if (!isRecord(raw)) return p.add(at, 'expected a rule {"match": {…}, "action": …}');
  const before = p.count;
  for (const key of Object.keys(raw))
    if (!RULE_KEYS.includes(key))
      p.add(`${at}.${key}`, `unknown key; expected one of ${RULE_KEYS.join(", ")}`);
  const match = parseMatch(raw.match, `${at}.match`, p);
  const { action, position, factor, strategies } = raw;
  if (typeof action !== "string" || !ACTIONS.includes(action))
    p.add(`${at}.action`, `expected one of ${ACTIONS.join(", ")}`);
  if (position !== undefined && (action !== "pin" || !whole(position, 0, 23)))
    p.add(`${at}.position`, "expected a place from 0 (the first) to 23, on a pin rule");
  if (
    action === "boost"
      ? !(typeof factor === "number" && factor > 0 && factor <= 100)
      : factor !== undefined
  )
    p.add(`${at}.factor`, "expected a number above 0 and up to 100, on a boost rule");
  if (strategies !== undefined && !(Array.isArray(strategies) && strategies.every(isStrategy)))
    p.add(`${at}.strategies`, `expected a list of strategies: ${STRATEGIES.join(", ")}`);
  if (p.count > before || !match) return undefined;
  return {
    match,
    action,
    ...(position !== undefined && { position }),
    ...(factor !== undefined && { factor }),
    ...(strategies !== undefined && { strategies }),
  } as MerchantRule;
}

/**
 * Validates the `relevance` section: `repeatable` (category prefixes), `maxPerBrand`,
 * `maxPerCategory`, `frequencyCap` (whole numbers), `season`, `daypart` (true or false) and
 * `merchant` rules (pin, boost, bury, exclude). Each bad setting or rule is named in `p` and
 * left out; undefined when the section is not an object.
 */
export function parseRelevance(raw: unknown, p: Problems): SlotRules | undefined {
  if (!isRecord(raw)) return p.add("relevance", `expected an object with ${SETTING_NAMES}`);
  const rules: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const at = `relevance.${key}`;
    const setting = Object.hasOwn(SETTINGS, key) ? SETTINGS[key] : undefined;
    if (setting) {
      if (setting[0](value)) rules[key] = value;
      else p.add(at, `expected ${setting[1]}`);
    } else if (key !== "merchant") {
      p.add(at, `unknown setting; expected one of ${SETTING_NAMES}`);
    } else if (!Array.isArray(value)) {
      p.add(at, 'expected a list of rules {"match": {…}, "action": …}');
    } else {
      if (value.length > MAX_MERCHANT_RULES)
        p.add(at, `expected at most ${MAX_MERCHANT_RULES} rules; the rest are ignored`);
      rules[key] = value
        .slice(0, MAX_MERCHANT_RULES)
        .map((rule, i) => parseRule(rule, `${at}[${i}]`, p))
        .filter(Boolean);
    }
  }
  return rules as SlotRules;
}
