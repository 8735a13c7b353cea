// A tiny element builder, so UI modules read as the markup they create.

/** Attribute values; `false`, null and undefined leave the attribute out. */
export type Attrs = Record<string, string | number | boolean | null | undefined>;

/** Children: elements, text, or nothing. */
export type Child = Node | string | null | undefined | false;

/** Creates `<tag attrs>children</tag>`. `true` sets an empty attribute. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}
