import { describe, expect, it } from "vitest";
import type { ProfileGraph } from "./profile-graph.ts";
import { largestStrongComponent } from "./strong-component.ts";

/** A graph from directed edges, in the compressed layout the router uses. */
function graphOf(n: number, edges: Array<[number, number]>): ProfileGraph {
  const sorted = [...edges].sort((a, b) => a[0] - b[0]);
  const firstEdge = new Int32Array(n + 1);
  for (const [from] of sorted) firstEdge[from + 1]!++;
  for (let v = 0; v < n; v++) firstEdge[v + 1]! += firstEdge[v]!;
  return {
    profile: "child-bike",
    vertexCount: n,
    firstEdge,
    target: Int32Array.from(sorted.map(([, to]) => to)),
    cost: new Float64Array(sorted.length).fill(1),
    segment: new Int32Array(sorted.length),
  };
}

describe("largest strongly connected piece", () => {
  it("leaves out one-way spurs that lead out and never back, and one-way entries", () => {
    // 0 ⇄ 1 ⇄ 2 ⇄ 3 ⇄ 0 is a two-way loop; 2 → 4 → 5 leaves it one way; 6 → 0 enters it one way.
    const two = (a: number, b: number): Array<[number, number]> => [[a, b], [b, a]];
    const graph = graphOf(7, [...two(0, 1), ...two(1, 2), ...two(2, 3), ...two(3, 0), [2, 4], [4, 5], [6, 0]]);
    expect([...largestStrongComponent(graph)]).toEqual([1, 1, 1, 1, 0, 0, 0]);
  });

  it("keeps a one-way ring, which can be ridden round", () => {
    const graph = graphOf(4, [[0, 1], [1, 2], [2, 3], [3, 0]]);
    expect([...largestStrongComponent(graph)]).toEqual([1, 1, 1, 1]);
  });
});
