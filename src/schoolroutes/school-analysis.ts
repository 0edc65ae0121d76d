/**
 * The school-route analysis (儿童友好学径): for every school and kindergarten, the homes
 * that walk to it (its catchment: nearest of its kind by child-walk cost), the walks
 * themselves as one tree per kind (school-forest.ts), the residential floor area behind
 * every crossing and street segment on those walks, and a "fix first" rank: area walking
 * through × how unprotected the crossing is × the road's class and speed, raised by the
 * hazards families reported there. Residential floor area is the population proxy of the
 * coverage analysis (src/access), not a head count; docs/SCHOOL-ROUTES.md says what each
 * number means. Pure logic: the caller snaps, the service caches.
 */
import KDBush from "kdbush";
import { around } from "geokdbush";
import { ROAD_CLASSES, type ProfileGraph, type RoadClass, type StreetNetwork } from "../routing/index.ts";
import { SCHOOL_KINDS } from "../core/api/schoolroutes.ts";
import { CONTROLS, type Control, type CrossingFacts, NONE, SIGNALS, UNMARKED } from "./crossing-facts.ts";
import { type Forest, flowDown, growForest, type Seed } from "./school-forest.ts";

export { SCHOOL_KINDS };
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

/** The longest walk counted in a catchment, in child-walk cost minutes (beyond: no school on foot). */
export const CATCHMENT_MINUTES: Readonly<Record<SchoolKind, number>> = { kindergarten: 15, primary: 20, secondary: 30 };

export interface School {
  id: string;
  name: string;
  kind: SchoolKind;
  lon: number;
  lat: number;
  /** Entrances (OSM entrance=* on the outline); the school's point when none are mapped. */
  gates: ReadonlyArray<readonly [number, number]>;
}

export interface Home {
  id: string;
  lon: number;
  lat: number;
  areaM2: number;
}

export interface Snapper {
  snap(lon: number, lat: number): { vertex: number; seconds: number } | null;
}

export interface RankedCrossing {
  vertex: number;
  lon: number;
  lat: number;
  control: Control;
  island: boolean;
  calming: boolean;
  /** A surveillance camera (man_made=surveillance) within 50 m. */
  camera: boolean;
  road: { name: string | null; roadClass: RoadClass; maxspeedKmh: number | null; main: boolean };
  /** Residential area (m²) whose walk to school crosses here. */
  areaM2: number;
  schools: string[];
  hazards: number;
  score: number;
}

export interface RankedSegment {
  segment: number;
  from: [number, number];
  to: [number, number];
  road: { name: string | null; roadClass: RoadClass };
  sidewalk: "no" | "unknown";
  lengthM: number;
  areaM2: number;
  schools: string[];
  hazards: number;
  score: number;
}

export interface SchoolResult {
  id: string;
  name: string;
  kind: SchoolKind;
  /** False when no gate is within reach of the street network. */
  onNetwork: boolean;
  homes: number;
  areaM2: number;
  /** Share of the catchment's area whose walk crosses no main road without signals. */
  safeShare: number | null;
  medianMetres: number | null;
  maxMetres: number | null;
  crossings: Record<Control, number>;
  /** Share of road metres within 200 m of the gate with a camera within 50 m; null when no road is that near. */
  cameraShare: number | null;
  /** The homes are those inside the catchment the city imported, or those for which the school is the nearest. */
  catchment: "imported" | "nearest";
}

export interface Analysis {
  schools: SchoolResult[];
  crossings: RankedCrossing[];
  segments: RankedSegment[];
  /** Residential area with no school of a kind within its catchment limit, per kind. */
  unreachedM2: Record<SchoolKind, number>;
  /** Each school's walks: the forest it was grown in, the area flowing, its index there, and the homes (indices) that walk to it. */
  forests: Map<string, { forest: Forest; flow: Float64Array; index: number; homes: number[] }>;
}

const RANKS = new Map<RoadClass, number>(ROAD_CLASSES.map((c, i) => [c, i]));
const RANK = (c: RoadClass) => RANKS.get(c)!;
const FIRST_STREET = RANK("residential");
const FIRST_MAIN = RANK("tertiary");
const ROAD_WEIGHT: Partial<Record<RoadClass, number>> = { service: 0.3, residential: 0.5, unclassified: 0.6, tertiary: 1, secondary: 1.5, primary: 2, trunk: 3 };
/** How much of the danger a control leaves: signals stop the cars, a zebra asks them to. */
const EXPOSURE = [0.1, 0.5, 0.8, 1] as const;
/** A reported hazard counts for a crossing or street this near (a child's pin is coarsened to its 100 m cell). */
const HAZARD_M = 75;
const GATE_RADIUS_M = 200;
const CAMERA_REACH_M = 50;

