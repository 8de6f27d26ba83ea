import { fold } from "./text.js";

/** The seasons the CLI derives. A feed's own season value is always kept as it is. */
export type Season = "winter" | "summer" | "all";

/**
 * Keywords, written as merchants do; matched after {@link fold}, so "ATKI", "Atkı" and "atki",
 * "SWIMSUIT" in a Turkish-lower-cased title, "Şort" and "sort" all count. Material words weigh
 * 2, garment and other words 1.
 */
const WINTER = {
  strong: [
    "yün",
    "yünlü",
    "polar",
    "kaşmir",
    "kürk",
    "wool",
    "woolen",
    "woollen",
    "fleece",
    "cashmere",
    "fur",
    "thermal",
    "termal",
  ],
  words: [
    "mont",
    "kaban",
    "kazak",
    "bot",
    "çizme",
    "atkı",
    "bere",
    "eldiven",
    "parka",
    "palto",
    "şişme",
    "boğazlı",
    "kışlık",
    "kış",
    "kayak",
    "coat",
    "jacket",
    "parka",
    "puffer",
    "sweater",
    "jumper",
    "boots",
    "boot",
    "scarf",
    "beanie",
    "gloves",
    "mittens",
    "winter",
    "ski",
    "turtleneck",
    "overcoat",
    "earmuffs",
  ],
};
const SUMMER = {
  strong: ["keten", "linen", "hasır", "straw"],
  words: [
    "şort",
    "mayo",
    "bikini",
    "sandalet",
    "terlik",
    "tişört",
    "güneş",
    "plaj",
    "pareo",
    "askılı",
    "yazlık",
    "yaz",
    "espadril",
    "havlu",
    "shorts",
    "swimsuit",
    "swimwear",
    "swim",
    "bikini",
    "sandals",
    "sandal",
    "flip-flops",
    "flipflops",
    "slides",
    "t-shirt",
    "tshirt",
    "tee",
    "sunglasses",
    "sun",
    "beach",
    "summer",
    "tank",
    "espadrilles",
  ],
};

/** Endings a keyword may carry and still count: English plurals, Turkish plural/possessive. */
const ENDINGS = new Set([
  "",
  "s",
  "es",
  "lar",
  "ler",
  "lari",
  "leri",
  "i",
  "u",
  "si",
  "su",
  "lu",
  "yi",
  "yu",
  "un",
  "in",
]);

function table(words: { strong: string[]; words: string[] }): Map<string, number> {
  const weights = new Map<string, number>();
  for (const word of words.words) weights.set(fold(word), 1);
  for (const word of words.strong) weights.set(fold(word), 2);
  return weights;
}
const WINTER_WORDS = table(WINTER);
const SUMMER_WORDS = table(SUMMER);

function score(tokens: string[], weights: Map<string, number>): number {
  let total = 0;
  for (const token of tokens) {
    let best = 0;
    for (let end = token.length; end >= 2; end--) {
      const weight = weights.get(token.slice(0, end));
      if (weight !== undefined && ENDINGS.has(token.slice(end))) {
        best = weight;
        break;
      }
    }
    total += best;
  }
  return total;
}

/**
 * Derives a season from product text (product type, category path, title, material):
 * each word that is a winter or summer keyword (optionally with a plural or possessive
 * ending: "montlar", "botları", "sandals") adds its weight to that side; the side with more
 * wins, a tie (including no keyword at all) gives "all".
 */
export function deriveSeason(...texts: (string | string[] | undefined)[]): Season {
  const tokens = texts
    .flat()
    .filter((text): text is string => typeof text === "string")
    .flatMap((text) => fold(text).split(/[^a-z0-9-]+/))
    .flatMap((token) => (token.includes("-") ? [token, ...token.split("-")] : [token]))
    .filter((token) => token.length >= 2);
  const winter = score(tokens, WINTER_WORDS);
  const summer = score(tokens, SUMMER_WORDS);
  return winter > summer ? "winter" : summer > winter ? "summer" : "all";
}
