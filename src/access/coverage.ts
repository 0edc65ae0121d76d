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
  /** The same in seconds, unrounded (Infinity when not reached), for what-if runs. */
  seconds: number;
  covered: boolean;
  district: string | null;
  community: string | null;
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
  byCommunity: Array<{ community: string; district: string | null; land: Share; buildings: Share }>;
  areas: AreaResult[];
}

/** How far beyond the threshold times are still measured, so maps show the near misses. */
const MEASURE_FACTOR = 3;

export interface SnappedAreas {
  areas: readonly ResidentialArea[];
  snaps: ReadonlyArray<Snap | null>;
  districts: ReadonlyArray<string | null>;
  communities: ReadonlyArray<string | null>;
}

type Locate = (lon: number, lat: number) => string | null;

export function snapAreas(network: WalkNetwork, areas: readonly ResidentialArea[], places: { district: Locate; community?: Locate }): SnappedAreas {
  return {
    areas,
    snaps: areas.map((a) => network.snap(a.lon, a.lat)),
    districts: areas.map((a) => places.district(a.lon, a.lat)),
    communities: areas.map((a) => places.community?.(a.lon, a.lat) ?? null),
  };
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
  const seconds = snapped.areas.map((_, i) => {
    const snap = snapped.snaps[i];
    return snap ? times[snap.vertex]! + snap.seconds : Infinity;
  });
  return summarise(snapped, seconds, minutes, sources.length, unsnappedSites);
}

/**
 * What-if with sites added, from a result without them: one search from the new sites
 * only, each area keeping the nearer of its old and new times. Exactly what a full run
 * with all sites gives, at the cost of the new sites' neighbourhoods.
 */
export function withAddedSites(network: WalkNetwork, snapped: SnappedAreas, base: CoverageResult, added: readonly CoverageSite[]): CoverageResult {
  const sources = added.map((site) => network.snap(site.lon, site.lat)).filter((s): s is Snap => s !== null);
  const times = network.timesFrom(sources, base.minutes * 60 * MEASURE_FACTOR);
  const seconds = base.areas.map((result, i) => {
    const snap = snapped.snaps[i];
    return Math.min(result.seconds, snap ? times[snap.vertex]! + snap.seconds : Infinity);
  });
  const unsnapped = added.filter((site) => network.snap(site.lon, site.lat) === null).map((site) => site.id);
  return summarise(snapped, seconds, base.minutes, base.sites + sources.length, [...base.unsnappedSites, ...unsnapped]);
}

function summarise(snapped: SnappedAreas, seconds: readonly number[], minutes: number, siteCount: number, unsnappedSites: string[]): CoverageResult {
  const limit = minutes * 60;
  const areas = snapped.areas.map((area, i): AreaResult => {
    const s = seconds[i]!;
    const reached = s <= limit * MEASURE_FACTOR;
    return { area, minutes: reached ? Math.round((s / 60) * 10) / 10 : null, seconds: reached ? s : Infinity, covered: s <= limit, district: snapped.districts[i] ?? null, community: snapped.communities[i] ?? null };
  });
  const communities = [...new Set(areas.map((a) => a.community).filter((c): c is string => c !== null))].sort();
  const districts = [...new Set(areas.map((a) => a.district).filter((d): d is string => d !== null))].sort();
  return {
    minutes,
    sites: siteCount,
    unsnappedSites,
    land: share(areas, "landuse"),
    buildings: share(areas, "building"),
    byDistrict: districts.map((district) => {
      const inDistrict = areas.filter((a) => a.district === district);
      return { district, land: share(inDistrict, "landuse"), buildings: share(inDistrict, "building") };
    }),
    byCommunity: communities.map((community) => {
      const inCommunity = areas.filter((a) => a.community === community);
      return { community, district: inCommunity[0]?.district ?? null, land: share(inCommunity, "landuse"), buildings: share(inCommunity, "building") };
    }),
    areas,
  };
}
