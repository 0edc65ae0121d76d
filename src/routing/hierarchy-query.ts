/**
 * Shortest paths on a contraction hierarchy: a bidirectional search that only climbs
 * (forward on up-out arcs from the start, backward on up-in arcs from the end), stopping
 * once neither side can beat the best meeting found; then shortcuts are unpacked into
 * the original edges. Reuses its arrays between queries: one instance per thread.
 */
import type { Hierarchy } from "./contraction-hierarchy.ts";
import type { PathResult } from "./dijkstra.ts";
import { MinHeap } from "./min-heap.ts";

export class HierarchyQuery {
  private readonly distF: Float64Array;
  private readonly distB: Float64Array;
  private readonly parentF: Int32Array;
  private readonly parentB: Int32Array;
  private readonly touched: number[] = [];
  private readonly heapF = new MinHeap();
  private readonly heapB = new MinHeap();

  constructor(private readonly h: Hierarchy) {
    this.distF = new Float64Array(h.vertexCount).fill(Infinity);
    this.distB = new Float64Array(h.vertexCount).fill(Infinity);
    this.parentF = new Int32Array(h.vertexCount).fill(-1);
    this.parentB = new Int32Array(h.vertexCount).fill(-1);
  }

  private reset(): void {
    for (const v of this.touched) {
      this.distF[v] = Infinity;
      this.distB[v] = Infinity;
      this.parentF[v] = -1;
      this.parentB[v] = -1;
    }
    this.touched.length = 0;
    this.heapF.clear();
    this.heapB.clear();
  }

  /** The cost and the original edges of a shortest path, or null when unreachable. */
  route(source: number, target: number): PathResult | null {
    this.reset();
    const h = this.h;
    this.distF[source] = 0;
    this.distB[target] = 0;
    this.touched.push(source, target);
    this.heapF.push(0, source);
    this.heapB.push(0, target);
    let best = source === target ? 0 : Infinity;
    let meet = source === target ? source : -1;
    for (;;) {
      const keyF = this.heapF.peekKey();
      const keyB = this.heapB.peekKey();
      // Neither side can still improve the best meeting (also true when both are empty).
      if (Math.min(keyF, keyB) >= best) break;
      const forward = keyF <= keyB;
      const heap = forward ? this.heapF : this.heapB;
      const d = heap.peekKey();
      const v = heap.pop();
      const dist = forward ? this.distF : this.distB;
      if (d > dist[v]!) continue;
      const other = forward ? this.distB[v]! : this.distF[v]!;
      if (d + other < best) {
        best = d + other;
        meet = v;
      }
      const first = forward ? h.outFirst : h.inFirst;
      const ends = forward ? h.outTarget : h.inSource;
      const costs = forward ? h.outCost : h.inCost;
      const parent = forward ? this.parentF : this.parentB;
      for (let a = first[v]!; a < first[v + 1]!; a++) {
        const w = ends[a]!;
        const nd = d + costs[a]!;
        if (nd < dist[w]!) {
          if (this.distF[w] === Infinity && this.distB[w] === Infinity) this.touched.push(w);
          dist[w] = nd;
          parent[w] = a;
          heap.push(nd, w);
        }
      }
    }
    if (meet < 0) return null;
    const edges: number[] = [];
    const up: number[] = [];
    for (let v = meet; v !== source; ) {
      const a = this.parentF[v]!;
      up.push(a);
      v = this.arcSourceOut(a);
    }
    for (const a of up.reverse()) this.unpack(this.arcSourceOut(a), h.outTarget[a]!, h.outMiddle[a]!, h.outEdge[a]!, edges);
    for (let v = meet; v !== target; ) {
      const a = this.parentB[v]!;
      const next = this.arcTargetIn(a);
      this.unpack(v, next, h.inMiddle[a]!, h.inEdge[a]!, edges);
      v = next;
    }
    return { cost: best, edges };
  }

  /** Vertex owning out-arc `a` (the arc goes from it upwards). */
  private arcSourceOut(a: number): number {
    return ownerOf(this.h.outFirst, a);
  }

  /** Vertex owning in-arc `a`: the arc comes from inSource[a] into it, so walking the backward tree, it is the next vertex. */
  private arcTargetIn(a: number): number {
    return ownerOf(this.h.inFirst, a);
  }

  /** Appends the original edges of arc from -> to (via `middle` when a shortcut). */
  private unpack(from: number, to: number, middle: number, edge: number, out: number[]): void {
    if (middle < 0) {
      out.push(edge);
      return;
    }
    const h = this.h;
    // from -> middle was an in-arc of middle (from is higher), middle -> to an out-arc of middle.
    for (let a = h.inFirst[middle]!; a < h.inFirst[middle + 1]!; a++) {
      if (h.inSource[a] === from) {
        this.unpack(from, middle, h.inMiddle[a]!, h.inEdge[a]!, out);
        break;
      }
    }
    for (let a = h.outFirst[middle]!; a < h.outFirst[middle + 1]!; a++) {
      if (h.outTarget[a] === to) {
        this.unpack(middle, to, h.outMiddle[a]!, h.outEdge[a]!, out);
        break;
      }
    }
  }
}

function ownerOf(first: Int32Array, arc: number): number {
  let lo = 0;
  let hi = first.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (first[mid]! <= arc) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
