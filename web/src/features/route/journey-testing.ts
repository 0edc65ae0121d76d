/**
 * Journeys for the unit tests, built by factories in the contract's shape: a walk to 新街口,
 * a ride on line 游2 (frequency-based, estimated) and a walk to the destination.
 */
import type { Journey, LineRef, TransitLeg, WalkLeg } from "./journey-api.ts";

/** A bus line; `patch` changes what a test is about. */
export function line(patch: Partial<LineRef> = {}): LineRef {
  return { id: "osm:r1", name: "游2", longName: "游2路", mode: "bus", colour: "#e4002b", textColour: "#ffffff", agency: null, school: null, ...patch };
}

/** A walking leg between two named points. */
export function walk(from: [number, number], to: [number, number], toName: string | null, patch: Partial<WalkLeg> = {}): WalkLeg {
  return {
    mode: "walk", from: { name: null, at: from }, to: { name: toName, at: to }, departure: "2026-12-03T08:30:00+08:00", arrival: "2026-12-03T08:35:00+08:00",
    distanceM: 320, durationS: 300, coordinates: [from, [(from[0] + to[0]) / 2, from[1]], to], straightLine: false, warnings: [],
    instructions: [
      { type: "start", text: "沿中山路出发", distanceM: 200, at: from },
      { type: "turn-left", text: "左转进入汉中路", distanceM: 120, at: to },
      { type: "arrive", text: "到达新街口", distanceM: 0, at: to },
    ],
    ...patch,
  };
}

/** A ride from 新街口 to 大行宫, five stops. */
export function ride(from: [number, number], to: [number, number], patch: Partial<TransitLeg> = {}): TransitLeg {
  return {
    mode: "bus", line: line(), headsign: "中山门", departure: "2026-12-03T08:38:00+08:00", arrival: "2026-12-03T08:50:00+08:00", durationS: 720, stops: 5,
    from: { id: "osm:n10", name: "新街口", at: from, stepFree: null }, to: { id: "osm:n20", name: "大行宫", at: to, stepFree: null },
    intermediate: [], coordinates: [from, to], frequency: { headwayS: 600, estimated: true }, stepFree: null,
    ...patch,
  };
}

/** A whole journey: walk, ride, walk. */
export function journey(patch: Partial<Journey> = {}): Journey {
  const a: [number, number] = [118.77, 32.04];
  const b: [number, number] = [118.78, 32.041];
  const c: [number, number] = [118.79, 32.042];
  const d: [number, number] = [118.795, 32.043];
  return {
    kind: "transit", departure: "2026-12-03T08:30:00+08:00", arrival: "2026-12-03T08:55:00+08:00", durationS: 1500, transfers: 0, walkM: 640,
    estimated: true, stepFree: null, warnings: [], legs: [walk(a, b, "新街口"), ride(b, c), walk(c, d, null)],
    ...patch,
  };
}
