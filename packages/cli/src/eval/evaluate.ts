/**
 * One evaluation run: builds the model with `vitrin model`'s own builder on the training part
 * only, replays every request through the browser's code (replay.ts) and the baselines, and
 * scores all of them on the same targets. Deterministic: no sampling and no random draws;
 * every tie is broken by order of appearance or by item id.
 */
import {
  type Model,
  parseModel,
  SEQUENCE_SCORING,
  type SequenceScoring,
  UP_NEXT_SCORING,
} from "@vitrin/core";
import { buildModelFromInteractions, modelSize, serializeModel } from "../model/build.js";
import { MODEL_DEFAULTS } from "../model/options.js";
import type { ModelOptions } from "../model/types.js";
import { counts, itemKnn, popularity, type Recommender, sequentialRules } from "./baselines.js";
import type { EvalRequest, ProtocolData, Split } from "./datasets.js";
import { LIST_LENGTH, MetricSet, type MetricValues } from "./metrics.js";
import { catalogOf, type EvalStrategy, vitrinRecommend } from "./replay.js";

/** The seed the report names. Nothing is drawn at random; it is recorded for the protocol's sake. */
export const SEED = 8;

/**
 * A target set: which requests count, whether every method skips the history's items, and the
 * slot Vitrin answers with: the one a store would put there (replay.ts).
 */
export interface TargetSet {
  name: string;
  describe: string;
  excludeHistory: boolean;
  strategy: EvalStrategy;
  keep: (request: EvalRequest) => boolean;
}

const ALL_EXCLUDED: TargetSet = {
  name: "all",
  describe: "every target; every method skips the user's earlier items (Vitrin: for-you)",
  excludeHistory: true,
  strategy: "for-you",
  keep: () => true,
};
const ALL: TargetSet = {
  name: "all",
  describe:
    "every target, repeats included (session-rec); every method may rank history items (Vitrin: up-next)",
  excludeHistory: false,
  strategy: "up-next",
  keep: () => true,
};
const NEW: TargetSet = {
  name: "new",
  describe:
    "targets not already in the history; every method skips the history's items (Vitrin: for-you)",
  excludeHistory: true,
  strategy: "for-you",
  keep: (r) => !r.repeat,
};

/** Target sets by protocol. */
export function targetSets(protocol: ProtocolData["protocol"]): TargetSet[] {
  return protocol === "loo" ? [ALL_EXCLUDED] : [ALL, NEW];
}

/** One method's figures on one target set. */
export interface MethodResult {
  method: string;
  targets: string;
  requests: number;
  metrics: MetricValues;
  published?: { source: string };
}

