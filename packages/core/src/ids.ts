/**
 * A short random id. `crypto.randomUUID` exists only in secure contexts, and a storefront
 * may still be served over plain http, so this uses `getRandomValues`, which exists everywhere.
 */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  let id = "";
  for (const byte of bytes) id += (byte % 36).toString(36);
  return id;
}
