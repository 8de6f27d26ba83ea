import { STRATEGIES, type Strategy } from "@vitrin/core";
import {
  CONDITIONS,
  type Condition,
  IMAGES,
  type ImageSize,
  LAYOUTS,
  type Layout,
  MAX_LIMIT,
} from "./css.js";
import { suggest } from "./suggest.js";

/** A value per condition; `""` holds the bare (default) value. */
export type Choices<T> = Partial<Record<Condition | "", T>>;

/** A slot as the merchant declared it: per-condition choices, not yet resolved for a device. */
export interface SlotDeclaration {
  strategy: Choices<Strategy>;
  limit: Choices<number>;
  layout: Choices<Layout>;
  image: Choices<ImageSize>;
  /** The merchant's heading; `""` for none. */
  title?: string;
  /** The item the slot is about. */
  item?: string;
  /** The list id in analytics. */
  id?: string;
  /** Id of a `<template>` for the card. */
  card?: string;
  /** Seconds between autoplay steps, when the merchant asked for autoplay. */
  autoplay?: number;
}

/** A slot's options for one device and setting: what it shows now. */
export interface ResolvedSlot {
  strategy: Strategy;
  limit: number;
  layout: Layout;
  image: ImageSize;
  title?: string;
  item?: string;
  /** `item_list_id`: the declared id, else `vitrin-<strategy>`. */
  id: string;
  card?: string;
  autoplay?: number;
}

/** Which conditions hold now. */
export type Conditions = Record<Condition, boolean>;

/**
 * The options a slot understands, by their data-attribute name (`data-vitrin-<name>`). On
 * `<vitrin-slot>` they are plain attributes, and `slot` is called `strategy`.
 */
export const SLOT_OPTIONS = [
  "slot",
  "limit",
  "layout",
  "image",
  "title",
  "item",
  "id",
  "card",
  "autoplay",
] as const;
type Option = (typeof SLOT_OPTIONS)[number];

/** The data attributes of a slot element. */
export const SLOT_ATTRIBUTES = SLOT_OPTIONS.map((name) => `data-vitrin-${name}`);
/** The attributes of `<vitrin-slot>`. */
export const ELEMENT_ATTRIBUTES = SLOT_OPTIONS.map((name) => (name === "slot" ? "strategy" : name));

/** Overrides given by script (`mount(el, { attributes })`), by `<vitrin-slot>` attribute name. */
export type SlotAttributes = Partial<Record<(typeof ELEMENT_ATTRIBUTES)[number], string>>;

const DEFAULTS = { limit: 6, layout: "grid", image: "medium" } as const;

const isElement = (el: Element) => el.localName === "vitrin-slot";
const nameOf = (el: Element, option: Option) =>
  isElement(el) ? (option === "slot" ? "strategy" : option) : `data-vitrin-${option}`;
// Attributes any element may carry; anything else on <vitrin-slot> is probably a typo.
const GLOBAL =
  /^(id|class|style|hidden|lang|dir|role|tabindex|slot|part|is|aria-.*|data-(?!vitrin-).*)$/;

/** Names an element in a message the way a merchant would find it in their HTML. */
export function describeElement(el: Element): string {
  const attr = nameOf(el, "slot");
  const strategy = el.getAttribute(attr);
  return `<${el.localName}${el.id ? `#${el.id}` : ""}${strategy === null ? "" : ` ${attr}="${strategy}"`}>`;
}

/**
 * Reads `mobile:4 desktop:8`-style tokens. A bare token is the default; a token per condition
 * overrides it. Each condition at most once, so the order of tokens never matters.
 */
function choices<T>(
  raw: string,
  accept: (value: string) => T | undefined,
): Choices<T> | [token: string, why: string] {
  const out: Choices<T> = {};
  for (const token of raw.trim().split(/\s+/)) {
    const colon = token.indexOf(":");
    const condition = colon < 0 ? "" : token.slice(0, colon);
    const value = accept(token.slice(colon + 1));
    if (condition && !CONDITIONS.includes(condition as Condition))
      return [token, `an unknown condition "${condition}"`];
    if (value === undefined) return [token, "not an accepted value"];
    if (condition in out)
      return [token, condition ? `a second "${condition}:" value` : "a second default value"];
    out[condition as Condition | ""] = value;
  }
  return out;
}

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string) =>
    (values as readonly string[]).includes(value) ? (value as T) : undefined;
const whole = (min: number, max: number) => (value: string) =>
  /^\d+$/.test(value) && +value >= min && +value <= max ? +value : undefined;
const PER_CONDITION = `, optionally per condition (${CONDITIONS.join(", ")}), e.g. "mobile:… desktop:…"`;

