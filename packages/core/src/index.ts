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
export { type CatalogSource, loadCatalog } from "./catalog-loader.js";
export {
  AGGREGATES_KEY,
  COMPACTED_AT_KEY,
  COMPACTION_LOCK,
  type CompactionOptions,
  compact,
  DEFAULT_CAPS,
  shouldCompact,
} from "./compaction.js";
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
export { type JsonLdProduct, productsFromJsonLd, readJsonLd } from "./jsonld.js";
export { reportFailure, warnOnce } from "./log.js";
export {
  type Candidate,
  isStrategy,
  type Reason,
  type RecommendInput,
  recommend,
  STRATEGIES,
  type Strategy,
  similarity,
} from "./recommend.js";
export { type Pick, type RelevanceRules, relevance } from "./relevance.js";
export { type Memory, remember } from "./remember.js";
export { exportData, type VitrinExport } from "./rights.js";
export { fromSegment, SEGMENT_EVENTS } from "./segment.js";
export { continueSession, readSession, SESSION_TIMEOUT_MS, type Session } from "./session.js";
export { pickForSlot, type SlotInputs, type SlotRequest } from "./slot.js";
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
  trackerStores,
  type VitrinDatabase,
  vitrinDatabase,
} from "./store.js";
export type { TabMessage } from "./sync.js";
export { createTracker, type Identity, type Tracker, type TrackerOptions } from "./tracker.js";
export { safeHttpUrl } from "./url.js";
export { createVitrin, type SlotState, type Vitrin, type VitrinOptions } from "./vitrin.js";
