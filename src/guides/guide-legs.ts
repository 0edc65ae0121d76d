/**
 * The legs between a guide's consecutive stops, assembled from two ports so the rule is
 * testable without street data: each leg is walked on the child-walk profile (the stroller
 * profile when the guide is stroller-suitable); a walk longer than GUIDE_LIMITS.busFromM is
 * also asked of the bus journey planner where the region has transit, and the bus is taken
 * when it arrives sooner; where the router has no streets (or finds no way), the leg is a
 * straight line at a child's pace over 1.3 times the distance, and says so. The legs' key
 * names the positions and options they were computed from: a moved place changes it.
 */
import { GUIDE_LIMITS, type GuideLegFeature } from "../core/api/guides.ts";
import { distanceMeters } from "../core/geo.ts";

export type WalkProfile = "child-walk" | "stroller";

/** A computed way between two points. */
export interface Way {
  coordinates: Array<[number, number]>;
  distanceM: number;
  durationS: number;
}

/** The router and the journey planner as the legs need them. */
export interface LegPorts {
  walk(from: [number, number], to: [number, number], profile: WalkProfile): Way | null;
  /** A bus journey (walks to and from the stops included) with its lines, or null (no transit, none found). */
  bus(from: [number, number], to: [number, number], profile: WalkProfile): (Way & { lines: string[] }) | null;
}

/** A child walks about 1 m/s; a straight line is stretched by this to guess the streets. */
const STRAIGHT_FACTOR = 1.3;
const CHILD_SPEED = 1.0;

/** The key of the positions and options legs are computed from. */
export function legsKey(points: ReadonlyArray<[number, number]>, stroller: boolean): string {
  return `${stroller ? "stroller" : "child-walk"}|${points.map(([lon, lat]) => `${lon.toFixed(6)},${lat.toFixed(6)}`).join(";")}`;
}

/** One leg per consecutive pair of points, each a GeoJSON LineString feature. */
export function assembleLegs(points: ReadonlyArray<[number, number]>, stroller: boolean, ports: LegPorts): GuideLegFeature[] {
  const profile: WalkProfile = stroller ? "stroller" : "child-walk";
  const legs: GuideLegFeature[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!, to = points[i + 1]!;
    const walked = ports.walk(from, to, profile);
    const walkM = walked?.distanceM ?? distanceMeters(from, to) * STRAIGHT_FACTOR;
    const bus = walkM > GUIDE_LIMITS.busFromM ? ports.bus(from, to, profile) : null;
    const walkS = walked?.durationS ?? walkM / CHILD_SPEED;
    if (bus && bus.durationS < walkS) {
      legs.push(feature(i, bus.coordinates, "bus", bus.distanceM, bus.durationS, bus.lines));
    } else if (walked) {
      legs.push(feature(i, walked.coordinates, profile === "stroller" ? "stroller" : "walk", walked.distanceM, walked.durationS, []));
    } else {
      legs.push(feature(i, [from, to], "straight", walkM, walkS, []));
    }
  }
  return legs;
}

function feature(i: number, coordinates: Array<[number, number]>, mode: GuideLegFeature["properties"]["mode"], distanceM: number, durationS: number, lines: string[]): GuideLegFeature {
  return {
    type: "Feature",
    geometry: { type: "LineString", coordinates },
    properties: { from: i, to: i + 1, mode, distanceM: Math.round(distanceM), durationS: Math.round(durationS), lines },
  };
}
