/**
 * Personas: a handful of behavioural archetypes, each a weighted blend of the behaviour features
 * (never demographics). Merchants can replace the list from their config.
 */

import { isRecord } from "./guards.js";
import { kebab, merchantList, type Problems, problemsOf } from "./merchant-json.js";
import type { Features, PersonaDefinition, PersonaMatch } from "./recognize.js";

/** Features a persona may weigh (evidence is how sure, not what kind). */
export type PersonaFeature = Exclude<keyof Features, "evidence">;

/** The feature names a persona may weigh or floor. */
export const PERSONA_FEATURES: readonly PersonaFeature[] = [
  "priceSensitivity",
  "categoryBreadth",
  "brandLoyalty",
  "visitRhythm",
  "conversion",
  "researchDepth",
  "decisiveness",
  "giftSignal",
  "browsing",
];

/** What assigning a persona reads: a definition without its labels. */
export type PersonaRule = Omit<PersonaDefinition, "label">;

/** At most this many personas: more would split thin histories into noise. */
export const MAX_PERSONAS = 7;

/**
 * The default seven, as assignment reads them. Negative weights mark what a persona is not (a
 * researcher is not quick to cart); floors keep a persona from winning on a trace of its
 * defining feature.
 */
const DEFAULT_RULES: readonly PersonaRule[] = [
  {
    id: "bargain-hunter",
    weights: { priceSensitivity: 1 },
    min: { priceSensitivity: 0.4 },
  },
  {
    id: "brand-loyal",
    weights: { brandLoyalty: 1, conversion: 0.25, categoryBreadth: -0.25 },
    min: { brandLoyalty: 0.5 },
  },
  {
    id: "explorer",
    weights: { categoryBreadth: 1, visitRhythm: 0.25, brandLoyalty: -0.25 },
    min: { categoryBreadth: 0.4 },
  },
  {
    id: "decisive-buyer",
    weights: { decisiveness: 1, conversion: 0.5, researchDepth: -0.25 },
    min: { decisiveness: 0.3 },
  },
  {
    id: "researcher",
    weights: { researchDepth: 1, decisiveness: -0.25 },
    min: { researchDepth: 0.4 },
  },
  {
    id: "gift-shopper",
    weights: { giftSignal: 1 },
    min: { giftSignal: 0.3 },
  },
  {
    // Looks a lot, carts and buys nothing: at most a third, so any clear trait wins over it.
    id: "window-shopper",
    weights: { browsing: 1, decisiveness: -1, conversion: -1 },
    min: { browsing: 0.25 },
  },
];

/** The default seven's names, by language: for the merchant's own screens, not for assigning. */
const DEFAULT_LABELS: Record<string, Record<string, string>> = {
  "bargain-hunter": { tr: "Fırsat avcısı", en: "Bargain hunter" },
  "brand-loyal": { tr: "Marka sadığı", en: "Brand loyal" },
  explorer: { tr: "Kâşif", en: "Explorer" },
  "decisive-buyer": { tr: "Kararlı alıcı", en: "Decisive buyer" },
  researcher: { tr: "Araştırmacı", en: "Researcher" },
  "gift-shopper": { tr: "Hediye alıcısı", en: "Gift shopper" },
  "window-shopper": { tr: "Vitrin gezgini", en: "Window shopper" },
};

/**
 * The default seven with their labels. Marked pure: the script-tag bundle assigns personas but
 * never names them, so the bundler leaves out this list and the labels with it.
 */
export const DEFAULT_PERSONAS: PersonaDefinition[] = /* @__PURE__ */ DEFAULT_RULES.map((p) => ({
  ...p,
  label: DEFAULT_LABELS[p.id] ?? {},
}));

/** Σ weight × feature / Σ |weight|, in −1…1; NaN when the persona weighs nothing. */
function score(features: Features, persona: PersonaRule): number {
  let sum = 0;
  let norm = 0;
  for (const name of PERSONA_FEATURES) {
    const w = persona.weights[name];
    if (!w || !Number.isFinite(w)) continue;
    sum += w * (features[name] || 0);
    norm += Math.abs(w);
  }
  return sum / norm;
}

function qualifies(features: Features, persona: PersonaRule): boolean {
  const min = persona.min ?? {};
  return PERSONA_FEATURES.every((name) => !((features[name] || 0) < (min[name] ?? -1)));
}

/**
 * The persona that fits the features best. Each persona whose floors hold scores
 * Σ w·f / Σ|w|; the highest wins (ties: the earlier in the list). Confidence is the winner's
 * margin over the runner-up (over 0 when it is the only one qualifying), times the evidence:
 * `evidence × (best − max(0, runnerUp))`, clamped to 0…1. Undefined without evidence, when no
 * persona qualifies, or when the best score is not above 0.
 */
