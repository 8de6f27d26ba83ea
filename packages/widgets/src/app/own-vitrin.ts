/**
 * The instance a `<VitrinProvider options={…}>` makes for itself, framework-free: created in the
 * browser only (an effect never runs on the server), destroyed when the provider goes away.
 */
import { createVitrin, reportFailure, type Vitrin, type VitrinOptions } from "@vitrin/core";

/** A Vitrin made by a provider, and how to stop it. */
export interface OwnVitrin {
  /** Undefined when it could not start (the one console message says why). */
  vitrin: Vitrin | undefined;
  stop(): void;
}

/** Starts Vitrin with `options`; a failure costs personalization, never the app. */
export function startVitrin(options: VitrinOptions): OwnVitrin {
  let vitrin: Vitrin | undefined;
  try {
    vitrin = createVitrin(options);
  } catch (error) {
    reportFailure("starting Vitrin", error);
  }
  return {
    vitrin,
    stop() {
      vitrin?.destroy().catch((error: unknown) => reportFailure("stopping Vitrin", error));
    },
  };
}

/** Props of `<VitrinProvider>` in Preact and React, besides its children. */
export interface VitrinProviderOptions {
  /** An instance the app made (`createVitrin(…)` on the client). */
  vitrin?: Vitrin | undefined;
  /** Or options: the provider then makes the instance in the browser, and destroys it on unmount. */
  options?: VitrinOptions | undefined;
  /** Language of the widgets' text, `tr` or `en`. Default: the page's `<html lang>`, else Turkish. */
  lang?: "tr" | "en" | undefined;
}

/** What a provider hands to the hooks and components below it. */
export interface VitrinContextValue {
  /** Undefined on the server, in the first (hydrating) render, and until an own instance starts. */
  vitrin: Vitrin | undefined;
  lang: "tr" | "en" | undefined;
}

/** The context value outside any provider: nothing to show. */
export const NO_VITRIN: VitrinContextValue = Object.freeze({ vitrin: undefined, lang: undefined });

/**
 * The instance a provider exposes. Only after the first client render (`mounted`): the server
 * and the hydrating render then agree, whatever the client already has, so hydration never
 * warns; a prop instance wins over one made from options.
 */
export function providedVitrin(
  props: VitrinProviderOptions,
  own: Vitrin | undefined,
  mounted: boolean,
): Vitrin | undefined {
  return mounted ? (props.vitrin ?? own) : undefined;
}
