/**
 * Regions and divisions held in memory for fast lookups on every request (a district's
 * name on a place card, which county a point falls in). Reloaded after an import.
 */
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { MultiPolygon, Polygon } from "geojson";
import type { Region } from "../core/region.ts";
import type { Queryable } from "../platform/database/database.ts";
import { type Division, loadDivisions, loadRegions } from "./region-store.ts";

export type RegionWithBasemap = Region & { hasBasemap: boolean };

/**
 * The code of the county among `counties` whose polygon holds the point, or null. Used by
 * the directory, and by a region folder's import before its divisions are saved.
 */
export function countyContaining(counties: readonly Division[], lon: number, lat: number): string | null {
  for (const county of counties) {
    if (county.level !== "county" || county.geometry === null) continue;
    if (booleanPointInPolygon([lon, lat], county.geometry as Polygon | MultiPolygon)) return county.code;
  }
  return null;
}

export class RegionDirectory {
  private regions = new Map<string, RegionWithBasemap>();
  private divisions = new Map<string, Division>();
  private counties: Division[] = [];

  async reload(db: Queryable): Promise<void> {
    this.regions = new Map((await loadRegions(db)).map((r) => [r.id, r]));
    const divisions = await loadDivisions(db);
    this.divisions = new Map(divisions.map((d) => [d.code, d]));
    this.counties = divisions.filter((d) => d.level === "county" && d.geometry !== null);
  }

  list(): RegionWithBasemap[] {
    return [...this.regions.values()];
  }

  get(id: string): RegionWithBasemap | undefined {
    return this.regions.get(id);
  }

  divisionName(code: string | null): string | null {
    return code === null ? null : (this.divisions.get(code)?.name ?? null);
  }

  /** The county polygons of a region, for the boundary overlay. */
  countiesOf(regionId: string): Division[] {
    return this.counties.filter((d) => d.regionId === regionId);
  }

  /** The county-level division containing a point, if the region has polygons. */
  countyAt(regionId: string, lon: number, lat: number): string | null {
    return countyContaining(this.countiesOf(regionId), lon, lat);
  }
}
