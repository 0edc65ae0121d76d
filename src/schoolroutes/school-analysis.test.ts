/**
 * The school-route analysis on a small town built so the right answer is known: a primary
 * road runs east-west; the school is north of it; most homes are south of it and the short
 * walk crosses the main road at an unmarked junction, while a signalised crossing lies 250 m
 * east. That junction must rank first, the south homes' walks are not safe, the north homes'
 * are, and marking the junction signalised makes every walk safe.
 */
import { describe, expect, it } from "vitest";
import type { OsmElement, OsmTags } from "../osm/index.ts";
import { buildProfileGraph, buildStreetNetwork, PROFILES, MAX_SNAP_M } from "../routing/index.ts";
import { WalkNetwork } from "../access/index.ts";
import { crossingFacts, controlOf, SIGNALS, UNMARKED, ZEBRA, NONE } from "./crossing-facts.ts";
import { analyseSchoolRoutes, type Home, type School } from "./school-analysis.ts";
import { applyChanges } from "./school-changes.ts";

const LON0 = 112.6;
const LAT0 = 26.9;
const M_LAT = 111_320;
const M_LON = M_LAT * Math.cos((LAT0 * Math.PI) / 180);
const at = (x: number, y: number): [number, number] => [LON0 + x / M_LON, LAT0 + y / M_LAT];

function town(junctionTags: OsmTags = { highway: "crossing", crossing: "unmarked" }, cameraX = -100): OsmElement[] {
  const elements: OsmElement[] = [];
  const nodes = new Map<string, number>();
  const node = (x: number, y: number, tags: OsmTags = {}) => {
    const key = `${x},${y}`;
    const known = nodes.get(key);
    if (known !== undefined) return known;
    const id = nodes.size + 1;
    nodes.set(key, id);
    const [lon, lat] = at(x, y);
    elements.push({ type: "node", id, lon, lat, tags });
    return id;
  };
  // Tagged nodes first, so `node` keeps their tags.
  node(0, 0, junctionTags);
  node(250, 0, { highway: "traffic_signals" });
  node(cameraX, 0, { man_made: "surveillance", "surveillance:type": "camera" });
  let wayId = 1000;
  const way = (tags: OsmTags, points: Array<[number, number]>) => elements.push({ type: "way", id: wayId++, refs: points.map(([x, y]) => node(x, y)), tags });
  const main: Array<[number, number]> = [];
  for (let x = -300; x <= 300; x += 50) main.push([x, 0]);
  way({ highway: "primary", name: "Main Road", sidewalk: "both", maxspeed: "60" }, main);
  way({ highway: "residential", name: "North Street", sidewalk: "both" }, [[0, 0], [0, 100], [0, 200]]);
  way({ highway: "residential", name: "South Street", sidewalk: "both" }, [[0, 0], [0, -100], [0, -200]]);
  way({ highway: "residential", name: "East Lane", sidewalk: "both" }, [[250, 200], [250, 100], [250, 0], [250, -100], [250, -200]]);
  way({ highway: "residential", name: "School Lane", sidewalk: "both" }, [[0, 200], [125, 200], [250, 200]]);
  way({ highway: "residential", name: "South Lane", sidewalk: "no" }, [[0, -200], [125, -200], [250, -200]]);
  way({ highway: "residential", name: "West Lane", sidewalk: "both" }, [[-250, 200], [-125, 200], [0, 200]]);
  return elements;
}

function analyse(elements: OsmElement[], schools: School[], homes: Home[], changes: Parameters<typeof applyChanges>[2] = [], catchments?: ReadonlyMap<string, (lon: number, lat: number) => boolean>) {
  const base = buildStreetNetwork(elements);
  const baseFacts = crossingFacts(elements, base);
  const { network, facts } = applyChanges(base, baseFacts, changes);
  const graph = buildProfileGraph(network, "child-walk");
  const snapper = new WalkNetwork(graph, network.coords, PROFILES["child-walk"].speed, MAX_SNAP_M);
  return { network, analysis: analyseSchoolRoutes(network, graph, facts, snapper, schools, homes, { catchments }) };
}

const [gLon, gLat] = at(0, 205);
const SCHOOL: School = { id: "node/1", name: "北街小学", kind: "primary", lon: gLon, lat: gLat, gates: [at(0, 200)] };
const home = (id: string, x: number, y: number, areaM2: number): Home => ({ id, lon: at(x, y)[0], lat: at(x, y)[1], areaM2 });
const HOMES = [home("s1", 0, -200, 3000), home("s2", 0, -100, 2000), home("s3", 125, -200, 1000), home("n1", -125, 200, 1500), home("n2", 0, 100, 500)];

