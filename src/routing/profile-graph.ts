/**
 * One profile's directed graph in compact typed arrays (CSR): for vertex v its edges are
 * firstEdge[v] .. firstEdge[v + 1] - 1, each with a target, a cost and the street segment
 * it runs along (negative when run backwards). Built at import or start, one per profile.
 */
import { PROFILES, type ProfileId, crossingCost } from "./profiles.ts";
import type { StreetNetwork } from "./street-network.ts";

export interface ProfileGraph {
  profile: ProfileId;
  vertexCount: number;
  firstEdge: Int32Array;
  target: Int32Array;
  cost: Float64Array;
  /** Segment index + 1, negated when the edge runs against the segment's direction. */
  segment: Int32Array;
}

export function buildProfileGraph(network: StreetNetwork, profileId: ProfileId): ProfileGraph {
  const profile = PROFILES[profileId];
  const from: number[] = [];
  const to: number[] = [];
  const costs: number[] = [];
  const segs: number[] = [];
  network.segments.forEach((segment, index) => {
    const way = network.ways[segment.way]!;
    const factor = profile.factor(way);
    if (!Number.isFinite(factor)) return;
    const travel = (segment.lengthM / profile.speed) * factor;
    const cost = travel + crossingCost(profile, network, way, segment.from) + crossingCost(profile, network, way, segment.to);
    from.push(segment.from); to.push(segment.to); costs.push(cost); segs.push(index + 1);
    if (profile.respectsOneway && way.oneway) return;
    from.push(segment.to); to.push(segment.from); costs.push(cost); segs.push(-(index + 1));
  });
  return toCsr(profileId, network.coords.length / 2, from, to, costs, segs);
}

/** Sorts edge lists by source into CSR arrays (counting sort: linear time). */
export function toCsr(profile: ProfileId, vertexCount: number, from: number[], to: number[], costs: number[], segs: number[]): ProfileGraph {
  const firstEdge = new Int32Array(vertexCount + 1);
  for (const f of from) firstEdge[f + 1]!++;
  for (let v = 0; v < vertexCount; v++) firstEdge[v + 1]! += firstEdge[v]!;
  const next = firstEdge.slice(0, vertexCount);
  const target = new Int32Array(from.length);
  const cost = new Float64Array(from.length);
  const segment = new Int32Array(from.length);
  for (let i = 0; i < from.length; i++) {
    const slot = next[from[i]!]!++;
    target[slot] = to[i]!;
    cost[slot] = costs[i]!;
    segment[slot] = segs[i]!;
  }
  return { profile, vertexCount, firstEdge, target, cost, segment };
}
