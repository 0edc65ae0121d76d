/**
 * The differential test: on the real Monaco graph, for every profile, the contraction
 * hierarchy returns the same cost as plain Dijkstra on 1,000 random pairs, and a path
 * whose edges really connect start to end and add up to that cost.
 */
import { describe, expect, it } from "vitest";
import { dijkstra, sourceOf } from "./dijkstra.ts";
import { HierarchyQuery } from "./hierarchy-query.ts";
import { PROFILE_IDS } from "./profiles.ts";
import { monacoRouting, seeded } from "./routing-fixture.ts";

describe.each(PROFILE_IDS)("contraction hierarchy for %s", (profile) => {
  it("matches plain Dijkstra on 1,000 random pairs", () => {
    const data = monacoRouting();
    const graph = data.graphs[profile];
    const query = new HierarchyQuery(data.hierarchies[profile]);
    const random = seeded(PROFILE_IDS.indexOf(profile) + 11);
    let reachable = 0;
    for (let i = 0; i < 1000; i++) {
      const s = Math.floor(random() * graph.vertexCount);
      const t = Math.floor(random() * graph.vertexCount);
      const fast = query.route(s, t);
      const plain = dijkstra(graph, s, t);
      expect(fast === null, `pair ${s} -> ${t}`).toBe(plain === null);
      if (!fast || !plain) continue;
      reachable++;
      expect(fast.cost).toBeCloseTo(plain.cost, 6);
      let at = s;
      let sum = 0;
      for (const edge of fast.edges) {
        expect(sourceOf(graph, edge)).toBe(at);
        at = graph.target[edge]!;
        sum += graph.cost[edge]!;
      }
      expect(at).toBe(t);
      expect(sum).toBeCloseTo(fast.cost, 6);
    }
    expect(reachable).toBeGreaterThan(600);
  });
});
