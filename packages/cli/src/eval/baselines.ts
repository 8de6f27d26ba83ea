/**
 * The baselines of the evaluation, simple separate implementations trained on the same
 * training part: popularity, item-KNN (session-rec's `iknn`: cosine of session co-occurrence,
 * scored from the last item) and sequential rules (Ludewig et al.'s SR: a→b for b up to
 * `window` steps after a, weighted 1/gap, scored from the last item). Each fills a short list
 * with popular items, as Vitrin does, so the lists are all of one length.
 */
import type { Click } from "./datasets.js";

/** A baseline: the history (oldest first) → ranked item ids, none of `exclude`. */
export type Recommender = (
  history: readonly string[],
  limit: number,
  exclude: ReadonlySet<string>,
) => string[];

/** Training clicks → visits (sessions), each its items in time order. */
export function sessionsOf(train: readonly Click[]): string[][] {
  const out = new Map<string, Click[]>();
  for (const c of train) {
    const list = out.get(c.session) ?? out.set(c.session, []).get(c.session);
    list?.push(c);
  }
  return [...out.values()].map((list) => list.sort((a, b) => a.time - b.time).map((c) => c.item));
}

/** Training counts per item. */
export function counts(train: readonly Click[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of train) out.set(c.item, (out.get(c.item) ?? 0) + 1);
  return out;
}

const byScore = (a: [string, number], b: [string, number]) =>
  b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** Items by training count, most first (ties by id, so runs agree). */
export function popularity(train: readonly Click[]): Recommender {
  const ranked = [...counts(train)].sort(byScore).map(([id]) => id);
  return (_history, limit, exclude) => {
    const out: string[] = [];
    for (const id of ranked) {
      if (out.length >= limit) break;
      if (!exclude.has(id)) out.push(id);
    }
    return out;
  };
}

/** Top `limit` of scores, then popular items not already listed. */
function withFill(
  scores: ReadonlyMap<string, number>,
  popular: Recommender,
  limit: number,
  exclude: ReadonlySet<string>,
): string[] {
  const out = [...scores]
    .filter(([id]) => !exclude.has(id))
    .sort(byScore)
    .slice(0, limit)
    .map(([id]) => id);
  if (out.length < limit) {
    const listed = new Set([...exclude, ...out]);
    out.push(...popular([], limit - out.length, listed));
  }
  return out;
}

/** Item-KNN: cosine co(a, b) / √(n(a) · n(b)) over sessions (each item once per session). */
export function itemKnn(train: readonly Click[]): Recommender {
  const popular = popularity(train);
  const n = new Map<string, number>();
  const co = new Map<string, Map<string, number>>();
  for (const session of sessionsOf(train)) {
    const items = [...new Set(session)];
    for (const a of items) {
      n.set(a, (n.get(a) ?? 0) + 1);
      const row = co.get(a) ?? co.set(a, new Map()).get(a);
      for (const b of items) if (b !== a && row) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }
  return (history, limit, exclude) => {
    const last = history.at(-1);
    const scores = new Map<string, number>();
    const na = last === undefined ? 0 : (n.get(last) ?? 0);
    for (const [b, c] of (last !== undefined && co.get(last)) || [])
      scores.set(b, c / Math.sqrt(na * (n.get(b) ?? 1)));
    return withFill(scores, popular, limit, exclude);
  };
}

/** Sequential rules: Σ over sessions of 1/gap for b within `window` steps after a. */
export function sequentialRules(train: readonly Click[], window = 10): Recommender {
  const popular = popularity(train);
  const rules = new Map<string, Map<string, number>>();
  for (const session of sessionsOf(train)) {
    for (let i = 0; i < session.length; i++) {
      const a = session[i] as string;
      const row = rules.get(a) ?? rules.set(a, new Map()).get(a);
      for (let gap = 1; gap <= window && i + gap < session.length; gap++) {
        const b = session[i + gap] as string;
        row?.set(b, (row.get(b) ?? 0) + 1 / gap);
      }
    }
  }
  return (history, limit, exclude) => {
    const last = history.at(-1);
    return withFill((last !== undefined && rules.get(last)) || new Map(), popular, limit, exclude);
  };
}
