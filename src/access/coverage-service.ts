/**
 * Coverage per region, kind and threshold, cached until places change (the catalog tells
 * us). What-if runs (sites added or closed) are computed fresh and never cached.
 */
import type { Place } from "../core/place.ts";
import { PROFILES, type RoutingData } from "../routing/index.ts";
import { type CoverageResult, type CoverageSite, type SnappedAreas, computeCoverage, snapAreas, withAddedSites } from "./coverage.ts";
import type { AccessData } from "./access-data.ts";
import { areaAt } from "./admin-areas.ts";
import { type Suggestion, suggestSites } from "./site-suggestions.ts";
import { WalkNetwork } from "./walk-times.ts";

/** Farthest a residential area or a site may be from a street and still count. */
const MAX_SNAP_M = 250;
const CACHE_LIMIT = 200;

interface RegionAccess {
  network: WalkNetwork;
  snapped: SnappedAreas;
  streets: RoutingData["network"];
}

export interface CoverageQuery {
  regionId: string;
  kinds: readonly string[];
  minutes: number;
  add?: ReadonlyArray<{ lon: number; lat: number }>;
  remove?: readonly string[];
}

export interface CoverageContext {
  routing: readonly RoutingData[];
  data: (regionId: string) => AccessData | null;
  /** The region's own county at a point (its divisions), when it has county polygons. */
  countyOf: (regionId: string, lon: number, lat: number) => string | null;
  places: () => readonly Place[];
}

export class CoverageService {
  private readonly regions = new Map<string, RegionAccess | null>();
  private readonly cache = new Map<string, CoverageResult>();

  constructor(private readonly context: CoverageContext) {}

  /** Forget cached results: places changed. */
  invalidate(): void {
    this.cache.clear();
  }

  private region(regionId: string): RegionAccess | null {
    if (this.regions.has(regionId)) return this.regions.get(regionId)!;
    const data = this.context.routing.find((d) => d.regionId === regionId);
    const stored = this.context.data(regionId);
    let access: RegionAccess | null = null;
    if (data && stored) {
      const network = new WalkNetwork(data.graphs["child-walk"], data.network.coords, PROFILES["child-walk"].speed, MAX_SNAP_M);
      const places = {
        district: (lon: number, lat: number) => this.context.countyOf(regionId, lon, lat) ?? areaAt(stored.boundaries, "district", lon, lat),
        community: (lon: number, lat: number) => areaAt(stored.boundaries, "community", lon, lat),
      };
      access = { network, streets: data.network, snapped: snapAreas(network, stored.areas, places) };
    }
    this.regions.set(regionId, access);
    return access;
  }

  /** True when the region has a street network and residential areas to analyse. */
  covers(regionId: string): boolean {
    return this.region(regionId) !== null;
  }

  private sites(query: CoverageQuery): CoverageSite[] {
    const removed = new Set(query.remove ?? []);
    const existing = this.context.places()
      .filter((p) => p.regionId === query.regionId && query.kinds.includes(p.kind) && !removed.has(p.id))
      .map((p) => ({ id: p.id, lon: p.lon, lat: p.lat }));
    return [...existing, ...(query.add ?? []).map((a, i) => ({ id: `proposed-${i + 1}`, ...a }))];
  }

  coverage(query: CoverageQuery): CoverageResult | null {
    const access = this.region(query.regionId);
    if (!access) return null;
    const added = query.add ?? [];
    if ((query.remove?.length ?? 0) > 0) return computeCoverage(access.network, access.snapped, this.sites(query), query.minutes);
    const key = `${query.regionId}|${[...query.kinds].sort().join(",")}|${query.minutes}`;
    let base = this.cache.get(key);
    if (!base) {
      base = computeCoverage(access.network, access.snapped, this.sites({ ...query, add: [] }), query.minutes);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(key, base);
    }
    // Added sites only extend the base: searched from the new sites alone.
    return added.length > 0 ? withAddedSites(access.network, access.snapped, base, added.map((a, i) => ({ id: `proposed-${i + 1}`, ...a }))) : base;
  }

  /**
   * Walking minutes along every street to the nearest site, as GeoJSON lines (the map layer
   * over the whole region; the minutes of a street are those of its nearer end).
   */
  streetMinutes(query: CoverageQuery) {
    const access = this.region(query.regionId);
    if (!access) return null;
    const sites = this.sites(query).map((s) => access.network.snap(s.lon, s.lat)).filter((s): s is NonNullable<typeof s> => s !== null);
    const times = access.network.timesFrom(sites, query.minutes * 60 * 3);
    const { coords, segments } = access.streets;
    const features = [];
    for (const segment of segments) {
      const seconds = Math.min(times[segment.from]!, times[segment.to]!);
      if (!Number.isFinite(seconds)) continue;
      const at = (v: number) => [Math.round(coords[2 * v]! * 1e6) / 1e6, Math.round(coords[2 * v + 1]! * 1e6) / 1e6];
      features.push({ type: "Feature" as const, geometry: { type: "LineString" as const, coordinates: [at(segment.from), at(segment.to)] }, properties: { minutes: Math.round(seconds / 6) / 10 } });
    }
    return { type: "FeatureCollection" as const, minutes: query.minutes, features };
  }

  suggest(query: CoverageQuery, k: number): Suggestion[] | null {
    const access = this.region(query.regionId);
    const current = this.coverage(query);
    if (!access || !current) return null;
    return suggestSites(access.network, access.snapped, current, k);
  }
}
