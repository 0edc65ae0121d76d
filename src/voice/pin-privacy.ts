/**
 * Where a child's pin may be shown. A point a child taps may be their home, so before anyone
 * else sees it the point is moved to the nearest public place within SNAP_M or, with none
 * that near, to the nearest point of a walkable street within SNAP_M, and then coarsened to
 * the centre of a COARSE_M grid cell. With neither (a region without street data), the cell
 * is FAR_COARSE_M wide instead. The exact point is kept only
 * for staff routing. An adult's pin is shown as given (rounded to about a metre); a pin on
 * a place is the place's own public point. Pure: the finders are given.
 */
import { distanceMeters } from "../core/geo.ts";

export const SNAP_M = 300;
export const COARSE_M = 100;
export const FAR_COARSE_M = 500;
const METRES_PER_DEGREE = 111_320;

/** A public place near a point (with its id and district). */
export interface PublicNear {
  lon: number;
  lat: number;
  placeId: string | null;
  districtCode: string | null;
}

/** The centre of the `cellM`-wide grid cell holding the point (cells are cellM tall, and as wide at that latitude). */
export function coarsen(lon: number, lat: number, cellM: number): { lon: number; lat: number } {
  const dLat = cellM / METRES_PER_DEGREE;
  const cellLat = (Math.floor(lat / dLat) + 0.5) * dLat;
  const dLon = cellM / (METRES_PER_DEGREE * Math.max(0.1, Math.cos((cellLat * Math.PI) / 180)));
  const cellLon = (Math.floor(lon / dLon) + 0.5) * dLon;
  return { lon: round(cellLon, 6), lat: round(cellLat, 6) };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export interface PublicPin {
  lon: number;
  lat: number;
  /** How the public point was made, for the record and the tests: given, moved to a place, to a street, or only coarsened widely. */
  how: "exact" | "snapped" | "street" | "far";
  /** The district of the place it was moved to, else of a place near. */
  districtCode: string | null;
}

/**
 * The public point of a pin. `near` gives the public places near the pin, `street` the nearest
 * point of a walkable street (null when none is within `SNAP_M`); for an adult the pin itself
 * is public.
 */
export function publicPin(author: "child" | "adult", lon: number, lat: number, near: readonly PublicNear[], street: { lon: number; lat: number } | null = null): PublicPin {
  const nearest = [...near].map((c) => ({ c, d: distanceMeters([lon, lat], [c.lon, c.lat]) })).filter((x) => x.d <= SNAP_M).sort((a, b) => a.d - b.d)[0];
  const districtCode = near.find((c) => c.districtCode !== null)?.districtCode ?? null;
  if (author === "adult") return { lon: round(lon, 5), lat: round(lat, 5), how: "exact", districtCode };
  if (!nearest && street && distanceMeters([lon, lat], [street.lon, street.lat]) <= SNAP_M) return { ...coarsen(street.lon, street.lat, COARSE_M), how: "street", districtCode };
  if (!nearest) return { ...coarsen(lon, lat, FAR_COARSE_M), how: "far", districtCode };
  return { ...coarsen(nearest.c.lon, nearest.c.lat, COARSE_M), how: "snapped", districtCode: nearest.c.districtCode ?? districtCode };
}
