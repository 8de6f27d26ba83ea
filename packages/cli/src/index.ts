export {
  type ConvertOptions,
  type ConvertProgress,
  type ConvertResult,
  convertCatalog,
  SOURCES,
  UsageError,
} from "./convert.js";
export { type Inference, inferFormat } from "./detect.js";
export { fromMinorUnits, isoDate, parseAmount, parseNumber } from "./numbers.js";
export { type RunIO, run, summary, USAGE } from "./run.js";
export { deriveSeason, type Season } from "./season.js";
export { csvTarget, readCsv } from "./sources/csv.js";
export { readGmcTsv } from "./sources/gmc-tsv.js";
export { readGmcXml } from "./sources/gmc-xml.js";
export { readShopify } from "./sources/shopify.js";
export { readWooCommerce } from "./sources/woocommerce.js";
export { cleanText, fold, lowerTr, MAX_TEXT } from "./text.js";
export {
  FieldProblem,
  InputError,
  SOURCE_FORMATS,
  type Source,
  type SourceContext,
  type SourceEntry,
  type SourceFormat,
} from "./types.js";
export { VERSION } from "./version.js";
export { CatalogWriter, serializeItem } from "./writer.js";
