/**
 * Contraction hierarchies (Geisberger et al. 2008) over a profile graph: vertices are
 * contracted one by one in order of importance, adding shortcut arcs that keep every
 * shortest path; a query then searches only upwards from both ends and meets in the middle,
 * settling a few hundred vertices instead of the whole city. Shortcuts remember the vertex
 * they skip, so a path is unpacked back to real street edges.
 *
 * The order follows RoutingKit (Dibbelt, Strasser, Wagner): a vertex's importance is its
 * level plus the ratios of arcs and of original edges its contraction would add to those it
 * removes, re-estimated when a vertex whose neighbourhood changed comes up. Arcs live in
 * typed-array pools (arc-pool.ts), not a Map per vertex: at 300,000 vertices the Maps made
 * the build take minutes.
 *
 * Witness searches (witness-search.ts) are nearly all of the build, most of them in the
 * dense top of the hierarchy. A contraction reuses the searches of the estimate just before
 * it (shortcut-plan.ts), and a vertex with many neighbour pairs shares its searches with a
 * helper thread (contraction-helper.ts).
 */
import { ArcPool } from "./arc-pool.ts";
import type { ContractionHelper } from "./contraction-helper.ts";
import { MinHeap } from "./min-heap.ts";
import type { ProfileGraph } from "./profile-graph.ts";
import { ShortcutPlan } from "./shortcut-plan.ts";
import { FoundShortcuts, type SearchJob, WitnessSearch } from "./witness-search.ts";

/**
 * Upward arcs in CSR form, stored by rank (contraction order) instead of vertex id, so the
 * few thousand top vertices every query reaches sit together in memory. Out-arcs serve the
 * forward search, in-arcs the backward one; arc ends and middles (-1 for an original edge)
 * are ranks, `outEdge`/`inEdge` original edge indices of the profile graph.
 */
export interface Hierarchy {
  vertexCount: number;
  /** Rank of each vertex id. */
  rank: Int32Array;
  outFirst: Int32Array; outTarget: Int32Array; outCost: Float64Array; outMiddle: Int32Array; outEdge: Int32Array;
  inFirst: Int32Array; inSource: Int32Array; inCost: Float64Array; inMiddle: Int32Array; inEdge: Int32Array;
}

/**
 * Vertices a witness search settles before giving up (and keeping the shortcut): fewer when
 * only estimating importance, more when contracting, since every needless shortcut stays in
 * the hierarchy. An estimate also stops after relaxing ESTIMATE_RELAX_LIMIT arcs: in the
 * dense top of the hierarchy a settled vertex has hundreds of arcs, and there a cheap
 * estimate is enough. These limits only trade speed for extra shortcuts, never correctness.
 * On the 326k-vertex synthetic city, estimates that settle 60 vertices instead of 8 (with
 * the priority below) give 7-11% fewer shortcuts per profile and faster queries.
 */
const ESTIMATE_SETTLED_LIMIT = 60;
const ESTIMATE_RELAX_LIMIT = 600;
const CONTRACT_SETTLED_LIMIT = 500;
/** In-neighbours × out-neighbours from which a contraction's searches are shared with the helper thread. */
const HELPER_MIN_PAIRS = 36;

/** Upward arcs in contraction order, before they are sorted into CSR. */
class ArcSink {
  readonly owner: number[] = [];
  readonly other: number[] = [];
  readonly cost: number[] = [];
  readonly middle: number[] = [];
  readonly edge: number[] = [];

  take(owner: number, pool: ArcPool, slot: number): void {
    this.owner.push(owner);
    this.other.push(pool.other[slot]!);
    this.cost.push(pool.cost[slot]!);
    this.middle.push(pool.middle[slot]!);
    this.edge.push(pool.edge[slot]!);
  }

  /**
   * CSR by rank: vertex ids (owner, other, middle) become ranks. Each rank's arcs are sorted
   * by the rank at their other end, so unpacking a shortcut finds its two halves by binary
   * search (hierarchy-query.ts) instead of reading through a top vertex's hundreds of arcs.
   */
  toCsr(rank: Int32Array) {
    const n = rank.length;
    const total = this.owner.length;
    const first = new Int32Array(n + 1);
    for (const v of this.owner) first[rank[v]! + 1]!++;
    for (let r = 0; r < n; r++) first[r + 1]! += first[r]!;
    const next = first.slice(0, n);
    const other = new Int32Array(total);
    const cost = new Float64Array(total);
    const middle = new Int32Array(total);
    const edge = new Int32Array(total);
    for (const i of this.byOtherRank(rank)) {
      const slot = next[rank[this.owner[i]!]!]!++;
      other[slot] = rank[this.other[i]!]!;
      cost[slot] = this.cost[i]!;
      middle[slot] = this.middle[i]! < 0 ? -1 : rank[this.middle[i]!]!;
      edge[slot] = this.edge[i]!;
    }
    return { first, other, cost, middle, edge };
  }

