import { randomBytes } from "node:crypto";
import { type FileHandle, mkdir, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CATALOG_FORMAT, CATALOG_VERSION, type CatalogItem } from "@vitrin/core";

/** Field order of a written item; empty lists and absent fields are left out. */
export function serializeItem(item: CatalogItem): string {
  const out: Record<string, unknown> = { id: item.id };
  if (item.groupId !== undefined) out.groupId = item.groupId;
  out.title = item.title;
  out.url = item.url;
  if (item.image !== undefined) out.image = item.image;
  if (item.thumb !== undefined) out.thumb = item.thumb;
  out.price = item.price;
  if (item.salePrice !== undefined) out.salePrice = item.salePrice;
  out.currency = item.currency;
  out.availability = item.availability;
  if (item.brand !== undefined) out.brand = item.brand;
  if (item.categories.length > 0) out.categories = item.categories;
  if (Object.keys(item.attributes).length > 0) out.attributes = item.attributes;
  if (item.tags.length > 0) out.tags = item.tags;
  if (item.createdAt !== undefined) out.createdAt = item.createdAt;
  if (item.popularity !== undefined) out.popularity = item.popularity;
  if (item.rating !== undefined) out.rating = item.rating;
  return JSON.stringify(out);
}

/**
 * Writes a catalog as it is produced: the header, then each item on its own line, then the
 * footer, in chunks of about 256 kB. Everything goes to a temporary file beside the output,
 * renamed over it only by {@link commit}: a failed or stopped run never leaves half a file
 * where a good one was.
 */
export class CatalogWriter {
  private pending: string[] = [];
  private pendingLength = 0;
  private items = 0;
  private started = false;
  private written = 0;
  private closed = false;

  private constructor(
    readonly path: string,
    readonly tempPath: string,
    private readonly handle: FileHandle,
  ) {}

  /** Creates the output's folder if need be, then the temporary file; fails when it is read-only. */
  static async open(path: string): Promise<CatalogWriter> {
    await mkdir(dirname(path), { recursive: true });
    const tempPath = join(
      dirname(path),
      `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
    );
    const handle = await open(tempPath, "wx");
    return new CatalogWriter(path, tempPath, handle);
  }

  /** Items written so far. */
  get count(): number {
    return this.items;
  }

  /** Bytes in the file once committed (so far, before). */
  get bytes(): number {
    return this.written + this.pendingLength;
  }

  /** Starts the file; the currency and language are those of the catalog. */
  async begin(currency: string, language?: string): Promise<void> {
    if (this.started) throw new Error("catalog already begun");
    this.started = true;
    const header = {
      format: CATALOG_FORMAT,
      version: CATALOG_VERSION,
      currency,
      ...(language ? { language } : {}),
    };
    await this.push(`${JSON.stringify(header).slice(0, -1)},"items":[`);
  }

  get begun(): boolean {
    return this.started;
  }

  async write(item: CatalogItem): Promise<void> {
    if (!this.started) throw new Error("begin() the catalog first");
    await this.push(`${this.items === 0 ? "\n" : ",\n"}${serializeItem(item)}`);
    this.items++;
  }

  private async push(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingLength += Buffer.byteLength(text);
    if (this.pendingLength >= 256 * 1024) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = this.pending.join("");
    this.pending = [];
    this.pendingLength = 0;
    const { bytesWritten } = await this.handle.write(chunk);
    this.written += bytesWritten;
  }

  /** Ends the catalog, syncs it to disk and moves it into place. Returns its size in bytes. */
  async commit(): Promise<number> {
    await this.push("\n]}\n");
    await this.flush();
    await this.handle.sync();
    await this.handle.close();
    this.closed = true;
    await rename(this.tempPath, this.path);
    return this.written;
  }

  /** Drops the temporary file; the output, if one was there, is left as it was. */
  async abort(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      await this.handle.close().catch(() => {});
    }
    await unlink(this.tempPath).catch(() => {});
  }
}
