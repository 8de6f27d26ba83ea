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

/** How many problems one message lists before the rest are only counted. */
const SHOWN_PROBLEMS = 5;

/** Says in one warning what was skipped in a file: the first few problems, and how many more. */
export function warnProblems(heading: string, problems: readonly string[]): void {
  if (problems.length === 0) return;
  const rest = problems.length - SHOWN_PROBLEMS;
  const more = rest > 0 ? `\n…and ${rest} more` : "";
  warnOnce(`${heading}:\n${problems.slice(0, SHOWN_PROBLEMS).join("\n")}${more}`);
}
