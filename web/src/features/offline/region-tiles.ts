/**
 * The basemap tiles that cover a region, for the service worker to keep on a first visit: the
 * map worker fetched the first view's tiles before the service worker was in control, and
 * the page cannot see the worker's requests. Lower zooms first, up to a number of tiles, so a
 * small city is kept whole to street level and a large one at the zooms its first view uses.
 */
import { toUnit } from "../../map/camera.ts";

/** The x/y of the tile holding lon/lat at zoom z (Web Mercator, as MapLibre tiles). */
export function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const [ux, uy] = toUnit(lon, lat);
  return { x: Math.min(n - 1, Math.max(0, Math.floor(ux * n))), y: Math.min(n - 1, Math.max(0, Math.floor(uy * n))) };
}

/**
 * /tiles/{z}/{x}/{y}.mvt for every tile over `bbox` (west, south, east, north) from zoom
 * `fromZoom` to `maxZoom`, a whole zoom at a time while the total stays within `limit`.
 */
export function regionTileUrls(bbox: readonly [number, number, number, number], fromZoom: number, maxZoom: number, limit: number): string[] {
  const [west, south, east, north] = bbox;
  const urls: string[] = [];
  for (let z = Math.max(0, Math.floor(fromZoom)); z <= maxZoom; z++) {
    const topLeft = tileOf(west, north, z);
    const bottomRight = tileOf(east, south, z);
    const count = (bottomRight.x - topLeft.x + 1) * (bottomRight.y - topLeft.y + 1);
    if (urls.length + count > limit) break;
    for (let x = topLeft.x; x <= bottomRight.x; x++) for (let y = topLeft.y; y <= bottomRight.y; y++) urls.push(`/tiles/${z}/${x}/${y}.mvt`);
  }
  return urls;
}
