/**
 * Where children live, as far as open data tells: the population proxy of the coverage
 * analysis is residential land (OSM landuse=residential polygons) and residential
 * buildings (building=residential, apartments, house, ..., and building=yes with no other
 * use tagged), each weighted by its footprint area in square metres. Counting area, not people, is stated wherever a share is shown.
 */
import type { OsmElement } from "../osm/index.ts";

export const RESIDENTIAL_BUILDINGS = new Set(["residential", "apartments", "house", "detached", "terraced", "semidetached_house", "dormitory", "bungalow"]);

/** Tags that give a building of unstated type ("building=yes") a use other than housing. */
const OTHER_USES = ["amenity", "shop", "office", "tourism", "leisure", "religion", "craft", "industrial", "man_made", "healthcare", "public_transport", "railway", "military", "sport"];

/**
 * Residential by its tag, or a building of unstated type with no other use tagged: in many
 * extracts (Monaco's among them) most homes are mapped only as building=yes.
 */
export function isResidentialBuilding(tags: Readonly<Record<string, string>>): boolean {
  const building = tags["building"];
  if (!building) return false;
  if (RESIDENTIAL_BUILDINGS.has(building)) return true;
  return building === "yes" && !OTHER_USES.some((key) => tags[key] !== undefined);
}

export interface ResidentialArea {
  /** OSM element ("way/123"). */
  id: string;
  kind: "landuse" | "building";
  lon: number;
  lat: number;
  /** Area in m², the weight of the area in every share. */
  areaM2: number;
}

const EARTH_M_PER_DEGREE = 111_320;

/** Area (m²) and centroid of a closed ring of lon/lat points, on a local flat projection. */
export function ringAreaAndCentroid(ring: ReadonlyArray<readonly [number, number]>): { areaM2: number; lon: number; lat: number } {
  const lat0 = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  const kx = EARTH_M_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  let twice = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = [ring[i]![0] * kx, ring[i]![1] * EARTH_M_PER_DEGREE];
    const [x1, y1] = [ring[i + 1]![0] * kx, ring[i + 1]![1] * EARTH_M_PER_DEGREE];
    const cross = x0 * y1 - x1 * y0;
    twice += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (Math.abs(twice) < 1e-9) return { areaM2: 0, lon: ring[0]![0], lat: ring[0]![1] };
  return { areaM2: Math.abs(twice / 2), lon: cx / (3 * twice) / kx, lat: cy / (3 * twice) / EARTH_M_PER_DEGREE };
}

/** Residential polygons and buildings of an OSM extract (closed ways; multipolygons are not assembled). */
export function residentialAreas(elements: readonly OsmElement[]): ResidentialArea[] {
  const nodes = new Map<number, [number, number]>();
  for (const e of elements) if (e.type === "node") nodes.set(e.id, [e.lon, e.lat]);
  const out: ResidentialArea[] = [];
  for (const e of elements) {
    if (e.type !== "way" || e.refs.length < 4 || e.refs[0] !== e.refs[e.refs.length - 1]) continue;
    const kind = e.tags["landuse"] === "residential" ? "landuse" : isResidentialBuilding(e.tags) ? "building" : null;
    if (!kind) continue;
    const ring = e.refs.map((ref) => nodes.get(ref)).filter((p): p is [number, number] => p !== undefined);
    if (ring.length !== e.refs.length) continue;
    const { areaM2, lon, lat } = ringAreaAndCentroid(ring);
    if (areaM2 >= 1) out.push({ id: `way/${e.id}`, kind, lon, lat, areaM2 });
  }
  return out;
}
