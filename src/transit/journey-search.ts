/**
 * The search behind a journey: access and egress walks to the stops near each end (on the
 * street graph where the region has streets, else straight lines lengthened by the detour
 * factor), the day's timetable without the school lines that do not serve this trip, and
 * RAPTOR forwards (depart at) or backwards (arrive by) for the Pareto set over arrival and
 * changes, or the Connection Scan for the one earliest arrival (`criteria: "fastest"`).
 * Answers abstract legs with times, in travel order, one plan per journey; or why there is none.
 */
import { distanceMeters } from "../core/geo.ts";
import type { JourneyCriteria, JourneyProfile, NoJourneyReason } from "../core/api/transit-vocabulary.ts";
import { DETOUR_FACTOR } from "./footpaths.ts";
import { MAX_ROUNDS, type TransitNetwork } from "./network.ts";
import { type StopWalk, raptor, readJourney } from "./raptor.ts";
import type { DayTimetable } from "./timetable.ts";

/** Walking speeds of the profiles, m/s (the street profiles' own). */
export const WALK_SPEED: Readonly<Record<JourneyProfile, number>> = { "child-walk": 1.0, stroller: 1.1, "adult-walk": 1.4 };
/** A school line serves a journey that starts or ends this close to one of its schools. */
export const SCHOOL_RADIUS_M = 1000;

/** Street metres from a point to each target; null where unreachable; null as a whole when there are no streets. */
export type WalkMetres = (from: [number, number], targets: ReadonlyArray<[number, number]>, maxMetres: number) => Array<number | null> | null;

export interface SearchInput {
  from: [number, number];
  to: [number, number];
  date: number;
  /** GTFS seconds on `date`: leave at or after, or (arrive) be there by. */
  seconds: number;
  arriveBy: boolean;
  profile: JourneyProfile;
  maxWalkM: number;
  /** The Pareto set (the default) or the earliest arrival alone. */
  criteria?: JourneyCriteria;
}

export type PlanLeg =
  | { kind: "walk"; from: number | "origin"; to: number | "destination"; start: number; end: number; metres: number; streets: boolean }
  | { kind: "ride"; pattern: number; trip: number; board: number; alight: number; start: number; end: number };

export interface SearchResult {
  day: DayTimetable;
  plans: Array<{ legs: PlanLeg[]; rounds: number }>;
  reason: NoJourneyReason | null;
}

interface Walks {
  walks: Array<StopWalk & { metres: number }>;
  streets: boolean;
}

/** Stops within the walking budget of `at`, with their walking seconds. */
function walksNear(network: TransitNetwork, at: [number, number], input: SearchInput, walk: WalkMetres): Walks {
  const near = network.stopsNear(at, input.maxWalkM, 24);
  const speed = WALK_SPEED[input.profile];
  const usable = near.filter((n) => input.profile !== "stroller" || network.feed.stops[n.stop]!.wheelchair !== 2);
  const street = walk(at, usable.map((n) => [network.feed.stops[n.stop]!.lon, network.feed.stops[n.stop]!.lat]), input.maxWalkM);
  const walks = usable.flatMap((n, i) => {
    const metres = street ? street[i] : n.metres * DETOUR_FACTOR;
    return metres !== null && metres !== undefined && metres <= input.maxWalkM ? [{ stop: n.stop, seconds: Math.round(metres / speed), metres }] : [];
  });
  return { walks, streets: street !== null };
}

/** The routes this journey may use: all but the school lines with no school near either end. */
function routeChoice(network: TransitNetwork, input: SearchInput): { key: string; useRoute: (route: number) => boolean } {
  const served = new Set<number>();
  network.feed.routes.forEach((r, i) => {
    if (!r.school) return;
    const near = (p: [number, number]) => r.school!.schools.some((s) => s.lat !== null && s.lon !== null && distanceMeters(p, [s.lon, s.lat]) <= SCHOOL_RADIUS_M);
    if (near(input.from) || near(input.to)) served.add(i);
  });
  const routes = network.feed.routes;
  return { key: `school:${[...served].join(",")}`, useRoute: (route) => !routes[route]!.school || served.has(route) };
}

