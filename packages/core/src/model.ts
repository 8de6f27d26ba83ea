/**
 * The optional model file made offline by `vitrin model` (see the model-builder issue): per
 * item, its strongest neighbours by relation, so the browser gets collaborative signals with
 * no server. Without one, every strategy still works from the catalog and the shopper's own
 * history.
 */

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