/** What a split's evaluation gives. */
export interface SplitResult {
  results: MethodResult[];
  model: { items: number; rawBytes: number; brotliBytes: number; buildMs: number };
  timing: {
    slotMedianMs: number;
    slotP95Ms: number;
    profileMedianMs: number;
    profileP95Ms: number;
  };
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted.length
    ? (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number)
    : 0;

/** Which methods to run; tuning runs Vitrin alone. */
export interface SplitOptions {
  scoring: Partial<SequenceScoring>;
  modelOptions: ModelOptions;
  baselines: boolean;
  /** Sequence files: no clock, so no trend. */
  clock: boolean;
}

/** A model built for a split, as the browser loads it, with its size and build time. */
export interface BuiltModel {
  model: Model;
  info: SplitResult["model"];
}

/** Builds the model with `vitrin model`'s builder on the training part only. */
export async function buildSplitModel(
  split: Split,
  options: Pick<SplitOptions, "modelOptions" | "clock">,
): Promise<BuiltModel> {
  const { model: file, stats } = await buildModelFromInteractions(split.train, {
    ...options.modelOptions,
    ...(options.clock ? {} : { trendDays: 0 }),
  });
  // The browser reads the file, not the builder's object: serialise and parse as it would.
  const text = serializeModel(file);
  const parsed = parseModel(JSON.parse(text), "model.json");
  if (!parsed.model) throw new Error(`the built model does not parse: ${parsed.problems[0]}`);
  const items = Object.keys(file.items).length;
  const size = modelSize(text, items);
  return {
    model: parsed.model,
    info: { items, rawBytes: size.raw, brotliBytes: size.brotli, buildMs: stats.elapsedMs },
  };
}

/** Scores every method on every target set (building the model unless given one). */
export async function evaluateSplit(
  data: ProtocolData,
  split: Split,
  options: SplitOptions,
  built?: BuiltModel,
): Promise<SplitResult> {
  const catalog = catalogOf(data.items);
  const { model, info } = built ?? (await buildSplitModel(split, options));

  const trainCounts = counts(split.train);
  let maxCount = 0;
  for (const c of trainCounts.values()) if (c > maxCount) maxCount = c;
  const rankable = trainCounts.size;
  const methods: [string, Recommender][] = options.baselines
    ? [
        ["popularity", popularity(split.train)],
        ["item-KNN", itemKnn(split.train)],
        ["SR", sequentialRules(split.train)],
      ]
    : [];
  const sets = targetSets(data.protocol);
  const metricSets = new Map<string, MetricSet>();
  const metricsOf = (method: string, set: string) => {
    const key = `${method}\u0000${set}`;
    let m = metricSets.get(key);
    if (!m) {
      m = new MetricSet(rankable, (id) => trainCounts.get(id) ?? 0, maxCount);
      metricSets.set(key, m);
    }
    return m;
  };
  const slot: number[] = [];
  const profile: number[] = [];
  for (const request of split.requests) {
    const items = request.history.map((c) => c.item);
    const seen = [...new Set(items)];
    const seenSet = new Set(seen);
    const none = new Set<string>();
    // The same answer serves every target set with the same slot and exclusion.
    const answers = new Map<string, string[]>();
    for (const set of sets) {
      if (!set.keep(request)) continue;
      const key = `${set.strategy}:${set.excludeHistory}`;
      let ids = answers.get(key);
      if (!ids) {
        const answer = vitrinRecommend(
          request.history,
          request.time,
          catalog,
          model,
          set.excludeHistory ? seen : [],
          options.scoring,
          set.strategy,
        );
        slot.push(answer.slotMs);
        profile.push(answer.profileMs);
        ids = answer.ids;
        answers.set(key, ids);
      }
      metricsOf("Vitrin", set.name).add(ids, request.target);
      for (const [name, recommend] of methods) {
        const list = recommend(items, LIST_LENGTH, set.excludeHistory ? seenSet : none);
        metricsOf(name, set.name).add(list, request.target);
      }
    }
  }
  const results: MethodResult[] = [];
  for (const set of sets)
    for (const method of ["Vitrin", ...methods.map(([name]) => name)]) {
      const m = metricsOf(method, set.name);
      results.push({ method, targets: set.name, requests: m.count, metrics: m.result() });
    }
  slot.sort((a, b) => a - b);
  profile.sort((a, b) => a - b);
  return {
    results,
    model: info,
    timing: {
      slotMedianMs: quantile(slot, 0.5),
      slotP95Ms: quantile(slot, 0.95),
      profileMedianMs: quantile(profile, 0.5),
      profileP95Ms: quantile(profile, 0.95),
    },
  };
}

/** The metric validation runs choose by. */
export const OBJECTIVE = "NDCG@10";

/** The full parameters of a run, for the report: the builder's and the scorer's defaults. */
export function parametersOf(options: Pick<SplitOptions, "scoring" | "modelOptions">) {
  return {
    scoring: { ...SEQUENCE_SCORING, ...options.scoring },
    upNext: { ...SEQUENCE_SCORING, ...UP_NEXT_SCORING, ...options.scoring },
    model: { ...MODEL_DEFAULTS, ...options.modelOptions },
  };
}
