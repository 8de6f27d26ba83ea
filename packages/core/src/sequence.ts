/**
 * Model-based sequential scoring for the Recommend stage: what shoppers who looked at the same
 * items went on to look at (the model's `next`), looked at alongside (`coView`) and bought
 * alongside (`coBuy`), summed over the shopper's recent items with the most recent counting
 * most. Pure, no DOM; a few thousand map look-ups per call (10 items × 3 lists × ≤ 100 pairs).
 */
import type { Model } from "./model.js";
import type { Memory } from "./remember.js";

/** The parameters of {@link sequenceScores} and of its blend into `for-you`. */
export interface SequenceScoring {
  /** Distinct recent items read, most recent first. */
  history: number;
  /** Weight of the i-th most recent item (0 = the last) is recency^i: older steps count less. */
  recency: number;
  /** Weights of the model's relations. */
  next: number;
  coView: number;
  coBuy: number;
  /** Added × the item's model popularity to items reached through a relation: breaks near-ties. */
  popularity: number;
  /**
   * `for-you` only: weight of the shopper's category, brand, attribute and price affinities
   * (0…≈6) next to the model score (scaled to 0…1 per request), so the model leads where it
   * knows the shopper's items and affinities lead where it does not.
   */
  affinity: number;
}

/**
 * Defaults, chosen on validation targets only (Amazon Beauty's second-to-last items and the last
 * sessions of YooChoose's training part; see docs/quality.md), never on a test target.
 */
export const SEQUENCE_SCORING: Readonly<SequenceScoring> = Object.freeze({
  history: 10,
  recency: 0.5,
  next: 1,
  coView: 1,
  coBuy: 1,
  popularity: 0.02,
  affinity: 0.1,
});

/**
 * `up-next` over {@link SEQUENCE_SCORING}: co-views count for little there. An item seen in
 * this visit is co-viewed with the others by construction, so at full weight the visit's own
 * items crowd out the one the shopper is most likely to go back to, which `next` (a → a, b → a)
 * knows. Chosen on YooChoose's validation sessions (docs/quality.md).
 */
export const UP_NEXT_SCORING: Readonly<Partial<SequenceScoring>> = Object.freeze({ coView: 0.1 });

/** Which relation gave an item most of its score, and from which of the shopper's items. */
export interface SequenceScore {
  score: number;
  with: string;
  relation: "next" | "coView" | "coBuy";
  /** The largest single contribution, the one `with` and `relation` name. */
  best: number;
}

/**
 * The shopper's recent items, most recent first, each once: viewed, put in the cart or bought,
 * by when that last happened. At most `n`.
 */
export function recentItems(memory: Memory, n: number): string[] {
  const at = new Map<string, number>();
  const note = (id: string, ts: number) => {
    if ((at.get(id) ?? -Infinity) < ts) at.set(id, ts);
  };
  // recentlyViewed is newest first: its first n are the only views that can make the cut.
  for (const id of memory.recentlyViewed.slice(0, n)) note(id, memory.viewedAt.get(id) ?? 0);
  for (const line of memory.cart) note(line.id, line.addedAt);
  for (const p of memory.purchases.slice(-n)) note(p.id, p.ts);
  return [...at]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([id]) => id);
}

const RELATIONS = ["next", "coView", "coBuy"] as const;

/**
 * score(c) = Σ_i recency^i · (next·next(h_i→c) + coView·coView(h_i,c) + coBuy·coBuy(h_i,c))
 *          + popularity · popularity(c), for c reached through at least one relation,
 * where h_0 is the most recent of `history`. Items for which `skip` is true are left out.
 */
export function sequenceScores(
  history: readonly string[],
  model: Model,
  scoring: Readonly<SequenceScoring> = SEQUENCE_SCORING,
  skip?: (id: string) => boolean,
): Map<string, SequenceScore> {
  const scores = new Map<string, SequenceScore>();
  let step = 1;
  for (const source of history.slice(0, scoring.history)) {
    const entry = model.items.get(source);
    if (entry) {
      for (const relation of RELATIONS) {
        const w = step * scoring[relation];
        if (!(w > 0)) continue;
        for (const [id, weight] of entry[relation] ?? []) {
          const add = w * weight;
          const known = scores.get(id);
          if (known) {
            known.score += add;
            if (add > known.best) Object.assign(known, { best: add, with: source, relation });
          } else if (!skip?.(id)) {
            scores.set(id, { score: add, best: add, with: source, relation });
          }
        }
      }
    }
    step *= scoring.recency;
  }
  if (scoring.popularity > 0) {
    for (const [id, s] of scores)
      s.score += scoring.popularity * (model.items.get(id)?.popularity ?? 0);
  }
  return scores;
}
