/**
 * The street network as OSM describes it, before any profile puts a cost on it: one
 * vertex per node used by a walkable or rideable way, one segment per pair of consecutive
 * nodes, with the tags a child-safety cost needs (road class, sidewalks, crossings, steps,
 * surface, lighting, speed limit, one-way) decoded once into numbers.
 */
import { rideable, walkable } from "./osm-access.ts";
import { distanceMeters } from "../core/geo.ts";
import type { OsmElement, OsmTags } from "../osm/index.ts";

/** Road classes, ordered from calm to dangerous; the index is stored per segment. */
export const ROAD_CLASSES = [
  "footway", "path", "pedestrian", "living_street", "cycleway", "steps", "track", "service",
  "residential", "unclassified", "tertiary", "secondary", "primary", "trunk",
] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];

const CLASS_OF: Record<string, RoadClass> = {
  footway: "footway", corridor: "footway", bridleway: "path", path: "path", pedestrian: "pedestrian",
  living_street: "living_street", cycleway: "cycleway", steps: "steps", track: "track", service: "service",
  residential: "residential", road: "residential", unclassified: "unclassified",
  tertiary: "tertiary", tertiary_link: "tertiary", secondary: "secondary", secondary_link: "secondary",
  primary: "primary", primary_link: "primary", trunk: "trunk", trunk_link: "trunk",
};

/** How a pedestrian crosses at a node: by signal, zebra, unmarked, or not a crossing. */
export const CROSSING_NONE = 0;
export const CROSSING_SIGNALS = 1;
export const CROSSING_ZEBRA = 2;
export const CROSSING_UNCONTROLLED = 3;

export interface Segment {
  from: number;
  to: number;
  lengthM: number;
  way: number;
}

export interface WayInfo {
  osmId: number;
  name: string | null;
  roadClass: RoadClass;
  /** Sidewalk on at least one side, or the way is itself a footway beside the road. */
  sidewalk: "yes" | "no" | "unknown";
  isCrossing: boolean;
  footAllowed: boolean;
  bicycleAllowed: boolean;
  bicycleDesignated: boolean;
  oneway: boolean;
  unpaved: boolean;
  unlit: boolean;
  maxspeedKmh: number | null;
}

export interface StreetNetwork {
  /** Vertex positions, lon/lat interleaved. */
  coords: Float64Array;
  osmNodeIds: number[];
  /** Crossing kind at each vertex (CROSSING_*). */
  crossing: Uint8Array;
  /**
   * The most dangerous road (way index) meeting at each vertex, or -1 at a vertex of
   * footways only: what a pedestrian crosses there, for the cost and for naming it.
   */
  crossedWay: Int32Array;
  segments: Segment[];
  ways: WayInfo[];
}

const UNPAVED = new Set(["unpaved", "gravel", "dirt", "grass", "sand", "ground", "earth", "mud", "pebblestone", "fine_gravel", "woodchips"]);

function crossingOf(tags: OsmTags): number {
  const crossing = tags["crossing"];
  if (tags["highway"] === "traffic_signals" || crossing === "traffic_signals" || tags["crossing:signals"] === "yes") return CROSSING_SIGNALS;
  if (crossing === "zebra" || crossing === "marked" || tags["crossing_ref"] === "zebra" || crossing === "uncontrolled" && tags["crossing:markings"] === "zebra") return CROSSING_ZEBRA;
  if (tags["highway"] === "crossing" || crossing !== undefined) return CROSSING_UNCONTROLLED;
  return CROSSING_NONE;
}

function sidewalkOf(tags: OsmTags, roadClass: RoadClass): WayInfo["sidewalk"] {
  if (["footway", "path", "pedestrian", "living_street", "steps", "cycleway"].includes(roadClass)) return "yes";
  const value = tags["sidewalk"] ?? tags["sidewalk:both"] ?? tags["sidewalk:left"] ?? tags["sidewalk:right"];
  if (value === undefined) return "unknown";
  return ["both", "left", "right", "yes", "separate"].includes(value) ? "yes" : "no";
}

function wayInfo(id: number, tags: OsmTags): WayInfo | null {
  const roadClass = CLASS_OF[tags["highway"] ?? ""];
  // A ferry is a transit line (the transit domain's), never a walk.
  if (!roadClass || tags["area"] === "yes" || tags["route"] === "ferry") return null;
  const footAllowed = walkable(tags, roadClass);
  const bicycleAllowed = rideable(tags, roadClass);
  if (!footAllowed && !bicycleAllowed) return null;
  const bicycle = tags["bicycle"];
  const speed = Number.parseInt(tags["maxspeed"] ?? "", 10);
  return {
    osmId: id,
    name: tags["name:zh"] ?? tags["name"] ?? null,
    roadClass,
    sidewalk: sidewalkOf(tags, roadClass),
    isCrossing: tags["footway"] === "crossing" || tags["cycleway"] === "crossing",
    footAllowed,
    bicycleAllowed,
    bicycleDesignated: bicycle === "designated" || bicycle === "yes" || roadClass === "cycleway",
    oneway: ["yes", "1", "true"].includes(tags["oneway"] ?? "") || tags["junction"] === "roundabout",
    unpaved: UNPAVED.has(tags["surface"] ?? "") || roadClass === "track",
    unlit: tags["lit"] === "no",
    maxspeedKmh: Number.isFinite(speed) ? speed : null,
  };
}

/** Builds the network from OSM elements (any order within type: nodes, then ways). */
export function buildStreetNetwork(elements: readonly OsmElement[]): StreetNetwork {
  const ways: WayInfo[] = [];
  const wayRefs: number[][] = [];
  const used = new Set<number>();
  for (const e of elements) {
    if (e.type !== "way") continue;
    const info = wayInfo(e.id, e.tags);
    if (!info || e.refs.length < 2) continue;
    ways.push(info);
    wayRefs.push(e.refs);
    for (const ref of e.refs) used.add(ref);
  }
  const vertexOf = new Map<number, number>();
  const coords: number[] = [];
  const osmNodeIds: number[] = [];
  const crossing: number[] = [];
  for (const e of elements) {
    if (e.type !== "node" || !used.has(e.id)) continue;
    vertexOf.set(e.id, osmNodeIds.length);
    osmNodeIds.push(e.id);
    coords.push(e.lon, e.lat);
    crossing.push(crossingOf(e.tags));
  }
  const segments: Segment[] = [];
  wayRefs.forEach((refs, way) => {
    for (let i = 1; i < refs.length; i++) {
      const from = vertexOf.get(refs[i - 1]!);
      const to = vertexOf.get(refs[i]!);
      if (from === undefined || to === undefined || from === to) continue;
      const lengthM = distanceMeters([coords[2 * from]!, coords[2 * from + 1]!], [coords[2 * to]!, coords[2 * to + 1]!]);
      segments.push({ from, to, lengthM, way });
    }
  });
  const crossedWay = new Int32Array(osmNodeIds.length).fill(-1);
  const roadRank = (way: number) => ROAD_CLASSES.indexOf(ways[way]!.roadClass);
  const firstRoad = ROAD_CLASSES.indexOf("service");
  for (const segment of segments) {
    if (roadRank(segment.way) < firstRoad) continue;
    for (const v of [segment.from, segment.to]) {
      const current = crossedWay[v]!;
      if (current < 0 || roadRank(segment.way) > roadRank(current)) crossedWay[v] = segment.way;
    }
  }
  return { coords: Float64Array.from(coords), osmNodeIds, crossing: Uint8Array.from(crossing), crossedWay, segments, ways };
}
