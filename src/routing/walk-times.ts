/**
 * One-to-many walking on a profile graph: from one vertex, the street metres of the
 * profile's preferred (least-cost) path to every wanted vertex within a budget of metres.
 * What a journey planner needs for its access and egress walks to many stops at once: one
 * bounded Dijkstra instead of a route per stop. Buffers are kept per graph and reset
 * lazily (a generation stamp), so a search costs what it visits, not the graph's size.
 */
import { distanceMeters } from "../core/geo.ts";
import { MinHeap } from "./min-heap.ts";
import type { ProfileGraph } from "./profile-graph.ts";
import type { StreetNetwork } from "./street-network.ts";

export class WalkSearch {
  private readonly cost: Float64Array;
  private readonly metres: Float64Array;
  private readonly stamp: Uint32Array;
  /** Marks the vertices wanted by the current search (its generation). */
  private readonly wantedStamp: Uint32Array;
  /** Metres of each edge (its segment's length), read without the segment indirection. */
  private readonly edgeLength: Float64Array;
  private generation = 0;
  private readonly heap = new MinHeap(256);

  private readonly coords: Float64Array;

  constructor(network: StreetNetwork, private readonly graph: ProfileGraph) {
    this.coords = network.coords;
    this.cost = new Float64Array(graph.vertexCount);
    this.metres = new Float64Array(graph.vertexCount);
    this.stamp = new Uint32Array(graph.vertexCount);
    this.wantedStamp = new Uint32Array(graph.vertexCount);
    const segmentLength = Float64Array.from(network.segments, (s) => s.lengthM);
    this.edgeLength = Float64Array.from(graph.segment, (segment) => segmentLength[Math.abs(segment) - 1]!);
  }

  /**
   * Metres walked from `source` along least-cost paths to each of `wanted` within `maxMetres`
   * (others absent). `wanted` gives each target vertex the metres that will be added to its
   * walk (its snaps): a target whose straight line from `source` plus those is already beyond
   * `maxMetres` is not waited for (no street is shorter than the straight line, so its walk
   * would be over budget anyway); the search stops once it has settled every other target.
   */
  from(source: number, maxMetres: number, wanted: ReadonlyMap<number, number>): Map<number, number> {
    const { cost, metres, stamp, heap, edgeLength, wantedStamp } = this;
    const { firstEdge, target, cost: edgeCost } = this.graph;
    const g = ++this.generation;
    const found = new Map<number, number>();
    heap.clear();
    let remaining = 0;
    const coords = this.coords;
    const origin: [number, number] = [coords[2 * source]!, coords[2 * source + 1]!];
    for (const [v, extra] of wanted) {
      // A hair of slack for rounding: a target is left out only when clearly beyond the budget.
      if (distanceMeters(origin, [coords[2 * v]!, coords[2 * v + 1]!]) * (1 - 1e-9) + extra > maxMetres + 1e-6) continue;
      if (wantedStamp[v] !== g) remaining++;
      wantedStamp[v] = g;
    }
    stamp[source] = g;
    cost[source] = 0;
    metres[source] = 0;
    heap.push(0, source);
    // Stops as soon as every wanted vertex is settled.
    while (heap.size > 0 && remaining > 0) {
      const c = heap.peekKey();
      const v = heap.pop();
      if (c > cost[v]!) continue;
      const m = metres[v]!;
      if (wantedStamp[v] === g) {
        wantedStamp[v] = 0;
        found.set(v, m);
        remaining--;
      }
      for (let e = firstEdge[v]!, end = firstEdge[v + 1]!; e < end; e++) {
        const w = target[e]!;
        const nm = m + edgeLength[e]!;
        if (nm > maxMetres) continue;
        const nc = c + edgeCost[e]!;
        if (stamp[w] !== g || nc < cost[w]!) {
          stamp[w] = g;
          cost[w] = nc;
          metres[w] = nm;
          heap.push(nc, w);
        }
      }
    }
    return found;
  }
}
