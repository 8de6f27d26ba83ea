/**
 * The optional model file made offline by `vitrin model` (see the model-builder issue): per
 * item, its strongest neighbours by relation, so the browser gets collaborative signals with
 * no server. Without one, every strategy still works from the catalog and the shopper's own
 * history.
 */
import { isRecord } from "./guards.js";
import { type Problems, problemsOf } from "./merchant-json.js";

/** Neighbours of one item by relation, strongest first, as [item id, weight] pairs. */
export interface ModelItem {
  /** Viewed in the same session. */
  coView?: readonly (readonly [string, number])[];
  /** Bought in the same order or session. */
  coBuy?: readonly (readonly [string, number])[];
  /** Looked at next, after this one. */
  next?: readonly (readonly [string, number])[];
  /** Popularity and its recent trend, each 0…1 across the model. */
  popularity?: number;
  trend?: number;
}

/** A loaded model. */
export interface Model {
  items: ReadonlyMap<string, ModelItem>;
}

/** The `format` a model file declares, and the version this code reads. */
export const MODEL_FORMAT = "vitrin-model";
export const MODEL_VERSION = 1;

/** The neighbour lists of an item, by their key in the file. */
const RELATIONS = ["coView", "coBuy", "next"] as const;
/** The scores of an item, each 0…1. */
const SCORES = ["popularity", "trend"] as const;
/** The builder keeps the strongest few; a longer list is cut, not refused. */
export const MAX_NEIGHBOURS = 100;
/** Item ids are catalog ids: text, at most this long. */
const MAX_ID = 200;

const isId = (id: unknown): id is string =>
  typeof id === "string" && id.trim() !== "" && id.length <= MAX_ID;
const PAIR = "[item id, weight] with a positive weight";

/** A neighbour list: `[[id, weight], …]`, bad pairs skipped, strongest first. */
function neighbours(raw: unknown, at: string, problems: Problems) {
  if (!Array.isArray(raw)) return problems.add(at, "expected a list of [item id, weight] pairs");
  if (raw.length > MAX_NEIGHBOURS)
    problems.add(at, `expected at most ${MAX_NEIGHBOURS} neighbours; the rest are ignored`);
  const list: [string, number][] = [];
  for (const [i, pair] of raw.slice(0, MAX_NEIGHBOURS).entries()) {
    const [id, weight] = Array.isArray(pair) && pair.length === 2 ? pair : [];
    if (isId(id) && typeof weight === "number" && weight > 0 && weight < Infinity)
      list.push([id, weight]);
    else problems.add(`${at}[${i}]`, `expected ${PAIR}`);
  }
  return list.sort((a, b) => b[1] - a[1]);
}

/**
 * Validates a model file (untrusted JSON): `{"format": "vitrin-model", "version": 1, "items":
 * {"<id>": {"coView": [["<id>", weight], …], "coBuy": […], "next": […], "popularity": 0…1,
 * "trend": 0…1}}}` (see docs/model-format.md). Every problem names where and what was expected
 * (`model.json: items["MNT-1"].coBuy[2]: expected [item id, weight] with a positive weight`);
 * a bad pair, score or item is skipped and the rest kept. No model when the file as a whole is
 * not one. Never throws.
 */
export function parseModel(json: unknown, where: string): { model?: Model; problems: string[] } {
  const problems = problemsOf(where);
  const unusable = (at: string, expected: string) => {
    problems.add(at, expected);
    return { problems: problems.list };
  };
  if (!isRecord(json) || json.format !== MODEL_FORMAT)
    return unusable("format", `expected a Vitrin model, {"format": "${MODEL_FORMAT}", …}`);
  if (json.version !== MODEL_VERSION)
    return unusable("version", `expected ${MODEL_VERSION}, the model version this Vitrin reads`);
  for (const key of Object.keys(json))
    if (key !== "format" && key !== "version" && key !== "items")
      problems.add(key, "unknown key; expected format, version or items");
  if (!isRecord(json.items))
    return unusable("items", 'expected an object of item id: {"coView": […], …}');
  const items = new Map<string, ModelItem>();
  for (const [id, raw] of Object.entries(json.items)) {
    const at = `items[${JSON.stringify(id)}]`;
    if (!isId(id)) {
      problems.add(at, `expected an item id of 1 to ${MAX_ID} characters`);
      continue;
    }
    if (!isRecord(raw)) {
      problems.add(at, "expected an object with coView, coBuy, next, popularity or trend");
      continue;
    }
    const item: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) {
      const relation = RELATIONS.find((r) => r === key);
      const score = SCORES.find((s) => s === key);
      if (relation) {
        const list = neighbours(value, `${at}.${key}`, problems);
        if (list?.length) item[relation] = list;
      } else if (!score) {
        problems.add(
          `${at}.${key}`,
          "unknown key; expected coView, coBuy, next, popularity or trend",
        );
      } else if (typeof value === "number" && value >= 0 && value <= 1) item[score] = value;
      else problems.add(`${at}.${key}`, "expected a number from 0 to 1");
    }
    items.set(id, item as ModelItem);
  }
  return { model: { items }, problems: problems.list };
}
