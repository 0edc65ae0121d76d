/**
 * Catchments a city draws (学区划片), imported as GeoJSON: one Polygon or MultiPolygon feature
 * per school, its `school` property the school's id as the analysis names it (way/123,
 * node/45) or its exact name. Checked whole before anything is written; an import replaces
 * the region's catchments in one transaction. The analysis then counts the homes inside a
 * school's catchment as walking to it, whatever school is nearer.
 */
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { MultiPolygon, Polygon } from "geojson";
import type { Queryable } from "../platform/database/database.ts";
import type { School } from "./school-analysis.ts";

/** At most this many catchments in one file, and vertices in all of them. */
export const MAX_CATCHMENTS = 5_000;
export const MAX_CATCHMENT_VERTICES = 2_000_000;

export interface Catchment {
  schoolId: string;
  name: string | null;
  geometry: Polygon | MultiPolygon;
}

export type CatchmentCheck = { ok: true; catchments: Catchment[] } | { ok: false; problems: Array<{ feature: number; message: string }> };

const isPosition = (p: unknown) => Array.isArray(p) && p.length >= 2 && p.every((x) => typeof x === "number" && Number.isFinite(x)) && Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90;
const isRing = (r: unknown) => Array.isArray(r) && r.length >= 4 && r.every(isPosition);

function geometryProblem(geometry: unknown): string | null {
  if (typeof geometry !== "object" || geometry === null) return "no geometry";
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === "Polygon") return Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every(isRing) ? null : "a Polygon needs closed rings of at least 4 [lon, lat] positions";
  if (type === "MultiPolygon") return Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every((poly) => Array.isArray(poly) && poly.length > 0 && poly.every(isRing)) ? null : "a MultiPolygon needs polygons of closed rings of [lon, lat] positions";
  return `geometry type ${String(type)}: only Polygon and MultiPolygon are catchments`;
}

const vertexCount = (g: Polygon | MultiPolygon) => (g.type === "Polygon" ? g.coordinates.flat().length : g.coordinates.flat(2).length);

/** Checks a parsed GeoJSON document against the region's schools (ids, else exact names). */
export function checkCatchments(document: unknown, schools: readonly School[]): CatchmentCheck {
  const features = (document as { type?: unknown; features?: unknown })?.features;
  if ((document as { type?: unknown })?.type !== "FeatureCollection" || !Array.isArray(features)) return { ok: false, problems: [{ feature: 0, message: "the file is not a GeoJSON FeatureCollection" }] };
  if (features.length > MAX_CATCHMENTS) return { ok: false, problems: [{ feature: 0, message: `more than ${MAX_CATCHMENTS} features` }] };
  const byId = new Map(schools.map((s) => [s.id, s]));
  const byName = new Map<string, School[]>();
  for (const s of schools) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  const problems: Array<{ feature: number; message: string }> = [];
  const catchments: Catchment[] = [];
  const seen = new Set<string>();
  let vertices = 0;
  features.forEach((feature: unknown, index) => {
    const n = index + 1;
    const props = (feature as { properties?: Record<string, unknown> })?.properties ?? {};
    const key = typeof props["school"] === "string" ? props["school"].trim() : "";
    const matches = byId.has(key) ? [byId.get(key)!] : byName.get(key) ?? [];
    const problem = geometryProblem((feature as { geometry?: unknown })?.geometry);
    if (!key) problems.push({ feature: n, message: `property "school" (a school id like way/123, or its name) is missing` });
    else if (matches.length === 0) problems.push({ feature: n, message: `no school "${key}" in this region` });
    else if (matches.length > 1) problems.push({ feature: n, message: `${matches.length} schools are named "${key}": give the id (${matches.map((m) => m.id).join(", ")})` });
    else if (problem) problems.push({ feature: n, message: problem });
    else if (seen.has(matches[0]!.id)) problems.push({ feature: n, message: `a second catchment for ${matches[0]!.id}` });
    else {
      const geometry = (feature as { geometry: Polygon | MultiPolygon }).geometry;
      vertices += vertexCount(geometry);
      seen.add(matches[0]!.id);
      catchments.push({ schoolId: matches[0]!.id, name: typeof props["name"] === "string" ? props["name"].slice(0, 200) : null, geometry: { type: geometry.type, coordinates: geometry.coordinates } as Polygon | MultiPolygon });
    }
  });
  if (vertices > MAX_CATCHMENT_VERTICES) problems.push({ feature: 0, message: `more than ${MAX_CATCHMENT_VERTICES} vertices in all` });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, catchments };
}

export async function replaceCatchments(tx: Queryable, regionId: string, catchments: readonly Catchment[]): Promise<void> {
  await tx.run("DELETE FROM school_catchments WHERE region_id = ?", [regionId]);
  const now = new Date().toISOString();
  for (const c of catchments) await tx.run("INSERT INTO school_catchments (region_id, school_id, name, geometry, imported_at) VALUES (?, ?, ?, ?, ?)", [regionId, c.schoolId, c.name, JSON.stringify(c.geometry), now]);
}

/** Every region's catchments as containment tests, by region then school id. */
export async function loadCatchments(db: Queryable): Promise<Map<string, Map<string, (lon: number, lat: number) => boolean>>> {
  const rows = await db.all<{ region_id: string; school_id: string; geometry: string }>("SELECT region_id, school_id, geometry FROM school_catchments");
  const out = new Map<string, Map<string, (lon: number, lat: number) => boolean>>();
  for (const row of rows) {
    const geometry = JSON.parse(row.geometry) as Polygon | MultiPolygon;
    const region = out.get(row.region_id) ?? new Map();
    region.set(row.school_id, (lon: number, lat: number) => booleanPointInPolygon([lon, lat], geometry));
    out.set(row.region_id, region);
  }
  return out;
}
