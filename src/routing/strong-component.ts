/**
 * The largest strongly connected piece of a profile graph: the vertices from which every
 * other one can be reached and back. Snapping a start or end to it (not just to the largest
 * weakly connected piece) means a cyclist is never put on a one-way spur that leads out
 * and never back, which would give "no route" for a point that looked reachable.
 * Found as forward ∩ backward reachability from a few well-connected roots, which is
 * linear per root and enough for street graphs, whose main strong piece holds most vertices.
 */
import type { ProfileGraph } from "./profile-graph.ts";

const ROOTS_TRIED = 4;

function reach(n: number, first: Int32Array, next: Int32Array, root: number): Uint8Array {
  const seen = new Uint8Array(n);
  const stack = [root];
  seen[root] = 1;
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (let e = first[v]!; e < first[v + 1]!; e++) {
      const w = next[e]!;
      if (seen[w]) continue;
      seen[w] = 1;
      stack.push(w);
    }
  }
  return seen;
}

/** The reverse graph's adjacency (in-edges) in the same compressed layout as the graph. */
function reversed(graph: ProfileGraph): { first: Int32Array; next: Int32Array } {
  const n = graph.vertexCount;
  const first = new Int32Array(n + 1);
  for (let e = 0; e < graph.target.length; e++) first[graph.target[e]! + 1]!++;
  for (let v = 0; v < n; v++) first[v + 1]! += first[v]!;
  const fill = first.slice(0, n);
  const next = new Int32Array(graph.target.length);
  for (let v = 0; v < n; v++) {
    for (let e = graph.firstEdge[v]!; e < graph.firstEdge[v + 1]!; e++) next[fill[graph.target[e]!]!++] = v;
  }
  return { first, next };
}

/** 1 for each vertex of the largest strongly connected piece found, 0 elsewhere. */
export function largestStrongComponent(graph: ProfileGraph): Uint8Array {
  const n = graph.vertexCount;
  const back = reversed(graph);
  const degree = (v: number) => graph.firstEdge[v + 1]! - graph.firstEdge[v]! + back.first[v + 1]! - back.first[v]!;
  const roots = Array.from({ length: n }, (_, v) => v).sort((a, b) => degree(b) - degree(a)).slice(0, ROOTS_TRIED);
  let best = new Uint8Array(n);
  let bestSize = 0;
  for (const root of roots) {
    if (best[root]) continue;
    const forward = reach(n, graph.firstEdge, graph.target, root);
    const backward = reach(n, back.first, back.next, root);
    const piece = new Uint8Array(n);
    let size = 0;
    for (let v = 0; v < n; v++) {
      if (!forward[v] || !backward[v]) continue;
      piece[v] = 1;
      size++;
    }
    if (size > bestSize) [best, bestSize] = [piece, size];
  }
  return best;
}
