/**
 * Districts and communities for coverage tables, where a region's own division data has
 * no polygons: OSM administrative boundaries of the extract (admin_level 8, a commune or
 * county-level unit, as "district"; admin_level 10, a quarter or community, as
 * "community"), assembled from their member ways at import.
 */
import type { LonLat } from "../core/geo.ts";
import { type OsmElement, assembleRings } from "../osm/index.ts";

export interface AdminArea {
  name: string;
  level: "district" | "community";
  rings: LonLat[][];
}

const LEVELS: Record<string, AdminArea["level"]> = { "8": "district", "10": "community" };

export function adminAreas(elements: readonly OsmElement[]): AdminArea[] {
  const nodes = new Map<number, LonLat>();
  const ways = new Map<number, number[]>();
  for (const e of elements) {
    if (e.type === "node") nodes.set(e.id, [e.lon, e.lat]);
    else if (e.type === "way") ways.set(e.id, e.refs);
  }
  const out: AdminArea[] = [];
  for (const e of elements) {
    if (e.type !== "relation" || e.tags["boundary"] !== "administrative") continue;
    const level = LEVELS[e.tags["admin_level"] ?? ""];
    const name = e.tags["name:zh"] ?? e.tags["name"];
    if (!level || !name) continue;
    const outer = e.members.filter((m) => m.type === "way" && m.role !== "inner");
    // A boundary cut by the extract's edge may close into a wrong, smaller ring: skip it.
    if (outer.some((m) => !ways.has(m.ref))) continue;
    const lines = outer
      .map((m) => ways.get(m.ref)!.map((ref) => nodes.get(ref)).filter((p): p is LonLat => p !== undefined));
    const rings = assembleRings(lines);
    if (rings.length > 0) out.push({ name, level, rings });
  }
  return out;
}

/** Ray casting: inside when a ray to the east crosses the ring an odd number of times. */
function inRing(ring: readonly LonLat[], lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The name of the area of a level containing the point, or null. */
export function areaAt(areas: readonly AdminArea[], level: AdminArea["level"], lon: number, lat: number): string | null {
  return areas.find((a) => a.level === level && a.rings.some((ring) => inRing(ring, lon, lat)))?.name ?? null;
}
