/** How the commands' summaries and progress lines write counts and sizes, one way for all. */

/** Whole numbers with thousands separators: 12,101. */
export const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** Bytes in decimal units, one decimal: 1.8 MB, 245.0 kB, 512 B. */
export function byteSize(bytes: number): string {
  const units = ["B", "kB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}
