/**
 * Reading the merchant's JSON (segments, personas, offers): untrusted text from a config file,
 * checked once, with every problem named as `where: path: what was expected`.
 */
import { isRecord } from "./guards.js";

/** A lowercase-kebab id of at most 64 characters ("big-spender"). */
export function kebab(id: unknown): id is string {
  return typeof id === "string" && id.length <= 64 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id);
}

/** At most this many problems are listed: one bad file should not flood the console. */
const MAX_PROBLEMS = 50;

/** Collects problems as `where: path: what was expected` (`where: what` for the whole file). */
export function problemsOf(where: string) {
  const list: string[] = [];
  let count = 0;
  return {
    list,
    get count() {
      return count;
    },
    /** Records a problem; returns undefined, so that a parser can `return p.add(…)`. */
    add(at: string, message: string): undefined {
      count++;
      // An empty path is the file as a whole.
      if (count <= MAX_PROBLEMS) list.push(`${where}: ${at ? `${at}: ` : ""}${message}`);
      else if (count === MAX_PROBLEMS + 1) list.push(`${where}: more problems not listed`);
      return undefined;
    },
  };
}

/** A problem collector from {@link problemsOf}. */
export type Problems = ReturnType<typeof problemsOf>;

/**
 * The entries of a merchant list written either as `[…]` or as `{ "<key>": […] }`, at most
 * `max` of them (the rest named as ignored); none, with a problem, when it is neither.
 */
export function merchantList(
  json: unknown,
  key: string,
  max: number,
  problems: Problems,
  shape?: string,
): unknown[] {
  const list = isRecord(json) && Object.hasOwn(json, key) ? json[key] : json;
  if (!Array.isArray(list)) {
    problems.add(key, `expected a list of ${key}${shape ? `, ${shape}` : ""}`);
    return [];
  }
  if (list.length > max) problems.add(key, `expected at most ${max} ${key}; the rest are ignored`);
  return list.slice(0, max);
}
