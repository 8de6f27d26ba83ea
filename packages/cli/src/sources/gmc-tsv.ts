import { FieldProblem, InputError, type Source, type SourceEntry } from "../types.js";
import { readRows } from "./delimited.js";
import { GMC_ATTRIBUTES, type GmcFields, gmcId, gmcItem } from "./gmc.js";

const KNOWN = new Set<string>(GMC_ATTRIBUTES);

/** "g:item_group_id", "Item Group ID", "item group id" → "item_group_id". */
export function gmcColumn(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/^g:/, "")
    .replace(/[\s-]+/g, "_");
}

/**
 * A Google Merchant Center tab-separated feed: a header row of attribute names (`id`, `title`,
 * `link`, `price`… with or without `g:`, any case), then one item per row, streamed.
 */
export const readGmcTsv: Source = async function* (context) {
  let columns: (string | undefined)[] | undefined;
  let header: string[] = [];
  for await (const row of readRows(context, "\t")) {
    if (!columns) {
      header = row.cells.map((cell) => cell.trim());
      columns = row.cells.map((cell) => {
        const name = gmcColumn(cell);
        return KNOWN.has(name) ? name : undefined;
      });
      if (!columns.includes("id")) {
        throw new InputError(
          `${context.file}: no "id" column in the header line (expected Merchant Center attribute names separated by tabs)`,
        );
      }
      continue;
    }
    const fields: GmcFields = new Map();
    columns.forEach((name, index) => {
      const value = row.cells[index];
      if (name && value !== undefined && !fields.has(name)) {
        fields.set(name, { value, label: header[index] ?? name });
      }
    });
    const id = gmcId(fields);
    const entry: SourceEntry = { file: context.file, line: row.line, ...(id ? { id } : {}) };
    try {
      if (row.cells.length !== header.length) {
        throw new FieldProblem(
          "columns",
          `${header.length} tab-separated values`,
          row.cells.length,
        );
      }
      entry.item = gmcItem(fields, {
        prefix: "",
        ...(context.currency ? { currency: context.currency } : {}),
        ...(context.baseUrl ? { baseUrl: context.baseUrl } : {}),
      });
    } catch (error) {
      if (!(error instanceof FieldProblem)) throw error;
      entry.problem = error;
    }
    yield entry;
  }
};
