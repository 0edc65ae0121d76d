/**
 * The differential test: on the real Monaco graph, for every profile, the contraction
 * hierarchy returns the same cost as plain Dijkstra on 1,000 random pairs, and a path
 * whose edges really connect start to end and add up to that cost. The same again for
 * hierarchies built on two threads (contraction-helper.ts), including when the helper's
 * findings do not fit its list and are redone by the building thread.
 */
import { describe, expect, it } from "vitest";
import { ContractionHelper } from "./contraction-helper.ts";
import { type Hierarchy, buildHierarchy } from "./contraction-hierarchy.ts";
import { dijkstra, sourceOf } from "./dijkstra.ts";
import { HierarchyQuery } from "./hierarchy-query.ts";
import type { ProfileGraph } from "./profile-graph.ts";
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

describe("contraction hierarchy built on two threads", () => {
  /** The Monaco hierarchies again, with a helper thread sharing the witness searches. */
  async function buildShared(foundCapacity?: number) {
    const data = monacoRouting();
    const helper = await ContractionHelper.start(foundCapacity);
    expect(helper, "the helper thread starts").not.toBeNull();
    try {
      const hierarchies = PROFILE_IDS.map((profile) => [profile, buildHierarchy(data.graphs[profile], helper)] as const);
      return { data, hierarchies, jobs: helper!.jobs, overflows: helper!.overflows, usable: helper!.usable };
    } finally {
      helper!.close();
    }
  }

  function expectSameCosts(graph: ProfileGraph, hierarchy: Hierarchy, seed: number): void {
    const query = new HierarchyQuery(hierarchy);
    const random = seeded(seed);
    for (let i = 0; i < 1000; i++) {
      const s = Math.floor(random() * graph.vertexCount);
      const t = Math.floor(random() * graph.vertexCount);
      const fast = query.route(s, t);
      const plain = dijkstra(graph, s, t);
      expect(fast === null, `pair ${s} -> ${t}`).toBe(plain === null);
      if (fast && plain) expect(fast.cost).toBeCloseTo(plain.cost, 6);
    }
  }

  it("shares searches with the helper and matches plain Dijkstra on 1,000 pairs per profile", async () => {
    const { data, hierarchies, jobs, overflows, usable } = await buildShared();
    expect(jobs).toBeGreaterThan(100);
    expect(overflows).toBe(0);
    expect(usable).toBe(true);
    for (const [profile, hierarchy] of hierarchies) expectSameCosts(data.graphs[profile], hierarchy, PROFILE_IDS.indexOf(profile) + 31);
  });

  it("redoes on the building thread what did not fit the helper's list, with the same costs", async () => {
    const { data, hierarchies, overflows } = await buildShared(2);
    expect(overflows).toBeGreaterThan(10);
    for (const [profile, hierarchy] of hierarchies) expectSameCosts(data.graphs[profile], hierarchy, PROFILE_IDS.indexOf(profile) + 41);
  });

  it("builds on one thread once the helper is closed", async () => {
    const helper = await ContractionHelper.start();
    helper!.close();
    const graph = monacoRouting().graphs["child-bike"];
    expectSameCosts(graph, buildHierarchy(graph, helper), 51);
    expect(helper!.jobs).toBe(0);
  });
});
