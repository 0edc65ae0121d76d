/**
 * How much of the map the UI covers, so the camera frames regions and places in the part
 * that stays visible: below the chips, above the bottom sheets (list, place card, route,
 * ideas) on phones, beside the list and the card, route or ideas panel on desktops. Measured from the DOM,
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

/** Pixels of the map hidden by sheets and panels at its bottom, left and right edges now. */
export interface Cover {
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** What the list, the place card and the route panel cover of the map now. */
export function mapCover(): Cover {
  const height = window.innerHeight;
  const width = window.innerWidth;
  if (window.matchMedia(DESKTOP).matches) {
    const card = rectOf(".place-card") ?? rectOf(".route-panel") ?? rectOf(".ideas-panel");
    return { bottom: 0, left: rectOf(".results")?.right ?? 0, right: card ? width - card.left : 0 };
  }
  const tops = [".results", ".place-card", ".route-panel", ".ideas-panel"].map((selector) => rectOf(selector)?.top).filter((v): v is number => v !== undefined);
  return { bottom: height - Math.min(height, ...tops), left: 0, right: 0 };
}

/**
 * Keeps --cover-bottom, --cover-left and --cover-right on `root` equal to what the sheets
 * and panels cover of the map, so the map's zoom buttons and its attribution (which the
 * ODbL asks to be visible) sit beside them, never under them.
 */
export function trackMapCover(root: HTMLElement): void {
  // Measured once a frame however many changes came in it: each measure lays the page out.
  let queued = false;
  const measure = (): void => {
    queued = false;
    const cover = mapCover();
    root.style.setProperty("--cover-bottom", `${Math.round(cover.bottom)}px`);
    root.style.setProperty("--cover-left", `${Math.round(cover.left)}px`);
    root.style.setProperty("--cover-right", `${Math.round(cover.right)}px`);
  };
  const update = (): void => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(measure);
  };
  const resized = new ResizeObserver(update);
  const shown = new MutationObserver(update);
  for (const selector of [".results", ".place-card", ".route-panel", ".ideas-panel"]) {
    const element = document.querySelector(selector);
    if (!element) continue;
    resized.observe(element);
    shown.observe(element, { attributes: true, attributeFilter: ["hidden", "data-expanded"] });
  }
  // The route panel replaces the card by a data attribute on #app (route.css).
  shown.observe(root, { attributes: true, attributeFilter: ["data-route-open"] });
  window.addEventListener("resize", update);
  measure();
}

/** The padding to pass to fitBounds/easeTo for the UI shown now. */
export function mapPadding(): Padding {
  const height = window.innerHeight;
  const width = window.innerWidth;
  const top = Math.max(rectOf(".filter-bar")?.bottom ?? 0, rectOf(".top-bar")?.bottom ?? 0) + GAP;
  if (window.matchMedia(DESKTOP).matches) {
    const left = (rectOf(".results")?.right ?? 0) + GAP;
    const card = rectOf(".place-card") ?? rectOf(".route-panel") ?? rectOf(".ideas-panel");
    const right = card ? width - card.left + GAP : GAP * 3;
    return { top, bottom: GAP * 2, left, right };
  }
  const sheets = [".results", ".place-card", ".route-panel", ".ideas-panel"].map((selector) => rectOf(selector)?.top);
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
