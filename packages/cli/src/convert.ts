import { access, constants, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { CATALOG_FORMAT, CATALOG_VERSION, type CatalogItem, parseCatalog } from "@vitrin/core";
import { inferFormat } from "./detect.js";
import { problemMessage } from "./fields.js";
import { csvTarget, readCsv } from "./sources/csv.js";
import { readGmcTsv } from "./sources/gmc-tsv.js";
import { readGmcXml } from "./sources/gmc-xml.js";
import { readShopify } from "./sources/shopify.js";
import { readWooCommerce } from "./sources/woocommerce.js";
import {
  FieldProblem,
  InputError,
  SOURCE_FORMATS,
  type Source,
  type SourceEntry,
  type SourceFormat,
} from "./types.js";
import { CatalogWriter } from "./writer.js";

/** The readers, by `--from` name. */
export const SOURCES: Record<SourceFormat, Source> = {
  gmc: readGmcXml,
  "gmc-tsv": readGmcTsv,
  shopify: readShopify,
  woocommerce: readWooCommerce,
  csv: readCsv,
};

/** Wrong options (exit code 2). */
export class UsageError extends Error {}

/** How far a conversion has come. */
export interface ConvertProgress {
  /** Items read (written or skipped). */
  read: number;
  written: number;
  /** Bytes of the inputs read so far, and in all (their sizes). */
  bytesRead: number;
  bytesTotal: number;
  elapsedMs: number;
}

export interface ConvertOptions {
  /** Input files, converted in order into one catalog. */
  inputs: string[];
  /** The catalog file to write. */
  output: string;
  /** The inputs' kind; inferred from each file when left out. */
  from?: SourceFormat;
  /** ISO 4217 code for the catalog, and for items whose feed names none. */
  currency?: string;
  /** Language of the catalog's text (`tr`, `en`). */
  language?: string;
  /** Origin for relative links and Shopify product URLs (`https://shop.example`). */
  baseUrl?: string;
  /** CSV header → catalog field (`{"Ürün Kodu": "id"}`). */
  map?: Record<string, string> | Iterable<[string, string]>;
  /** Stop at the first problem and write nothing. */
  strict?: boolean;
  /** Stops the conversion; nothing is written. */
  signal?: AbortSignal;
  /** Every problem, as it is found, with its reason (the key counted in the summary). */
  onProblem?(message: string, reason: string): void;
  /** Informational messages: what was inferred, ignored columns… */
  onNotice?(message: string): void;
  /** Called every `progressEvery` items and after each file. */
  onProgress?(progress: ConvertProgress): void;
  progressEvery?: number;
}

export interface ConvertResult {
  from: SourceFormat;
  /** Items read from the inputs, good or bad. */
  read: number;
  written: number;
  skipped: number;
  /** Skipped items counted by reason (`g:price: expected "<number> <currency>"`). */
  reasons: Record<string, number>;
  output: string;
  /** True when the output file was written (at least one item, and no --strict stop). */
  committed: boolean;
  bytesWritten: number;
  elapsedMs: number;
  itemsPerSecond: number;
  /** Peak resident set size of the process so far, in bytes. */
  peakRss: number;
  /** With --strict: the problem that stopped the run. */
  stoppedBy?: string;
}

const LANGUAGES = ["tr", "en"];

/** Checks the options that do not depend on the files. */
function checkOptions(options: ConvertOptions): Map<string, string> {
  if (options.inputs.length === 0) throw new UsageError("no input files");
  if (options.from !== undefined && !SOURCE_FORMATS.includes(options.from)) {
    throw new UsageError(
      `unknown --from ${JSON.stringify(options.from)}: expected one of ${SOURCE_FORMATS.join(", ")}`,
    );
  }
  if (options.currency !== undefined && !/^[A-Z]{3}$/.test(options.currency)) {
    throw new UsageError(
      `--currency: expected an ISO 4217 code like TRY, got ${JSON.stringify(options.currency)}`,
    );
  }
  if (options.language !== undefined && !LANGUAGES.includes(options.language)) {
    throw new UsageError(`--lang: expected tr or en, got ${JSON.stringify(options.language)}`);
  }
  if (options.baseUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(options.baseUrl);
    } catch {}
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
      throw new UsageError(
        `--base-url: expected an http(s) URL, got ${JSON.stringify(options.baseUrl)}`,
      );
    }
  }
  const map = new Map<string, string>(
    options.map === undefined
      ? []
      : Symbol.iterator in options.map
        ? (options.map as Iterable<[string, string]>)
        : Object.entries(options.map),
  );
  for (const [header, target] of map) {
    if (!header.trim()) throw new UsageError(`--map: empty header in "=${target}"`);
    if (!csvTarget(target)) {
      throw new UsageError(
        `--map "${header}=${target}": unknown field ${JSON.stringify(target)}; expected a catalog field ` +
          "(id, groupId, title, url, image, thumb, price, salePrice, currency, availability, brand, categories, tags, createdAt, popularity, rating), " +
          "an attribute (color, size, material, season, gender, pattern, age_group) or attributes.<name>",
      );
    }
  }
  if (map.size > 0 && options.from !== undefined && options.from !== "csv") {
    throw new UsageError("--map applies to --from csv only");
  }
  const output = resolve(options.output);
  for (const input of options.inputs) {
    if (resolve(input) === output)
      throw new UsageError(`the output ${options.output} is also an input`);
  }
  return map;
}

