import { sharedInt32 } from "./arc-pool.ts";

/**
 * The shortcuts a priority estimate found, kept for the contraction of the same vertex that
 * often follows at once (contraction-hierarchy.ts): at the top of the hierarchy the
 * estimates and contractions repeat each other's witness searches, and those searches are
 * most of the build.
 *
 * From each in-neighbour whose estimate search ran to its end (no settle or relax limit cut
 * it short), the contraction's search, with larger limits, would find the same witnesses,
 * so the contraction adds the planned shortcuts instead of searching again. Only while the
 * graph is unchanged: any contraction voids the plan. A fresh search can also use the
 * shortcuts added for earlier in-neighbours of the same vertex as witnesses, so a replayed
 * plan may add a shortcut it would not: an extra arc with a real path's cost, never a
 * missing one (on the synthetic city the hierarchies came out the same size).
 */
export class ShortcutPlan {
  /** The vertex estimated; -1 once any vertex is contracted, as the graph has changed. */
  vertex = -1;
  round = 0;
  /** complete[u] === round: the estimate's search from in-neighbour u ran to its end. */
  readonly complete: Int32Array;
  readonly from: number[] = [];
  readonly to: number[] = [];
  readonly cost: number[] = [];
  readonly hops: number[] = [];

  constructor(vertexCount: number) {
    // Shared: the helper thread's searches mark their in-neighbours too (contraction-helper.ts).
    this.complete = sharedInt32(vertexCount);
  }

  /** Forgets the last plan and starts one for `v`, whose estimate is numbered `round`. */
  start(v: number, round: number): void {
    this.vertex = v;
    this.round = round;
    this.from.length = 0;
    this.to.length = 0;
    this.cost.length = 0;
    this.hops.length = 0;
  }

  /** Records the shortcut u -> w (and w -> u on a symmetric graph) standing for `hops` edges. */
  keep(u: number, w: number, cost: number, hops: number): void {
    this.from.push(u);
    this.to.push(w);
    this.cost.push(cost);
    this.hops.push(hops);
  }
}
