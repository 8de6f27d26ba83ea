export {
  type ConvertOptions,
  type ConvertProgress,
  type ConvertResult,
  convertCatalog,
  SOURCES,
  UsageError,
} from "./convert.js";
export { type Inference, inferFormat } from "./detect.js";
export {
  type BuildFileOptions,
  type BuildFileResult,
  buildModelFromFile,
  buildModelFromInteractions,
  modelSize,
  problemText,
  serializeModel,
  writeModel,
} from "./model/build.js";
export { MODEL_USAGE, type ModelIO, modelSummary, runModel } from "./model/command.js";
export { MODEL_DEFAULTS, resolveOptions } from "./model/options.js";
export { COLUMN_NAMES, parseTime } from "./model/readers.js";
export { MODEL_STEPS, sqlFolder, statements } from "./model/sql.js";
export {
  type Interaction,
  MODEL_FIELDS,
  MODEL_FILE_TYPES,
  MODEL_SOURCES,
  type ModelField,
  type ModelFile,
  type ModelFileType,
  type ModelInput,
  ModelInputError,
  type ModelOptions,
  type ModelProblem,
  type ModelProgress,
  type ModelSource,
  type ModelStats,
} from "./model/types.js";
export { fromMinorUnits, isoDate, parseAmount, parseNumber } from "./numbers.js";
export { CATALOG_USAGE, type RunIO, run, summary, USAGE } from "./run.js";
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
