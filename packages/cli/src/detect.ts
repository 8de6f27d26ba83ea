import { open } from "node:fs/promises";
import { extname } from "node:path";
import { InputError, type SourceFormat } from "./types.js";

/** What a file looks like, and why. */
export interface Inference {
  format: SourceFormat;
  reason: string;
}

async function head(file: string, bytes = 64 * 1024): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, "r");
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer
      .subarray(0, bytesRead)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
  } catch (error) {
    throw new InputError(`${file}: cannot read: ${(error as Error).message}`);
  } finally {
    await handle?.close();
  }
}

/**
 * Infers `--from` for one file: `.xml` (also `.rss`, `.atom`) → gmc, `.tsv` → gmc-tsv,
 * `.csv` → csv; JSON (by extension or content) with a `products` array → shopify, a JSON
 * array of objects with `prices` → woocommerce; other text whose first line has tabs → gmc-tsv.
 */
export async function inferFormat(file: string): Promise<Inference> {
  const ext = extname(file).toLowerCase();
  if (ext === ".xml" || ext === ".rss" || ext === ".atom")
    return { format: "gmc", reason: `${ext} extension` };
  if (ext === ".tsv") return { format: "gmc-tsv", reason: ".tsv extension" };
  if (ext === ".csv") return { format: "csv", reason: ".csv extension" };
  const text = (await head(file)).trimStart();
  if (
    /^\{\s*"products"\s*:\s*\[/.test(text) ||
    (text.startsWith("{") && /"products"\s*:\s*\[/.test(text))
  ) {
    return { format: "shopify", reason: 'JSON with a "products" array' };
  }
  if (/^\[\s*(\]|\{)/.test(text) && /"prices"\s*:\s*\{/.test(text)) {
    return { format: "woocommerce", reason: 'JSON array of products with "prices"' };
  }
  if (text.startsWith("<")) return { format: "gmc", reason: "XML content" };
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  if (firstLine.includes("\t") && /(^|\t)(g:)?id(\t|$)/i.test(firstLine)) {
    return { format: "gmc-tsv", reason: "tab-separated header with an id column" };
  }
  throw new InputError(
    `${file}: cannot tell what kind of feed this is; pass --from gmc|gmc-tsv|shopify|woocommerce|csv`,
  );
}
