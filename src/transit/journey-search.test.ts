/**
 * The journey search's rules beyond RAPTOR: school lines are offered only to journeys that
 * start or end near one of their schools; arrive-by journeys arrive in time; a stroller
 * keeps off stops known not to be step-free; the fastest journey (one criterion) is one
 * journey no later than any of the Pareto set, under the same rules.
 */
import { describe, expect, it } from "vitest";
import { type SearchInput, searchJourneys } from "./journey-search.ts";
import { TransitNetwork } from "./network.ts";
import { syntheticGtfs } from "./synthetic-feed.ts";
import { feedOf } from "./transit-fixtures.ts";

const OPTIONS = { side: 14, routes: 24, stopsPerRoute: 10, tripsPerDirection: 40, seed: 5 };
const plain = feedOf(syntheticGtfs(OPTIONS));
const r0 = plain.trips.find((t) => plain.routes[t.route]!.id === "r0")!;
const first = plain.stops[plain.stopTimes.stop[r0.first]!]!;
const last = plain.stops[plain.stopTimes.stop[r0.first + r0.stopCount - 1]!]!;

/** The synthetic city with r0 marked a school line whose school stands at (lat, lon). */
function withSchoolAt(lat: number, lon: number): TransitNetwork {
  const files = syntheticGtfs(OPTIONS);
  files.set("school_lines.txt", () => Buffer.from(`route_id,label,school_name,school_lat,school_lon\nr0,红领巾专线,实验小学,${lat},${lon}\n`));
  return new TransitNetwork("synthetic", feedOf(files));
}

const noStreets = () => null;
const query = (over: Partial<SearchInput> = {}): SearchInput => ({
  from: [first.lon, first.lat], to: [last.lon, last.lat], date: 20261015, seconds: 8 * 3600, arriveBy: false, profile: "child-walk", maxWalkM: 300, ...over,
});
const routesUsed = (network: TransitNetwork, input: SearchInput) => {
  const result = searchJourneys(network, input, noStreets);
  return new Set(result.plans.flatMap((p) => p.legs.flatMap((l) => (l.kind === "ride" ? [network.feed.routes[result.day.patterns[l.pattern]!.route]!.id] : []))));
};

describe("journey search", () => {
  it("offers a school line to a journey starting at its school", () => {
    expect(routesUsed(withSchoolAt(first.lat, first.lon), query())).toContain("r0");
  });

  it("never offers a school line to a journey far from its schools", () => {
    const network = withSchoolAt(first.lat + 0.2, first.lon + 0.2);
    expect(network.feed.routes.find((r) => r.id === "r0")!.school?.label).toBe("红领巾专线");
    expect(routesUsed(network, query())).not.toContain("r0");
  });

  it("answers arrive-by searches with journeys that arrive in time", () => {
    const network = new TransitNetwork("synthetic", plain);
    const result = searchJourneys(network, query({ arriveBy: true, seconds: 17 * 3600 }), noStreets);
    expect(result.plans.length).toBeGreaterThan(0);
    for (const plan of result.plans) {
      expect(plan.legs.at(-1)!.end).toBeLessThanOrEqual(17 * 3600);
      for (let i = 1; i < plan.legs.length; i++) expect(plan.legs[i]!.start).toBeGreaterThanOrEqual(plan.legs[i - 1]!.end);
    }
  });

  it("answers one fastest journey, no later than any of the Pareto set, forwards and arrive-by", () => {
    const network = new TransitNetwork("synthetic", plain);
    for (const [arriveBy, seconds] of [[false, 7.5 * 3600], [false, 16 * 3600], [true, 9 * 3600], [true, 18 * 3600]] as const) {
      const input = query({ arriveBy, seconds, maxWalkM: 800 });
      const pareto = searchJourneys(network, input, noStreets).plans;
      const fastest = searchJourneys(network, { ...input, criteria: "fastest" }, noStreets).plans;
      expect(pareto.length).toBeGreaterThan(0);
      expect(fastest).toHaveLength(1);
      const legs = fastest[0]!.legs;
      for (let i = 1; i < legs.length; i++) expect(legs[i]!.start).toBeGreaterThanOrEqual(legs[i - 1]!.end);
      if (arriveBy) {
        expect(legs.at(-1)!.end).toBeLessThanOrEqual(seconds);
        for (const p of pareto) expect(legs[0]!.start).toBeGreaterThanOrEqual(p.legs[0]!.start);
      } else {
        expect(legs[0]!.start).toBeGreaterThanOrEqual(seconds);
        for (const p of pareto) expect(legs.at(-1)!.end).toBeLessThanOrEqual(p.legs.at(-1)!.end);
      }
    }
  });

  it("keeps a stroller off stops known not to be step-free", () => {
    const network = new TransitNetwork("synthetic", plain);
    for (const seconds of [7, 9, 12, 16].map((h) => h * 3600)) {
      for (const criteria of ["pareto", "fastest"] as const) {
        const result = searchJourneys(network, query({ profile: "stroller", seconds, maxWalkM: 800, criteria }), noStreets);
        for (const plan of result.plans) {
          for (const leg of plan.legs) {
            if (leg.kind !== "ride") continue;
            const stops = result.day.patterns[leg.pattern]!.stops;
            expect(network.feed.stops[stops[leg.board]!]!.wheelchair).not.toBe(2);
            expect(network.feed.stops[stops[leg.alight]!]!.wheelchair).not.toBe(2);
          }
        }
      }
    }
  });
});
