/**
 * The cost model on the situations it exists for: a crossing with signals is chosen over
 * a shorter unsignalled one, a stroller never takes steps, a bike respects one-way streets,
 * first on a small hand-made street corner, then on the real Monaco streets.
 */
import { describe, expect, it } from "vitest";
import type { OsmElement } from "../osm/index.ts";
import { dijkstra } from "./dijkstra.ts";
import { buildProfileGraph } from "./profile-graph.ts";
import { monacoRouting, seeded } from "./routing-fixture.ts";
import { ROAD_CLASSES, buildStreetNetwork } from "./street-network.ts";

/**
 * Two sidewalks (y = 0 and y = 2) either side of a primary road (y = 1). Crossing A at
 * x = 0 is straight across but unmarked; crossing B at x = 3 has signals. Start and end sit
 * at x = 0 on either side.
 */
function streetCorner(): OsmElement[] {
  const step = 0.0005;
  const node = (id: number, x: number, y: number, tags: Record<string, string> = {}): OsmElement => ({ type: "node", id, lon: 7.4 + x * step, lat: 43.7 + y * step, tags });
  const way = (id: number, refs: number[], tags: Record<string, string>): OsmElement => ({ type: "way", id, refs, tags });
  return [
    node(1, 0, 0), node(2, 3, 0), node(3, 0, 2), node(4, 3, 2),
    node(5, -1, 1), node(6, 0, 1, { highway: "crossing", crossing: "unmarked" }), node(7, 3, 1, { highway: "crossing", crossing: "traffic_signals" }), node(8, 4, 1),
    way(100, [5, 6, 7, 8], { highway: "primary", name: "Big Road", sidewalk: "separate" }),
    way(101, [1, 2], { highway: "footway", footway: "sidewalk" }),
    way(102, [3, 4], { highway: "footway", footway: "sidewalk" }),
    way(103, [1, 6, 3], { highway: "footway", footway: "crossing" }),
    way(104, [2, 7, 4], { highway: "footway", footway: "crossing" }),
  ];
}

/** From 1 to 2: short steps straight down, or a longer ramp round the side. */
function stepsOrRamp(): OsmElement[] {
  const node = (id: number, x: number, y: number): OsmElement => ({ type: "node", id, lon: 7.4 + x * 0.0005, lat: 43.7 + y * 0.0005, tags: {} });
  return [
    node(1, 0, 0), node(2, 0, 1), node(3, 1, 0.5),
    { type: "way", id: 200, refs: [1, 2], tags: { highway: "steps" } },
    { type: "way", id: 201, refs: [1, 3, 2], tags: { highway: "footway", incline: "up" } },
  ];
}

describe("cost model on a street corner", () => {
  const network = buildStreetNetwork(streetCorner());
  const vertex = (osmId: number) => network.osmNodeIds.indexOf(osmId);
  const route = (profile: Parameters<typeof buildProfileGraph>[1]) => {
    const graph = buildProfileGraph(network, profile);
    const path = dijkstra(graph, vertex(1), vertex(3))!;
    return path.edges.map((e) => network.osmNodeIds[graph.target[e]!]);
  };

  it("sends a child on foot round to the signals, not straight over the unmarked crossing", () => {
    expect(route("child-walk")).toContain(7);
    expect(route("child-walk")).not.toContain(6);
  });

  it("lets an adult take the short unmarked crossing", () => {
    expect(route("adult-walk")).toEqual([6, 3]);
  });

  it("keeps a stroller off the steps that a child may use", () => {
    const hill = buildStreetNetwork(stepsOrRamp());
    const at = (osmId: number) => hill.osmNodeIds.indexOf(osmId);
    const via = (profile: "stroller" | "child-walk") => {
      const graph = buildProfileGraph(hill, profile);
      return dijkstra(graph, at(1), at(2))!.edges.map((e) => hill.osmNodeIds[graph.target[e]!]);
    };
    expect(via("child-walk")).toEqual([2]);
    expect(via("stroller")).toEqual([3, 2]);
  });
});

describe("cost model on Monaco's real streets", () => {
  const data = monacoRouting();
  const network = data.network;
  const wayOf = (profile: "child-walk" | "adult-walk" | "stroller", edge: number) =>
    network.ways[network.segments[Math.abs(data.graphs[profile].segment[edge]!) - 1]!.way]!;

  it("finds pairs where adults take steps and strollers never do", () => {
    const random = seeded(5);
    let adultSteps = 0;
    for (let i = 0; i < 400; i++) {
      const s = Math.floor(random() * data.graphs["adult-walk"].vertexCount);
      const t = Math.floor(random() * data.graphs["adult-walk"].vertexCount);
      const adult = dijkstra(data.graphs["adult-walk"], s, t);
      if (adult?.edges.some((e) => wayOf("adult-walk", e).roadClass === "steps")) adultSteps++;
      const pushed = dijkstra(data.graphs.stroller, s, t);
      for (const e of pushed?.edges ?? []) expect(wayOf("stroller", e).roadClass).not.toBe("steps");
    }
    expect(adultSteps).toBeGreaterThan(10);
  });

  it("makes children cross major roads at signals or zebras more often than adults", () => {
    const random = seeded(9);
    // An edge of a pedestrian way reaching a major road at an unsignalled, unmarked crossing.
    const unsafe = (profile: "child-walk" | "adult-walk", edges: number[]) =>
      edges.filter((e) => {
        const way = wayOf(profile, e);
        const v = data.graphs[profile].target[e]!;
        const crossed = network.crossedWay[v]!;
        const kind = network.crossing[v]!;
        const pedestrian = way.isCrossing || ROAD_CLASSES.indexOf(way.roadClass) < ROAD_CLASSES.indexOf("service");
        return pedestrian && crossed >= 0 && (kind === 3 || (kind === 0 && way.isCrossing)) &&
          ROAD_CLASSES.indexOf(network.ways[crossed]!.roadClass) >= ROAD_CLASSES.indexOf("tertiary");
      }).length;
    let child = 0;
    let adult = 0;
    for (let i = 0; i < 300; i++) {
      const s = Math.floor(random() * network.osmNodeIds.length);
      const t = Math.floor(random() * network.osmNodeIds.length);
      child += unsafe("child-walk", dijkstra(data.graphs["child-walk"], s, t)?.edges ?? []);
      adult += unsafe("adult-walk", dijkstra(data.graphs["adult-walk"], s, t)?.edges ?? []);
    }
    expect(adult).toBeGreaterThan(0);
    expect(child).toBeLessThan(adult / 3);
  });
});
