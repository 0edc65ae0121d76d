/**
 * Shortest paths on a contraction hierarchy: a bidirectional search that only climbs
 * (forward on up-out arcs from the start, backward on up-in arcs from the end), stopping
 * once neither side can beat the best meeting found; then shortcuts are unpacked into
 * the original edges. Works on ranks (see Hierarchy) and reuses its arrays between
 * queries: one instance per thread.
 *
 * Stall-on-demand: a vertex reached more cheaply from above (through an arc of the other
 * direction, read backwards) cannot lie on a shortest up-down path, so its arcs are not
 * relaxed. On grid-like cities this halves the vertices a search scans.
 */
import type { Hierarchy } from "./contraction-hierarchy.ts";
import type { PathResult } from "./dijkstra.ts";
import { MinHeap } from "./min-heap.ts";

export class HierarchyQuery {
  private readonly distF: Float64Array;
  private readonly distB: Float64Array;
  /** Arc by which a rank was reached (out-arc forward, in-arc backward), -1 at the ends. */
  private readonly arcF: Int32Array;
  private readonly arcB: Int32Array;
  /** The rank it was reached from. */
  private readonly fromF: Int32Array;
  private readonly fromB: Int32Array;
  private readonly touched: number[] = [];
  private readonly heapF = new MinHeap();
  private readonly heapB = new MinHeap();

  constructor(private readonly h: Hierarchy) {
    this.distF = new Float64Array(h.vertexCount).fill(Infinity);
    this.distB = new Float64Array(h.vertexCount).fill(Infinity);
    this.arcF = new Int32Array(h.vertexCount).fill(-1);
    this.arcB = new Int32Array(h.vertexCount).fill(-1);
    this.fromF = new Int32Array(h.vertexCount).fill(-1);
    this.fromB = new Int32Array(h.vertexCount).fill(-1);
  }

  private reset(): void {
    for (const r of this.touched) {
      this.distF[r] = Infinity;
      this.distB[r] = Infinity;
    }
    this.touched.length = 0;
    this.heapF.clear();
    this.heapB.clear();
  }

  /** The cost and the original edges of a shortest path between vertex ids, or null when unreachable. */
  route(source: number, target: number): PathResult | null {
    this.reset();
    const h = this.h;
    const s = h.rank[source]!;
    const t = h.rank[target]!;
    this.distF[s] = 0;
    this.distB[t] = 0;
    this.arcF[s] = -1;
    this.arcB[t] = -1;
    this.touched.push(s, t);
    this.heapF.push(0, s);
    this.heapB.push(0, t);
    let best = s === t ? 0 : Infinity;
    let meet = s === t ? s : -1;
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
      if (this.stalled(forward, v, d)) continue;
      this.relax(forward, v, d);
    }
    if (meet < 0) return null;
    return { cost: best, edges: this.unpackPath(meet) };
  }

  /** Whether `v` is reached more cheaply through a higher vertex already labelled on this side. */
  private stalled(forward: boolean, v: number, d: number): boolean {
    const h = this.h;
    const first = forward ? h.inFirst : h.outFirst;
    const ends = forward ? h.inSource : h.outTarget;
    const costs = forward ? h.inCost : h.outCost;
    const dist = forward ? this.distF : this.distB;
    for (let a = first[v]!; a < first[v + 1]!; a++) {
      if (dist[ends[a]!]! + costs[a]! < d) return true;
    }
    return false;
  }

  private relax(forward: boolean, v: number, d: number): void {
    const h = this.h;
    const first = forward ? h.outFirst : h.inFirst;
    const ends = forward ? h.outTarget : h.inSource;
    const costs = forward ? h.outCost : h.inCost;
    const dist = forward ? this.distF : this.distB;
    const arcOf = forward ? this.arcF : this.arcB;
    const fromOf = forward ? this.fromF : this.fromB;
    const heap = forward ? this.heapF : this.heapB;
    for (let a = first[v]!; a < first[v + 1]!; a++) {
      const w = ends[a]!;
      const nd = d + costs[a]!;
      if (nd < dist[w]!) {
        if (this.distF[w] === Infinity && this.distB[w] === Infinity) this.touched.push(w);
        dist[w] = nd;
        arcOf[w] = a;
        fromOf[w] = v;
        heap.push(nd, w);
      }
    }
  }

  /** Original edges from the start up to `meet` and from `meet` down to the end. */
  private unpackPath(meet: number): number[] {
    const h = this.h;
    const edges: number[] = [];
    const up: number[] = [];
    for (let r = meet; this.arcF[r]! >= 0; r = this.fromF[r]!) up.push(r);
    for (let i = up.length - 1; i >= 0; i--) {
      const r = up[i]!;
      const a = this.arcF[r]!;
      this.unpack(this.fromF[r]!, r, h.outMiddle[a]!, h.outEdge[a]!, edges);
    }
    for (let r = meet; this.arcB[r]! >= 0; r = this.fromB[r]!) {
      const a = this.arcB[r]!;
      this.unpack(r, this.fromB[r]!, h.inMiddle[a]!, h.inEdge[a]!, edges);
    }
    return edges;
  }

  /** Appends the original edges of the arc from -> to (ranks), via `middle` when a shortcut. */
  private unpack(from: number, to: number, middle: number, edge: number, out: number[]): void {
    if (middle < 0) {
      out.push(edge);
      return;
    }
    const h = this.h;
    // from -> middle is an in-arc of middle (from is higher), middle -> to an out-arc of middle.
    const a = findArc(h.inSource, h.inFirst[middle]!, h.inFirst[middle + 1]!, from);
    this.unpack(from, middle, h.inMiddle[a]!, h.inEdge[a]!, out);
    const b = findArc(h.outTarget, h.outFirst[middle]!, h.outFirst[middle + 1]!, to);
    this.unpack(middle, to, h.outMiddle[b]!, h.outEdge[b]!, out);
  }
}

/** The arc in first..last (sorted by the rank at its other end, see Hierarchy) whose other end is `rank`. */
function findArc(ends: Int32Array, first: number, last: number, rank: number): number {
  let low = first;
  let high = last - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ends[mid]! < rank) low = mid + 1;
    else high = mid;
  }
  return low;
}
