/**
 * What the parents' map of one school shows, gathered from the region's analysis and the
 * school's answer (GET /api/schoolroutes/school): its walks, the other streets around them,
 * the homes of its catchment (those whose street vertex walks to this school in its
 * forest) and its crossings, fix first at the top.
 */
import type { SchoolAnswer } from "../core/api/schoolroutes.ts";
import type { SchoolMapInput } from "./school-map-svg.ts";
import type { RegionAnalysis } from "./school-route-service.ts";

/** Streets this far beyond the walks are drawn too (a little more than the map's margin). */
const STREETS_BEYOND_M = 150;

export const KIND_LABELS = {
  kindergarten: { zh: "幼儿园", en: "kindergarten" },
  primary: { zh: "小学", en: "primary school" },
  secondary: { zh: "中学", en: "secondary school" },
} as const;

/** The homes walking to a school (inside its imported catchment, or those it is nearest to). */
export function catchmentHomes(region: RegionAnalysis, schoolId: string): Array<[number, number]> {
  const tree = region.analysis.forests.get(schoolId);
  if (!tree) return [];
  return tree.homes.map((i) => [region.homes[i]!.lon, region.homes[i]!.lat] as [number, number]);
}

/** Every street segment with an end inside the box around the walks (and the school), plus a margin. */
export function streetsAround(region: RegionAnalysis, points: ReadonlyArray<readonly [number, number]>): Array<Array<[number, number]>> {
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const dLat = STREETS_BEYOND_M / 110_540;
  const dLon = STREETS_BEYOND_M / (111_320 * Math.cos((((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI) / 180));
  const [west, east, south, north] = [Math.min(...lons) - dLon, Math.max(...lons) + dLon, Math.min(...lats) - dLat, Math.max(...lats) + dLat];
  const { coords, segments } = region.network;
  const inside = (v: number) => coords[2 * v]! >= west && coords[2 * v]! <= east && coords[2 * v + 1]! >= south && coords[2 * v + 1]! <= north;
  return segments.filter((s) => inside(s.from) || inside(s.to)).map((s) => [
    [coords[2 * s.from]!, coords[2 * s.from + 1]!], [coords[2 * s.to]!, coords[2 * s.to + 1]!],
  ]);
}

/** The map's input for one school; `note` says when what-if changes are drawn. */
export function schoolMapInput(region: RegionAnalysis, answer: SchoolAnswer, note?: string): SchoolMapInput {
  const { school } = answer;
  const walks = answer.routes.features.map((f) => ({ line: f.geometry.coordinates, areaM2: f.properties.areaM2 }));
  const points = [school.position, ...school.gates, ...walks.flatMap((w) => w.line)];
  const kind = KIND_LABELS[school.kind];
  return {
    school: { name: school.name, kindLabel: `${kind.zh} ${kind.en}`, position: school.position, gates: school.gates },
    walks,
    streets: streetsAround(region, points),
    homes: catchmentHomes(region, school.id),
    crossings: answer.crossings.map((c) => ({ position: c.position, control: c.control })),
    ...(note ? { note } : {}),
  };
}