/**
 * Reads a slot's attributes (data attributes, or `<vitrin-slot>`'s own), with `overrides` from
 * script taking their place. Attributes are untrusted text: every problem — unknown strategy,
 * layout or condition, a value out of range, a misspelt `data-vitrin-*` attribute — is collected
 * into one message naming the element, the attribute and what is accepted.
 */
export function readSlotAttributes(
  el: Element,
  overrides: SlotAttributes = {},
): { ok: true; value: SlotDeclaration } | { ok: false; error: string } {
  const problems: string[] = [];
  const read = (option: Option): string | undefined => {
    const key = option === "slot" ? "strategy" : option;
    const value = overrides[key as keyof SlotAttributes] ?? el.getAttribute(nameOf(el, option));
    return value?.trim().slice(0, 200) ?? undefined;
  };
  const parse = <T>(option: Option, accept: (v: string) => T | undefined, expected: string) => {
    const raw = read(option);
    if (raw === undefined) return {};
    const parsed = choices(raw, accept);
    if (!Array.isArray(parsed)) return parsed;
    problems.push(
      `${nameOf(el, option)}="${raw}": "${parsed[0]}" is ${parsed[1]}; expected ${expected}${PER_CONDITION}`,
    );
    return {};
  };
  const strategy = parse("slot", oneOf(STRATEGIES), `one of ${STRATEGIES.join(", ")}`);
  if (read("slot") === undefined)
    problems.push(`${nameOf(el, "slot")} is missing; expected one of ${STRATEGIES.join(", ")}`);
  const value: SlotDeclaration = {
    strategy,
    limit: parse("limit", whole(1, MAX_LIMIT), `a whole number from 1 to ${MAX_LIMIT}`),
    layout: parse(
      "layout",
      oneOf(Object.keys(LAYOUTS) as Layout[]),
      "carousel, grid, list or strip",
    ),
    image: parse("image", oneOf(Object.keys(IMAGES) as ImageSize[]), "small, medium or large"),
  };
  for (const option of ["title", "item", "id", "card"] as const) {
    const text = read(option);
    if (text !== undefined) value[option] = text;
  }
  // A slot's own `id` names its list too, unless data-vitrin-id says otherwise.
  if (!value.id && el.id) value.id = el.id;
  const autoplay = read("autoplay");
  if (autoplay !== undefined) {
    const seconds = autoplay === "" ? 5 : whole(2, 30)(autoplay);
    if (seconds === undefined)
      problems.push(
        `${nameOf(el, "autoplay")}="${autoplay}": expected nothing (5 s) or whole seconds from 2 to 30`,
      );
    else value.autoplay = seconds;
  }
  const known = isElement(el) ? ELEMENT_ATTRIBUTES : SLOT_ATTRIBUTES;
  for (const { name } of el.attributes) {
    const ours = name.startsWith("data-vitrin-") || isElement(el);
    if (ours && name !== "data-vitrin-state" && !known.includes(name) && !GLOBAL.test(name))
      problems.push(`unknown attribute ${name}; ${suggest(name, known)}`);
  }
  if (problems.length)
    return { ok: false, error: `${describeElement(el)}: ${problems.join("; ")}` };
  return { ok: true, value };
}

/** The value that applies: the bare default, overridden by each matching condition in precedence order. */
function pick<T>(choice: Choices<T>, conditions: Conditions): T | undefined {
  let value = choice[""];
  for (const condition of CONDITIONS)
    if (conditions[condition] && choice[condition] !== undefined) value = choice[condition];
  return value;
}

/**
 * Resolves a declaration for the conditions that hold now. A slot whose strategy applies to no
 * current condition (`mobile:trending` on a desktop) has none: it stays empty here.
 * Under data saver, images are small unless a `saver:` token says otherwise.
 */
export function resolveSlot(
  declared: SlotDeclaration,
  conditions: Conditions,
): ResolvedSlot | undefined {
  const strategy = pick(declared.strategy, conditions);
  if (!strategy) return undefined;
  const { title, item, id, card, autoplay } = declared;
  return {
    strategy,
    limit: pick(declared.limit, conditions) ?? DEFAULTS.limit,
    layout: pick(declared.layout, conditions) ?? DEFAULTS.layout,
    image:
      conditions.saver && declared.image.saver === undefined
        ? "small"
        : (pick(declared.image, conditions) ?? DEFAULTS.image),
    id: id || `vitrin-${strategy}`,
    ...(title === undefined ? {} : { title }),
    ...(item ? { item } : {}),
    ...(card ? { card } : {}),
    ...(autoplay ? { autoplay } : {}),
  };
}
