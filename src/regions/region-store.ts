/** Regions and their administrative divisions in SQL. */
import type { Geometry } from "geojson";
import type { DivisionLevel, Region } from "../core/region.ts";
import type { Queryable } from "../platform/database/database.ts";

export interface Division {
  code: string;
  regionId: string;
  level: DivisionLevel;
  name: string;
  parentCode: string | null;
  center: [number, number] | null;
  geometry: Geometry | null;
}

interface RegionRow {
  id: string; name_zh: string; name_en: string; time_zone: string;
  min_lon: number; min_lat: number; max_lon: number; max_lat: number;
  center_lon: number; center_lat: number; zoom: number; attribution: string; has_basemap: number;
}

export async function upsertRegion(db: Queryable, region: Region, hasBasemap: boolean): Promise<void> {
  await db.run(
    `INSERT INTO regions (id, name_zh, name_en, time_zone, min_lon, min_lat, max_lon, max_lat,
       center_lon, center_lat, zoom, attribution, has_basemap, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en,
       time_zone = excluded.time_zone, min_lon = excluded.min_lon, min_lat = excluded.min_lat,
       max_lon = excluded.max_lon, max_lat = excluded.max_lat, center_lon = excluded.center_lon,
       center_lat = excluded.center_lat, zoom = excluded.zoom, attribution = excluded.attribution,
       has_basemap = excluded.has_basemap, updated_at = excluded.updated_at`,
    [
      region.id, region.name.zh, region.name.en, region.timeZone, ...region.bbox, ...region.center,
      region.zoom, region.attribution, hasBasemap ? 1 : 0, new Date().toISOString(),
    ],
  );
}

export async function loadRegions(db: Queryable): Promise<Array<Region & { hasBasemap: boolean }>> {
  const rows = await db.all<RegionRow & Record<string, unknown>>("SELECT * FROM regions ORDER BY id");
  return rows.map((r) => ({
    id: r.id,
    name: { zh: r.name_zh, en: r.name_en },
    timeZone: r.time_zone,
    bbox: [Number(r.min_lon), Number(r.min_lat), Number(r.max_lon), Number(r.max_lat)],
    center: [Number(r.center_lon), Number(r.center_lat)],
    zoom: Number(r.zoom),
    attribution: r.attribution,
    hasBasemap: Number(r.has_basemap) === 1,
  }));
}

/** Replaces every division of a region (divisions are always imported as one whole set). */
export async function replaceDivisions(db: Queryable, regionId: string, divisions: readonly Division[]): Promise<void> {
  await db.run("DELETE FROM divisions WHERE region_id = ?", [regionId]);
  for (const d of divisions) {
    await db.run(
      `INSERT INTO divisions (code, region_id, level, name, parent_code, center_lon, center_lat, geometry)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [d.code, regionId, d.level, d.name, d.parentCode, d.center?.[0] ?? null, d.center?.[1] ?? null,
        d.geometry ? JSON.stringify(d.geometry) : null],
    );
  }
}

export async function loadDivisions(db: Queryable): Promise<Division[]> {
  const rows = await db.all<{
    code: string; region_id: string; level: DivisionLevel; name: string; parent_code: string | null;
    center_lon: number | null; center_lat: number | null; geometry: string | null;
  }>("SELECT * FROM divisions ORDER BY code");
  return rows.map((r) => ({
    code: r.code,
    regionId: r.region_id,
    level: r.level,
    name: r.name,
    parentCode: r.parent_code,
    center: r.center_lon === null ? null : [Number(r.center_lon), Number(r.center_lat)],
    geometry: r.geometry ? (JSON.parse(r.geometry) as Geometry) : null,
  }));
}
