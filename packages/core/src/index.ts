export {
  AGGREGATE_CAPS,
  type Aggregates,
  categoryPrefixes,
  EVENT_WEIGHTS,
  emptyAggregates,
  foldAggregates,
  type ItemAggregate,
  readAggregates,
} from "./aggregates.js";
export { cacheKey, type JsonKind, type JsonSource, loadCachedJson } from "./cached-json.js";
export {
  AVAILABILITIES,
  type Availability,
  CATALOG_FORMAT,
  CATALOG_VERSION,
  type Catalog,
  type CatalogItem,
  type CatalogParse,
  effectivePrice,
  parseCatalog,
} from "./catalog.js";
export { type CatalogIndex, foldCase, indexCatalog } from "./catalog-index.js";
export { type CatalogSource, loadCatalog } from "./catalog-loader.js";
export { currencyOf, utcOffsetMinutes, zoneClimate } from "./climate.js";
export {
  AGGREGATES_KEY,
  COMPACTED_AT_KEY,
  COMPACTION_LOCK,
  type CompactionOptions,
  compact,
  compactWhenIdle,
  DEFAULT_CAPS,
  shouldCompact,
} from "./compaction.js";
export { CONFIG_KEYS, parseConfig, type VitrinSettings } from "./config.js";
export {
  CONSENT_SETTINGS,
  type ConsentSetting,
  initialConsent,
  readConsentMode,
} from "./consent.js";
export {
  classifyDevice,
  classifyTraffic,
  type DeviceClass,
  type DeviceSignals,
  deviceSignals,
  type PageContext,
  readUtm,
  type TrafficClass,
  type Utm,
} from "./context.js";
export {
  type DataLayerEvent,
  followDataLayer,
  readDataLayerEntry,
  VITRIN_MARK,
} from "./datalayer.js";
export { addOverrides, applyOverrides, type ItemOverride, type Overrides } from "./enrich.js";
export { readEnvironment } from "./environment.js";
export {
  EVENT_NAMES,
  type EventItem,
  type EventName,
  type EventParams,
  type EventSource,
  isEventName,
  type Parsed,
  type ParsedEvent,
  parseEvent,
  type VitrinEvent,
} from "./events.js";
export { formatPrice, localeFor } from "./format.js";
export { isObject, isRecord, trimmed } from "./guards.js";
export { type JsonLdProduct, productsFromJsonLd, readJsonLd } from "./jsonld.js";
export { reportFailure, warnOnce, warnProblems } from "./log.js";
export {
  MAX_NEIGHBOURS,
  MODEL_FORMAT,
  MODEL_VERSION,
  type Model,
  type ModelItem,
  parseModel,
} from "./model.js";
export { DEFAULT_PERSONAS, parsePersonas } from "./personas.js";
export {
  buildProfile,
  type Profile,
  type ProfileConfig,
  type ProfileInput,
  type ProfileSources,
} from "./profile.js";
export {
  type Climate,
  type Condition,
  type Daypart,
  type Environment,
  type Features,
  type Hemisphere,
  type PersonaDefinition,
  type PersonaMatch,
  type Recognition,
  type RecognizeInput,
  recognize,
  type Season,
  type SegmentRule,
  type ShopperContext,
  type Visitor,
  type VisitorRecord,
} from "./recognize.js";
export {
  type Candidate,
  favouriteCategories,
  isStrategy,
  type Reason,
  type RecommendInput,
  recommend,
  STRATEGIES,
  type Strategy,
  similarity,
} from "./recommend.js";
export {
  type Explanation,
  type MerchantRule,
  type Pick,
  type RelevanceInput,
  type RelevanceResult,
  type RelevanceRules,
  type RuleMatch,
  relevance,
  seasonFit,
} from "./relevance.js";
export {
  type Affinities,
  type CartLine,
  DEFAULT_HALF_LIFE_DAYS,
  emptyMemory,
  hourOfWeek,
  type Intent,
  type Interaction,
  type Memory,
  normaliseSearch,
  type Purchase,
  type RememberOptions,
  type Repurchase,
  remember,
  type Search,
  type Tally,
  type Visit,
} from "./remember.js";
export { exportData, type VitrinExport } from "./rights.js";
export { fromSegment, SEGMENT_EVENTS } from "./segment.js";
export { BUILT_IN_SEGMENTS, FACTS, parseSegments } from "./segments.js";
export {
  recentItems,
  SEQUENCE_SCORING,
  type SequenceScore,
  type SequenceScoring,
  sequenceScores,
  UP_NEXT_SCORING,
} from "./sequence.js";
export { continueSession, readSession, SESSION_TIMEOUT_MS, type Session } from "./session.js";
export {
  pickForSlot,
  type SlotRequest,
  type SlotResult,
  type SlotRules,
} from "./slot.js";
export {
  CACHE_STORE,
  type CacheStore,
  DB_NAME,
  defaultStores,
  EVENTS_STORE,
  type EventStore,
  eventKey,
  type IdbOptions,
  indexedDbStores,
  memoryStores,
  type PruneOptions,
  type Stores,
  type TrackerStores,
  type VitrinDatabase,
  vitrinDatabase,
} from "./store.js";
export type { TabMessage } from "./sync.js";
export { createTracker, type Identity, type Tracker, type TrackerOptions } from "./tracker.js";
export { safeHttpUrl } from "./url.js";
export {
  createVitrin,
  type SlotState,
  VISITOR_KEY,
  type Vitrin,
  type VitrinOptions,
} from "./vitrin.js";