  /** Arc indices in order of the rank at their other end (a counting sort). */
  private byOtherRank(rank: Int32Array): Int32Array {
    const n = rank.length;
    const start = new Int32Array(n + 1);
    for (const w of this.other) start[rank[w]! + 1]!++;
    for (let r = 0; r < n; r++) start[r + 1]! += start[r]!;
    const order = new Int32Array(this.other.length);
    this.other.forEach((w, i) => (order[start[rank[w]!]!++] = i));
    return order;
  }
}

/** Whether each vertex's in-arcs are its out-arcs reversed, at the same costs. */
function mirrored(out: ArcPool, inn: ArcPool): boolean {
  for (let v = 0; v < out.start.length; v++) {
    if (out.size[v] !== inn.size[v]) return false;
    for (let a = out.start[v]!; a < out.start[v]! + out.size[v]!; a++) {
      let found = false;
      for (let b = inn.start[v]!; b < inn.start[v]! + inn.size[v]! && !found; b++) {
        found = inn.other[b] === out.other[a] && inn.cost[b] === out.cost[a];
      }
      if (!found) return false;
    }
  }
  return true;
}

class Contractor {
  readonly out: ArcPool;
  readonly inn: ArcPool;
  /**
   * Every arc has its reverse at the same cost (the walking profiles): each pair of
   * neighbours then needs one witness search, not two, and shortcuts come in pairs.
   */
  private readonly symmetric: boolean;
  /** Depth of the hierarchy below each vertex: part of its importance. */
  private readonly level: Int32Array;
  private readonly mark: Int32Array;
  private stamp = 0;
  private round = 0;
  private readonly search: WitnessSearch;
  private readonly found = new FoundShortcuts(1024);
  /** Shortcuts and the original edges they stand for, from the last `shortcuts` call. */
  private added = 0;
  private addedHops = 0;
  /** What the last estimate found, for a contraction of the same vertex right after it. */
  private readonly plan: ShortcutPlan;
  /** Pool generations the helper was last handed. */
  private helperGeneration = -1;

  constructor(graph: ProfileGraph, private readonly helper: ContractionHelper | null) {
    const n = graph.vertexCount;
    const outDegree = new Int32Array(n);
    const inDegree = new Int32Array(n);
    for (let u = 0; u < n; u++) {
      for (let e = graph.firstEdge[u]!; e < graph.firstEdge[u + 1]!; e++) {
        outDegree[u]!++;
        inDegree[graph.target[e]!]!++;
      }
    }
    this.out = new ArcPool(outDegree);
    this.inn = new ArcPool(inDegree);
    for (let u = 0; u < n; u++) {
      for (let e = graph.firstEdge[u]!; e < graph.firstEdge[u + 1]!; e++) {
        const w = graph.target[e]!;
        if (w === u) continue;
        if (this.out.add(u, w, graph.cost[e]!, -1, e, 1)) this.inn.add(w, u, graph.cost[e]!, -1, e, 1);
      }
    }
    this.symmetric = mirrored(this.out, this.inn);
    this.level = new Int32Array(n);
    this.mark = new Int32Array(n);
    this.plan = new ShortcutPlan(n);
    this.search = new WitnessSearch(this.out, this.inn, this.symmetric, n);
  }

  /**
   * Counts the shortcuts contracting `v` needs into `added`/`addedHops`, adding them when
   * `apply`. An estimate records its shortcuts in the plan; the contraction that follows it
   * replays those of the in-neighbours whose searches ran to their end and searches only
   * from the rest. A vertex with many neighbour pairs shares its searches with the helper.
   */
  private shortcuts(v: number, apply: boolean, settleLimit: number, relaxLimit: number): void {
    const plan = this.plan;
    const replayRound = apply && plan.vertex === v ? plan.round : 0;
    const markRound = apply ? 0 : ++this.round;
    if (!apply) plan.start(v, markRound);
    const shared = this.helper?.usable === true && this.inn.size[v]! * this.out.size[v]! >= HELPER_MIN_PAIRS;
    const parts = shared ? 2 : 1;
    const job = { v, part: 0, parts, settleLimit, relaxLimit, replayRound, markRound };
    if (shared) this.requestHelp({ ...job, part: 1 });
    this.found.count = 0;
    this.search.run(job, plan.complete, this.found);
    let helped: FoundShortcuts | null = null;
    if (shared) {
      helped = this.helper!.collect();
      if (!helped) this.search.run({ ...job, part: 1 }, plan.complete, this.found);
    }
    this.added = 0;
    this.addedHops = 0;
    this.take(this.found, v, apply);
    if (helped) this.take(helped, v, apply);
    if (replayRound) {
      for (let k = 0; k < plan.from.length; k++) this.addShortcut(plan.from[k]!, plan.to[k]!, plan.cost[k]!, v, plan.hops[k]!);
    }
  }

  private requestHelp(job: SearchJob): void {
    const helper = this.helper!;
    const generation = this.out.generation + this.inn.generation;
    if (generation !== this.helperGeneration) {
      this.helperGeneration = generation;
      helper.setup({ vertexCount: this.level.length, symmetric: this.symmetric, out: this.out.lists(), inn: this.inn.lists(), complete: this.plan.complete });
    }
    helper.request(job);
  }

