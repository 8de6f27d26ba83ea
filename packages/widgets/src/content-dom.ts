/**
 * The few DOM helpers the content widgets share. Plain DOM rather than Preact: these widgets
 * are small, mostly static, and text only ever goes in as Text nodes (never innerHTML).
 */

/** Attributes set with setAttribute; `false`/undefined ones are left out. */
type Attributes = Record<string, string | number | boolean | undefined>;

/** Creates `<tag attrs…>children…</tag>`; strings become Text nodes, so markup stays inert. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attributes = {},
  ...children: (Node | string | false | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs))
    if (value !== undefined && value !== false)
      node.setAttribute(name, value === true ? "" : String(value));
  for (const child of children) if (child || child === "") node.append(child);
  return node;
}

/** `<div data-vitrin-x="…">` values: trimmed, undefined when absent or blank. */
export const attr = (node: Element, name: string): string | undefined =>
  node.getAttribute(name)?.trim() || undefined;
