/**
 * Loading the merchant's config and model files with the one cached-JSON loader, and applying
 * them when they arrive: tracking has started by then, so they reach the profile and the slots
 * through `configure()`. A file that cannot be used costs only itself.
 */
import { type JsonKind, type JsonSource, loadCachedJson } from "./cached-json.js";
import { parseConfig, type VitrinSettings } from "./config.js";
import { isRecord } from "./guards.js";
import { warnOnce, warnProblems } from "./log.js";
import { type Model, parseModel } from "./model.js";

/** The file's name for messages: `config.json` for `https://shop.example/vitrin/config.json?v=2`. */
const fileName = (url: string) => url.split(/[?#]/)[0]?.split("/").pop() || url;

const CONFIG_FILE: JsonKind<VitrinSettings, VitrinSettings> = {
  name: "config",
  check(body, url) {
    const where = fileName(url);
    const { settings, problems } = parseConfig(body, where);
    if (!isRecord(body)) throw new Error(problems[0] ?? where);
    warnProblems("config: skipped invalid settings", problems);
    return settings;
  },
  revive: (stored) => (isRecord(stored) ? stored : undefined),
};

/** Cached as parsed: IndexedDB keeps the Map as it is. */
const MODEL_FILE: JsonKind<Model, Model> = {
  name: "model",
  check(body, url) {
    const { model, problems } = parseModel(body, fileName(url));
    if (!model) throw new Error(problems[0]);
    warnProblems("model: skipped invalid entries", problems);
    return model;
  },
  revive: (stored) => (stored?.items instanceof Map ? stored : undefined),
};

/** What {@link loadSettings} reads from `createVitrin`'s options. */
interface SettingsOptions {
  config?: string | object;
  model?: string | object;
}

/**
 * Loads the config and model files named in the options (a config given as an object is only
 * checked) and passes each to `configure` as it arrives, and again when a revalidation brings a
 * newer one. Settles when both have been tried; never rejects: a file that cannot be had is
 * one console warning, and Vitrin runs without it.
 */
export function loadSettings(
  options: SettingsOptions,
  source: Omit<JsonSource, "url">,
  configure: (settings: VitrinSettings) => void,
): Promise<void> {
  const { config, model } = options;
  const load = <T extends VitrinSettings | Model>(
    url: string,
    kind: JsonKind<T, T>,
    apply: (value: T) => void,
  ) =>
    (async () => {
      const absolute = new URL(url, location.href).href;
      const loaded = await loadCachedJson({ ...source, url: absolute }, kind, apply);
      if (loaded) apply(loaded);
    })().catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      warnOnce(`${kind.name}: could not use ${url}, running without it: ${reason}`);
    });
  if (config !== undefined && typeof config !== "string") {
    const { settings, problems } = parseConfig(config, "config");
    warnProblems("config: skipped invalid settings", problems);
    configure(settings);
  }
  return Promise.all([
    typeof config === "string" && load(config, CONFIG_FILE, configure),
    typeof model === "string" && load(model, MODEL_FILE, (m) => configure({ model: m })),
  ]).then(() => undefined);
}
