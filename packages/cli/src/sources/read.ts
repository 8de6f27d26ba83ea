import { createReadStream } from "node:fs";
import { StringDecoder } from "node:string_decoder";

/** Reads a file as UTF-8 text in chunks of `size` bytes, reporting bytes as they are read. */
export async function* textChunks(
  file: string,
  onBytes: (bytes: number) => void,
  size = 64 * 1024,
): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let first = true;
  for await (const buffer of createReadStream(file, { highWaterMark: size })) {
    const bytes = buffer as Buffer;
    onBytes(bytes.length);
    let text = decoder.write(bytes);
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}
