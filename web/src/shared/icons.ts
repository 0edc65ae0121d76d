/**
 * The icons of categories and facilities: Maki's CC0 map icons (15x15 SVG) plus two drawn
 * here for what Maki lacks (a baby bottle and a stroller). The same sources serve the DOM
 * (inline SVG in currentColor) and the map (rasterised to images for symbol layers).
 */
import caution from "@mapbox/maki/icons/caution.svg?raw";
import drinkingWater from "@mapbox/maki/icons/drinking-water.svg?raw";
import fence from "@mapbox/maki/icons/fence.svg?raw";
import heart from "@mapbox/maki/icons/heart.svg?raw";
import hospital from "@mapbox/maki/icons/hospital.svg?raw";
import library from "@mapbox/maki/icons/library.svg?raw";
import parkAlt from "@mapbox/maki/icons/park-alt1.svg?raw";
import park from "@mapbox/maki/icons/park.svg?raw";
import pitch from "@mapbox/maki/icons/pitch.svg?raw";
import playground from "@mapbox/maki/icons/playground.svg?raw";
import shelter from "@mapbox/maki/icons/shelter.svg?raw";
import star from "@mapbox/maki/icons/star.svg?raw";
import toilet from "@mapbox/maki/icons/toilet.svg?raw";
import wheelchair from "@mapbox/maki/icons/wheelchair.svg?raw";
import type { FacilityId } from "../../../src/core/facilities.ts";

const BABY_BOTTLE =
  '<svg xmlns="http://www.w3.org/2000/svg" width="15" height="15" viewBox="0 0 15 15">' +
  '<path d="M6.3 1.4a1.2 1.2 0 0 1 2.4 0V3H6.3z"/>' +
  '<rect x="5" y="3.4" width="5" height="1.6" rx=".5"/>' +
  '<path d="M6 5.4h3c.8 0 1.5.7 1.5 1.5v5.6c0 .8-.7 1.5-1.5 1.5H6c-.8 0-1.5-.7-1.5-1.5V6.9c0-.8.7-1.5 1.5-1.5z"/>' +
  "</svg>";

const STROLLER =
  '<svg xmlns="http://www.w3.org/2000/svg" width="15" height="15" viewBox="0 0 15 15">' +
  '<path d="M1.5 7A5.5 5.5 0 0 1 7 1.5V7z"/>' +
  '<path d="M1.5 7.8h11c0 1.9-1.6 3.4-3.5 3.4H5C3.1 11.2 1.5 9.7 1.5 7.8z"/>' +
  '<path d="M11.8 7.8V4.1l1.9-1.3.6.9-1.4.9v3.2z"/>' +
  '<circle cx="4.2" cy="13" r="1.4"/><circle cx="10" cy="13" r="1.4"/>' +
  "</svg>";

/** Icon sources by name; category names follow `CategoryInfo.icon` in src/core/categories.ts. */
const SOURCES: Readonly<Record<string, string>> = {
  playground,
  park,
  sport: pitch,
  book: library,
  shelter,
  health: hospital,
  care: heart,
  baby: BABY_BOTTLE,
  star,
  caution,
};

/** The icon shown beside each facility tag. */
export const FACILITY_ICONS: Readonly<Record<FacilityId, string>> = {
  changing_table: BABY_BOTTLE,
  nursing_room: heart,
  stroller: STROLLER,
  wheelchair,
  shade: parkAlt,
  fenced: fence,
  toilets: toilet,
  drinking_water: drinkingWater,
};

/** The names the map registers images under (one per category icon). */
export const ICON_NAMES: readonly string[] = Object.keys(SOURCES);

function sourceOf(nameOrSvg: string): string {
  return nameOrSvg.startsWith("<") ? nameOrSvg : (SOURCES[nameOrSvg] ?? star);
}

function withRootAttributes(svg: string, attributes: string): string {
  const body = svg.replace(/<\?xml[^>]*\?>\s*/, "");
  return body.replace(/<svg\b[^>]*>/, (tag) =>
    tag.replace(/\s(?:width|height|id)="[^"]*"/g, "").replace(/^<svg/, `<svg ${attributes}`),
  );
}

/**
 * An inline, decorative SVG element drawn in `currentColor` at 1em; pass an icon name or
 * an SVG source (FACILITY_ICONS). Hidden from assistive technology: the text beside it names it.
 */
export function iconElement(nameOrSvg: string, className = "icon"): HTMLElement {
  const wrapper = document.createElement("span");
  wrapper.className = className;
  wrapper.setAttribute("aria-hidden", "true");
  wrapper.innerHTML = withRootAttributes(sourceOf(nameOrSvg), 'fill="currentColor" width="1em" height="1em" focusable="false"');
  return wrapper;
}

/**
 * Draws an icon in `color` onto a square canvas of `pixels` and returns its pixels, for
 * `map.addImage`. The SVG is loaded as an image, so this is asynchronous.
 */
export async function rasterizeIcon(name: string, pixels: number, color: string): Promise<ImageData> {
  const svg = withRootAttributes(sourceOf(name), `fill="${color}" width="${pixels}" height="${pixels}"`);
  const image = new Image(pixels, pixels);
  image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = pixels;
  canvas.height = pixels;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("2D canvas is not available");
  context.drawImage(image, 0, 0, pixels, pixels);
  return context.getImageData(0, 0, pixels, pixels);
}
