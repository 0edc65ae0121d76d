/**
 * The faster RAPTOR gives the same answers as the previous one (raptor-previous.ts): on
 * random queries over the S48 feed and a synthetic city (lines by frequencies, trips past
 * midnight), with one stop or many at each end, forwards and arrive-by (the backward
 * timetable), walking speeds of every profile, the stroller's blocked stops, 6 and 16
 * rounds: the same Pareto set and the same legs read back for each entry.
 */
import { describe, expect, it } from "vitest";
import { TransitNetwork } from "./network.ts";
import * as previous from "./raptor-previous.ts";
import { RaptorWorkspace, raptor, readJourney } from "./raptor.ts";
import { randomSource, syntheticGtfs } from "./synthetic-feed.ts";
import { feedOf, s48Feed } from "./transit-fixtures.ts";

function compare(network: TransitNetwork, date: number, queries: number, seed: number): { reached: number } {
  const n = network.feed.stops.length;
  const random = randomSource(seed);
  const pick = () => Math.floor(random() * n);
  const ends = (many: boolean) => {
    if (!many) return [{ stop: pick(), seconds: 0 }];
    const s = network.feed.stops[pick()]!;
    return network.stopsNear([s.lon, s.lat], 800, 12).map((x) => ({ stop: x.stop, seconds: Math.round(x.metres * 1.3) }));
  };
  let reached = 0;
  for (let q = 0; q < queries; q++) {
    const backward = q % 4 === 3;
    const day = backward ? network.backward(date) : network.day(date);
    const rounds = q % 2 === 0 ? 6 : 16;
    const ws = new RaptorWorkspace(n, day.patterns.length, rounds), wsBefore = new previous.RaptorWorkspace(n, day.patterns.length, rounds);
    const many = q % 3 !== 0;
    const access = ends(many), egress = ends(many);
    const seconds = 4 * 3600 + Math.floor(random() * 21 * 3600);
    const start = backward ? -seconds : seconds;
    const speed = [1.0, 1.1, 1.4][q % 3]!;
    const blocked = q % 5 === 1 ? network.notStepFree : null;
    const now = raptor(day, network.footpaths, ws, start, access, egress, rounds, speed, blocked);
    const nowRead = now.pareto.map((e) => ({ e, ...readJourney(day, now, e) }));
    const before = previous.raptor(day, network.footpaths, wsBefore, start, access, egress, rounds, speed, blocked);
    const beforeRead = before.pareto.map((e) => ({ e, ...previous.readJourney(day, before, e) }));
    expect({ q, answers: nowRead }).toEqual({ q, answers: beforeRead });
    if (now.pareto.length > 0) reached++;
  }
  return { reached };
}

describe("RAPTOR answers as before its speed-up", () => {
  it("on the S48 feed (1,200 random queries)", () => {
    const network = new TransitNetwork("s48", s48Feed());
    expect(compare(network, 20261015, 1200, 3).reached).toBeGreaterThan(400);
  });

  it("on a synthetic city with frequencies and trips past midnight (1,200 random queries)", () => {
    const feed = feedOf(syntheticGtfs({ side: 30, routes: 90, stopsPerRoute: 12, tripsPerDirection: 30, frequencyEvery: 5, stride: 2, seed: 9 }));
    const network = new TransitNetwork("synthetic", feed);
    expect(compare(network, 20261015, 1200, 5).reached).toBeGreaterThan(700);
  });
});