  /** Counts found shortcuts; adds them when applying, else plans those whose search ran to its end. */
  private take(found: FoundShortcuts, v: number, apply: boolean): void {
    const both = this.symmetric ? 2 : 1;
    for (let k = 0; k < found.count; k++) {
      const hops = found.hops[k]!;
      this.added += both;
      this.addedHops += both * hops;
      if (apply) this.addShortcut(found.from[k]!, found.to[k]!, found.cost[k]!, v, hops);
      else if (found.whole[k]) this.plan.keep(found.from[k]!, found.to[k]!, found.cost[k]!, hops);
    }
  }

  /** Adds the shortcut u -> w via v (and w -> u on a symmetric graph) to both pools. */
  private addShortcut(u: number, w: number, cost: number, v: number, hops: number): void {
    const { out, inn } = this;
    if (out.add(u, w, cost, v, -1, hops)) inn.add(w, u, cost, v, -1, hops);
    if (this.symmetric && out.add(w, u, cost, v, -1, hops)) inn.add(u, w, cost, v, -1, hops);
  }

  /**
   * Lower is contracted sooner: RoutingKit's level + added/removed arcs + added/removed
   * original edges, plus a tenth of the plain edge difference, which on a 90k-vertex
   * synthetic city gave 1% fewer shortcuts and a fifth less witness-search work.
   */
  priority(v: number): number {
    this.shortcuts(v, false, ESTIMATE_SETTLED_LIMIT, ESTIMATE_RELAX_LIMIT);
    const { out, inn } = this;
    let removedHops = 0;
    for (let a = out.start[v]!; a < out.start[v]! + out.size[v]!; a++) removedHops += out.hops[a]!;
    for (let a = inn.start[v]!; a < inn.start[v]! + inn.size[v]!; a++) removedHops += inn.hops[a]!;
    const removed = out.size[v]! + inn.size[v]!;
    const edgeDifference = this.added - removed;
    return this.level[v]! + this.added / Math.max(1, removed) + this.addedHops / Math.max(1, removedHops) + 0.1 * edgeDifference;
  }

  /** Contracts `v`: adds its shortcuts, hands its upward arcs to the sinks, returns its neighbours. */
  contract(v: number, upOut: ArcSink, upIn: ArcSink): number[] {
    this.shortcuts(v, true, CONTRACT_SETTLED_LIMIT, Infinity);
    this.plan.vertex = -1;
    const { out, inn } = this;
    const neighbours: number[] = [];
    this.stamp++;
    const visit = (w: number) => {
      this.level[w] = Math.max(this.level[w]!, this.level[v]! + 1);
      if (this.mark[w] === this.stamp) return;
      this.mark[w] = this.stamp;
      neighbours.push(w);
    };
    for (let a = out.start[v]!; a < out.start[v]! + out.size[v]!; a++) {
      upOut.take(v, out, a);
      inn.remove(out.other[a]!, v);
      visit(out.other[a]!);
    }
    for (let a = inn.start[v]!; a < inn.start[v]! + inn.size[v]!; a++) {
      upIn.take(v, inn, a);
      out.remove(inn.other[a]!, v);
      visit(inn.other[a]!);
    }
    return neighbours;
  }
}

/** Contracts every vertex; returns the hierarchy's upward arcs. */
export function buildHierarchy(graph: ProfileGraph, helper: ContractionHelper | null = null): Hierarchy {
  const n = graph.vertexCount;
  const c = new Contractor(graph, helper);
  const priority = new Float64Array(n);
  const queue = new MinHeap(n);
  for (let v = 0; v < n; v++) {
    priority[v] = c.priority(v);
    queue.push(priority[v]!, v);
  }
  const contracted = new Uint8Array(n);
  const dirty = new Uint8Array(n);
  const rank = new Int32Array(n);
  const upOut = new ArcSink();
  const upIn = new ArcSink();
  let next = 0;
  while (queue.size > 0) {
    const key = queue.peekKey();
    const v = queue.pop();
    // Stale entries (the vertex was re-queued with a newer priority) are skipped.
    if (contracted[v] || key !== priority[v]) continue;
    // Lazy updates: a vertex whose neighbourhood changed is re-estimated only when it comes
    // up, and goes back in if it is no longer the least important. Re-estimating every
    // neighbour after each contraction builds the same quality of order in twice the time.
    if (dirty[v]) {
      dirty[v] = 0;
      priority[v] = c.priority(v);
      if (priority[v]! > queue.peekKey()) {
        queue.push(priority[v]!, v);
        continue;
      }
    }
    contracted[v] = 1;
    rank[v] = next++;
    for (const w of c.contract(v, upOut, upIn)) dirty[w] = 1;
  }
  const o = upOut.toCsr(rank);
  const i = upIn.toCsr(rank);
  return {
    vertexCount: n, rank,
    outFirst: o.first, outTarget: o.other, outCost: o.cost, outMiddle: o.middle, outEdge: o.edge,
    inFirst: i.first, inSource: i.other, inCost: i.cost, inMiddle: i.middle, inEdge: i.edge,
  };
}
