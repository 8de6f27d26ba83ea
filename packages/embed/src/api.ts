/**
 * What `window.vitrin` is once a script-tag bundle has loaded, for pages and apps written in
 * TypeScript. The bundles type their command tables against these interfaces, so the published
 * types cannot drift from what the scripts install.
 */
import type { VitrinExport } from "@vitrin/core";
import type { SlotAttributes, SlotRenderState } from "@vitrin/widgets";

/**
 * A queued call: `["track", "add_to_cart", {...}]`, or a function called with the API once
 * loaded (with `vitrin.min.js` it is a {@link VitrinApi}).
 */
export type VitrinCommand = readonly [string, ...unknown[]] | ((api: VitrinTrackerApi) => void);

/** The commands of `vitrin-track.min.js`. */
export interface VitrinTrackerCommands {
  /** Records a GA4 (or Segment e-commerce) event; false when it was malformed (a console warning says why). */
  track(name: string, params?: unknown): boolean;
  /** Keeps merchant-provided attributes (`{ firstName, tier }`) on this device, for greetings. */
  identify(traits: unknown): boolean;
  /** Grants or withdraws consent; withdrawing erases everything Vitrin stored, in every tab. */
  consent(granted: boolean): Promise<void>;
  /** Everything Vitrin stored on this device, as one JSON-ready object. */
  export(): Promise<VitrinExport>;
  /** Deletes everything Vitrin stored on this device, in every open tab. */
  erase(): Promise<void>;
  /** Writes pending events now. */
  flush(): Promise<void>;
}

/** Options of the script tag's `mount` command; any other key gets a console warning. */
export interface VitrinMountOptions {
  /**
   * Values that take the place of the element's attributes, by `<vitrin-slot>` attribute name:
   * `{ strategy: "similar", limit: "mobile:4 8", card: "my-card-template" }`.
   */
  attributes?: SlotAttributes;
  /** A renderer of your own, instead of the built-in one: draws `state` into `container`. */
  render?: (state: SlotRenderState, container: HTMLElement) => void;
  /** Widget language (`tr`, `en`); default the script tag's `data-lang`, else `<html lang>`. */
  lang?: string;
  /** Data layer for impressions and clicks; `false` for none. Default `dataLayer`. */
  dataLayer?: string | false;
}

/** The commands of `vitrin.min.js`: the tracker's, and slot mounting. */
export interface VitrinCommands extends VitrinTrackerCommands {
  /**
   * Mounts a slot on any element, with `attributes` in the place of its own
   * (`{ attributes: { strategy: "similar", limit: "6" } }`). Returns how to unmount it.
   */
  mount(el: Element, options?: VitrinMountOptions): () => void;
  /** Re-reads and re-renders every mounted slot (after changing their attributes). */
  refresh(): void;
}

/** `window.vitrin` after `vitrin-track.min.js` has loaded; `push` runs commands at once. */
export interface VitrinTrackerApi extends VitrinTrackerCommands {
  push(...commands: VitrinCommand[]): void;
}

/** `window.vitrin` after `vitrin.min.js` has loaded. */
export interface VitrinApi extends VitrinTrackerApi, VitrinCommands {}

declare global {
  interface Window {
    /**
     * The command queue a page builds before the script loads
     * (`window.vitrin = window.vitrin || []`), then the script's API (a {@link VitrinApi} with
     * `vitrin.min.js`).
     */
    vitrin?: VitrinTrackerApi | VitrinCommand[];
  }
}
