/**
 * A few DOM helpers so features can build markup in plain TypeScript, safely: text is
 * always set as text, never parsed as HTML.
 */

/** Attributes for `el`: strings and numbers set as attributes, `false`/`null` left out. */
export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** What `el` accepts as children: elements, text, or nothing. */
export type Child = Node | string | null | undefined | false;

/** Creates an element with attributes (`class`, `aria-*`, `data-*`, ...) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: readonly Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

/** Appends children, skipping empty ones. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, ...children: readonly Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** The element with this id, or a clear error naming the missing id. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element as T;
}
