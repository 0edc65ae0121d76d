/** A re-costed graph equals the graph built again from the changed network, on Monaco, for every profile. */
import { describe, expect, it } from "vitest";
import { CROSSING_NONE, CROSSING_SIGNALS, CROSSING_ZEBRA } from "./street-network.ts";
import { buildProfileGraph } from "./profile-graph.ts";
import { PROFILE_IDS } from "./profiles.ts";
import { monacoRouting, seeded } from "./routing-fixture.ts";
import { withCrossingsChanged } from "./crossing-change.ts";

describe("a graph with crossings changed", () => {
  it("costs every edge as a graph built from the changed network would", () => {
    const { network } = monacoRouting();
    const random = seeded(42);
    const roadVertices = [...network.crossedWay.keys()].filter((v) => network.crossedWay[v]! >= 0);
    const changed = Array.from({ length: 40 }, () => roadVertices[Math.floor(random() * roadVertices.length)]!);
    const crossing = Uint8Array.from(network.crossing);
    changed.forEach((v, i) => (crossing[v] = [CROSSING_SIGNALS, CROSSING_ZEBRA, CROSSING_NONE][i % 3]!));
    const after = { ...network, crossing };
    for (const profile of PROFILE_IDS) {
      const patched = withCrossingsChanged(buildProfileGraph(network, profile), network, after, changed);
      const rebuilt = buildProfileGraph(after, profile);
      expect(patched.target).toEqual(rebuilt.target);
      let differ = 0;
      for (let e = 0; e < rebuilt.cost.length; e++) if (Math.abs(patched.cost[e]! - rebuilt.cost[e]!) > 1e-9) differ++;
      expect(differ, profile).toBe(0);
    }
    // The change did change something, or the test proves nothing.
    const base = buildProfileGraph(network, "child-walk");
    expect(base.cost.some((c, e) => c !== buildProfileGraph(after, "child-walk").cost[e])).toBe(true);
  });
});
