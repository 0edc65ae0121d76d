/**
 * Two small pictures the ideas pages draw themselves rather than as emoji (a phone without a
 * colour-emoji font would show empty boxes): the light bulb of an idea and the map pin of
 * "where". Each is decorative; the text beside it says what it means.
 */
import { el } from "../../shared/dom.ts";

/** The light bulb, yellow with a dark outline. */
export const BULB_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="1.4em" height="1.4em" aria-hidden="true" focusable="false">' +
  '<path fill="#ffd43b" stroke="#5c3c00" stroke-width="1.6" d="M12 2.5a6.8 6.8 0 0 0-4 12.3c.7.5 1.1 1.3 1.1 2.1v.6h5.8v-.6c0-.8.4-1.6 1.1-2.1A6.8 6.8 0 0 0 12 2.5z"/>' +
  '<path fill="#5c3c00" d="M9.2 19h5.6v1.3a1.2 1.2 0 0 1-1.2 1.2h-3.2a1.2 1.2 0 0 1-1.2-1.2z"/></svg>';

/** A map pin in the current colour. */
export const PIN_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="1.2em" height="1.2em" aria-hidden="true" focusable="false">' +
  '<path fill="currentColor" d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 9.6A2.6 2.6 0 1 1 12 6.4a2.6 2.6 0 0 1 0 5.2z"/></svg>';

/** A picture and a text side by side, for a button or a link. */
export function withPicture<K extends "button" | "a" | "span">(tag: K, attributes: Record<string, string | number | boolean>, svg: string, text: string): HTMLElementTagNameMap[K] {
  const node = el(tag, { ...attributes }, el("span", {}, text));
  node.insertAdjacentHTML("afterbegin", svg);
  return node;
}
