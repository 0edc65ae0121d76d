/**
 * One-to-many walking on a profile graph: from one vertex, the street metres of the
 * profile's preferred (least-cost) path to every wanted vertex within a budget of metres.
 * What a journey planner needs for its access and egress walks to many stops at once: one
 * bounded Dijkstra instead of a route per stop. Buffers are kept per graph and reset
 * lazily (a generation stamp), so a search costs what it visits, not the graph's size.
 */
import { MinHeap } from "./min-heap.ts";
import type { ProfileGraph } from "./profile-graph.ts";
import type { StreetNetwork } from "./street-network.ts";

export class WalkSearch {
  private readonly cost: Float64Array;
  private readonly metres: Float64Array;
  private readonly stamp: Uint32Array;
  private readonly segmentLength: Float64Array;
  private generation = 0;
  private readonly heap = new MinHeap(256);

  constructor(network: StreetNetwork, private readonly graph: ProfileGraph) {
    this.cost = new Float64Array(graph.vertexCount);
    this.metres = new Float64Array(graph.vertexCount);
    this.stamp = new Uint32Array(graph.vertexCount);
    this.segmentLength = Float64Array.from(network.segments, (s) => s.lengthM);
  }

  /** Metres walked from `source` along least-cost paths to each of `wanted` within `maxMetres` (others absent). */
  from(source: number, maxMetres: number, wanted: ReadonlySet<number>): Map<number, number> {
    const { graph, cost, metres, stamp, heap, segmentLength } = this;
    const g = ++this.generation;
    const found = new Map<number, number>();
    heap.clear();
    stamp[source] = g;
    cost[source] = 0;
    metres[source] = 0;
    heap.push(0, source);
    let remaining = wanted.size;
    while (heap.size > 0 && remaining > 0) {
      const c = heap.peekKey();
      const v = heap.pop();
      if (c > cost[v]!) continue;
      const m = metres[v]!;
      if (wanted.has(v) && !found.has(v)) {
        found.set(v, m);
        remaining--;
      }
      for (let e = graph.firstEdge[v]!; e < graph.firstEdge[v + 1]!; e++) {
        const w = graph.target[e]!;
        const nm = m + segmentLength[Math.abs(graph.segment[e]!) - 1]!;
        if (nm > maxMetres) continue;
        const nc = c + graph.cost[e]!;
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
