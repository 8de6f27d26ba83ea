/**
 * How far apart two names are, as typos go: the letters of one missing from the other, and the
 * other way round. Order is ignored, so a swap (`solt` for `slot`) costs nothing, and a missing,
 * extra or wrong letter one or two: cheap, and close enough to point at what was meant.
 */
export function distance(a: string, b: string): number {
  let rest = b;
  let missing = 0;
  for (const letter of a)
    if (rest.includes(letter)) rest = rest.replace(letter, "");
    else missing++;
  return missing + rest.length;
}

/**
 * What a warning about an unknown `name` should say: the known name it is probably a typo of
 * (at most two letters off), else every known name.
 */
export function suggest(name: string, known: readonly string[]): string {
  let best = "";
  let least = 3;
  for (const candidate of known) {
    const d = distance(name, candidate);
    if (d < least) [best, least] = [candidate, d];
  }
  return best ? `did you mean ${best}?` : `expected one of ${known.join(", ")}`;
}
