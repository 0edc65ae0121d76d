/**
 * Short steps are folded into their neighbours: a turn onto a street walked for 2 m ("左转进入
 * Boulevard d'Italie 0 米") is not read to a parent; its metres go to the step before, a short
 * start hands over to the next street, and what is left keeps the route's whole length.
 */
import { describe, expect, it } from "vitest";
import type { OsmElement } from "../osm/index.ts";
import { dijkstra } from "./dijkstra.ts";
import { buildProfileGraph } from "./profile-graph.ts";
import { MIN_STEP_M, describeRoute, mergeShortSteps, type Instruction } from "./route-description.ts";
import { buildStreetNetwork } from "./street-network.ts";

const at: [number, number] = [7.4, 43.7];

function steps(list: Array<[Instruction["type"], string | null, number]>): { instructions: Instruction[]; streets: Map<Instruction, string> } {
  const streets = new Map<Instruction, string>();
  const instructions = list.map(([type, street, distanceM]) => {
    const step: Instruction = { type, text: `${type} ${street ?? ""}`.trim(), distanceM, at };
    if (street !== null) streets.set(step, street);
    return step;
  });
  return { instructions, streets };
}

describe("short route steps", () => {
  it("folds a 0 m turn into the step before", () => {
    const { instructions, streets } = steps([["start", "A", 120], ["turn-left", "Boulevard d'Italie", 0], ["turn-right", "C", 80], ["arrive", null, 0]]);
    const merged = mergeShortSteps(instructions, streets, "zh");
    expect(merged.map((s) => s.type)).toEqual(["start", "turn-right", "arrive"]);
    expect(merged[0]!.distanceM).toBe(120);
    expect(merged.some((s) => s.distanceM > 0 && s.distanceM < MIN_STEP_M)).toBe(false);
  });

  it("hands a start of a few metres to the next street, keeping the metres", () => {
    const { instructions, streets } = steps([["start", "A", 3], ["turn-left", "B", 200], ["arrive", null, 0]]);
    const merged = mergeShortSteps(instructions, streets, "zh");
    expect(merged.map((s) => [s.type, s.text, s.distanceM])).toEqual([["start", "沿B出发", 203], ["arrive", "arrive", 0]]);
  });

  it("joins two steps along the same street once the short one between them is gone", () => {
    const { instructions, streets } = steps([["start", "A", 50], ["turn-left", "B", 2], ["turn-right", "A", 60], ["cross", null, 0], ["arrive", null, 0]]);
    const merged = mergeShortSteps(instructions, streets, "en");
    expect(merged.map((s) => [s.type, s.distanceM])).toEqual([["start", 112], ["cross", 0], ["arrive", 0]]);
  });

  it("leaves no step under a few metres on real streets, and the steps still add up", () => {
    // A (west-east, 80 m), a 2 m stub B, then C north for 80 m: the turn onto B is folded in.
    const node = (id: number, x: number, y: number): OsmElement => ({ type: "node", id, lon: 7.4 + x * 1e-5, lat: 43.7 + y * 1e-5, tags: {} });
    const elements: OsmElement[] = [
      node(1, 0, 0), node(2, 1000, 0), node(3, 1003, 0), node(4, 1003, 720),
      { type: "way", id: 10, refs: [1, 2], tags: { highway: "residential", name: "A" } },
      { type: "way", id: 11, refs: [2, 3], tags: { highway: "residential", name: "Boulevard d'Italie" } },
      { type: "way", id: 12, refs: [3, 4], tags: { highway: "residential", name: "C" } },
    ];
    const network = buildStreetNetwork(elements);
    const graph = buildProfileGraph(network, "child-walk");
    const vertex = (osmId: number): number => network.osmNodeIds.indexOf(osmId);
    const path = dijkstra(graph, vertex(1), vertex(4))!;
    const route = describeRoute(network, graph, path.edges, vertex(1), "zh");
    expect(route.instructions.map((i) => i.text)).toEqual(["沿A出发", "左转进入C", "到达目的地"]);
    const along = route.instructions.filter((i) => i.type !== "arrive");
    expect(along.every((i) => i.distanceM >= MIN_STEP_M)).toBe(true);
    expect(Math.abs(along.reduce((sum, i) => sum + i.distanceM, 0) - route.distanceM)).toBeLessThanOrEqual(2);
  });
});