function roadFactor(roadClass: RoadClass, maxspeedKmh: number | null): number {
  const speed = maxspeedKmh === null ? 1 : Math.min(2, Math.max(0.5, maxspeedKmh / 40));
  return (ROAD_WEIGHT[roadClass] ?? 0.2) * speed;
}

function pointIndex(coords: ArrayLike<number>): KDBush {
  const index = new KDBush(Math.max(1, coords.length / 2));
  for (let i = 0; i < coords.length; i += 2) index.add(coords[i]!, coords[i + 1]!);
  if (coords.length === 0) index.add(0, 90);
  index.finish();
  return index;
}

const countNear = (index: KDBush, size: number, lon: number, lat: number, metres: number) => (size === 0 ? 0 : (around(index, lon, lat, Infinity, metres / 1000) as number[]).length);

const median = (values: number[]) => (values.length === 0 ? null : values.sort((a, b) => a - b)[values.length >> 1]!);

export interface AnalysisOptions {
  /** Hazards families reported on the way to school, as points. */
  hazards?: ReadonlyArray<readonly [number, number]>;
  /** The homes already snapped (snapper.snap of each, in order): a what-if reuses them. */
  homeSnaps?: ReadonlyArray<{ vertex: number; seconds: number } | null>;
  /** Catchments a city imported, by school id: whether a point lies inside. */
  catchments?: ReadonlyMap<string, (lon: number, lat: number) => boolean>;
}

/** The longest walk counted to a school whose catchment the city drew (minutes of child-walk cost). */
export const IMPORTED_CATCHMENT_MINUTES = 60;

interface Group {
  schools: School[];
  /** Indices of the homes that walk to one of these schools. */
  homes: number[];
  /** One school with the catchment the city drew (else: the nearest of the group's schools). */
  imported: boolean;
}

/**
 * Who walks to whom: a school with an imported catchment gets the homes inside it (the first
 * such catchment a home is in); the other schools of the kind share the remaining homes by
 * nearest walk. A kind whose every school has a catchment leaves homes outside them all unreached.
 */
function groupsOf(ofKind: readonly School[], homes: readonly Home[], catchments: AnalysisOptions["catchments"]): Group[] {
  const imported = ofKind.filter((s) => catchments?.has(s.id));
  const nearest = ofKind.filter((s) => !catchments?.has(s.id));
  const groups: Group[] = imported.map((school) => ({ schools: [school], homes: [], imported: true }));
  const rest: number[] = [];
  homes.forEach((home, i) => {
    const inside = imported.findIndex((school) => catchments!.get(school.id)!(home.lon, home.lat));
    if (inside >= 0) groups[inside]!.homes.push(i);
    else rest.push(i);
  });
  if (nearest.length > 0) groups.push({ schools: nearest, homes: rest, imported: false });
  else groups.push({ schools: [], homes: rest, imported: false });
  return groups;
}

const segmentLengths = new WeakMap<StreetNetwork["segments"], Float64Array>();

