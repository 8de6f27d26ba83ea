/**
 * Variants of any content: `<template data-vitrin-variant="persona:gift-shopper">` children of
 * `<div data-vitrin-content>` are swapped in for its `[data-vitrin-default]` child when the
 * profile matches. Templates are cloned, never parsed from strings (no innerHTML), and the
 * default is only hidden, so a later profile can bring it back.
 */
import { type Profile, warnOnce } from "@vitrin/core";

/** Keys a variant (and an offer) can target, with their accepted values; `null`: any id. */
export const TARGET_KEYS = {
  segment: null,
  persona: null,
  device: ["mobile", "tablet", "desktop"],
  daypart: ["morning", "afternoon", "evening", "night"],
  season: ["winter", "spring", "summer", "autumn"],
  input: ["touch", "mouse"],
  visitor: ["new", "returning"],
} as const;

/** A dimension a variant can target. */
export type TargetKey = keyof typeof TARGET_KEYS;

/** One `key:value` condition. */
export type VariantCondition = readonly [TargetKey, string];

/** Segment and persona ids: lowercase-kebab, as core's parsers require. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A value's problem under `key`, or undefined when it is accepted. */
export function badValue(key: TargetKey, value: string): string | undefined {
  const accepted: readonly string[] | null = TARGET_KEYS[key];
  if (accepted ? accepted.includes(value) : ID.test(value)) return undefined;
  return accepted
    ? `expected ${key}:${accepted.join(`, ${key}:`)}`
    : `expected a lowercase-kebab id like ${key}:${key === "segment" ? "returning" : "gift-shopper"}`;
}

/** Parses `"segment:returning device:mobile"`: the conditions, or what is wrong with them. */
export function parseVariant(raw: string): { conditions: VariantCondition[] } | { error: string } {
  const conditions: VariantCondition[] = [];
  const tokens = raw.trim().split(/\s+/).filter(Boolean);
  if (!tokens.length) return { error: "expected conditions like segment:returning device:mobile" };
  for (const token of tokens) {
    const [key = "", value = ""] = token.split(":", 2);
    if (!Object.hasOwn(TARGET_KEYS, key))
      return {
        error: `unknown key "${key}"; expected ${Object.keys(TARGET_KEYS).join(", ")} (as key:value)`,
      };
    const bad = badValue(key as TargetKey, value);
    if (bad) return { error: `"${token}": ${bad}` };
    conditions.push([key as TargetKey, value]);
  }
  return { conditions };
}

/** The profile's value(s) for a target key. */
export function factsOf(profile: Profile, key: TargetKey): readonly string[] {
  switch (key) {
    case "segment":
      return profile.segments;
    case "persona":
      return profile.persona ? [profile.persona.id] : [];
    case "visitor":
      return [profile.visitor.isNew ? "new" : "returning"];
    default:
      return [profile.context[key]];
  }
}

/** True when every condition holds for the profile. */
export const matchesAll = (conditions: readonly VariantCondition[], profile: Profile): boolean =>
  conditions.every(([key, value]) => factsOf(profile, key).includes(value));

/** `div#hero.banner`: enough for a merchant to find the element a warning is about. */
export function elementName(el: Element): string {
  const id = el.id ? `#${el.id}` : "";
  const cls = [...el.classList].slice(0, 2).map((c) => `.${c}`);
  return `<${el.localName}${id}${cls.join("")}>`;
}

/**
 * The template to show for the profile: the first whose conditions all hold, else null
 * (the default). A template with a bad condition is skipped, with one warning.
 */
export function chooseVariant(container: Element, profile: Profile): HTMLTemplateElement | null {
  for (const child of container.children) {
    if (!(child instanceof HTMLTemplateElement) || !child.hasAttribute("data-vitrin-variant"))
      continue;
    const raw = child.getAttribute("data-vitrin-variant") ?? "";
    const parsed = parseVariant(raw);
    if ("error" in parsed) {
      warnOnce(
        `${elementName(container)} data-vitrin-variant="${raw.slice(0, 80)}": ${parsed.error}; this variant is skipped`,
      );
      continue;
    }
    if (matchesAll(parsed.conditions, profile)) return child;
  }
  return null;
}

/** Takes a shown variant away and shows the default again. */
export function resetVariant(container: Element): void {
  for (const child of [...container.children]) {
    if (child.classList.contains("vitrin-variant")) child.remove();
    else if (child.hasAttribute("data-vitrin-default")) child.removeAttribute("hidden");
  }
}

/** The template each shown wrapper was cloned from. */
const sources = new WeakMap<Element, HTMLTemplateElement>();

/**
 * Shows the chosen variant of one `[data-vitrin-content]` element. Until the profile is known
 * the default stays as the merchant wrote it, so the first paint is the default; a variant of
 * the same size then replaces it without moving anything else.
 */
export function showVariant(container: Element, profile: Profile | undefined): void {
  if (!profile) return;
  const chosen = chooseVariant(container, profile);
  const fallback = [...container.children].find((c) => c.hasAttribute("data-vitrin-default"));
  const shown = [...container.children].find((c) => c.classList.contains("vitrin-variant"));
  // The same variant again: leave it alone (a playing video, a focused link, a typed input).
  if (chosen && shown && sources.get(shown) === chosen) return;
  shown?.remove();
  if (!chosen) {
    fallback?.removeAttribute("hidden");
    return;
  }
  // `display: contents` (content-styles.ts): the wrapper adds no box of its own.
  const wrapper = document.createElement("div");
  sources.set(wrapper, chosen);
  wrapper.className = "vitrin-variant";
  wrapper.setAttribute("data-vitrin-shown", chosen.getAttribute("data-vitrin-variant") ?? "");
  wrapper.append(chosen.content.cloneNode(true));
  (fallback ?? chosen).after(wrapper);
  fallback?.setAttribute("hidden", "");
}
