/**
 * Vitrin speaks to the console with one voice and one prefix, and says each thing once:
 * a host page must never be flooded because a feed or a data layer keeps sending bad data.
 */
const said = new Set<string>();

/**
 * Logs a warning once per distinct problem. Messages that differ only in an array index
 * (`dataLayer[7]` vs `dataLayer[9]`) are the same problem repeating, and are said once.
 */
export function warnOnce(message: string): void {
  const problem = message.replace(/\[\d+\]/g, "[]");
  if (said.has(problem)) return;
  said.add(problem);
  console.warn(`[vitrin] ${message}`);
}

/** Logs the one message that says personalization is off, with the reason. */
export function reportFailure(where: string, error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  const message = `${where} failed, continuing without personalization: ${reason}`;
  if (said.has(message)) return;
  said.add(message);
  console.error(`[vitrin] ${message}`);
}
