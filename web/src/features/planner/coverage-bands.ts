/**
 * The walking-minute bands the map colours residential areas by, relative to the threshold
 * T: covered areas in two greens (within T/2, within T), the gap in orange (a near miss,
 * within 2T) and red (farther, or no walk found). The legend, the map layer and the print
 * brief all read the bands from here, so they always agree.
 */
import type { AreaProperties } from "./planner-api.ts";

/** A band's name; the map's features carry it as `band`. */
export type Band = "near" | "covered" | "miss" | "far";

/** The bands from nearest to farthest, the legend's order. */
export const BANDS: readonly Band[] = ["near", "covered", "miss", "far"];

/** Fill colours: greens for covered, orange and red for the gap (red-green safe by lightness too). */
export const BAND_COLORS: Readonly<Record<Band, string>> = {
  near: "#2b8a3e",
  covered: "#8ce99a",
  miss: "#fd7e14",
  far: "#c92a2a",
};

/** The band of one residential area for threshold `minutes`. */
export function bandOf(area: Pick<AreaProperties, "minutes" | "covered">, minutes: number): Band {
  if (area.covered) return area.minutes !== null && area.minutes <= minutes / 2 ? "near" : "covered";
  return area.minutes !== null && area.minutes <= minutes * 2 ? "miss" : "far";
}

/** A number of minutes as people write it: whole, or one decimal for a half. */
export function minutesText(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** The bounds of each band in minutes for threshold `minutes` (for the legend's words). */
export function bandLimits(minutes: number): Readonly<Record<Band, { from: string; to: string }>> {
  const half = minutesText(minutes / 2);
  const whole = minutesText(minutes);
  const twice = minutesText(minutes * 2);
  return {
    near: { from: "0", to: half },
    covered: { from: half, to: whole },
    miss: { from: whole, to: twice },
    far: { from: twice, to: "" },
  };
}

/** The radius in metres of a disc with the area's footprint, how big the map draws it. */
export function footprintRadius(areaM2: number): number {
  return Math.sqrt(Math.max(areaM2, 0) / Math.PI);
}
