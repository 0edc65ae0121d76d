/**
 * How much of the map the UI covers, so the camera frames regions and places in the part
 * that stays visible: below the chips, above the bottom sheets (list, place card, route) on
 * phones, beside the list and the card or route panel on desktops. Measured from the DOM,
 * so it follows the CSS whatever the screen.
 */

/** Padding in pixels for each side of the map. */
export interface Padding {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

const GAP = 16;
const DESKTOP = "(min-width: 768px)";

function rectOf(selector: string): DOMRect | null {
  const element = document.querySelector<HTMLElement>(selector);
  if (!element || element.hidden || !element.checkVisibility({ visibilityProperty: true })) return null;
  const rect = element.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 ? rect : null;
}

/** The padding to pass to fitBounds/easeTo for the UI shown now. */
export function mapPadding(): Padding {
  const height = window.innerHeight;
  const width = window.innerWidth;
  const top = Math.max(rectOf(".filter-bar")?.bottom ?? 0, rectOf(".top-bar")?.bottom ?? 0) + GAP;
  if (window.matchMedia(DESKTOP).matches) {
    const left = (rectOf(".results")?.right ?? 0) + GAP;
    const card = rectOf(".place-card") ?? rectOf(".route-panel");
    const right = card ? width - card.left + GAP : GAP * 3;
    return { top, bottom: GAP * 2, left, right };
  }
  const sheets = [".results", ".place-card", ".route-panel"].map((selector) => rectOf(selector)?.top);
  const coverTops = sheets.filter((v): v is number => v !== undefined);
  const bottom = height - Math.min(height, ...coverTops) + GAP;
  const clamp = (value: number): number => Math.max(0, Math.min(value, height * 0.65));
  return { top: clamp(top), bottom: clamp(bottom), left: GAP, right: GAP };
}

/**
 * Keeps the CSS variable --filters-bottom on `root` equal to the bottom edge of the filter
 * bar, so panels and messages open just below the chips however many rows they wrap to.
 */
export function trackFilterBar(root: HTMLElement, filterBar: HTMLElement): void {
  const update = (): void => root.style.setProperty("--filters-bottom", `${Math.round(filterBar.getBoundingClientRect().bottom)}px`);
  new ResizeObserver(update).observe(filterBar);
  update();
}
