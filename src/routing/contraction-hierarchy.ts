/**
 * Contraction hierarchies (Geisberger et al. 2008) over a profile graph: vertices are
 * contracted one by one in order of importance, adding shortcut arcs that keep every
 * shortest path; a query then searches only upwards from both ends and meets in the middle,
 * settling a few hundred vertices instead of the whole city. Shortcuts remember the vertex
 * they skip, so a path is unpacked back to real street edges.
 */
import { MinHeap } from "./min-heap.ts";
import type { ProfileGraph } from "./profile-graph.ts";

interface Arc {
  cost: number;
  /** The contracted vertex this shortcut skips, or -1 for an original edge. */
  middle: number;
  /** The original edge index (for middle = -1). */
  edge: number;
}

/** Upward arcs in CSR form: out-arcs (forward search) and in-arcs (backward search). */
export interface Hierarchy {
  vertexCount: number;
  rank: Int32Array;
  outFirst: Int32Array; outTarget: Int32Array; outCost: Float64Array; outMiddle: Int32Array; outEdge: Int32Array;
  inFirst: Int32Array; inSource: Int32Array; inCost: Float64Array; inMiddle: Int32Array; inEdge: Int32Array;
}

const WITNESS_SETTLE_LIMIT = 80;

function addArc(map: Map<number, Arc>, to: number, arc: Arc): boolean {
  const existing = map.get(to);
  if (existing && existing.cost <= arc.cost) return false;
  map.set(to, arc);
  return true;
}

class Contractor {
  readonly out: Array<Map<number, Arc>>;
  readonly inn: Array<Map<number, Arc>>;
  readonly contracted: Uint8Array;
  readonly deleted: Uint32Array;
  private readonly dist: Float64Array;
  private readonly touched: number[] = [];
  private readonly heap = new MinHeap();

  constructor(graph: ProfileGraph) {
    const n = graph.vertexCount;
    this.out = Array.from({ length: n }, () => new Map());
    this.inn = Array.from({ length: n }, () => new Map());
    this.contracted = new Uint8Array(n);
    this.deleted = new Uint32Array(n);
    this.dist = new Float64Array(n).fill(Infinity);
    for (let u = 0; u < n; u++) {
      for (let e = graph.firstEdge[u]!; e < graph.firstEdge[u + 1]!; e++) {
        const w = graph.target[e]!;
        if (w === u) continue;
        const arc = { cost: graph.cost[e]!, middle: -1, edge: e };
        if (addArc(this.out[u]!, w, arc)) this.inn[w]!.set(u, arc);
      }
    }
  }

  /** Costs of shortest paths from `u` avoiding `skip`, bounded in cost and settled vertices. */
  private witness(u: number, skip: number, limit: number): void {
    for (const v of this.touched) this.dist[v] = Infinity;
    this.touched.length = 0;
    this.heap.clear();
    this.dist[u] = 0;
    this.touched.push(u);
    this.heap.push(0, u);
    let settled = 0;
    while (this.heap.size > 0 && settled < WITNESS_SETTLE_LIMIT) {
      const d = this.heap.peekKey();
      const v = this.heap.pop();
      if (d > this.dist[v]! || d > limit) continue;
      settled++;
      for (const [w, arc] of this.out[v]!) {
        if (w === skip || this.contracted[w]) continue;
        const nd = d + arc.cost;
        if (nd < this.dist[w]!) {
          if (this.dist[w] === Infinity) this.touched.push(w);
          this.dist[w] = nd;
          this.heap.push(nd, w);
        }
      }
    }
  }

  /** The shortcuts contracting `v` would need (and adds them when `apply`). */
  shortcuts(v: number, apply: boolean): number {
    let count = 0;
    const outs = [...this.out[v]!].filter(([w]) => !this.contracted[w]);
    if (outs.length === 0) return 0;
    const maxOut = Math.max(...outs.map(([, a]) => a.cost));
    for (const [u, inArc] of this.inn[v]!) {
      if (this.contracted[u]) continue;
      this.witness(u, v, inArc.cost + maxOut);
      for (const [w, outArc] of outs) {
        if (w === u) continue;
        const via = inArc.cost + outArc.cost;
        if (this.dist[w]! <= via) continue;
        count++;
        if (!apply) continue;
        const arc = { cost: via, middle: v, edge: -1 };
        if (addArc(this.out[u]!, w, arc)) this.inn[w]!.set(u, arc);
      }
    }
    return count;
  }

  priority(v: number): number {
    const degree = this.out[v]!.size + this.inn[v]!.size;
    return this.shortcuts(v, false) - degree + this.deleted[v]!;
  }
}

function csr(n: number, lists: Array<Array<[number, Arc]>>) {
  const first = new Int32Array(n + 1);
  lists.forEach((list, v) => (first[v + 1] = first[v]! + list.length));
  const total = first[n]!;
  const other = new Int32Array(total);
  const cost = new Float64Array(total);
  const middle = new Int32Array(total);
  const edge = new Int32Array(total);
  lists.forEach((list, v) => {
    list.forEach(([w, arc], i) => {
      const slot = first[v]! + i;
      other[slot] = w;
      cost[slot] = arc.cost;
      middle[slot] = arc.middle;
      edge[slot] = arc.edge;
    });
  });
  return { first, other, cost, middle, edge };
}

/** Contracts every vertex; returns the hierarchy's upward arcs. */
export function buildHierarchy(graph: ProfileGraph): Hierarchy {
  const n = graph.vertexCount;
  const c = new Contractor(graph);
  const queue = new MinHeap(n);
  for (let v = 0; v < n; v++) queue.push(c.priority(v), v);
  const rank = new Int32Array(n);
  const upOut: Array<Array<[number, Arc]>> = Array.from({ length: n }, () => []);
  const upIn: Array<Array<[number, Arc]>> = Array.from({ length: n }, () => []);
  let next = 0;
  while (queue.size > 0) {
    const v = queue.pop();
    if (c.contracted[v]) continue;
    // Lazy updates: a vertex whose fresh priority is worse than the next one goes back in.
    const fresh = c.priority(v);
    if (queue.size > 0 && fresh > queue.peekKey()) {
      queue.push(fresh, v);
      continue;
    }
    c.shortcuts(v, true);
    c.contracted[v] = 1;
    rank[v] = next++;
    for (const [w, arc] of c.out[v]!) {
      if (c.contracted[w]) continue;
      upOut[v]!.push([w, arc]);
      c.deleted[w]!++;
      c.inn[w]!.delete(v);
    }
    for (const [u, arc] of c.inn[v]!) {
      if (c.contracted[u]) continue;
      upIn[v]!.push([u, arc]);
      c.deleted[u]!++;
      c.out[u]!.delete(v);
    }
    c.out[v]!.clear();
    c.inn[v]!.clear();
  }
  const o = csr(n, upOut);
  const i = csr(n, upIn);
  return {
    vertexCount: n, rank,
    outFirst: o.first, outTarget: o.other, outCost: o.cost, outMiddle: o.middle, outEdge: o.edge,
    inFirst: i.first, inSource: i.other, inCost: i.cost, inMiddle: i.middle, inEdge: i.edge,
  };
}
