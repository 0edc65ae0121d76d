/**
 * The Connection Scan earliest arrival against the plain time-dependent Dijkstra and RAPTOR
 * on the same day's timetable: random queries on the S48 feed, Monaco's and Nanjing's OSM
 * bus lines and synthetic cities (lines by frequencies, trips past midnight, lines that loop
 * back near their own stops), one stop or many at each end, forwards and on the backward
 * timetable, at every profile's walking speed, with and without the stroller's blocked
 * stops, with the map in one cell and cut into many: the same earliest arrival (or none) as
 * Dijkstra and as RAPTOR with rounds enough.
 * Every journey read back is a real one: each vehicle boarded at the stop one is at, after
 * one is there, walks only on footpaths and never two in a row, ending at the arrival.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readOsmFile } from "../osm/index.ts";
import { ConnectionScan, type FastestJourney } from "./connection-scan.ts";
import { footpathTimes } from "./footpaths.ts";
import { TransitNetwork } from "./network.ts";
import { osmTransitFeed } from "./osm-bus.ts";
import { RaptorWorkspace, raptor, type StopWalk } from "./raptor.ts";
import { randomSource, syntheticGtfs } from "./synthetic-feed.ts";
import { timeDependentDijkstra } from "./td-dijkstra.ts";
import type { DayTimetable } from "./timetable.ts";
import { OSM_DIR, feedOf, s48Feed } from "./transit-fixtures.ts";

const DATE = 20261015;
const ROUNDS = 40;

function expectRealJourney(network: TransitNetwork, day: DayTimetable, found: FastestJourney, start: number, access: readonly StopWalk[], egress: readonly StopWalk[], speed: number, blocked: Uint8Array | null): void {
  const walk = footpathTimes(network.footpaths, speed);
  const open = (s: number) => blocked === null || blocked[s] !== 1;
  const accessWalks = access.filter((a) => a.stop === found.accessStop);
  expect(accessWalks.length).toBeGreaterThan(0);
  let clock = start + Math.min(...accessWalks.map((a) => a.seconds));
  let at = found.accessStop, walked = true, vehicles = 0;
  expect(open(at)).toBe(true);
  for (const leg of found.legs) {
    if (leg.kind === "foot") {
      expect(walked).toBe(false);
      expect(leg.from).toBe(at);
      let seconds = Infinity;
      for (let y = network.footpaths.first[leg.from]!; y < network.footpaths.first[leg.from + 1]!; y++) if (network.footpaths.target[y] === leg.to) seconds = Math.min(seconds, walk[y]!);
      expect(leg.arrival).toBe(clock + seconds);
      expect(open(leg.to)).toBe(true);
      clock = leg.arrival;
      at = leg.to;
      walked = true;
      continue;
    }
    const p = day.patterns[leg.pattern]!, len = p.stops.length;
    expect(p.stops[leg.board]).toBe(at);
    expect(p.departure[leg.trip * len + leg.board]!).toBeGreaterThanOrEqual(clock);
    expect(leg.alight).toBeGreaterThan(leg.board);
    clock = p.arrival[leg.trip * len + leg.alight]!;
    at = p.stops[leg.alight]!;
    expect(open(at)).toBe(true);
    walked = false;
    vehicles++;
  }
  expect(vehicles).toBe(found.rounds);
  expect(at).toBe(found.egressStop);
  expect(egress.some((e) => e.stop === at && e.seconds === found.egressSeconds)).toBe(true);
  expect(clock + found.egressSeconds).toBe(found.arrival);
}

function compare(network: TransitNetwork, queries: number, seed: number): number {
  const n = network.feed.stops.length;
  const random = randomSource(seed);
  const pick = () => Math.floor(random() * n);
  const ends = (many: boolean): StopWalk[] => {
    if (!many) return [{ stop: pick(), seconds: 0 }];
    const s = network.feed.stops[pick()]!;
    return network.stopsNear([s.lon, s.lat], 800, 12).map((x) => ({ stop: x.stop, seconds: Math.round(x.metres * 1.3) }));
  };
  // As built for the network (one cell for these), and cut into cells of about 8 stops (a minute of one cell can make a connection of another catchable).
  const scans = [1000, 8].map((perCell) => [new ConnectionScan(network.day(DATE), network.feed.stops, perCell), new ConnectionScan(network.backward(DATE), network.feed.stops, perCell)] as const);
  const workspaces = [new RaptorWorkspace(n, network.day(DATE).patterns.length, ROUNDS), new RaptorWorkspace(n, network.backward(DATE).patterns.length, ROUNDS)];
  let reached = 0;
  for (let q = 0; q < queries; q++) {
    const backward = q % 4 === 3;
    const day = backward ? network.backward(DATE) : network.day(DATE);
    const access = ends(q % 2 === 1), egress = ends(q % 3 === 1);
    const seconds = 4 * 3600 + Math.floor(random() * 21 * 3600);
    const start = backward ? -seconds : seconds;
    const speed = [1.0, 1.1, 1.4][q % 3]!;
    const blocked = q % 5 === 2 ? network.notStepFree : null;
    const found = scans[0]![backward ? 1 : 0].fastest(network.footpaths, start, access, egress, speed, blocked);
    const inCells = scans[1]![backward ? 1 : 0].fastest(network.footpaths, start, access, egress, speed, blocked);
    expect({ q, arrival: inCells?.arrival ?? null }).toEqual({ q, arrival: found?.arrival ?? null });
    if (inCells !== null) expectRealJourney(network, day, inCells, start, access, egress, speed, blocked);
    const byRaptor = raptor(day, network.footpaths, workspaces[backward ? 1 : 0]!, start, access, egress, ROUNDS, speed, blocked).pareto.at(-1)?.arrival ?? null;
    expect({ q, arrival: found?.arrival ?? null }).toEqual({ q, arrival: byRaptor });
    if (blocked === null) {
      const plain = timeDependentDijkstra(day, network.footpaths, n, start, access, egress, speed);
      expect({ q, arrival: found?.arrival ?? null }).toEqual({ q, arrival: plain });
    }
    if (found === null) continue;
    expectRealJourney(network, day, found, start, access, egress, speed, blocked);
    reached++;
  }
  return reached;
}

describe("Connection Scan answers as Dijkstra and RAPTOR do", () => {
  it("on the S48 feed (1,500 random queries)", () => {
    expect(compare(new TransitNetwork("s48", s48Feed()), 1500, 21)).toBeGreaterThan(500);
  });

  it("on Monaco's and Nanjing's OSM bus lines (600 random queries each)", () => {
    for (const [file, zone] of [["monaco-2019-09-30.osm.pbf", "Europe/Monaco"], ["nanjing-xinjiekou-2021-06-12.osm", "Asia/Shanghai"]] as const) {
      const network = new TransitNetwork(file, osmTransitFeed(readOsmFile(path.join(OSM_DIR, file)), { timeZone: zone }).feed);
      expect(compare(network, 600, 8)).toBeGreaterThan(200);
    }
  });

  it("on synthetic cities with frequencies, trips past midnight and looping lines (2 × 1,000 random queries)", () => {
    const grid = feedOf(syntheticGtfs({ side: 30, routes: 90, stopsPerRoute: 12, tripsPerDirection: 30, frequencyEvery: 5, stride: 2, seed: 9 }));
    expect(compare(new TransitNetwork("grid", grid), 1000, 23)).toBeGreaterThan(600);
    const tangled = feedOf(syntheticGtfs({ side: 12, routes: 30, stopsPerRoute: 14, tripsPerDirection: 24, frequencyEvery: 4, turn: 0.6, seed: 3 }));
    expect(compare(new TransitNetwork("tangled", tangled), 1000, 6)).toBeGreaterThan(600);
  });

  it("reads back a journey whose rides take no time, where a trip is boarded again further back after its label was set", () => {
    // Trip T calls at stops 0, 1, 2 and trip U at 2, 0, every call at 08:00:00 (as minute-rounded timetables do);
    // the stops are far apart (no walks). From 1 to 2: T alone. Reading T's stop 2 back through T's latest
    // boarding (at 0, made possible by U from 2) went round 2 → 0 → 2 for ever.
    const at = "08:00:00";
    const files = new Map<string, string>([
      ["agency.txt", "agency_id,agency_name,agency_url,agency_timezone\na,A,https://example.org,Asia/Shanghai\n"],
      ["stops.txt", "stop_id,stop_name,stop_lat,stop_lon\ns0,S0,31.0,118.0\ns1,S1,31.0,118.1\ns2,S2,31.0,118.2\n"],
      ["routes.txt", "route_id,agency_id,route_short_name,route_long_name,route_type\nT,a,T,T,3\nU,a,U,U,3\n"],
      ["trips.txt", "route_id,service_id,trip_id\nT,daily,t\nU,daily,u\n"],
      ["stop_times.txt", `trip_id,arrival_time,departure_time,stop_id,stop_sequence\nt,${at},${at},s0,1\nt,${at},${at},s1,2\nt,${at},${at},s2,3\nu,${at},${at},s2,1\nu,${at},${at},s0,2\n`],
      ["calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\ndaily,1,1,1,1,1,1,1,20260101,20271231\n"],
    ]);
    const network = new TransitNetwork("zero", feedOf(new Map([...files].map(([name, text]) => [name, () => Buffer.from(text, "utf8")]))));
    const day = network.day(DATE);
    const access = [{ stop: 1, seconds: 0 }], egress = [{ stop: 2, seconds: 60 }];
    for (const perCell of [1000, 1]) {
      const found = new ConnectionScan(day, network.feed.stops, perCell).fastest(network.footpaths, 8 * 3600, access, egress, 1.0);
      expect(found?.arrival).toBe(8 * 3600 + 60);
      expectRealJourney(network, day, found!, 8 * 3600, access, egress, 1.0, null);
      expect(found!.rounds).toBe(1);
    }
  });

  it("answers at once when no vehicle leaves the start or reaches the end", () => {
    const network = new TransitNetwork("s48", s48Feed());
    const scan = new ConnectionScan(network.day(DATE), network.feed.stops);
    const served = network.day(DATE).patterns[0]!.stops;
    // A stop no vehicle calls at, with no footpath to one that does, cannot end a journey.
    const lonely = network.feed.stops.length;
    const wide = new ConnectionScan(network.day(DATE), [...network.feed.stops, { lon: 0, lat: 0 }]);
    expect(wide.earliestArrival(network.footpaths, 8 * 3600, [{ stop: served[0]!, seconds: 0 }], [{ stop: lonely, seconds: 0 }], 1.0)).toBeNull();
    // The last stop of a line boards nothing there: a journey must start somewhere a vehicle leaves.
    const ends = new Set(network.day(DATE).patterns.map((p) => p.stops[p.stops.length - 1]!));
    const starts = new Set(network.day(DATE).patterns.flatMap((p) => [...p.stops.subarray(0, p.stops.length - 1)]));
    const terminus = [...ends].find((s) => !starts.has(s));
    if (terminus !== undefined) expect(scan.earliestArrival(network.footpaths, 8 * 3600, [{ stop: terminus, seconds: 0 }], [{ stop: served[1]!, seconds: 0 }], 1.0)).toBeNull();
    expect(scan.earliestArrival(network.footpaths, 8 * 3600, [{ stop: served[0]!, seconds: 0 }], [{ stop: served[2]!, seconds: 0 }], 1.0)).not.toBeNull();
  });
});
