import { describe, expect, it } from "vitest";
import { MAX_NEIGHBOURS, parseModel } from "./model.js";

const model = (items: unknown, extra: object = {}) => ({
  format: "vitrin-model",
  version: 1,
  items,
  ...extra,
});

describe("parseModel", () => {
  it("reads every relation and score, neighbours strongest first", () => {
    const { model: parsed, problems } = parseModel(
      model({
        "MNT-1": {
          coView: [
            ["MNT-2", 0.4],
            ["MNT-3", 0.9],
          ],
          coBuy: [["ATK-1", 3]],
          next: [["MNT-3", 1]],
          popularity: 0.5,
          trend: 0.1,
        },
        "ATK-1": { popularity: 1 },
      }),
      "model.json",
    );
    expect(problems).toEqual([]);
    expect(parsed?.items.get("MNT-1")).toEqual({
      coView: [
        ["MNT-3", 0.9],
        ["MNT-2", 0.4],
      ],
      coBuy: [["ATK-1", 3]],
      next: [["MNT-3", 1]],
      popularity: 0.5,
      trend: 0.1,
    });
    expect(parsed?.items.get("ATK-1")).toEqual({ popularity: 1 });
  });

  it("refuses a file that is not a version 1 model, naming what was expected", () => {
    expect(parseModel([], "model.json")).toEqual({
      problems: ['model.json: format: expected a Vitrin model, {"format": "vitrin-model", …}'],
    });
    expect(parseModel({ format: "vitrin-catalog", items: {} }, "m.json").model).toBeUndefined();
    expect(parseModel(model({}, { version: 2 }), "model.json")).toEqual({
      problems: ["model.json: version: expected 1, the model version this Vitrin reads"],
    });
    expect(parseModel(model([["MNT-1", {}]]), "model.json")).toEqual({
      problems: ['model.json: items: expected an object of item id: {"coView": […], …}'],
    });
  });

  it("skips bad pairs, scores and items, keeps the rest, and names each with its path", () => {
    const { model: parsed, problems } = parseModel(
      model(
        {
          "MNT-1": {
            coView: [["MNT-2", 0.4], ["MNT-3", -1], ["MNT-4"], null, [7, 1], ["MNT-5", "1"]],
            coBuy: "ATK-1",
            popularity: 1.5,
            trend: 0.2,
            similar: [],
          },
          "MNT-2": 3,
          "MNT-3": { next: [["MNT-1", 1]] },
        },
        { builtBy: "me" },
      ),
      "model.json",
    );
    expect(problems).toEqual([
      "model.json: builtBy: unknown key; expected format, version or items",
      'model.json: items["MNT-1"].coView[1]: expected [item id, weight] with a positive weight',
      'model.json: items["MNT-1"].coView[2]: expected [item id, weight] with a positive weight',
      'model.json: items["MNT-1"].coView[3]: expected [item id, weight] with a positive weight',
      'model.json: items["MNT-1"].coView[4]: expected [item id, weight] with a positive weight',
      'model.json: items["MNT-1"].coView[5]: expected [item id, weight] with a positive weight',
      'model.json: items["MNT-1"].coBuy: expected a list of [item id, weight] pairs',
      'model.json: items["MNT-1"].popularity: expected a number from 0 to 1',
      'model.json: items["MNT-1"].similar: unknown key; expected coView, coBuy, next, popularity or trend',
      'model.json: items["MNT-2"]: expected an object with coView, coBuy, next, popularity or trend',
    ]);
    expect(parsed?.items.get("MNT-1")).toEqual({ coView: [["MNT-2", 0.4]], trend: 0.2 });
    expect(parsed?.items.has("MNT-2")).toBe(false);
    expect(parsed?.items.get("MNT-3")).toEqual({ next: [["MNT-1", 1]] });
  });

  it("cuts a neighbour list at the cap, and __proto__ is just an id", () => {
    const long = Array.from({ length: MAX_NEIGHBOURS + 5 }, (_, i) => [`X-${i}`, i + 1]);
    // As JSON.parse makes it: an own key named __proto__, not a prototype.
    const text = JSON.stringify(model({ "MNT-1": { coView: long } }));
    const file = JSON.parse(text.replace('"items":{', '"items":{"__proto__":{"trend":1},'));
    const { model: parsed, problems } = parseModel(file, "model.json");
    expect(parsed?.items.get("MNT-1")?.coView).toHaveLength(MAX_NEIGHBOURS);
    expect(parsed?.items.get("__proto__")).toEqual({ trend: 1 });
    expect(problems).toEqual([
      `model.json: items["MNT-1"].coView: expected at most ${MAX_NEIGHBOURS} neighbours; the rest are ignored`,
    ]);
    expect(({} as { trend?: number }).trend).toBeUndefined();
  });
});