/** Searches the journeys of `input` on `network`. */
export function searchJourneys(network: TransitNetwork, input: SearchInput, walk: WalkMetres): SearchResult {
  const feed = network.feed;
  const choice = routeChoice(network, input);
  const day = network.day(input.date, choice.key, choice.useRoute);
  const none = (reason: NoJourneyReason): SearchResult => ({ day, plans: [], reason });
  if (input.date < feed.firstDate || input.date > feed.lastDate) return none("outside_feed_dates");
  if (day.tripCount === 0) return none("no_service_that_day");
  const access = walksNear(network, input.from, input, walk);
  const egress = walksNear(network, input.to, input, walk);
  if (access.walks.length === 0 || egress.walks.length === 0) return none("no_stop_nearby");
  const blocked = input.profile === "stroller" ? network.notStepFree : null;
  const speed = WALK_SPEED[input.profile];
  const [first, last] = input.arriveBy ? [egress, access] : [access, egress];
  const start = input.arriveBy ? -input.seconds : input.seconds;
  const metresTo = (walks: Walks, stop: number) => walks.walks.find((w) => w.stop === stop)!;
  // Each journey as read back (from the first walk's stop to the last's, backwards in time for arrive-by), turned into timed legs.
  const plan = (read: { legs: RawLeg[]; accessStop: number }, lastStop: number, rounds: number) => {
    const legs = input.arriveBy ? unreverse(day, read.legs) : read.legs;
    const accessStop = input.arriveBy ? lastStop : read.accessStop;
    const egressStop = input.arriveBy ? read.accessStop : lastStop;
    return { legs: timed(day, legs, metresTo(access, accessStop), metresTo(egress, egressStop), access.streets, speed, network), rounds };
  };
  if (input.criteria === "fastest") {
    const scan = network.connectionScan(input.date, choice.key, input.arriveBy, choice.useRoute);
    const found = scan.fastest(network.footpaths, start, first.walks, last.walks, speed, blocked);
    if (found === null) return none("no_connection");
    return { day, plans: [plan(found, found.egressStop, found.rounds)], reason: null };
  }
  const timetable = input.arriveBy ? network.backward(input.date, choice.key, choice.useRoute) : day;
  const result = raptor(timetable, network.footpaths, network.workspace(input.date, choice.key), start, first.walks, last.walks, MAX_ROUNDS, speed, blocked);
  if (result.pareto.length === 0) return none("no_connection");
  const plans = result.pareto.map((entry) => plan(readJourney(timetable, result, entry), entry.egressStop, entry.rounds));
  return { day, plans, reason: null };
}

type RawLeg = ReturnType<typeof readJourney>["legs"][number];

/** Legs read from the backward timetable, turned forwards (positions, trips and order flipped). */
function unreverse(day: DayTimetable, legs: RawLeg[]): RawLeg[] {
  return legs.slice().reverse().map((leg): RawLeg => {
    if (leg.kind === "foot") return { kind: "foot", from: leg.to, to: leg.from, arrival: -leg.arrival };
    const p = day.patterns[leg.pattern]!;
    const n = p.stops.length;
    return { kind: "trip", pattern: leg.pattern, trip: p.trip.length - 1 - leg.trip, board: n - 1 - leg.alight, alight: n - 1 - leg.board };
  });
}

/** The legs with their times: the access walk ends as the first vehicle leaves, transfer walks start on arrival. */
function timed(day: DayTimetable, legs: RawLeg[], access: StopWalk & { metres: number }, egress: StopWalk & { metres: number }, streets: boolean, speed: number, network: TransitNetwork): PlanLeg[] {
  const out: PlanLeg[] = [];
  let clock = 0;
  legs.forEach((leg, i) => {
    if (leg.kind === "foot") {
      const a = network.feed.stops[leg.from]!, b = network.feed.stops[leg.to]!;
      const metres = distanceMeters([a.lon, a.lat], [b.lon, b.lat]) * DETOUR_FACTOR;
      const start = i === 0 ? 0 : clock;
      out.push({ kind: "walk", from: leg.from, to: leg.to, start, end: start + Math.round(metres / speed), metres, streets });
      clock = start + Math.round(metres / speed);
      return;
    }
    const p = day.patterns[leg.pattern]!;
    const n = p.stops.length;
    const start = p.departure[leg.trip * n + leg.board]!, end = p.arrival[leg.trip * n + leg.alight]!;
    out.push({ kind: "ride", pattern: leg.pattern, trip: leg.trip, board: leg.board, alight: leg.alight, start, end });
    clock = end;
  });
  // A leading transfer walk (arrive-by searches can end with one) starts after the access walk.
  const firstRide = out.findIndex((l) => l.kind === "ride");
  let leave = out[firstRide]!.start;
  for (let i = firstRide - 1; i >= 0; i--) {
    const w = out[i]!;
    const length = w.end - w.start;
    w.end = leave;
    w.start = leave - length;
    leave = w.start;
  }
  out.unshift({ kind: "walk", from: "origin", to: access.stop, start: leave - access.seconds, end: leave, metres: access.metres, streets });
  out.push({ kind: "walk", from: egress.stop, to: "destination", start: clock, end: clock + egress.seconds, metres: egress.metres, streets });
  return out;
}
