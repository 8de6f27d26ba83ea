import { type CatalogItem, safeHttpUrl } from "@vitrin/core";

/** Widths a `srcset` says the catalog's images have: `thumb` about 200 px (docs/catalog-format.md). */
const THUMB_WIDTH = 200;
const IMAGE_WIDTH = 800;

/**
 * The image URLs of an item, safe: `src`, and `srcset` when it has a `thumb` too, so the browser
 * downloads the small copy wherever that is sharp enough. Where only small images are wanted,
 * the `thumb` alone, so nothing larger is ever fetched. (A URL ending in a comma cannot be
 * written into a `srcset`.)
 */
export function imageOf(item: CatalogItem, small?: boolean) {
  const base = globalThis.location?.href;
  const image = safeHttpUrl(item.image, base);
  const thumb = safeHttpUrl(item.thumb, base);
  return {
    src: (small && thumb) || image || thumb,
    srcset:
      !small && image && thumb && !/,( |$)/.test(`${image} ${thumb}`)
        ? `${thumb} ${THUMB_WIDTH}w,${image} ${IMAGE_WIDTH}w`
        : undefined,
  };
}
