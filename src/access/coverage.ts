/**
 * Coverage: which residential areas are within a walk of a kind of place, with shares by
 * area overall and per district, and what-if runs with sites added or closed. Pure logic
 * over a WalkNetwork and the residential areas; the service caches results.
 */
import type { ResidentialArea } from "./residential-areas.ts";
import type { Snap, WalkNetwork } from "./walk-times.ts";

export interface CoverageSite {
  id: string;
  lon: number;
  lat: number;
}

export interface AreaResult {
  area: ResidentialArea;
  /** Minutes to the nearest site on foot, null beyond the search limit or off the network. */
  minutes: number | null;
  covered: boolean;
  district: string | null;
}

export interface Share {
  covered: number;
  total: number;
  share: number;
}

export interface CoverageResult {
  minutes: number;
  sites: number;
  /** Sites too far from any street to count. */
  unsnappedSites: string[];
  land: Share;
  buildings: Share;
  byDistrict: Array<{ district: string; land: Share; buildings: Share }>;
  areas: AreaResult[];
}

/** How far beyond the threshold times are still measured, so maps show the near misses. */
const MEASURE_FACTOR = 3;

export interface SnappedAreas {
  areas: readonly ResidentialArea[];
  snaps: ReadonlyArray<Snap | null>;
  districts: ReadonlyArray<string | null>;
}

export function snapAreas(network: WalkNetwork, areas: readonly ResidentialArea[], districtOf: (lon: number, lat: number) => string | null): SnappedAreas {
  return { areas, snaps: areas.map((a) => network.snap(a.lon, a.lat)), districts: areas.map((a) => districtOf(a.lon, a.lat)) };
}

function share(results: readonly AreaResult[], kind: ResidentialArea["kind"]): Share {
  let covered = 0;
  let total = 0;
  for (const r of results) {
    if (r.area.kind !== kind) continue;
    total += r.area.areaM2;
    if (r.covered) covered += r.area.areaM2;
  }
  return { covered: Math.round(covered), total: Math.round(total), share: total > 0 ? covered / total : 0 };
}

export function computeCoverage(network: WalkNetwork, snapped: SnappedAreas, sites: readonly CoverageSite[], minutes: number): CoverageResult {
  const limit = minutes * 60;
  const sources: Snap[] = [];
  const unsnappedSites: string[] = [];
  for (const site of sites) {
    const snap = network.snap(site.lon, site.lat);
    if (snap) sources.push(snap);
    else unsnappedSites.push(site.id);
  }
  const times = network.timesFrom(sources, limit * MEASURE_FACTOR);
  const areas = snapped.areas.map((area, i): AreaResult => {
    const snap = snapped.snaps[i];
    const seconds = snap ? times[snap.vertex]! + snap.seconds : Infinity;
    return { area, minutes: Number.isFinite(seconds) ? Math.round((seconds / 60) * 10) / 10 : null, covered: seconds <= limit, district: snapped.districts[i] ?? null };
  });
  const districts = [...new Set(areas.map((a) => a.district).filter((d): d is string => d !== null))].sort();
  return {
    minutes,
    sites: sources.length,
    unsnappedSites,
    land: share(areas, "landuse"),
    buildings: share(areas, "building"),
    byDistrict: districts.map((district) => {
      const inDistrict = areas.filter((a) => a.district === district);
      return { district, land: share(inDistrict, "landuse"), buildings: share(inDistrict, "building") };
    }),
    areas,
  };
}