export function analyseSchoolRoutes(
  network: StreetNetwork, graph: ProfileGraph, facts: CrossingFacts, snapper: Snapper,
  schools: readonly School[], homes: readonly Home[], options: AnalysisOptions = {},
): Analysis {
  const hazards = options.hazards ?? [];
  let segmentLength = segmentLengths.get(network.segments);
  if (!segmentLength) segmentLengths.set(network.segments, (segmentLength = Float64Array.from(network.segments, (s) => s.lengthM)));
  const wayOf = (e: number) => network.segments[Math.abs(graph.segment[e]!) - 1]!.way;
  const hazardCoords = hazards.flatMap(([lon, lat]) => [lon, lat]);
  const hazardIndex = pointIndex(hazardCoords);
  const cameraIndex = pointIndex(facts.cameras);
  const homeSnaps = options.homeSnaps ?? homes.map((h) => snapper.snap(h.lon, h.lat));
  const crossingArea = new Map<number, { area: number; schools: Set<string>; control: number }>();
  const segmentArea = new Map<number, { area: number; schools: Set<string> }>();
  const results: SchoolResult[] = [];
  const unreachedM2 = { kindergarten: 0, primary: 0, secondary: 0 };
  const forests: Analysis["forests"] = new Map();

  for (const kind of SCHOOL_KINDS) {
    const ofKind = schools.filter((s) => s.kind === kind);
    if (ofKind.length === 0) continue;
    for (const group of groupsOf(ofKind, homes, options.catchments)) {
      const seeds: Seed[] = [];
      const onNetwork = group.schools.map((school, i) => {
        const gates = school.gates.length > 0 ? school.gates : [[school.lon, school.lat] as const];
        let any = false;
        for (const [lon, lat] of gates) {
          const snap = snapper.snap(lon, lat);
          if (!snap) continue;
          seeds.push({ vertex: snap.vertex, cost: snap.seconds, school: i });
          any = true;
        }
        return any;
      });
      const forest = growForest(graph, segmentLength, seeds, (group.imported ? IMPORTED_CATCHMENT_MINUTES : CATCHMENT_MINUTES[kind]) * 60);
      const weight = new Float64Array(graph.vertexCount);
      const perSchool = group.schools.map(() => ({ homes: 0, area: 0, safeArea: 0, metres: [] as number[], indices: [] as number[] }));
      const walking = group.homes.filter((i) => {
        const snap = homeSnaps[i];
        const reached = snap !== null && snap !== undefined && forest.school[snap.vertex]! >= 0;
        if (reached) weight[snap.vertex]! += homes[i]!.areaM2;
        else unreachedM2[kind] += homes[i]!.areaM2;
        return reached;
      });
      const flow = flowDown(forest, weight);
      // Top-down: does the walk from each vertex cross a main road without signals?
      const unsafe = new Uint8Array(graph.vertexCount);
      for (const v of forest.order) {
        const p = forest.next[v]!;
        if (p < 0) continue;
        const outWay = forest.next[p]! >= 0 ? wayOf(forest.edge[p]!) : -1;
        const inWay = wayOf(forest.edge[v]!);
        const crossed = crossedAt(network, p, inWay, outWay);
        const control = crossed >= 0 ? controlAt(network, facts, p, inWay, outWay) : NONE;
        const schoolId = group.schools[forest.school[v]!]!.id;
        if (crossed >= 0 && flow[v]! > 0) {
          const entry = crossingArea.get(p) ?? { area: 0, schools: new Set<string>(), control };
          entry.area += flow[v]!;
          entry.schools.add(schoolId);
          entry.control = Math.min(entry.control, control);
          crossingArea.set(p, entry);
        }
        const unprotectedMain = crossed >= 0 && RANK(network.ways[crossed]!.roadClass) >= FIRST_MAIN && control !== SIGNALS;
        unsafe[v] = unsafe[p]! || unprotectedMain ? 1 : 0;
        const way = network.ways[inWay]!;
        if (RANK(way.roadClass) >= FIRST_STREET && way.sidewalk !== "yes" && flow[v]! > 0) {
          const segment = Math.abs(graph.segment[forest.edge[v]!]!) - 1;
          const entry = segmentArea.get(segment) ?? { area: 0, schools: new Set<string>() };
          entry.area += flow[v]!;
          entry.schools.add(schoolId);
          segmentArea.set(segment, entry);
        }
      }
      for (const i of walking) {
        const vertex = homeSnaps[i]!.vertex;
        const s = perSchool[forest.school[vertex]!]!;
        s.homes++;
        s.indices.push(i);
        s.area += homes[i]!.areaM2;
        if (!unsafe[vertex]) s.safeArea += homes[i]!.areaM2;
        s.metres.push(forest.metres[vertex]!);
      }
      group.schools.forEach((school, i) => {
        const s = perSchool[i]!;
        forests.set(school.id, { forest, flow, index: i, homes: s.indices });
        results.push({
          id: school.id, name: school.name, kind, onNetwork: onNetwork[i]!, homes: s.homes, areaM2: Math.round(s.area),
          safeShare: s.area > 0 ? s.safeArea / s.area : null,
          medianMetres: median(s.metres), maxMetres: s.metres.length > 0 ? Math.max(...s.metres) : null,
          crossings: { signals: 0, zebra: 0, unmarked: 0, none: 0 },
          cameraShare: cameraShare(network, cameraIndex, facts.cameras.length / 2, school),
          catchment: group.imported ? "imported" : "nearest",
        });
      });
    }
  }

  const byId = new Map(results.map((r) => [r.id, r]));
  const crossings: RankedCrossing[] = [...crossingArea].map(([v, { area, schools: ids, control: controlIndex }]) => {
    const way = network.ways[network.crossedWay[v]!]!;
    const control = CONTROLS[controlIndex]!;
    for (const id of ids) byId.get(id)!.crossings[control]++;
    const [lon, lat] = [network.coords[2 * v]!, network.coords[2 * v + 1]!];
    const near = countNear(hazardIndex, hazards.length, lon, lat, HAZARD_M);
    const exposure = EXPOSURE[controlIndex]! * (facts.island[v] ? 0.7 : 1) * (facts.calming[v] ? 0.8 : 1);
    return {
      vertex: v, lon, lat, control, island: facts.island[v] === 1, calming: facts.calming[v] === 1,
      camera: countNear(cameraIndex, facts.cameras.length / 2, lon, lat, CAMERA_REACH_M) > 0,
      road: { name: way.name, roadClass: way.roadClass, maxspeedKmh: way.maxspeedKmh, main: RANK(way.roadClass) >= FIRST_MAIN },
      areaM2: Math.round(area), schools: [...ids], hazards: near,
      score: round2((area / 1000) * exposure * roadFactor(way.roadClass, way.maxspeedKmh) * (1 + 0.5 * near)),
    };
  });
  const segments: RankedSegment[] = [...segmentArea].map(([index, { area, schools: ids }]) => {
    const segment = network.segments[index]!;
    const way = network.ways[segment.way]!;
    const from: [number, number] = [network.coords[2 * segment.from]!, network.coords[2 * segment.from + 1]!];
    const to: [number, number] = [network.coords[2 * segment.to]!, network.coords[2 * segment.to + 1]!];
    const near = countNear(hazardIndex, hazards.length, (from[0] + to[0]) / 2, (from[1] + to[1]) / 2, HAZARD_M);
    const sidewalk = way.sidewalk === "no" ? "no" : "unknown";
    return {
      segment: index, from, to, road: { name: way.name, roadClass: way.roadClass }, sidewalk, lengthM: Math.round(segment.lengthM),
      areaM2: Math.round(area), schools: [...ids], hazards: near,
      score: round2((area / 1000) * (segment.lengthM / 100) * roadFactor(way.roadClass, way.maxspeedKmh) * (sidewalk === "no" ? 1 : 0.5) * (1 + 0.5 * near)),
    };
  });
  crossings.sort((a, b) => b.score - a.score || b.areaM2 - a.areaM2 || a.vertex - b.vertex);
  segments.sort((a, b) => b.score - a.score || a.segment - b.segment);
  return { schools: results, crossings, segments, unreachedM2, forests };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The road a child crosses at vertex v when walking in on `inWay` and out on `outWay`
 * (-1 at the gate), or -1: there is a street at v, and the child walks along neither side
 * of it (a crossing way over it, or a side street continuing across it).
 */
export function crossedAt(network: StreetNetwork, v: number, inWay: number, outWay: number): number {
  const road = network.crossedWay[v]!;
  if (road < 0 || RANK(network.ways[road]!.roadClass) < FIRST_STREET) return -1;
  if (inWay === road || outWay === road) return -1;
  // Two different ways that are both the same street (a street mapped in pieces) are walked along.
  const name = network.ways[road]!.name;
  if (name !== null && (network.ways[inWay]?.name === name || (outWay >= 0 && network.ways[outWay]!.name === name))) return -1;
  return road;
}

/** The control at a crossing; a mapped crossing way over a node with no tags is at least a mapped, unmarked crossing. */
function controlAt(network: StreetNetwork, facts: CrossingFacts, v: number, inWay: number, outWay: number): number {
  const control = facts.control[v]!;
  if (control !== NONE) return control;
  return network.ways[inWay]?.isCrossing || (outWay >= 0 && network.ways[outWay]!.isCrossing) ? UNMARKED : NONE;
}

/** Road segments' midpoints, per network (what-if networks share their segments with the base). */
const roadMidpoints = new WeakMap<StreetNetwork["segments"], { index: KDBush; segments: number[] }>();

/** Share of road metres near the school's gate watched by a camera. */
function cameraShare(network: StreetNetwork, cameras: KDBush, cameraCount: number, school: School): number | null {
  let cached = roadMidpoints.get(network.segments);
  if (!cached) {
    const mids: number[] = [];
    const segments: number[] = [];
    network.segments.forEach((s, i) => {
      if (RANK(network.ways[s.way]!.roadClass) < RANK("service")) return;
      mids.push((network.coords[2 * s.from]! + network.coords[2 * s.to]!) / 2, (network.coords[2 * s.from + 1]! + network.coords[2 * s.to + 1]!) / 2);
      segments.push(i);
    });
    cached = { index: pointIndex(mids), segments };
    roadMidpoints.set(network.segments, cached);
  }
  const { index, segments } = cached;
  if (segments.length === 0) return null;
  const [lon, lat] = school.gates[0] ?? [school.lon, school.lat];
  let total = 0;
  let watched = 0;
  for (const hit of around(index, lon, lat, Infinity, GATE_RADIUS_M / 1000) as number[]) {
    const s = network.segments[segments[hit]!]!;
    total += s.lengthM;
    if (countNear(cameras, cameraCount, index.coords[2 * hit]!, index.coords[2 * hit + 1]!, CAMERA_REACH_M) > 0) watched += s.lengthM;
  }
  return total > 0 ? watched / total : null;
}
