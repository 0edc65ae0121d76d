/**
 * Plain Dijkstra on a profile graph: the reference every faster engine is tested against,
 * and the engine for alternatives (which change costs per query).
 */
import { MinHeap } from "./min-heap.ts";
import type { ProfileGraph } from "./profile-graph.ts";

export interface PathResult {
  cost: number;
  /** Edge indices into the profile graph, from start to end. */
  edges: number[];
}

/** Shortest path from `source` to `target`; null when unreachable. `extra` adds cost per edge. */
export function dijkstra(graph: ProfileGraph, source: number, target: number, extra?: (edge: number) => number): PathResult | null {
  const dist = new Float64Array(graph.vertexCount).fill(Infinity);
  const viaEdge = new Int32Array(graph.vertexCount).fill(-1);
  const heap = new MinHeap();
  dist[source] = 0;
  heap.push(0, source);
  while (heap.size > 0) {
    const d = heap.peekKey();
    const v = heap.pop();
    if (d > dist[v]!) continue;
    if (v === target) break;
    for (let e = graph.firstEdge[v]!; e < graph.firstEdge[v + 1]!; e++) {
      const w = graph.target[e]!;
      const nd = d + graph.cost[e]! + (extra ? extra(e) : 0);
      if (nd < dist[w]!) {
        dist[w] = nd;
        viaEdge[w] = e;
        heap.push(nd, w);
      }
    }
  }
  if (!Number.isFinite(dist[target]!)) return null;
  const edges: number[] = [];
  for (let v = target; v !== source; ) {
    const e = viaEdge[v]!;
    edges.push(e);
    v = sourceOf(graph, e);
  }
  return { cost: dist[target]!, edges: edges.reverse() };
}

/** The vertex an edge starts from (binary search in firstEdge). */
export function sourceOf(graph: ProfileGraph, edge: number): number {
  let lo = 0;
  let hi = graph.vertexCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (graph.firstEdge[mid]! <= edge) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
