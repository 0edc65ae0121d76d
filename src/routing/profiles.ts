/**
 * The four routing profiles as explicit cost functions over the street network. A cost
 * is seconds of travel multiplied by how unsafe the way is for that traveller, plus fixed
 * penalties for crossings; Infinity forbids an edge. docs/ROUTING.md explains every number.
 */
import {
  CROSSING_NONE, CROSSING_SIGNALS, CROSSING_ZEBRA, ROAD_CLASSES, type RoadClass, type StreetNetwork, type WayInfo,
} from "./street-network.ts";
import { ROUTE_PROFILES, type RouteProfile } from "../core/api/routing.ts";

/** The profiles, as the API contract (src/core/api/routing.ts) names them. */
export const PROFILE_IDS = ROUTE_PROFILES;
export type ProfileId = RouteProfile;

export interface Profile {
  id: ProfileId;
  /** Metres per second on a calm way: a child walks about 1 m/s, an adult 1.4 m/s. */
  speed: number;
  /** Danger factor of moving along a way, or Infinity where this traveller must not go. */
  factor(way: WayInfo): number;
  /** Seconds added for crossing a road of `road` class by `kind` (CROSSING_*). */
  crossingPenalty(kind: number, road: RoadClass): number;
  /** Whether a one-way way may only be used forwards. */
  respectsOneway: boolean;
}

const MINOR: ReadonlySet<RoadClass> = new Set(["service", "residential", "unclassified", "living_street", "track"]);
const MAJOR: ReadonlySet<RoadClass> = new Set(["secondary", "primary", "trunk"]);

/** Walking along a road, by class and whether it has a sidewalk (yes / unknown / no). */
const CHILD_ALONG: Record<RoadClass, [number, number, number]> = {
  footway: [1, 1, 1], path: [1, 1, 1], pedestrian: [1, 1, 1], living_street: [1, 1, 1], cycleway: [1.2, 1.2, 1.2],
  steps: [1.3, 1.3, 1.3], track: [1.2, 1.2, 1.2], service: [1.2, 1.3, 1.5],
  residential: [1.1, 1.4, 1.8], unclassified: [1.1, 1.5, 2],
  tertiary: [1.3, 2.5, 4], secondary: [1.5, 4, 8], primary: [1.8, 6, 12], trunk: [2.5, Infinity, Infinity],
};

const sidewalkIndex = (way: WayInfo) => (way.sidewalk === "yes" ? 0 : way.sidewalk === "unknown" ? 1 : 2);

/** A child crossing: signals are safe but slow, unmarked crossings of big roads are what we avoid. */
function childCrossing(kind: number, road: RoadClass): number {
  if (kind === CROSSING_SIGNALS) return 15;
  if (kind === CROSSING_ZEBRA) return MAJOR.has(road) ? 40 : 20;
  if (MINOR.has(road)) return 20;
  return MAJOR.has(road) ? 600 : 120;
}

const childWalk: Profile = {
  id: "child-walk",
  speed: 1.0,
  respectsOneway: false,
  factor: (way) => (way.footAllowed ? CHILD_ALONG[way.roadClass][sidewalkIndex(way)] * (way.unlit ? 1.1 : 1) : Infinity),
  crossingPenalty: childCrossing,
};

const stroller: Profile = {
  ...childWalk,
  id: "stroller",
  speed: 1.1,
  factor: (way) => (way.roadClass === "steps" ? Infinity : childWalk.factor(way) * (way.unpaved ? 2 : 1)),
};

const BIKE_ALONG: Record<RoadClass, number> = {
  footway: 3.5, path: 1.3, pedestrian: 3.5, living_street: 1.1, cycleway: 1, steps: Infinity, track: 1.5,
  service: 1.3, residential: 1.3, unclassified: 1.5, tertiary: 2.5, secondary: 5, primary: 10, trunk: Infinity,
};

const childBike: Profile = {
  id: "child-bike",
  speed: 3.5,
  respectsOneway: true,
  factor: (way) => {
    if (!way.bicycleAllowed) return Infinity;
    // On footways not open to bikes the child pushes the bike: walking speed.
    const along = way.bicycleDesignated && BIKE_ALONG[way.roadClass] > 1 ? 1.2 : BIKE_ALONG[way.roadClass];
    return along * (way.unpaved ? 1.5 : 1);
  },
  crossingPenalty: childCrossing,
};

const adultWalk: Profile = {
  id: "adult-walk",
  speed: 1.4,
  respectsOneway: false,
  factor: (way) => (!way.footAllowed ? Infinity : way.roadClass === "trunk" && way.sidewalk !== "yes" ? Infinity : 1),
  crossingPenalty: (kind) => (kind === CROSSING_SIGNALS ? 10 : 3),
};

export const PROFILES: Readonly<Record<ProfileId, Profile>> = {
  "child-walk": childWalk, stroller, "child-bike": childBike, "adult-walk": adultWalk,
};

/**
 * Seconds of penalty at vertex `v` for an edge of `way` that starts or ends there: a
 * pedestrian way touching a crossing node pays half the crossing per edge end, so the
 * crossing way, with an edge on each side of the road, pays it once in full.
 */
export function crossingCost(profile: Profile, network: StreetNetwork, way: WayInfo, v: number): number {
  const kind = network.crossing[v]!;
  const crossed = network.crossedWay[v]!;
  const pedestrianWay = ROAD_CLASSES.indexOf(way.roadClass) < ROAD_CLASSES.indexOf("service") || way.isCrossing;
  if (crossed < 0 || !pedestrianWay || (kind === CROSSING_NONE && !way.isCrossing)) return 0;
  const effectiveKind = kind === CROSSING_NONE ? 3 : kind;
  return profile.crossingPenalty(effectiveKind, network.ways[crossed]!.roadClass) / 2;
}
