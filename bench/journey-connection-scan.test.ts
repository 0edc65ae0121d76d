/**
 * The Connection Scan earliest arrival against the plain time-dependent Dijkstra on the same
 * day's timetable: random queries on the S48 feed and on a synthetic city (lines by
 * frequencies, trips past midnight), one stop or many at each end, forwards and on the
 * backward timetable, at every profile's walking speed: the same earliest arrival (or none).
 */
import { describe, expect, it } from "vitest";
import { ConnectionScan } from "./journey-connection-scan.ts";
import { TransitNetwork } from "../src/transit/network.ts";
import { randomSource, syntheticGtfs } from "../src/transit/synthetic-feed.ts";
import { timeDependentDijkstra } from "../src/transit/td-dijkstra.ts";
import { feedOf, s48Feed } from "../src/transit/transit-fixtures.ts";

function compare(network: TransitNetwork, date: number, queries: number, seed: number): number {
  const n = network.feed.stops.length;
  const random = randomSource(seed);
  const pick = () => Math.floor(random() * n);
  const ends = (many: boolean) => {
    if (!many) return [{ stop: pick(), seconds: 0 }];
    const s = network.feed.stops[pick()]!;
    return network.stopsNear([s.lon, s.lat], 800, 12).map((x) => ({ stop: x.stop, seconds: Math.round(x.metres * 1.3) }));
  };
  const scans = [new ConnectionScan(network.day(date), n), new ConnectionScan(network.backward(date), n)];
  let reached = 0;
  for (let q = 0; q < queries; q++) {
    const backward = q % 4 === 3;
    const day = backward ? network.backward(date) : network.day(date);
    const access = ends(q % 2 === 1), egress = ends(q % 3 === 1);
    const seconds = 4 * 3600 + Math.floor(random() * 21 * 3600);
    const start = backward ? -seconds : seconds;
    const speed = [1.0, 1.1, 1.4][q % 3]!;
    const fast = scans[backward ? 1 : 0]!.earliestArrival(network.footpaths, start, access, egress, speed);
    const plain = timeDependentDijkstra(day, network.footpaths, n, start, access, egress, speed);
    expect({ q, arrival: fast }).toEqual({ q, arrival: plain });
    if (fast !== null) reached++;
  }
  return reached;
}

describe("Connection Scan equals time-dependent Dijkstra", () => {
  it("on the S48 feed (1,500 random queries)", () => {
    expect(compare(new TransitNetwork("s48", s48Feed()), 20261015, 1500, 21)).toBeGreaterThan(500);
  });

  it("on a synthetic city with frequencies and trips past midnight (1,500 random queries)", () => {
    const feed = feedOf(syntheticGtfs({ side: 30, routes: 90, stopsPerRoute: 12, tripsPerDirection: 30, frequencyEvery: 5, stride: 2, seed: 9 }));
    expect(compare(new TransitNetwork("synthetic", feed), 20261015, 1500, 23)).toBeGreaterThan(900);
  });
});
