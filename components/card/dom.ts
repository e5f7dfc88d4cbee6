/**
 * Elements for the in-page card without a UI framework. Text always goes in as text nodes, never parsed as
 * markup, so a profile's words can never become HTML; attributes are set one by one, listeners added by name.
 */
export type Child = Node | string | null | undefined | false;
type Value = string | number | boolean | null | undefined;
type Props = Record<string, Value | ((event: Event) => void)>;

/**
 * `<tag>` with its props (`class`, any attribute, `onclick`-style listeners; null, undefined and false leave an
 * attribute out, true sets it empty) and children, in order.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const key in props) {
    const value = props[key];
    if (typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (value != null && value !== false) node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/** Appends the children that are something (a node or text). */
export function append(parent: ParentNode, children: readonly Child[]): void {
  for (const child of children) if (child) parent.append(child);
}
