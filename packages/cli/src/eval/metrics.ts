/**
 * Ranking metrics of the evaluation, over one target per request: HR@K (the target is in the
 * first K), NDCG@K (1 / log2(rank + 1) for a hit at 1-based rank, 0 otherwise: one relevant item,
 * so the ideal DCG is 1), MRR@K (1 / rank for a hit), for K = 5, 10, 20; catalog coverage (share
 * of the rankable items that appear in some top-20 list) and popularity bias (mean training
 * popularity, count / largest count, of the recommended items, as session-rec's "Popularity").
 */

/** The cut-offs reported. */
export const CUTOFFS = [5, 10, 20] as const;
/** The longest list any metric reads. */
export const LIST_LENGTH = 20;

/** Metric name → value, e.g. `HR@10`. */
export type MetricValues = Record<string, number>;

/** 1-based rank of `target` in `list`, or 0 when absent. */
export function rankOf(list: readonly string[], target: string): number {
  const at = list.indexOf(target);
  return at < 0 ? 0 : at + 1;
}

/** HR@K, NDCG@K and MRR@K of one list for one target. */
export function scoreList(list: readonly string[], target: string): MetricValues {
  const rank = rankOf(list, target);
  const out: MetricValues = {};
  for (const k of CUTOFFS) {
    const hit = rank > 0 && rank <= k;
    out[`HR@${k}`] = hit ? 1 : 0;
    out[`NDCG@${k}`] = hit ? 1 / Math.log2(rank + 1) : 0;
    out[`MRR@${k}`] = hit ? 1 / rank : 0;
  }
  return out;
}

/** Accumulates lists and targets; `result()` gives the means, coverage and popularity bias. */
export class MetricSet {
  private readonly sums: MetricValues = {};
  private readonly shown = new Set<string>();
  private popularitySum = 0;
  private recommended = 0;
  count = 0;

  /**
   * @param catalogSize items that could be ranked (for coverage)
   * @param popularity training count of an item (for popularity bias)
   */
  constructor(
    private readonly catalogSize: number,
    private readonly popularity: (id: string) => number,
    private readonly maxPopularity: number,
  ) {}

  add(list: readonly string[], target: string): void {
    const top = list.slice(0, LIST_LENGTH);
    for (const [name, value] of Object.entries(scoreList(top, target)))
      this.sums[name] = (this.sums[name] ?? 0) + value;
    for (const id of top) {
      this.shown.add(id);
      this.popularitySum += this.maxPopularity > 0 ? this.popularity(id) / this.maxPopularity : 0;
      this.recommended++;
    }
    this.count++;
  }

  result(): MetricValues {
    const out: MetricValues = {};
    for (const k of CUTOFFS)
      for (const m of ["HR", "NDCG", "MRR"]) {
        const name = `${m}@${k}`;
        out[name] = this.count ? (this.sums[name] ?? 0) / this.count : 0;
      }
    out.coverage = this.catalogSize ? this.shown.size / this.catalogSize : 0;
    out.popularity = this.recommended ? this.popularitySum / this.recommended : 0;
    return out;
  }
}
