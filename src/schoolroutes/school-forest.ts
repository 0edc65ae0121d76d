/**
 * Where children walk to school, in one search per kind of school: a multi-source Dijkstra
 * over the child-walk graph seeded at every gate of every school of that kind gives each
 * street vertex its nearest school (the catchment) and the edge a child takes from there
 * towards it (the route). The child-walk graph is symmetric, so the tree grown from the
 * schools holds the least-cost walk from every home to its school. Floor area placed at the
 * homes' vertices then flows down the tree in one pass (vertices in reverse settling order),
 * so each edge and vertex knows how much residential area walks through it: no route per
 * home is ever built.
 */
import { MinHeap, type ProfileGraph } from "../routing/index.ts";

export interface Seed {
  vertex: number;
  /** Cost (child-walk seconds) from the gate point to its vertex. */
  cost: number;
  /** Index of the school the seed belongs to. */
  school: number;
}

export interface Forest {
  /** Least cost to the nearest school, Infinity beyond the limit. */
  cost: Float64Array;
  /** Street metres along that walk. */
  metres: Float64Array;
  /** The school each vertex walks to, -1 when none within the limit. */
  school: Int32Array;
  /** The next vertex towards the school (-1 at a gate or unreached). */
  next: Int32Array;
  /** The graph edge between `next[v]` and v (-1 at a gate or unreached). */
  edge: Int32Array;
  /** Reached vertices in the order they were settled: gates first. */
  order: Int32Array;
}

/** Grows the forest from the seeds, up to `limitCost`. */
export function growForest(graph: ProfileGraph, segmentLength: Float64Array, seeds: readonly Seed[], limitCost: number): Forest {
  const n = graph.vertexCount;
  const cost = new Float64Array(n).fill(Infinity);
  const metres = new Float64Array(n).fill(Infinity);
  const school = new Int32Array(n).fill(-1);
  const next = new Int32Array(n).fill(-1);
  const edge = new Int32Array(n).fill(-1);
  const settled = new Uint8Array(n);
  const order: number[] = [];
  const heap = new MinHeap(4096);
  for (const s of seeds) {
    if (s.cost < cost[s.vertex]!) {
      cost[s.vertex] = s.cost;
      metres[s.vertex] = 0;
      school[s.vertex] = s.school;
      heap.push(s.cost, s.vertex);
    }
  }
  while (heap.size > 0) {
    const c = heap.peekKey();
    const v = heap.pop();
    if (settled[v] || c > cost[v]!) continue;
    settled[v] = 1;
    order.push(v);
    for (let e = graph.firstEdge[v]!; e < graph.firstEdge[v + 1]!; e++) {
      const w = graph.target[e]!;
      const nc = c + graph.cost[e]!;
      if (nc < cost[w]! && nc <= limitCost) {
        cost[w] = nc;
        metres[w] = metres[v]! + segmentLength[Math.abs(graph.segment[e]!) - 1]!;
        school[w] = school[v]!;
        next[w] = v;
        edge[w] = e;
        heap.push(nc, w);
      }
    }
  }
  return { cost, metres, school, next, edge, order: Int32Array.from(order) };
}

/**
 * Residential area walking through each vertex: `weight` is the area whose home is at each
 * vertex; the answer adds every subtree's area to its vertex (the area of homes whose walk
 * passes there, the vertex's own included).
 */
export function flowDown(forest: Forest, weight: Float64Array): Float64Array {
  const flow = Float64Array.from(weight);
  for (let i = forest.order.length - 1; i >= 0; i--) {
    const v = forest.order[i]!;
    const towards = forest.next[v]!;
    if (towards >= 0) flow[towards]! += flow[v]!;
  }
  return flow;
}
