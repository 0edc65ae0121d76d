/**
 * Coverage on the real Monaco OSM sample: the one multi-source search gives every
 * residential area the same walking time as the naive method (a Dijkstra from the area to
 * every site, keeping the least), and the hand-checkable cases hold.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { distanceMeters } from "../core/geo.ts";
import { readOsmFile } from "../osm/index.ts";
import { PROFILES, buildProfileGraph, buildStreetNetwork, dijkstra } from "../routing/index.ts";
import { type CoverageSite, type SnappedAreas, computeCoverage, snapAreas, withAddedSites } from "./coverage.ts";
import { residentialAreas } from "./residential-areas.ts";
import { suggestSites } from "./site-suggestions.ts";
import { WalkNetwork } from "./walk-times.ts";

const SAMPLE = new URL("../../../shared/data/osm/monaco-2019-09-30.osm.pbf", import.meta.url).pathname;

describe("coverage on the Monaco sample", () => {
  let walk: WalkNetwork;
  let snapped: SnappedAreas;
  let playgrounds: CoverageSite[];
  beforeAll(() => {
    const elements = readOsmFile(SAMPLE);
    const network = buildStreetNetwork(elements);
    walk = new WalkNetwork(buildProfileGraph(network, "child-walk"), network.coords, PROFILES["child-walk"].speed, 250);
    snapped = snapAreas(walk, residentialAreas(elements), { district: () => "all" });
    const nodes = new Map(elements.filter((e) => e.type === "node").map((e) => [e.id, e]));
    playgrounds = elements.flatMap((e) => {
      if (e.tags["leisure"] !== "playground") return [];
      const at = e.type === "node" ? e : e.type === "way" ? nodes.get(e.refs[0]!) : undefined;
      return at && at.type === "node" ? [{ id: `${e.type}/${e.id}`, lon: at.lon, lat: at.lat }] : [];
    });
  });

  it("finds residential areas and playgrounds to work with", () => {
    expect(snapped.areas.length).toBeGreaterThan(500);
    expect(playgrounds.length).toBeGreaterThanOrEqual(5);
  });

  it("gives each area the same time as a Dijkstra from it to every playground", () => {
    const result = computeCoverage(walk, snapped, playgrounds, 15);
    const sites = playgrounds.map((p) => walk.snap(p.lon, p.lat)!).filter(Boolean);
    const sample = result.areas.filter((_, i) => i % 37 === 0).slice(0, 25);
    for (const area of sample) {
      const i = result.areas.indexOf(area);
      const from = snapped.snaps[i]!;
      const naive = Math.min(...sites.map((s) => (dijkstra(walk.graph, from.vertex, s.vertex)?.cost ?? Infinity) + s.seconds)) + from.seconds;
      const minutes = naive / 60;
      if (minutes <= 45) expect(area.minutes).toBeCloseTo(Math.round(minutes * 10) / 10, 1);
      else expect(area.minutes).toBeNull();
    }
  });

  it("covers a home next to a playground at 5 minutes, and shares rise with the threshold", () => {
    const five = computeCoverage(walk, snapped, playgrounds, 5);
    const near = five.areas.find((a) => playgrounds.some((p) => distanceMeters([p.lon, p.lat], [a.area.lon, a.area.lat]) < 60))!;
    expect(near.covered).toBe(true);
    const ten = computeCoverage(walk, snapped, playgrounds, 10);
    expect(ten.buildings.share).toBeGreaterThan(five.buildings.share);
    expect(ten.buildings.share).toBeLessThan(1);
  });

  it("counts a home close as the crow flies but far on foot as not covered", () => {
    const ten = computeCoverage(walk, snapped, playgrounds, 10);
    // Within 400 m straight (7 minutes at a child's 1 m/s) yet over 10 minutes by the streets.
    const detour = ten.areas.find((a) => !a.covered && a.minutes !== null && playgrounds.some((p) => distanceMeters([p.lon, p.lat], [a.area.lon, a.area.lat]) < 400));
    expect(detour).toBeDefined();
    expect(detour!.minutes!).toBeGreaterThan(10);
  });

  it("raises coverage with a proposed site and lowers it with a closed one", () => {
    const base = computeCoverage(walk, snapped, playgrounds, 10);
    const [suggestion] = suggestSites(walk, snapped, base, 1);
    expect(suggestion!.gainM2).toBeGreaterThan(0);
    const added = computeCoverage(walk, snapped, [...playgrounds, { id: "new", lon: suggestion!.lon, lat: suggestion!.lat }], 10);
    expect(added.buildings.covered).toBeCloseTo(base.buildings.covered + suggestion!.gainBuildingsM2, -1);
    expect(added.land.covered).toBeCloseTo(base.land.covered + suggestion!.gainLandM2, -1);
    const incremental = withAddedSites(walk, snapped, base, [{ id: "new", lon: suggestion!.lon, lat: suggestion!.lat }]);
    expect(incremental.areas.map((a) => a.minutes)).toEqual(added.areas.map((a) => a.minutes));
    expect(incremental.buildings).toEqual(added.buildings);
    const closed = computeCoverage(walk, snapped, playgrounds.slice(1), 10);
    expect(closed.buildings.covered).toBeLessThanOrEqual(base.buildings.covered);
  });
});
