import { SaxesParser, type SaxesTagNS } from "saxes";
import { FieldProblem, InputError, type Source, type SourceEntry } from "../types.js";
import { GMC_NAMESPACE, type GmcFields, gmcId, gmcItem } from "./gmc.js";
import { textChunks } from "./read.js";

const ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";
const RSS1_NAMESPACE = "http://purl.org/rss/1.0/";

/** Plain RSS/Atom elements that stand in for a missing `g:` attribute. */
const PLAIN_FIELDS: Record<string, string> = {
  id: "id",
  title: "title",
  link: "link",
};

/**
 * A Google Merchant Center XML feed, RSS 2.0 (`<item>`) or Atom (`<entry>`), streamed through
 * a SAX parser: only the current item is held in memory. Attributes are the item's direct
 * `g:` children (nested ones, like `g:shipping/g:price`, are not the item's price); plain
 * `<title>`, `<link>` (or Atom's `<link href>`) and `<id>` stand in for missing `g:` ones.
 */
export const readGmcXml: Source = async function* (context) {
  const parser = new SaxesParser({
    xmlns: true,
    position: true,
    fileName: context.file,
    additionalNamespaces: { g: GMC_NAMESPACE },
    // Feeds often use a prefix they never declare; an undeclared prefix is not worth a failure.
    resolvePrefix: (prefix: string) => (prefix === "" ? "" : `urn:vitrin:undeclared:${prefix}`),
  });
  const ready: SourceEntry[] = [];
  let depth = 0;
  let itemDepth = -1;
  let itemLine = 0;
  let fields: GmcFields | undefined;
  let current:
    | { key: string; google: boolean; label: string; line: number; text: string }
    | undefined;
  let items = 0;
  /** Keys of the current item that came from g: elements. */
  const fromGoogle = new Set<string>();

  const isItem = (tag: SaxesTagNS) =>
    (tag.local === "item" && (tag.uri === "" || tag.uri === RSS1_NAMESPACE)) ||
    (tag.local === "entry" && (tag.uri === "" || tag.uri === ATOM_NAMESPACE));

  parser.on("opentag", (tag) => {
    depth++;
    if (itemDepth < 0) {
      if (isItem(tag)) {
        itemDepth = depth;
        itemLine = parser.line;
        fields = new Map();
        fromGoogle.clear();
      }
      return;
    }
    if (depth !== itemDepth + 1) return;
    const google = tag.uri === GMC_NAMESPACE;
    const plain = tag.uri === "" || tag.uri === ATOM_NAMESPACE || tag.uri === RSS1_NAMESPACE;
    const key = google ? tag.local : plain ? PLAIN_FIELDS[tag.local] : undefined;
    if (!key) return;
    const href = tag.local === "link" && !google ? tag.attributes.href?.value : undefined;
    current = { key, google, label: tag.name, line: parser.line, text: href ?? "" };
  });
  const onText = (text: string) => {
    if (current && depth === itemDepth + 1) current.text += text;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", () => {
    if (current && fields && depth === itemDepth + 1) {
      const existing = fields.get(current.key);
      // The first of repeated attributes wins; a g: attribute wins over a plain element.
      if (!existing || (current.google && !fromGoogle.has(current.key))) {
        fields.set(current.key, { value: current.text, line: current.line, label: current.label });
        if (current.google) fromGoogle.add(current.key);
      }
      current = undefined;
    } else if (fields && depth === itemDepth) {
      items++;
      ready.push(convert(fields, itemLine));
      fields = undefined;
      itemDepth = -1;
    }
    depth--;
  });

  const convert = (item: GmcFields, line: number): SourceEntry => {
    const id = gmcId(item);
    const entry: SourceEntry = { file: context.file, line, ...(id ? { id } : {}) };
    try {
      entry.item = gmcItem(item, {
        prefix: "g:",
        ...(context.currency ? { currency: context.currency } : {}),
        ...(context.baseUrl ? { baseUrl: context.baseUrl } : {}),
      });
    } catch (error) {
      if (!(error instanceof FieldProblem)) throw error;
      entry.problem = error;
    }
    return entry;
  };

  const parse = (write: () => void) => {
    try {
      write();
    } catch (error) {
      if (error instanceof FieldProblem) throw error;
      // saxes names the file, line and column: "feed.xml:12:5: unexpected close tag."
      const message = (error as Error).message.replace(/\s+/g, " ");
      const at = /^(.*:\d+:\d+): (.*)$/.exec(message);
      throw new InputError(
        at ? `${at[1]}: broken XML: ${at[2]}` : `${context.file}: broken XML: ${message}`,
      );
    }
  };
  try {
    for await (const chunk of textChunks(context.file, context.onBytes)) {
      parse(() => parser.write(chunk));
      yield* ready.splice(0);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${context.file}: cannot read: ${(error as Error).message}`);
  }
  parse(() => parser.close());
  yield* ready.splice(0);
  if (items === 0) context.notice(`${context.file}: no <item> or <entry> elements`);
};
