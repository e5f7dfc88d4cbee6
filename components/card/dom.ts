/**
 * Building the card's elements with the DOM API alone: no framework to bundle and no markup parsed (text goes in
 * as text nodes), for the parts of the card that are drawn without Preact (card-frame.ts).
 */
type Attributes = Record<string, string | undefined>;

/** An element with its attributes (undefined ones left out) and children, text as text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A button (never a form's submit) that calls `onClick`. */
export function button(attributes: Attributes, onClick: () => void, ...children: (Node | string)[]): HTMLButtonElement {
  const node = el('button', { type: 'button', ...attributes }, ...children);
  node.addEventListener('click', onClick);
  return node;
}
