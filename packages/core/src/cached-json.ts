/**
 * The one way Vitrin loads the merchant's static files (catalog, config, model): fetched once,
 * validated once, kept in the cache with their ETag, and served from there with no request
 * while fresh — a repeat page view makes no request at all.
 */
import { warnOnce } from "./log.js";
import type { CacheStore } from "./store.js";

/** Where a file comes from and how long a cached copy counts as fresh. */
export interface JsonSource {
  /** Absolute URL of the file. */
  url: string;
  cache: CacheStore;
  now: () => number;
  /** A cached copy younger than this is used without asking the network. */
  maxAgeMs: number;
  fetch?: typeof fetch;
}

/**
 * How one kind of file is checked and kept. The cache holds what `check` returns — the
 * validated content, in a structured-cloneable form — so a repeat page view does not validate
 * the file again, and reports its problems only when it is downloaded.
 */
export interface JsonKind<T, S> {
  /** Names the file in messages and prefixes its cache key: `catalog`, `config`, `model`. */
  name: string;
  /** Validates a downloaded body, reporting its problems; undefined when it is unusable. */
  check(body: unknown, url: string): S | undefined;
  /** The value from what `check` returned (or an older cache entry); undefined when unreadable. */
  revive(stored: S, fetchedAt: number): T | undefined;
}

/** What the cache keeps for one URL. */
interface CachedJson<S> {
  fetchedAt: number;
  etag?: string;
  value?: S;
}

/** The cache key of a file: its kind and URL (`catalog:https://…`). */
export const cacheKey = (kind: { name: string }, url: string) => `${kind.name}:${url}`;

async function download<S>(
  source: JsonSource,
  kind: JsonKind<unknown, S>,
  cached: CachedJson<S> | undefined,
): Promise<CachedJson<S> | "not-modified"> {
  const doFetch = source.fetch ?? fetch;
  const headers: Record<string, string> = cached?.etag ? { "If-None-Match": cached.etag } : {};
  const response = await doFetch(source.url, { headers, credentials: "same-origin" });
  if (response.status === 304 && cached) return "not-modified";
  if (!response.ok) throw new Error(`${source.url}: HTTP ${response.status}`);
  const value = kind.check(await response.json(), source.url);
  if (value === undefined) throw new Error(`${source.url}: not a usable Vitrin ${kind.name}`);
  const etag = response.headers.get("ETag");
  return { fetchedAt: source.now(), ...(etag ? { etag } : {}), value };
}

/**
 * Loads a file, cache first: a fresh cached copy is used with no request at all; a stale one
 * is used at once and revalidated in the background (`onUpdate` gets the new value); with no
 * usable cached copy the file is fetched (and a failure rejects). A failed revalidation keeps
 * the cached copy, with one warning.
 */
export async function loadCachedJson<T, S>(
  source: JsonSource,
  kind: JsonKind<T, S>,
  onUpdate: (value: T) => void,
): Promise<T | undefined> {
  const key = cacheKey(kind, source.url);
  const cached = await source.cache.get<CachedJson<S>>(key).catch(() => undefined);
  const read = (entry: CachedJson<S> | undefined) =>
    entry?.value === undefined ? undefined : kind.revive(entry.value, entry.fetchedAt);
  const current = read(cached);
  const usable = current === undefined ? undefined : cached;

  const refresh = async (): Promise<T | undefined> => {
    const fresh = await download(source, kind, usable);
    if (fresh === "not-modified") {
      await source.cache.set(key, { ...usable, fetchedAt: source.now() });
      return undefined;
    }
    await source.cache.set(key, fresh);
    return read(fresh);
  };

  if (!usable) return refresh();
  if (source.now() - usable.fetchedAt >= source.maxAgeMs) {
    refresh()
      .then((updated) => updated !== undefined && onUpdate(updated))
      .catch((error: unknown) =>
        warnOnce(`${kind.name}: revalidation failed, using the cached copy: ${String(error)}`),
      );
  }
  return current;
}
