import { readFile } from "node:fs/promises";
import { InputError } from "../types.js";

/** Reads and parses one JSON file (a page of products: bounded in size). */
export async function readJson(file: string, onBytes: (bytes: number) => void): Promise<unknown> {
  let text: string;
  try {
    const buffer = await readFile(file);
    onBytes(buffer.length);
    text = buffer.toString("utf8").replace(/^\uFEFF/, "");
  } catch (error) {
    throw new InputError(`${file}: cannot read: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: invalid JSON: ${(error as Error).message}`);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A JSON id (number or string) as text. */
export function idText(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string" && value.trim()) return value.trim();
  return undefined;
}