export function assignPersona(
  features: Features,
  personas: readonly PersonaRule[] = DEFAULT_RULES,
): PersonaMatch | undefined {
  const evidence = Math.min(1, features.evidence || 0);
  if (!(evidence > 0)) return undefined;
  const scores: Record<string, number> = {};
  let best: PersonaRule | undefined;
  let top = 0;
  let second = 0;
  for (const persona of personas) {
    const s = score(features, persona);
    if (!Number.isFinite(s) || !qualifies(features, persona) || Object.hasOwn(scores, persona.id))
      continue;
    scores[persona.id] = s;
    if (!best || s > top) {
      second = best ? Math.max(second, top) : second;
      best = persona;
      top = s;
    } else second = Math.max(second, s);
  }
  if (!best || !(top > 0)) return undefined;
  const confidence = Math.min(1, Math.max(0, evidence * (Math.min(1, top) - Math.max(0, second))));
  return { id: best.id, confidence, scores };
}

/**
 * Validates the merchant's personas (untrusted JSON from a config file): a list, or
 * `{ personas: [...] }`, of at most {@link MAX_PERSONAS}. Each problem names where and what was
 * expected; bad personas are skipped, good ones kept. Never throws.
 */
export function parsePersonas(
  json: unknown,
  where: string,
): { personas: PersonaDefinition[]; problems: string[] } {
  const problems = problemsOf(where);
  const personas: PersonaDefinition[] = [];
  const list = merchantList(json, "personas", MAX_PERSONAS, problems);
  const ids = new Set<string>();
  for (const [i, raw] of list.entries()) {
    const at = `personas[${i}]`;
    const before = problems.count;
    if (!isRecord(raw)) {
      problems.add(at, "expected an object with id, label and weights");
      continue;
    }
    for (const key of Object.keys(raw))
      if (!["id", "label", "weights", "min"].includes(key))
        problems.add(`${at}.${key}`, "unknown key; expected id, label, weights or min");
    const id = raw.id;
    if (!kebab(id)) problems.add(`${at}.id`, 'expected a lowercase-kebab id like "night-owl"');
    else if (ids.has(id)) problems.add(`${at}.id`, `"${id}" is used twice`);
    const label: Record<string, string> = {};
    if (!isRecord(raw.label))
      problems.add(`${at}.label`, 'expected labels by language, e.g. {"tr": "…", "en": "…"}');
    else
      for (const [lang, text] of Object.entries(raw.label)) {
        if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang))
          problems.add(`${at}.label.${lang}`, "expected a language code like tr or en");
        else if (typeof text !== "string" || !text.trim() || text.length > 60)
          problems.add(`${at}.label.${lang}`, "expected a text of 1 to 60 characters");
        else label[lang] = text.trim();
      }
    const weightProblems = problems.count;
    const weights = featureNumbers(raw.weights, `${at}.weights`, problems, -10, 10);
    // Reported only when every weight was readable, so one mistake gives one message.
    if (
      weights &&
      problems.count === weightProblems &&
      !Object.values(weights).some((w) => w !== 0)
    )
      problems.add(`${at}.weights`, "expected at least one non-zero weight");
    const min = raw.min === undefined ? {} : featureNumbers(raw.min, `${at}.min`, problems, 0, 1);
    if (problems.count > before || !kebab(id) || !weights || !min) continue;
    ids.add(id);
    personas.push({ id, label, weights, ...(Object.keys(min).length ? { min } : {}) });
  }
  return { personas, problems: problems.list };
}

/** `{feature: number}` with known feature names and numbers in lo…hi; undefined when not an object. */
function featureNumbers(
  raw: unknown,
  at: string,
  problems: Problems,
  lo: number,
  hi: number,
): Partial<Record<PersonaFeature, number>> | undefined {
  if (!isRecord(raw)) {
    problems.add(
      at,
      `expected an object of feature: number, with features ${PERSONA_FEATURES.join(", ")}`,
    );
    return undefined;
  }
  const out: Partial<Record<PersonaFeature, number>> = {};
  for (const [key, value] of Object.entries(raw)) {
    const name = PERSONA_FEATURES.find((f) => f === key);
    if (!name)
      problems.add(
        `${at}.${key}`,
        `unknown feature; expected one of ${PERSONA_FEATURES.join(", ")}`,
      );
    else if (typeof value !== "number" || !Number.isFinite(value) || value < lo || value > hi)
      problems.add(`${at}.${key}`, `expected a number from ${lo} to ${hi}`);
    else out[name] = value;
  }
  return out;
}
