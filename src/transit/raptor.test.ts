/**
 * RAPTOR against the plain time-dependent Dijkstra on the same day's timetable: 1,000
 * random stop-to-stop queries on the S48 feed and 1,000 on a synthetic city (with lines by
 * frequencies and trips past midnight) must give the same earliest arrival; each journey
 * read back from RAPTOR's labels must be a real one (boarding after arriving, times in order).
 */
import { describe, expect, it } from "vitest";
import { TransitNetwork } from "./network.ts";
import { raptor, readJourney } from "./raptor.ts";
import { randomSource, syntheticGtfs } from "./synthetic-feed.ts";
import { timeDependentDijkstra } from "./td-dijkstra.ts";
import { feedOf, s48Feed } from "./transit-fixtures.ts";

function compare(network: TransitNetwork, date: number, queries: number, seed: number): { reached: number } {
  const day = network.day(date);
  const rounds = 30;
  const ws = network.workspace(date, "all", rounds);
  const random = randomSource(seed);
  const n = network.feed.stops.length;
  let reached = 0;
  for (let q = 0; q < queries; q++) {
    const from = Math.floor(random() * n), to = (from + 1 + Math.floor(random() * (n - 1))) % n;
    const start = 4 * 3600 + Math.floor(random() * 20 * 3600);
    const access = [{ stop: from, seconds: 0 }], egress = [{ stop: to, seconds: 0 }];
    const fast = raptor(day, network.footpaths, ws, start, access, egress, rounds, 1.0);
    const best = fast.pareto.at(-1)?.arrival ?? null;
    const plain = timeDependentDijkstra(day, network.footpaths, n, start, access, egress, 1.0);
    expect({ q, from, to, start, best }).toEqual({ q, from, to, start, best: plain });
    if (best === null) continue;
    reached++;
    for (const entry of fast.pareto) {
      const { legs, accessStop } = readJourney(day, fast, entry);
      expect(accessStop).toBe(from);
      let clock = start;
      for (const leg of legs) {
        if (leg.kind === "foot") {
          expect(leg.arrival).toBeGreaterThanOrEqual(clock);
          clock = leg.arrival;
          continue;
        }
        const p = day.patterns[leg.pattern]!;
        const len = p.stops.length;
        expect(p.departure[leg.trip * len + leg.board]!).toBeGreaterThanOrEqual(clock);
        expect(leg.alight).toBeGreaterThan(leg.board);
        clock = p.arrival[leg.trip * len + leg.alight]!;
      }
      expect(clock).toBe(entry.arrival);
    }
  }
  return { reached };
}

describe("RAPTOR equals time-dependent Dijkstra", () => {
  it("on the S48 feed (2 × 1,000 random queries on a weekday)", () => {
    const network = new TransitNetwork("s48", s48Feed());
    // Seed 42 holds a journey that passes its own start again by bus and walks on from there.
    for (const seed of [48, 42]) expect(compare(network, 20261015, 1000, seed).reached).toBeGreaterThan(400);
  });

  it("on a synthetic city with frequencies and trips past midnight (1,000 random queries)", () => {
    const feed = feedOf(syntheticGtfs({ side: 20, routes: 40, stopsPerRoute: 12, tripsPerDirection: 30, frequencyEvery: 5, seed: 7 }));
    const network = new TransitNetwork("synthetic", feed);
    expect(network.day(20261015).tripCount).toBeGreaterThan(2000);
    const { reached } = compare(network, 20261015, 1000, 11);
    expect(reached).toBeGreaterThan(500);
  });

  it("finds nothing on a day the service does not run (S48 on a Sunday)", () => {
    const network = new TransitNetwork("s48", s48Feed());
    expect(network.day(20261018).tripCount).toBe(0);
  });
});
