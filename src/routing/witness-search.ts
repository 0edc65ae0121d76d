/**
 * The witness searches of one vertex's contraction (contraction-hierarchy.ts): for each
 * in-neighbour u, is there a path to each out-neighbour w that avoids v and costs no more
 * than u -> v -> w? Where none is found, the contraction needs the shortcut u -> w.
 *
 * The searches only read the arcs and report the shortcuts they find; they never add them.
 * So the searches of one contraction can be split between threads (`part` of `parts`: every
 * parts-th in-neighbour), each with its own WitnessSearch, and their findings merged after.
 *
 * They scan each vertex's arcs in cost order only up to their cost limit, stop once every
 * target has a witness or is settled, and keep each vertex once in their heap
 * (indexed-heap.ts).
 */
import type { ArcLists } from "./arc-pool.ts";
import { IndexedHeap } from "./indexed-heap.ts";

/** What to search for: the vertex contracted, this thread's share, limits, and the plan rounds. */
export interface SearchJob {
  v: number;
  part: number;
  parts: number;
  /** Settled vertices, then relaxed arcs, after which a search gives up (and keeps the shortcut). */
  settleLimit: number;
  relaxLimit: number;
  /** Skip the in-neighbours u with complete[u] === replayRound: a plan already holds their shortcuts (0: none). */
  replayRound: number;
  /** Set complete[u] = markRound where the search from u ran to its end (0: do not mark). */
  markRound: number;
}

type FoundArrays = Pick<FoundShortcuts, "from" | "to" | "cost" | "hops" | "whole">;

/** Shortcuts found: u -> w at `cost`, standing for `hops` original edges; `whole` when the search from u ran to its end. */
export class FoundShortcuts {
  count = 0;
  from: Int32Array;
  to: Int32Array;
  cost: Float64Array;
  hops: Int32Array;
  whole: Uint8Array;

  /** On shared memory the arrays cannot grow (the other thread holds them): `push` then reports a full list. */
  constructor(capacity: number, private readonly shared = false) {
    const make = <T>(Kind: new (buffer: ArrayBufferLike) => T, bytes: number) => new Kind(shared ? new SharedArrayBuffer(capacity * bytes) : new ArrayBuffer(capacity * bytes));
    this.from = make(Int32Array, 4);
    this.to = make(Int32Array, 4);
    this.cost = make(Float64Array, 8);
    this.hops = make(Int32Array, 4);
    this.whole = make(Uint8Array, 1);
  }

  /** A list over arrays another thread allocated on shared memory (its `arrays()`). */
  static sharing(arrays: FoundArrays): FoundShortcuts {
    return Object.assign(new FoundShortcuts(0, true), arrays, { count: 0 });
  }

  /** The arrays alone, for handing to another thread. */
  arrays(): FoundArrays {
    const { from, to, cost, hops, whole } = this;
    return { from, to, cost, hops, whole };
  }

  /** Adds one; false when a shared list is full. */
  push(u: number, w: number, cost: number, hops: number, whole: boolean): boolean {
    if (this.count === this.from.length) {
      if (this.shared) return false;
      this.grow();
    }
    const i = this.count++;
    this.from[i] = u;
    this.to[i] = w;
    this.cost[i] = cost;
    this.hops[i] = hops;
    this.whole[i] = whole ? 1 : 0;
    return true;
  }

  private grow(): void {
    const length = this.from.length * 2;
    const from = new Int32Array(length);
    const to = new Int32Array(length);
    const cost = new Float64Array(length);
    const hops = new Int32Array(length);
    const whole = new Uint8Array(length);
    from.set(this.from);
    to.set(this.to);
    cost.set(this.cost);
    hops.set(this.hops);
    whole.set(this.whole);
    Object.assign(this, { from, to, cost, hops, whole });
  }
}

export class WitnessSearch {
  private readonly dist: Float64Array;
  private readonly touched: number[] = [];
  /** mark[w] === stamp: w is a target of the current search. */
  private readonly mark: Int32Array;
  private stamp = 0;
  /** pending[w] === stamp: a target of the current search, neither settled nor witnessed yet. */
  private readonly pending: Int32Array;
  private readonly targets: number[] = [];
  /** Cost of the way through the vertex being contracted to each target of the current search. */
  private readonly via: Float64Array;
  /** listed[u] === job: u is an in-neighbour of the vertex contracted, at place position[u] in its arcs. */
  private readonly listed: Int32Array;
  private readonly position: Int32Array;
  private job = 0;
  private readonly heap: IndexedHeap;

  /**
   * `symmetric`: every arc has its reverse at the same cost (the walking profiles); each pair
   * of neighbours then needs one search, not two, and a shortcut stands for both directions.
   */
  constructor(private out: ArcLists, private inn: ArcLists, private readonly symmetric: boolean, vertexCount: number) {
    this.dist = new Float64Array(vertexCount).fill(Infinity);
    this.mark = new Int32Array(vertexCount);
    this.pending = new Int32Array(vertexCount);
    this.via = new Float64Array(vertexCount);
    this.listed = new Int32Array(vertexCount);
    this.position = new Int32Array(vertexCount);
    this.heap = new IndexedHeap(vertexCount);
  }

