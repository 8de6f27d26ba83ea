import type { CatalogItem } from "@vitrin/core";

/** The feed kinds the CLI reads. */
export const SOURCE_FORMATS = ["gmc", "gmc-tsv", "shopify", "woocommerce", "csv"] as const;
/** One of {@link SOURCE_FORMATS}. */
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** One bad field of one item: skipped (or, with --strict, the end of the run). */
export class FieldProblem extends Error {
  constructor(
    /** The field as the source names it: `g:price`, `variants[0].price`, `Fiyat`. */
    readonly field: string,
    /** What was expected: `"<number> <currency>"`, `a non-empty string`. */
    readonly expected: string,
    /** The value found, when there was one. */
    readonly got?: unknown,
    /** Line of the field itself, when the source knows it (XML). */
    readonly line?: number,
  ) {
    super(`${field}: expected ${expected}`);
  }
}

/** A file that cannot be read as its kind at all (exit code 2). The message names the file. */
export class InputError extends Error {}

/** What one source record turned into. */
export interface SourceEntry {
  /** The input file, as the user named it. */
  file: string;
  /** Line in the file (CSV/TSV/XML). */
  line?: number;
  /** Position in a JSON file: `products[2].variants[1]`, `[4]`. */
  path?: string;
  /** The item's id when it could be read, for messages. */
  id?: string;
  item?: CatalogItem;
  problem?: FieldProblem;
}

/** What a source needs besides its file. */
export interface SourceContext {
  /** The input file, as the user named it. */
  file: string;
  /** `--currency`: for items whose feed names none. */
  currency?: string;
  /** `--base-url`: origin of relative links, and of Shopify product URLs. */
  baseUrl?: string;
  /** `--map`: CSV header (as written) → catalog field. */
  map: ReadonlyMap<string, string>;
  /** Called with the number of bytes of the file consumed so far (delta). */
  onBytes(bytes: number): void;
  /** Informational message for stderr (ignored columns and such). */
  notice(message: string): void;
}

/** A source: streams one file's items. */
export type Source = (context: SourceContext) => AsyncIterable<SourceEntry>;
