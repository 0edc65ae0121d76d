/**
 * Where to put the marker of an OSM way or relation: the area centroid of a closed ring,
 * the middle vertex of an open line, the mean of a multipolygon's outer rings.
 */
import type { LonLat } from "../core/geo.ts";

/** Area-weighted centroid of a closed ring (shoelace); falls back to the vertex mean. */
export function ringCentroid(ring: readonly LonLat[]): LonLat {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (Math.abs(area) < 1e-14) return meanOf(ring);
  return [cx / (3 * area), cy / (3 * area)];
}

/** Mean of the points, the marker of a shape whose area is too small to weigh. */
export function meanOf(points: readonly LonLat[]): LonLat {
  let lon = 0;
  let lat = 0;
  for (const [x, y] of points) {
    lon += x;
    lat += y;
  }
  return [lon / points.length, lat / points.length];
}

/** Marker position of a way given its vertices; null for a way with no known vertex. */
export function wayAnchor(vertices: readonly LonLat[]): LonLat | null {
  if (vertices.length === 0) return null;
  const first = vertices[0]!;
  const last = vertices[vertices.length - 1]!;
  const closed = vertices.length >= 4 && first[0] === last[0] && first[1] === last[1];
  return closed ? ringCentroid(vertices) : vertices[Math.floor(vertices.length / 2)]!;
}