  /** Points the searches at the pools' current arrays (after they grew, on another thread). */
  use(out: ArcLists, inn: ArcLists): void {
    this.out = out;
    this.inn = inn;
  }

  /**
   * The shortcuts contracting `job.v` needs, from this thread's share of its in-neighbours,
   * into `found`. One search per in-neighbour u, towards only the out-neighbours that no
   * direct arc from u already reaches as cheaply, and only as far as the dearest of those:
   * in the dense top of the hierarchy most pairs have such an arc. False when `found` filled up.
   */
  run(job: SearchJob, complete: Int32Array, found: FoundShortcuts): boolean {
    const { v, part, parts, replayRound, markRound } = job;
    const { out, inn, mark, via, listed, position, symmetric } = this;
    const outFirst = out.start[v]!;
    const outLast = outFirst + out.size[v]!;
    const inFirst = inn.start[v]!;
    const inLast = inFirst + inn.size[v]!;
    if (outFirst === outLast || inFirst === inLast) return true;
    const listing = ++this.job;
    if (symmetric) {
      for (let i = inFirst; i < inLast; i++) {
        listed[inn.other[i]!] = listing;
        position[inn.other[i]!] = i;
      }
    }
    for (let i = inFirst + part; i < inLast; i += parts) {
      const u = inn.other[i]!;
      if (replayRound && complete[u] === replayRound) continue;
      const inCost = inn.cost[i]!;
      const inHops = inn.hops[i]!;
      const stamp = ++this.stamp;
      let targets = 0;
      for (let j = outFirst; j < outLast; j++) {
        const w = out.other[j]!;
        // On a symmetric graph the pair (u, w) is searched from w when w comes first.
        if (w === u || (symmetric && listed[w] === listing && position[w]! < i)) continue;
        mark[w] = stamp;
        via[w] = inCost + out.cost[j]!;
        targets++;
      }
      for (let a = out.start[u]!, last = a + out.size[u]!; a < last && targets > 0; a++) {
        const w = out.other[a]!;
        if (mark[w] === stamp && out.cost[a]! <= via[w]!) {
          mark[w] = 0;
          targets--;
        }
      }
      if (targets === 0) {
        if (markRound) complete[u] = markRound;
        continue;
      }
      this.targets.length = 0;
      for (let j = outFirst; j < outLast; j++) {
        const w = out.other[j]!;
        if (mark[w] !== stamp) continue;
        this.pending[w] = stamp;
        this.targets.push(w);
      }
      const cutShort = this.witness(u, v, this.openLimit(), job.settleLimit, job.relaxLimit, targets);
      if (markRound && !cutShort) complete[u] = markRound;
      for (let j = outFirst; j < outLast; j++) {
        const w = out.other[j]!;
        if (mark[w] !== stamp || this.dist[w]! <= via[w]!) continue;
        if (!found.push(u, w, via[w]!, inHops + out.hops[j]!, !cutShort)) return false;
      }
    }
    return true;
  }

  /** The dearest `via` among the targets still pending: how far the witness search must go. */
  private openLimit(): number {
    let limit = 0;
    for (const w of this.targets) if (this.pending[w] === this.stamp) limit = Math.max(limit, this.via[w]!);
    return limit;
  }

  /**
   * Tentative costs from `u` avoiding `skip`, up to `limit`, until each of the `targets`
   * pending vertices is settled or reached within its `via` cost (a witness), or after
   * `settleLimit` settled vertices or `relaxLimit` relaxed arcs; returns true when one of
   * those two limits cut it short. Stopping at a witness instead of settling the target,
   * and lowering the limit to the dearest target still pending, settle a prefix of what
   * the plain search settled and decide the same shortcuts, with about half the relaxed
   * arcs on the synthetic city. Any finite cost left in `dist` is a real path's cost.
   */
  private witness(u: number, skip: number, limit: number, settleLimit: number, relaxLimit: number, targets: number): boolean {
    const { dist, heap, touched, pending, stamp, via } = this;
    const { start, size, other, cost } = this.out;
    for (let i = 0; i < touched.length; i++) dist[touched[i]!] = Infinity;
    touched.length = 0;
    heap.clear();
    dist[u] = 0;
    touched.push(u);
    heap.push(0, u);
    let settled = 0;
    let relaxed = 0;
    let open = targets;
    while (heap.size > 0) {
      const d = heap.peekKey();
      if (d > limit) break;
      const v = heap.pop();
      if (pending[v] === stamp) {
        pending[v] = 0;
        if (--open === 0) break;
      }
      if (++settled > settleLimit || relaxed > relaxLimit) return true;
      const last = start[v]! + size[v]!;
      relaxed += size[v]!;
      for (let a = start[v]!; a < last; a++) {
        const nd = d + cost[a]!;
        // Arcs are sorted by cost (ArcPool): the rest of v's are dearer still.
        if (nd > limit) break;
        const w = other[a]!;
        if (nd < dist[w]! && w !== skip) {
          if (dist[w] === Infinity) touched.push(w);
          dist[w] = nd;
          if (pending[w] === stamp) {
            if (nd <= via[w]!) {
              pending[w] = 0;
              if (--open === 0) return false;
              if (via[w] === limit) limit = this.openLimit();
            }
          }
          heap.push(nd, w);
        }
      }
    }
    return false;
  }
}
