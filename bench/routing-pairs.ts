/**
 * What the routing benches share: reproducible random pairs of reachable vertices, the
 * percentile the tables print, and the load average printed beside every figure (the
 * machine's 2 cores are shared, so a figure without its load is not comparable).
 */
import os from "node:os";
import type { ProfileGraph } from "../src/routing/profile-graph.ts";
import { largestComponent } from "../src/routing/route-planner.ts";
import { seededRandom } from "./synthetic-places.ts";

export type Pair = [number, number];

/** Random pairs (start != end) in the largest connected piece, the same for a given seed. */
export function randomPairs(graph: ProfileGraph, count: number, seed: number): Pair[] {
  const main = largestComponent(graph);
  const vertices = [...main.keys()].filter((v) => main[v] === 1);
  const random = seededRandom(seed);
  const pairs: Pair[] = [];
  while (pairs.length < count) {
    const s = vertices[Math.floor(random() * vertices.length)]!;
    const t = vertices[Math.floor(random() * vertices.length)]!;
    if (s !== t) pairs.push([s, t]);
  }
  return pairs;
}

/** The nearest-rank percentile (p in 0..1). */
export function percentile(times: readonly number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/** The 1-, 5- and 15-minute load averages, as printed beside figures. */
export const loadAverage = () => `load ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`;
