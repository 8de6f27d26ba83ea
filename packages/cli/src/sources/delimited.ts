import { once } from "node:events";
import { open } from "node:fs/promises";
import { parse } from "csv-parse";
import { InputError, type SourceContext } from "../types.js";
import { textChunks } from "./read.js";

/** One data row: its cells and the line it starts on (1-based, the header is line 1). */
export interface Row {
  line: number;
  cells: string[];
}

const DELIMITERS = [",", ";", "\t"] as const;
/** How a delimiter is named in messages. */
export const DELIMITER_NAMES: Record<string, string> = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
};

/**
 * Picks the delimiter of a CSV file from its header line: whichever of comma, semicolon and
 * tab occurs most often outside double quotes (comma on a tie or when none occurs).
 */
export async function detectDelimiter(file: string): Promise<string> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return delimiterOf(buffer.subarray(0, bytesRead).toString("utf8"));
  } finally {
    await handle.close();
  }
}

/** {@link detectDelimiter} on text already read. */
export function delimiterOf(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ",";
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

function countNewlines(cells: string[]): number {
  let n = 0;
  for (const cell of cells)
    for (let i = cell.indexOf("\n"); i >= 0; i = cell.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * Streams a delimited file's records (header first) with csv-parse: quoted fields may hold
 * delimiters and newlines, rows may have a different number of cells (the caller judges),
 * blank lines are skipped. Broken quoting is an {@link InputError} naming the file and line.
 */
export async function* readRows(context: SourceContext, delimiter: string): AsyncGenerator<Row> {
  const parser = parse({
    delimiter,
    quote: '"',
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  });
  const stop = new AbortController();
  const feeding = (async () => {
    try {
      for await (const chunk of textChunks(context.file, context.onBytes)) {
        if (!parser.write(chunk)) await once(parser, "drain", { signal: stop.signal });
      }
      parser.end();
    } catch (error) {
      if (stop.signal.aborted) return;
      parser.destroy(new InputError(`${context.file}: cannot read: ${(error as Error).message}`));
    }
  })();
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      yield { line: info.lines - countNewlines(record), cells: record };
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${context.file}: broken CSV: ${(error as Error).message}`);
  } finally {
    stop.abort();
    parser.destroy();
    await feeding;
  }
}