describe("school-route analysis on a town where the answer is known", () => {
  it("reads the crossing's control from OSM tags", () => {
    expect(controlOf({ highway: "traffic_signals" })).toBe(SIGNALS);
    expect(controlOf({ highway: "crossing", crossing: "zebra" })).toBe(ZEBRA);
    expect(controlOf({ highway: "crossing", crossing: "uncontrolled" })).toBe(ZEBRA);
    expect(controlOf({ highway: "crossing", crossing: "uncontrolled", "crossing:markings": "no" })).toBe(UNMARKED);
    expect(controlOf({ highway: "crossing", crossing: "unmarked" })).toBe(UNMARKED);
    expect(controlOf({ highway: "crossing", crossing: "no" })).toBe(NONE);
    expect(controlOf({})).toBe(NONE);
  });

  it("ranks the unmarked crossing of the main road first, with the area of every home behind it", () => {
    const { network, analysis } = analyse(town(), [SCHOOL], HOMES);
    const first = analysis.crossings[0]!;
    expect(first.control).toBe("unmarked");
    expect(first.road).toMatchObject({ name: "Main Road", roadClass: "primary", main: true });
    const [x, y] = [(first.lon - LON0) * M_LON, (first.lat - LAT0) * M_LAT];
    expect(Math.hypot(x, y)).toBeLessThan(1);
    expect(first.areaM2).toBe(6000);
    expect(first.schools).toEqual(["node/1"]);
    expect(first.camera).toBe(false);
    expect(analyse(town(undefined, -30), [SCHOOL], HOMES).analysis.crossings[0]!.camera).toBe(true);
    expect(network.crossedWay[first.vertex]).toBeGreaterThanOrEqual(0);
    const school = analysis.schools[0]!;
    expect(school).toMatchObject({ id: "node/1", homes: 5, areaM2: 8000, onNetwork: true });
    expect(school.safeShare).toBeCloseTo(2000 / 8000, 6);
    expect(school.crossings.unmarked).toBe(1);
    expect(school.crossings.signals).toBe(0);
  });

  it("lists the street without a footway that children walk along", () => {
    const { analysis } = analyse(town(), [SCHOOL], HOMES);
    const lane = analysis.segments.find((s) => s.road.name === "South Lane");
    expect(lane).toBeDefined();
    expect(lane!.sidewalk).toBe("no");
    expect(lane!.areaM2).toBe(1000);
    expect(analysis.segments.some((s) => s.road.name === "North Street")).toBe(false);
  });

  it("makes every walk safe when the junction is marked signalised, and the junction's rank falls", () => {
    const { analysis: before } = analyse(town(), [SCHOOL], HOMES);
    const { analysis: after } = analyse(town(), [SCHOOL], HOMES, [{ lon: at(3, 2)[0], lat: at(3, 2)[1], control: "signals" }]);
    expect(after.schools[0]!.safeShare).toBe(1);
    const junction = after.crossings.find((c) => c.vertex === before.crossings[0]!.vertex)!;
    expect(junction.control).toBe("signals");
    expect(junction.score).toBeLessThan(before.crossings[0]!.score / 5);
  });

  it("splits homes between two schools of a kind by walk, and keeps kindergartens apart", () => {
    const east: School = { id: "node/2", name: "东巷小学", kind: "primary", lon: at(250, -205)[0], lat: at(250, -205)[1], gates: [] };
    const kindergarten: School = { id: "node/3", name: "南街幼儿园", kind: "kindergarten", lon: at(0, -205)[0], lat: at(0, -205)[1], gates: [] };
    const { analysis } = analyse(town(), [SCHOOL, east, kindergarten], HOMES);
    const byId = new Map(analysis.schools.map((s) => [s.id, s]));
    // s3 is 125 m from the east school along a lane without a footway, 525 m from the north one.
    expect(byId.get("node/2")).toMatchObject({ homes: 1, areaM2: 1000, safeShare: 1 });
    expect(byId.get("node/1")).toMatchObject({ homes: 4, areaM2: 7000 });
    expect(byId.get("node/1")!.safeShare).toBeCloseTo(2000 / 7000, 6);
    // The kindergarten is the only one of its kind: every home walks to it, whatever the schools do.
    expect(byId.get("node/3")).toMatchObject({ homes: 5, areaM2: 8000 });
    expect(analysis.unreachedM2.kindergarten).toBe(0);
  });

  it("counts a camera near the gate's roads and none where there is none", () => {
    const { analysis } = analyse(town(), [SCHOOL, { ...SCHOOL, id: "node/9", name: "主路旁", gates: [at(-100, 10)] }], HOMES);
    const byId = new Map(analysis.schools.map((s) => [s.id, s]));
    expect(byId.get("node/9")!.cameraShare).toBeGreaterThan(0);
    expect(byId.get("node/1")!.cameraShare).toBe(0);
  });
});

describe("catchments a city drew", () => {
  it("sends the homes inside a school's catchment to it, even past a nearer school", () => {
    const east: School = { id: "node/2", name: "东巷小学", kind: "primary", lon: at(250, -205)[0], lat: at(250, -205)[1], gates: [] };
    // The north school's catchment is the whole south-west quarter: s1 and s2 go north although s3's lane leads east.
    const southWest = (lon: number, lat: number) => lon < at(60, 0)[0] && lat < at(0, -50)[1];
    const { analysis } = analyse(town(), [SCHOOL, east], HOMES, [], new Map([["node/1", southWest]]));
    const byId = new Map(analysis.schools.map((s) => [s.id, s]));
    expect(byId.get("node/1")).toMatchObject({ homes: 2, areaM2: 5000, catchment: "imported", safeShare: 0 });
    expect(byId.get("node/2")).toMatchObject({ homes: 3, catchment: "nearest" });
    expect(analysis.forests.get("node/1")!.index).toBe(0);
  });
});
