/**
 * Route instructions on hand-made streets: one crossing of a dual carriageway (two crossing
 * nodes of the same road, a refuge island between) reads as one instruction after the
 * start, while two different roads crossed one after the other keep one instruction each.
 */
import { describe, expect, it } from "vitest";
import type { OsmElement } from "../osm/index.ts";
import { dijkstra } from "./dijkstra.ts";
import { buildProfileGraph } from "./profile-graph.ts";
import { describeRoute } from "./route-description.ts";
import { buildStreetNetwork } from "./street-network.ts";

/** South sidewalk (y = 0) to north sidewalk (y = 4) over two one-way carriageways (y = 1, 3). */
function dualCarriageway(northName: string, crossing: Record<string, string>): OsmElement[] {
  const node = (id: number, y: number, x = 0, tags: Record<string, string> = {}): OsmElement => ({ type: "node", id, lon: 7.4 + x * 0.0005, lat: 43.7 + y * 0.0001, tags });
  return [
    node(1, 0), node(2, 1, 0, crossing), node(3, 2), node(4, 3, 0, crossing), node(5, 4),
    node(10, 1, -1), node(11, 1, 1), node(12, 3, 1), node(13, 3, -1),
    { type: "way", id: 100, refs: [10, 2, 11], tags: { highway: "primary", name: "Big Road", oneway: "yes" } },
    { type: "way", id: 101, refs: [12, 4, 13], tags: { highway: "primary", name: northName, oneway: "yes" } },
    { type: "way", id: 102, refs: [1, 2, 3, 4, 5], tags: { highway: "footway", footway: "crossing" } },
  ];
}

function crossingInstructions(elements: OsmElement[]) {
  const network = buildStreetNetwork(elements);
  const graph = buildProfileGraph(network, "child-walk");
  const vertex = (osmId: number) => network.osmNodeIds.indexOf(osmId);
  const path = dijkstra(graph, vertex(1), vertex(5))!;
  const route = describeRoute(network, graph, path.edges, vertex(1), "en");
  return { route, crossings: route.instructions.filter((i) => i.type === "cross").map((i) => i.text) };
}

describe("crossing instructions", () => {
  it("says a signalled dual carriageway crossing once, and still counts both waits", () => {
    const { route, crossings } = crossingInstructions(dualCarriageway("Big Road", { highway: "traffic_signals" }));
    expect(crossings).toEqual(["Cross Big Road at the signalled crossing"]);
    expect(route.instructions.map((i) => i.type)).toEqual(["start", "cross", "arrive"]);
    // 40 m of walking at 1 m/s, plus 20 s at each of the two signals.
    expect(route.durationS).toBeGreaterThanOrEqual(route.distanceM + 40);
  });

  it("warns once about an unmarked crossing of the same road", () => {
    const { route, crossings } = crossingInstructions(dualCarriageway("Big Road", { highway: "crossing", crossing: "unmarked" }));
    expect(crossings).toHaveLength(1);
    expect(route.warnings.filter((w) => w.type === "unsignalled-crossing")).toHaveLength(1);
  });

  it("keeps one instruction per road when two different roads are crossed in a row", () => {
    const { crossings } = crossingInstructions(dualCarriageway("Other Road", { highway: "traffic_signals" }));
    expect(crossings).toEqual(["Cross Big Road at the signalled crossing", "Cross Other Road at the signalled crossing"]);
  });
});