/** Sizes of the inputs; an unreadable one is an InputError naming it. */
async function inputSizes(inputs: string[]): Promise<number[]> {
  return Promise.all(
    inputs.map(async (file) => {
      try {
        const info = await stat(file);
        if (!info.isFile()) throw new Error("not a file");
        await access(file, constants.R_OK);
        return info.size;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const why =
          code === "ENOENT"
            ? "no such file"
            : code === "EACCES"
              ? "permission denied"
              : (error as Error).message;
        throw new InputError(`${file}: cannot read: ${why}`);
      }
    }),
  );
}

/** Runs the item through the catalog validator of @vitrin/core, as a browser would. */
function validate(item: CatalogItem): FieldProblem | undefined {
  const { problems } = parseCatalog(
    { format: CATALOG_FORMAT, version: CATALOG_VERSION, currency: item.currency, items: [item] },
    "check",
  );
  const problem = problems[0];
  if (problem === undefined) return undefined;
  const prefix = `check: items[0] (id ${JSON.stringify(item.id)}).`;
  const text = problem.startsWith(prefix) ? problem.slice(prefix.length) : problem;
  const at = text.indexOf(": expected ");
  return at < 0
    ? new FieldProblem("item", text)
    : new FieldProblem(text.slice(0, at), text.slice(at + ": expected ".length));
}

/**
 * Converts product feeds into one Vitrin catalog file, streaming: items are read, checked
 * and written one at a time, so memory stays flat however large the feed (only the ids seen
 * are kept, to drop duplicates). Bad items are skipped and reported through `onProblem`; the
 * output is replaced only when at least one item was written (and, with `strict`, none was bad).
 * Throws {@link UsageError} for bad options and {@link InputError} for unreadable or broken files.
 */
export async function convertCatalog(options: ConvertOptions): Promise<ConvertResult> {
  const started = performance.now();
  const map = checkOptions(options);
  const sizes = await inputSizes(options.inputs);
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  const notice = options.onNotice ?? (() => {});

  let from = options.from;
  if (!from) {
    const found = await Promise.all(options.inputs.map(inferFormat));
    const kinds = new Set(found.map((f) => f.format));
    if (kinds.size > 1) {
      throw new UsageError(
        `the inputs are of different kinds (${options.inputs.map((file, i) => `${file}: ${found[i]?.format}`).join(", ")}); pass --from`,
      );
    }
    from = found[0]?.format as SourceFormat;
    notice(`--from ${from} inferred (${found[0]?.reason} of ${options.inputs[0]})`);
  }
  if (map.size > 0 && from !== "csv") throw new UsageError("--map applies to --from csv only");

  const result: ConvertResult = {
    from,
    read: 0,
    written: 0,
    skipped: 0,
    reasons: {},
    output: options.output,
    committed: false,
    bytesWritten: 0,
    elapsedMs: 0,
    itemsPerSecond: 0,
    peakRss: 0,
  };
  let writer: CatalogWriter;
  try {
    writer = await CatalogWriter.open(options.output);
  } catch (error) {
    throw new InputError(`${options.output}: cannot write: ${(error as Error).message}`);
  }
  const seen = new Set<string>();
  let bytesRead = 0;
  const every = options.progressEvery ?? 1000;
  const progress = () =>
    options.onProgress?.({
      read: result.read,
      written: result.written,
      bytesRead,
      bytesTotal,
      elapsedMs: performance.now() - started,
    });
  const finish = () => {
    result.elapsedMs = performance.now() - started;
    result.itemsPerSecond = result.read / Math.max(result.elapsedMs / 1000, 1e-3);
    result.peakRss = process.resourceUsage().maxRSS * 1024;
    return result;
  };

  try {
    for (const file of options.inputs) {
      const source = SOURCES[from];
      const entries = source({
        file,
        map,
        ...(options.currency ? { currency: options.currency } : {}),
        ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, "") } : {}),
        onBytes: (bytes) => {
          bytesRead += bytes;
        },
        notice,
      });
      for await (const entry of entries) {
        if (options.signal?.aborted) throw options.signal.reason ?? new Error("aborted");
        result.read++;
        if (result.read % every === 0) progress();
        const problem = entry.problem ?? check(entry);
        if (problem) {
          const message = problemMessage(entry, problem);
          const reason = `${problem.field}: expected ${problem.expected}`;
          result.skipped++;
          result.reasons[reason] = (result.reasons[reason] ?? 0) + 1;
          options.onProblem?.(message, reason);
          if (options.strict) {
            result.stoppedBy = message;
            await writer.abort();
            return finish();
          }
          continue;
        }
        const item = entry.item as CatalogItem;
        seen.add(item.id);
        if (!writer.begun) await writer.begin(options.currency ?? item.currency, options.language);
        await writer.write(item);
        result.written++;
      }
      progress();
    }
    if (result.written > 0) {
      result.bytesWritten = await writer.commit();
      result.committed = true;
    } else {
      await writer.abort();
    }
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return finish();

  function check(entry: SourceEntry): FieldProblem | undefined {
    const item = entry.item;
    if (!item) return new FieldProblem("item", "an item");
    if (seen.has(item.id))
      return new FieldProblem("id", "a unique id (the first item with this id was kept)");
    return validate(item);
  }
}
