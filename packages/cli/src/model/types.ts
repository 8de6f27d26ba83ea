/** The shapes of `vitrin model`: what goes in, what comes out, and the knobs in between. */

/** One interaction, as {@link buildModelFromInteractions} takes it. */
export interface Interaction {
  user: string;
  item: string;
  /** Milliseconds since 1970 (trend and session gaps assume so), or any increasing number. */
  time: number;
  /** `view` when left out. */
  event?: "view" | "cart" | "purchase";
  /** The log's own session or order id; without one, a user's events are split at time gaps. */
  session?: string;
}

/** Every number of the builder (docs/model-builder.md explains each). */
export interface ModelOptions {
  /** Neighbours kept per relation (default 30). */
  k?: number;
  /** Positions looked ahead for `next` and around for `coView`/`coBuy` (default 5). */
  window?: number;
  /** Weight of a `next` pair g positions apart: 1/g^nextDecay (default 1). */
  nextDecay?: number;
  /** Weight of a `coView`/`coBuy` pair g positions apart: 1/g^coViewDecay (default 1). */
  coViewDecay?: number;
  /** α in weight / (count(a)^α·count(b)^α) (default 0.1). */
  popularityDamping?: number;
  /** The recent window for `trend`, in days of the data's own clock (default 7; 0: no trend). */
  trendDays?: number;
  /** Recent events an item needs before it has a trend (default 3). */
  trendMinEvents?: number;
  /** A user's events more than this apart start a new session (default 30). */
  sessionGapMinutes?: number;
  /** Significant digits of neighbour weights in the file (default 3). */
  digits?: number;
  /** DuckDB's memory limit (default "1GB"); past it, DuckDB spills to `tempDirectory`. */
  memoryLimit?: string;
  /** Where DuckDB spills (default: a fresh folder in the OS temp folder, removed afterwards). */
  tempDirectory?: string;
  /** DuckDB worker threads (default: DuckDB's, one per core). */
  threads?: number;
}

/** The model file, format version 1 (docs/model-format.md). */
export interface ModelFile {
  format: "vitrin-model";
  version: 1;
  items: Record<
    string,
    {
      coView?: [string, number][];
      coBuy?: [string, number][];
      next?: [string, number][];
      popularity?: number;
      trend?: number;
    }
  >;
}

/** What a build counted. */
export interface ModelStats {
  /** Interactions loaded (good rows). */
  interactions: number;
  users: number;
  items: number;
  elapsedMs: number;
  /** Sessions after splitting at gaps. */
  sessions?: number;
  /** Distinct pairs before the top-K cut, per relation. */
  pairs?: { next: number; coView: number; coBuy: number };
  /** Neighbours kept in the file, all relations. */
  neighbours?: number;
}

/** The kinds of input `vitrin model` reads. */
export const MODEL_SOURCES = ["events", "ga4", "sequences"] as const;
export type ModelSource = (typeof MODEL_SOURCES)[number];
/** File types, inferred from the extension when not given. */
export const MODEL_FILE_TYPES = ["csv", "tsv", "jsonl", "parquet", "txt"] as const;
export type ModelFileType = (typeof MODEL_FILE_TYPES)[number];
/** The fields a column mapping names. */
export const MODEL_FIELDS = ["user", "item", "time", "event", "session"] as const;
export type ModelField = (typeof MODEL_FIELDS)[number];

/** The files to build from. */
export interface ModelInput {
  /** One or more files of one kind, read in order. */
  paths: string[];
  /** `events` (a log with columns), `ga4` (the BigQuery export) or `sequences`; inferred. */
  from?: ModelSource;
  /** The file type; inferred from each file's extension. */
  type?: ModelFileType;
  /** Field → column (`{ user: "user_id", item: "product_id" }`); common names are found alone. */
  map?: Partial<Record<ModelField, string>>;
  /** `{ item: [attribute ids] }`: when given, the model keeps only the items it lists. */
  attributes?: string;
}

/** A bad row: where, and what was expected. */
export interface ModelProblem {
  file: string;
  /** Line (text files) or row (Parquet, 1-based). */
  line: number;
  /** 1-based column of the field, when known. */
  column?: number;
  /** The field as the file names it. */
  field: string;
  expected: string;
  got?: string;
}

/** How far a build has come. */
export interface ModelProgress {
  phase: "read" | "build" | "write";
  /** Rows read so far (good and bad). */
  read: number;
  bytesRead: number;
  bytesTotal: number;
  /** The SQL step running (`3-next.sql`), in the build phase. */
  step?: string;
  elapsedMs: number;
}

/** Wrong options or unreadable input (exit code 2). */
export class ModelInputError extends Error {}
