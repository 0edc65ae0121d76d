/**
 * The school-route analysis as the API answers it (src/core/api/schoolroutes.ts): street
 * vertices become OSM ids (node/123; a street piece way/45/node1-node2), positions
 * [lon, lat] rounded to 1e-6, shares per district, and one school's walks as lines.
 */
import type { RankedCrossing, RankedStreet, SchoolRoutesAnswer, SchoolSummary } from "../core/api/schoolroutes.ts";
import type { StreetNetwork } from "../routing/index.ts";
import { CONTROLS } from "./crossing-facts.ts";
import type { RankedCrossing as Crossing, RankedSegment, SchoolKind } from "./school-analysis.ts";
import type { RegionAnalysis } from "./school-route-service.ts";

export const POPULATION_PROXY_SCHOOLS = "Residential buildings by footprint area in m² (residential land where a region maps no buildings), as the coverage analysis counts them; not a head count.";

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const pos = (lon: number, lat: number): [number, number] => [r6(lon), r6(lat)];

export function crossingId(network: StreetNetwork, vertex: number): string {
  return `node/${network.osmNodeIds[vertex]}`;
}

function crossingJson(network: StreetNetwork, c: Crossing, rank: number): RankedCrossing {
  return { id: crossingId(network, c.vertex), rank, position: pos(c.lon, c.lat), control: c.control, island: c.island, calming: c.calming, camera: c.camera, road: c.road, areaM2: c.areaM2, schools: c.schools, hazards: c.hazards, score: c.score };
}

function streetJson(network: StreetNetwork, s: RankedSegment, rank: number): RankedStreet {
  const segment = network.segments[s.segment]!;
  const way = network.ways[segment.way]!;
  return {
    id: `way/${way.osmId}/${network.osmNodeIds[segment.from]}-${network.osmNodeIds[segment.to]}`, rank,
    line: [pos(...s.from), pos(...s.to)], road: s.road, sidewalk: s.sidewalk, lengthM: s.lengthM, areaM2: s.areaM2, schools: s.schools, hazards: s.hazards, score: s.score,
  };
}

export function schoolSummaries(region: RegionAnalysis, districtOf: (lon: number, lat: number) => string | null, base?: RegionAnalysis): SchoolSummary[] {
  const schools = new Map(region.schools.map((s) => [s.id, s]));
  const before = new Map(base?.analysis.schools.map((s) => [s.id, s.safeShare]) ?? []);
  return region.analysis.schools.map((result) => {
    const school = schools.get(result.id)!;
    return {
      ...result, position: pos(school.lon, school.lat), gates: school.gates.map(([lon, lat]) => pos(lon, lat)),
      district: districtOf(school.lon, school.lat), ...(base ? { baseSafeShare: before.get(result.id) ?? null } : {}),
    };
  });
}

function byDistrict(schools: readonly SchoolSummary[]): SchoolRoutesAnswer["byDistrict"] {
  const groups = new Map<string, SchoolSummary[]>();
  for (const s of schools) groups.set(s.district ?? "—", [...(groups.get(s.district ?? "—") ?? []), s]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([district, list]) => {
    const area = list.reduce((sum, s) => sum + s.areaM2, 0);
    const safe = list.reduce((sum, s) => sum + s.areaM2 * (s.safeShare ?? 0), 0);
    const crossings = { signals: 0, zebra: 0, unmarked: 0, none: 0 };
    for (const s of list) for (const c of CONTROLS) crossings[c] += s.crossings[c];
    return { district, schools: list.length, areaM2: Math.round(area), safeShare: area > 0 ? safe / area : null, crossings };
  });
}

function applied(region: RegionAnalysis, changes: ReadonlyArray<{ lon: number; lat: number; control: "signals" | "zebra" }>): SchoolRoutesAnswer["whatIf"] {
  if (!region.applied) return undefined;
  const landed = region.applied;
  return { applied: changes.map((c, i) => ({ position: pos(c.lon, c.lat), control: c.control, crossing: typeof landed[i] === "number" ? crossingId(region.network, landed[i]) : null })) };
}

export interface Presented {
  kind?: SchoolKind;
  limit: number;
  changes: ReadonlyArray<{ lon: number; lat: number; control: "signals" | "zebra" }>;
  districtOf: (lon: number, lat: number) => string | null;
}

export function schoolRoutesAnswer(region: RegionAnalysis, options: Presented, base?: RegionAnalysis): SchoolRoutesAnswer {
  const all = schoolSummaries(region, options.districtOf, base);
  const schools = options.kind ? all.filter((s) => s.kind === options.kind) : all;
  const ids = new Set(schools.map((s) => s.id));
  const mine = (list: readonly string[]) => list.some((id) => ids.has(id));
  return {
    region: region.regionId, homesAre: region.homesAre, proxy: POPULATION_PROXY_SCHOOLS, schools, byDistrict: byDistrict(schools),
    crossings: region.analysis.crossings.filter((c) => mine(c.schools)).slice(0, options.limit).map((c, i) => crossingJson(region.network, c, i + 1)),
    streets: region.analysis.segments.filter((s) => mine(s.schools)).slice(0, options.limit).map((s, i) => streetJson(region.network, s, i + 1)),
    unreachedM2: { kindergarten: Math.round(region.analysis.unreachedM2.kindergarten), primary: Math.round(region.analysis.unreachedM2.primary), secondary: Math.round(region.analysis.unreachedM2.secondary) },
    whatIf: applied(region, options.changes),
  };
}

/** One school's walks: every street piece children walk on to it, with the floor area behind it. */
export function schoolRoutesGeoJson(region: RegionAnalysis, schoolId: string) {
  const { forest, flow, index } = region.analysis.forests.get(schoolId)!;
  const { network, graph } = region;
  const features = [];
  for (const v of forest.order) {
    const next = forest.next[v]!;
    if (next < 0 || forest.school[v] !== index || flow[v]! <= 0) continue;
    const way = network.ways[network.segments[Math.abs(graph.segment[forest.edge[v]!]!) - 1]!.way]!;
    features.push({
      type: "Feature" as const,
      geometry: { type: "LineString" as const, coordinates: [pos(network.coords[2 * v]!, network.coords[2 * v + 1]!), pos(network.coords[2 * next]!, network.coords[2 * next + 1]!)] },
      properties: { areaM2: Math.round(flow[v]!), road: way.name, roadClass: way.roadClass },
    });
  }
  return { type: "FeatureCollection" as const, features };
}

export { crossingJson, streetJson };
