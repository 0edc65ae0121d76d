/**
 * The naive baseline for the school-route analysis: for each home, one Dijkstra on the
 * child-walk graph from the home until the first gate of a school of the kind is settled
 * (or the catchment limit passes), then the walk traced back, adding the home's area to
 * every vertex on it. Typed arrays (reset only where a search wrote) and our heap, as the
 * analysis uses, so the ratio is the method: a search per home against one per kind.
 */
import { MinHeap, type ProfileGraph } from "../../src/routing/index.ts";

export class RoutePerHome {
  private readonly dist: Float64Array;
  private readonly prev: Int32Array;
  private readonly touched: number[] = [];
  private readonly heap = new MinHeap();
  /** Area walking through each vertex, summed over the homes asked so far. */
  readonly flow: Float64Array;

  constructor(private readonly graph: ProfileGraph) {
    this.dist = new Float64Array(graph.vertexCount).fill(Infinity);
    this.prev = new Int32Array(graph.vertexCount).fill(-1);
    this.flow = new Float64Array(graph.vertexCount);
  }

  /** The school (index into gateSchool) the home walks to, or -1; its area is added along the walk. */
  route(from: number, fromCost: number, areaM2: number, gateSchool: Int32Array, gateCost: Float64Array, limit: number): number {
    const { dist, prev, touched, heap, graph } = this;
    for (const v of touched) {
      dist[v] = Infinity;
      prev[v] = -1;
    }
    touched.length = 0;
    heap.clear();
    dist[from] = fromCost;
    touched.push(from);
    heap.push(fromCost, from);
    let best = Infinity;
    let bestGate = -1;
    while (heap.size > 0) {
      const d = heap.peekKey();
      const v = heap.pop();
      if (d > dist[v]! || d >= best || d > limit) continue;
      if (gateSchool[v]! >= 0 && d + gateCost[v]! < best) {
        best = d + gateCost[v]!;
        bestGate = v;
      }
      for (let e = graph.firstEdge[v]!; e < graph.firstEdge[v + 1]!; e++) {
        const w = graph.target[e]!;
        const nd = d + graph.cost[e]!;
        if (nd < dist[w]!) {
          if (dist[w] === Infinity) touched.push(w);
          dist[w] = nd;
          prev[w] = v;
          heap.push(nd, w);
        }
      }
    }
    if (bestGate < 0 || best > limit) return -1;
    for (let v = bestGate; v >= 0; v = prev[v]!) this.flow[v]! += areaM2;
    return gateSchool[bestGate]!;
  }
}
