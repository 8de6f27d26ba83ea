import type { Aggregates } from "./aggregates.js";
import type { Catalog } from "./catalog.js";
import { utcOffsetMinutes } from "./climate.js";
import type { VitrinEvent } from "./events.js";
import type { Model } from "./model.js";
import {
  type Environment,
  type PersonaDefinition,
  type Recognition,
  recognize,
  type SegmentRule,
  type VisitorRecord,
} from "./recognize.js";
import { type Memory, remember } from "./remember.js";
import type { SequenceScoring } from "./sequence.js";

/** Merchant settings of the profile stages (from `data-config` or the `profile` option). */
export interface ProfileConfig {
  /** Days after which an action counts half as much. Default 30. */
  halfLifeDays?: number;
  /** Merchant segments, evaluated after the built-in ones. */
  segments?: readonly SegmentRule[];
  /** Replaces the default personas. */
  personas?: readonly PersonaDefinition[];
  /**
   * Words of the shop's gift-like top-level categories, for gift browsing (matched in the
   * category name, case-folded). Replaces the default: baby, children, toys, gifts in Turkish
   * and English (`GIFT_WORDS` in remember.ts).
   */
  giftWords?: readonly string[];
}

/** Everything a profile is computed from: history, catalog, device and clock. */
export interface ProfileInput {
  events: readonly VitrinEvent[];
  catalog?: Catalog;
  /** The pruned part of the history (see aggregates.ts). */
  aggregates?: Aggregates;
  environment: Environment;
  now: number;
  visitor?: VisitorRecord;
  session?: { id: string; count: number };
  config?: ProfileConfig;
}

/** The shopper, as Vitrin sees them now: who and where (Recognize) and what they did (Remember). */
export interface Profile extends Recognition {
  memory: Memory;
}

/** What a slot's items are computed from besides the profile. */
export interface ProfileSources {
  catalog: Catalog;
  model?: Model;
  now: number;
  /** The model-based scoring's parameters, over SEQUENCE_SCORING (an evaluation tunes these). */
  scoring?: Partial<SequenceScoring>;
}

/**
 * Builds the profile: Remember, then Recognize (segments and personas are read from what the
 * shopper did). Pure: the same input gives the same profile.
 */
export function buildProfile(input: ProfileInput): Profile {
  const { events, catalog, environment, now, config = {} } = input;
  // Options left undefined mean "the default" to both stages, so they are passed as they are.
  const memory = remember(events, catalog, {
    now,
    // The hour-of-week histogram is in the shopper's own time.
    utcOffsetMinutes: utcOffsetMinutes(environment.timeZone, now),
    halfLifeDays: config.halfLifeDays,
    session: input.session?.id,
    aggregates: input.aggregates,
    giftWords: config.giftWords,
  });
  const recognition = recognize({
    ...input,
    segments: config.segments,
    personas: config.personas,
    memory,
  });
  return { ...recognition, memory };
}
