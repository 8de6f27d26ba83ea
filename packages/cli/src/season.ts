import { fold } from "./text.js";

/** The seasons the CLI derives. A feed's own season value is always kept as it is. */
export type Season = "winter" | "summer" | "all";

/**
 * Keywords as merchants write them, matched after {@link fold}: "ATKI", "Atkı" and "atki",
 * "SWIMSUIT" lower-cased the Turkish way ("swımsuıt"), "Şort" and "sort" all count.
 * Materials weigh 2, garments and other words 1. Words in `exact` count only on their own
 * ("kış" must not match "kişi", which folds to the same letters plus an ending).
 */
const WINTER = {
  strong: "yün yünlü polar kaşmir kürk termal wool woolen woollen fleece cashmere fur thermal",
  words:
    "mont kaban kazak bot çizme atkı bere eldiven parka palto şişme boğazlı kışlık kayak " +
    "coat jacket puffer sweater jumper boot boots scarf beanie gloves mittens winter ski " +
    "turtleneck overcoat earmuffs",
  exact: "kış",
};
const SUMMER = {
  strong: "keten hasır linen straw",
  words:
    "şort mayo bikini sandalet terlik tişört güneş plaj pareo askılı yazlık espadril " +
    "shorts swimsuit swimwear swim sandal sandals flip-flops flipflops slides t-shirt tshirt " +
    "tee sunglasses sun beach summer tank espadrilles",
  exact: "yaz",
};

/** Endings a keyword may carry and still count: English plurals, Turkish plural/possessive. */
const ENDINGS = new Set(["", ..."s es lar ler lari leri i u si su lu yi yu un in".split(" ")]);

/** Every keyword with every ending → its weight: one lookup per word of the text. */
function words(list: typeof WINTER): Map<string, number> {
  const weights = new Map<string, number>();
  for (const [text, weight] of [
    [list.words, 1],
    [list.strong, 2],
  ] as const) {
    for (const word of text.split(" ")) {
      for (const ending of ENDINGS) weights.set(fold(word) + ending, weight);
    }
  }
  for (const word of list.exact.split(" ")) weights.set(fold(word), 1);
  return weights;
}
const WINTER_WORDS = words(WINTER);
const SUMMER_WORDS = words(SUMMER);

/**
 * Derives a season from product text (product type, category path, title, material): each
 * word that is a winter or summer keyword, bare or with a plural or possessive ending
 * ("montlar", "botları", "sandals"), adds its weight to that side. The heavier side wins;
 * a tie, including no keyword at all, gives "all".
 */
export function deriveSeason(...texts: (string | readonly string[] | undefined)[]): Season {
  let winter = 0;
  let summer = 0;
  for (const text of texts.flat()) {
    if (typeof text !== "string") continue;
    for (const token of fold(text).split(/[^a-z0-9-]+/)) {
      if (token.length < 2) continue;
      winter += WINTER_WORDS.get(token) ?? 0;
      summer += SUMMER_WORDS.get(token) ?? 0;
      if (token.includes("-")) {
        for (const part of token.split("-")) {
          winter += WINTER_WORDS.get(part) ?? 0;
          summer += SUMMER_WORDS.get(part) ?? 0;
        }
      }
    }
  }
  return winter > summer ? "winter" : summer > winter ? "summer" : "all";
}
