/**
 * Colour helpers for readable text. Category colours are bright; where white text sits on
 * one (a pressed chip, a badge) we darken it just enough for a 4.5:1 contrast (WCAG AA).
 */

type Rgb = readonly [number, number, number];

function parseHex(hex: string): Rgb {
  const value = hex.replace("#", "");
  const full = value.length === 3 ? [...value].map((c) => c + c).join("") : value;
  const n = Number.parseInt(full, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: Rgb): string {
  return "#" + [r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("");
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `hex` darkened in small steps until white text on it reaches `ratio`. */
export function readableBehindWhite(hex: string, ratio = 4.6): string {
  let rgb = parseHex(hex);
  for (let step = 0; step < 40 && contrast(toHex(rgb), "#ffffff") < ratio; step++) {
    rgb = [rgb[0] * 0.95, rgb[1] * 0.95, rgb[2] * 0.95];
  }
  return toHex(rgb);
}

/** Sets the CSS variables a coloured element uses: --chip-color and its readable --chip-strong. */
export function paintWith(element: HTMLElement, hex: string): void {
  element.style.setProperty("--chip-color", hex);
  element.style.setProperty("--chip-strong", readableBehindWhite(hex));
}
