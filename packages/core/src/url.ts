/**
 * Returns `raw` as an absolute http(s) URL, or undefined. Catalog text is untrusted: a
 * `javascript:` or `data:` link must never reach an `href` or `src`.
 */
export function safeHttpUrl(raw: unknown, base?: string): string | undefined {
  if (typeof raw !== "string" || raw.trim() === "") return undefined;
  try {
    const url = new URL(raw.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
