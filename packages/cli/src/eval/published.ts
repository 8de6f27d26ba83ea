/**
 * Published figures for the same files and protocols, as listed in the shared data README
 * (../shared/data/README.md), printed beside the run's own rows and marked as published.
 */
import type { MetricValues } from "./metrics.js";

export interface PublishedRow {
  method: string;
  source: string;
  /** The target set the figure is comparable with. */
  targets: string;
  metrics: MetricValues;
}

const S3REC = "S3-Rec paper (CIKM 2020), full ranking on this file";
const README = "shared data README, popularity on this sample";
const LUDEWIG = "Ludewig et al., full YooChoose (ranking of methods only, not absolute)";

/** By data set name (the file name without extension). */
export const PUBLISHED: Record<string, PublishedRow[]> = {
  "amazon-Beauty": [
    {
      method: "PopRec",
      source: S3REC,
      targets: "all",
      metrics: { "HR@10": 0.0152, "NDCG@10": 0.0068, "HR@20": 0.0217 },
    },
    {
      method: "GRU4Rec",
      source: S3REC,
      targets: "all",
      metrics: { "HR@10": 0.0283, "NDCG@10": 0.0137 },
    },
    {
      method: "BERT4Rec",
      source: S3REC,
      targets: "all",
      metrics: { "HR@10": 0.0347, "NDCG@10": 0.017 },
    },
    {
      method: "SASRec",
      source: S3REC,
      targets: "all",
      metrics: { "HR@10": 0.0605, "NDCG@10": 0.0318, "HR@20": 0.0902 },
    },
    {
      method: "S3-Rec",
      source: S3REC,
      targets: "all",
      metrics: { "HR@10": 0.0647, "NDCG@10": 0.0327 },
    },
  ],
  "yoochoose-100k_train": [
    {
      method: "popularity",
      source: README,
      targets: "all",
      metrics: { "HR@20": 0.089, "MRR@20": 0.026 },
    },
    {
      method: "SR (full data)",
      source: LUDEWIG,
      targets: "all",
      metrics: { "HR@20": 0.651, "MRR@20": 0.301 },
    },
    {
      method: "V-SKNN (full data)",
      source: LUDEWIG,
      targets: "all",
      metrics: { "HR@20": 0.651, "MRR@20": 0.287 },
    },
    {
      method: "STAN (full data)",
      source: LUDEWIG,
      targets: "all",
      metrics: { "HR@20": 0.666, "MRR@20": 0.293 },
    },
    {
      method: "GRU4Rec (full data)",
      source: LUDEWIG,
      targets: "all",
      metrics: { "HR@20": 0.649, "MRR@20": 0.289 },
    },
  ],
};
