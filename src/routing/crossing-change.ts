/**
 * A profile graph with some crossings changed (a what-if: this junction gets signals),
 * without building the graph again: an edge's cost is its travel plus the crossing cost at
 * each end (profile-graph.ts), so changing the crossing at v changes exactly the edges that
 * start or end at v, by the difference of the crossing cost there (one pass over the edges). The structure is shared
 * with the given graph; only the costs are new.
 */
import { PROFILES, crossingCost } from "./profiles.ts";
import type { ProfileGraph } from "./profile-graph.ts";
import type { StreetNetwork } from "./street-network.ts";

/** The graph of `before` re-costed for `after` (same network but for `crossing` at `changed`). */
export function withCrossingsChanged(graph: ProfileGraph, before: StreetNetwork, after: StreetNetwork, changed: Iterable<number>): ProfileGraph {
  const profile = PROFILES[graph.profile];
  const cost = Float64Array.from(graph.cost);
  const delta = (v: number, e: number) => {
    const way = after.ways[after.segments[Math.abs(graph.segment[e]!) - 1]!.way]!;
    return crossingCost(profile, after, way, v) - crossingCost(profile, before, way, v);
  };
  const at = new Set(changed);
  // One pass over every edge (either end may be a changed crossing; one-way edges included).
  for (let v = 0; v < graph.vertexCount; v++) {
    for (let e = graph.firstEdge[v]!; e < graph.firstEdge[v + 1]!; e++) {
      if (at.has(v)) cost[e]! += delta(v, e);
      const w = graph.target[e]!;
      if (at.has(w)) cost[e]! += delta(w, e);
    }
  }
  return { ...graph, cost };
}
