/**
 * The naive baseline for walking coverage, behind the same kind of adapter as the search
 * peers: one Dijkstra per residential area, stopped when no unsettled vertex can beat the
 * best site found (a site counts with its own walk from the street) or the threshold
 * passes. It keeps its distances in a typed array (reset only where a search wrote) and
 * uses our heap, as our multi-source search does, so the ratio is the method, not the data
 * structures. What it cannot do: reuse one area's search for the next, or a what-if.
 */
import type { CoverageSite } from "../../src/access/coverage.ts";
import type { Snap, WalkNetwork } from "../../src/access/walk-times.ts";
import { MinHeap } from "../../src/routing/index.ts";

export interface CoverageInput {
  walk: WalkNetwork;
  sites: readonly CoverageSite[];
}

export interface CoveragePeer {
  readonly name: string;
  build(input: CoverageInput): void;
  /** Seconds from the snapped area to its nearest site, or Infinity past `limitSeconds`. */
  query(from: Snap, limitSeconds: number): number;
}

export function dijkstraPerArea(): CoveragePeer {
  let walk: WalkNetwork | null = null;
  let siteSeconds = new Float64Array(0);
  let dist = new Float64Array(0);
  const touched: number[] = [];
  const heap = new MinHeap();
  return {
    name: "Dijkstra per area (typed arrays)",
    build(input: CoverageInput) {
      walk = input.walk;
      const count = walk.graph.vertexCount;
      siteSeconds = new Float64Array(count).fill(Infinity);
      dist = new Float64Array(count).fill(Infinity);
      for (const site of input.sites) {
        const snap = walk.snap(site.lon, site.lat);
        if (snap) siteSeconds[snap.vertex] = Math.min(siteSeconds[snap.vertex]!, snap.seconds);
      }
    },
    query(from: Snap, limitSeconds: number): number {
      const { firstEdge, target, cost } = walk!.graph;
      heap.clear();
      dist[from.vertex] = from.seconds;
      touched.push(from.vertex);
      heap.push(from.seconds, from.vertex);
      let best = Infinity;
      while (heap.size > 0) {
        const d = heap.peekKey();
        const v = heap.pop();
        if (d >= best || d > limitSeconds) break;
        if (d > dist[v]!) continue;
        best = Math.min(best, d + siteSeconds[v]!);
        for (let e = firstEdge[v]!; e < firstEdge[v + 1]!; e++) {
          const w = target[e]!;
          const nd = d + cost[e]!;
          if (nd < dist[w]!) {
            if (dist[w] === Infinity) touched.push(w);
            dist[w] = nd;
            heap.push(nd, w);
          }
        }
      }
      for (const v of touched) dist[v] = Infinity;
      touched.length = 0;
      return best;
    },
  };
}
