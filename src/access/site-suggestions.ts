/**
 * Where to build next: the k new sites that bring the most uncovered residential area
 * within the threshold, by the greedy method for maximal covering (Church and ReVelle's
 * problem; greedy is within 1 - 1/e of the best). Candidates are the street vertices
 * nearest to uncovered residential areas, largest first; each candidate's reach is one
 * bounded search from it.
 */
import type { CoverageResult } from "./coverage.ts";
import type { SnappedAreas } from "./coverage.ts";
import type { WalkNetwork } from "./walk-times.ts";

export const MAX_CANDIDATES = 400;

export interface Suggestion {
  lon: number;
  lat: number;
  /**
   * Residential area (m²) this site newly covers, given the sites suggested before it, in
   * the measure it was ranked by: building footprints where the region maps buildings
   * (they lie inside residential land, so the two are never added), else residential land.
   */
  gainM2: number;
  gainBuildingsM2: number;
  gainLandM2: number;
  areas: number;
}

export function suggestSites(network: WalkNetwork, snapped: SnappedAreas, current: CoverageResult, k: number): Suggestion[] {
  const limit = current.minutes * 60;
  const uncovered = current.areas.map((r, i) => ({ i, r })).filter(({ r, i }) => !r.covered && snapped.snaps[i]);
  const byVertex = new Map<number, number>();
  for (const { i, r } of [...uncovered].sort((a, b) => b.r.area.areaM2 - a.r.area.areaM2)) {
    const vertex = snapped.snaps[i]!.vertex;
    if (!byVertex.has(vertex) && byVertex.size < MAX_CANDIDATES) byVertex.set(vertex, r.area.areaM2);
  }
  // What each candidate reaches: uncovered area indices within the threshold.
  const reach = new Map<number, number[]>();
  for (const vertex of byVertex.keys()) {
    const times = network.timesFrom([{ vertex, seconds: 0 }], limit);
    reach.set(vertex, uncovered.filter(({ i }) => times[snapped.snaps[i]!.vertex]! + snapped.snaps[i]!.seconds <= limit).map(({ i }) => i));
  }
  const measure = snapped.areas.some((a) => a.kind === "building") ? "building" : "landuse";
  const areaOf = (i: number, kind: string) => (snapped.areas[i]!.kind === kind ? snapped.areas[i]!.areaM2 : 0);
  const taken = new Set<number>();
  const out: Suggestion[] = [];
  for (let round = 0; round < k; round++) {
    let best = -1;
    let bestGain = 0;
    for (const [vertex, areas] of reach) {
      const gain = areas.reduce((sum, i) => sum + (taken.has(i) ? 0 : areaOf(i, measure)), 0);
      if (gain > bestGain) [best, bestGain] = [vertex, gain];
    }
    if (best < 0) break;
    const newly = reach.get(best)!.filter((i) => !taken.has(i));
    for (const i of newly) taken.add(i);
    reach.delete(best);
    const sum = (kind: string) => Math.round(newly.reduce((total, i) => total + areaOf(i, kind), 0));
    out.push({ lon: network.coords[2 * best]!, lat: network.coords[2 * best + 1]!, gainM2: Math.round(bestGain), gainBuildingsM2: sum("building"), gainLandM2: sum("landuse"), areas: newly.length });
  }
  return out;
}
