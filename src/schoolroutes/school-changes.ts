/**
 * What-if changes for the school-route analysis: a crossing marked as signalised (or given a
 * zebra) where it is, or a crossing added at a point of a road. Each change lands on the
 * nearest vertex of a street within reach and gives back a network and facts with that
 * control, so the same analysis (and the child-walk costs the routes follow) runs on them.
 * The inputs are never changed: the base analysis stays valid beside the what-if.
 */
import KDBush from "kdbush";
import { around } from "geokdbush";
import { CROSSING_SIGNALS, CROSSING_ZEBRA, type StreetNetwork } from "../routing/index.ts";
import { type CrossingFacts, SIGNALS, ZEBRA } from "./crossing-facts.ts";

export interface Change {
  lon: number;
  lat: number;
  control: "signals" | "zebra";
}

/** How far from a road a change may be placed (m). */
export const CHANGE_REACH_M = 60;

const roadIndexes = new WeakMap<StreetNetwork, { index: KDBush; vertices: number[] }>();

function roadVertices(network: StreetNetwork): { index: KDBush; vertices: number[] } {
  const cached = roadIndexes.get(network);
  if (cached) return cached;
  const vertices: number[] = [];
  for (let v = 0; v < network.crossedWay.length; v++) if (network.crossedWay[v]! >= 0) vertices.push(v);
  const index = new KDBush(Math.max(1, vertices.length));
  for (const v of vertices) index.add(network.coords[2 * v]!, network.coords[2 * v + 1]!);
  if (vertices.length === 0) index.add(0, 90);
  index.finish();
  const built = { index, vertices };
  roadIndexes.set(network, built);
  return built;
}

/** The road vertex a change at (lon, lat) lands on, or null when no road is within reach. */
export function changeVertex(network: StreetNetwork, lon: number, lat: number): number | null {
  const { index, vertices } = roadVertices(network);
  if (vertices.length === 0) return null;
  const [hit] = around(index, lon, lat, 1, CHANGE_REACH_M / 1000) as number[];
  return hit === undefined ? null : vertices[hit]!;
}

export function applyChanges(network: StreetNetwork, facts: CrossingFacts, changes: readonly Change[]): { network: StreetNetwork; facts: CrossingFacts; applied: Array<number | null> } {
  const crossing = Uint8Array.from(network.crossing);
  const control = Uint8Array.from(facts.control);
  const applied = changes.map((change) => {
    const v = changeVertex(network, change.lon, change.lat);
    if (v === null) return null;
    crossing[v] = change.control === "signals" ? CROSSING_SIGNALS : CROSSING_ZEBRA;
    control[v] = change.control === "signals" ? SIGNALS : ZEBRA;
    return v;
  });
  return { network: { ...network, crossing }, facts: { ...facts, control }, applied };
}
