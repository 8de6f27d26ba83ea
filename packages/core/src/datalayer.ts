import { isEventName } from "./events.js";
import { isObject } from "./guards.js";

/** Marks entries Vitrin itself pushes (widget impressions and clicks) so they are not ingested again. */
export const VITRIN_MARK = "vitrin";

/** A GA4 event found on the data layer, not yet validated. */
export interface DataLayerEvent {
  name: string;
  params: unknown;
  /** Names the entry in messages, e.g. `dataLayer[3]`. */
  where: string;
}

type DataLayer = unknown[] & { push: (...entries: unknown[]) => number };

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return isObject(value) && typeof (value as { length?: unknown }).length === "number";
}

/**
 * Reads one data layer entry in either shape Google documents:
 * `{ event: "view_item", ecommerce: {...} }` (Tag Manager) or the `arguments` of
 * `gtag("event", "view_item", {...})`. Anything else (consent, config, `{ ecommerce: null }`,
 * non-ecommerce events) is not an event for Vitrin.
 */
export function readDataLayerEntry(entry: unknown, where: string): DataLayerEvent | undefined {
  if (!isObject(entry)) return undefined;
  if (!Array.isArray(entry) && isArrayLike(entry) && !("event" in entry)) {
    const [command, name, params] = Array.from(entry);
    if (command !== "event" || !isEventName(name)) return undefined;
    if (isObject(params) && VITRIN_MARK in params) return undefined;
    return { name, params, where };
  }
  const record = entry as Record<string, unknown>;
  if (!isEventName(record.event) || VITRIN_MARK in record) return undefined;
  return { name: record.event, params: record.ecommerce ?? {}, where: `${where}.ecommerce` };
}

/**
 * Follows a GA4 data layer: replays what was pushed before Vitrin loaded, then wraps `push`
 * so every later entry is seen too. The original `push` (and Tag Manager's listener, which
 * wraps whatever `push` it finds) keeps running first, so the host's analytics are unchanged.
 * `onEntry`, if given, sees every entry as it is (Consent Mode commands, for instance).
 * Returns a function that restores the original `push`.
 */
export function followDataLayer(
  win: Record<string, unknown>,
  name: string,
  onEvent: (event: DataLayerEvent) => void,
  onEntry?: (entry: unknown) => void,
): () => void {
  const existing = win[name];
  if (existing !== undefined && !Array.isArray(existing)) {
    throw new TypeError(`window.${name} is not an array; expected a GA4 data layer`);
  }
  if (existing === undefined) win[name] = [];
  const layer = win[name] as DataLayer;
  const seen = (entry: unknown, index: number) => {
    onEntry?.(entry);
    const event = readDataLayerEntry(entry, `${name}[${index}]`);
    if (event) onEvent(event);
  };
  layer.forEach(seen);
  const original = layer.push;
  layer.push = function push(this: DataLayer, ...entries: unknown[]) {
    const start = this.length;
    const length = original.apply(this, entries);
    entries.forEach((entry, i) => {
      seen(entry, start + i);
    });
    return length;
  };
  return () => {
    layer.push = original;
  };
}
