/**
 * Plans → the journeys of the contract (src/core/api/transit.ts): lines with name, colour
 * and school badge, stops with step-free access, times in the region's zone, vehicle paths
 * from shapes (or stop to stop), walking legs from the street router with their
 * instructions and crossings, and what a family should know (estimated times, steps).
 */
import type { Journey, JourneyLeg, LineRef, StopRef, TransitLeg, WalkLeg } from "../core/api/transit.ts";
import type { JourneyProfile } from "../core/api/transit-vocabulary.ts";
import { distanceMeters } from "../core/geo.ts";
import { instantOf, isoIn } from "./clock.ts";
import { DEFAULT_COLOURS, type FeedRoute, type TransitFeed } from "./feed.ts";
import type { PlanLeg } from "./journey-search.ts";
import type { DayTimetable } from "./timetable.ts";

type Lang = "zh" | "en";

/** A walking leg's line and directions from the street router, or null where it has no streets. */
export type WalkRoute = (from: [number, number], to: [number, number]) => { coordinates: Array<[number, number]>; distanceM: number; durationS: number; instructions: WalkLeg["instructions"]; warnings: WalkLeg["warnings"] } | null;

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;
const pos = (lon: number, lat: number): [number, number] => [round7(lon), round7(lat)];
const stepFree = (w: number): boolean | null => (w === 1 ? true : w === 2 ? false : null);

/** A stop as the contract writes it. */
export function stopRefOf(feed: TransitFeed, stop: number): StopRef {
  const s = feed.stops[stop]!;
  return { id: s.id, name: s.name, at: pos(s.lon, s.lat), stepFree: stepFree(s.wheelchair) };
}

/** A line as the contract writes it. */
export function lineRefOf(feed: TransitFeed, route: FeedRoute): LineRef {
  const agency = feed.agencies.find((a) => a.id === route.agency) ?? (feed.agencies.length === 1 ? feed.agencies[0] : undefined);
  return {
    id: route.id, name: route.shortName || route.longName, longName: route.longName || null, mode: route.mode,
    colour: route.colour ?? DEFAULT_COLOURS[route.mode], textColour: route.textColour ?? "#ffffff", agency: agency?.name ?? null,
    school: route.school ? { label: route.school.label, schools: route.school.schools.map((s) => ({ name: s.name, at: s.lat !== null && s.lon !== null ? pos(s.lon, s.lat) : null })) } : null,
  };
}

/** The part of a shape between two stops (nearest shape points), or the stops themselves. */
function pathBetween(feed: TransitFeed, shape: number, stops: number[]): Array<[number, number]> {
  const points = stops.map((s) => [feed.stops[s]!.lon, feed.stops[s]!.lat] as [number, number]);
  const line = feed.shapes[shape];
  if (!line || line.length < 4) return points.map(([lon, lat]) => pos(lon, lat));
  const nearest = (p: [number, number], from: number) => {
    let best = from, bestD = Infinity;
    for (let i = from; i < line.length / 2; i++) {
      const d = distanceMeters(p, [line[2 * i]!, line[2 * i + 1]!]);
      if (d < bestD) { bestD = d; best = i; }
    }
    return best;
  };
  const a = nearest(points[0]!, 0), b = nearest(points[points.length - 1]!, a);
  const out: Array<[number, number]> = [];
  for (let i = a; i <= b; i++) out.push(pos(line[2 * i]!, line[2 * i + 1]!));
  return out.length >= 2 ? out : points.map(([lon, lat]) => pos(lon, lat));
}

interface Context {
  feed: TransitFeed;
  day: DayTimetable;
  date: number;
  from: [number, number];
  to: [number, number];
  profile: JourneyProfile;
  lang: Lang;
  walkRoute: WalkRoute;
}

function rideLeg(c: Context, leg: Extract<PlanLeg, { kind: "ride" }>): TransitLeg {
  const p = c.day.patterns[leg.pattern]!;
  const trip = c.feed.trips[p.trip[leg.trip]!]!;
  const route = c.feed.routes[p.route]!;
  const stops = Array.from(p.stops.subarray(leg.board, leg.alight + 1));
  const time = (s: number) => isoIn(instantOf(c.date, s, c.feed.timeZone), c.feed.timeZone);
  const headway = p.headway[leg.trip]!;
  return {
    mode: route.mode, line: lineRefOf(c.feed, route), headsign: trip.headsign || null,
    from: stopRefOf(c.feed, stops[0]!), to: stopRefOf(c.feed, stops[stops.length - 1]!),
    departure: time(leg.start), arrival: time(leg.end), durationS: leg.end - leg.start,
    stops: stops.length - 1, intermediate: stops.slice(1, -1).map((s) => stopRefOf(c.feed, s)),
    coordinates: pathBetween(c.feed, trip.shape, stops),
    frequency: headway > 0 ? { headwayS: headway, estimated: p.estimated[leg.trip] === 1 } : null,
    stepFree: stepFree(trip.wheelchair),
  };
}

function walkLeg(c: Context, leg: Extract<PlanLeg, { kind: "walk" }>): WalkLeg {
  const at = (end: number | "origin" | "destination"): { name: string | null; at: [number, number] } => {
    if (end === "origin") return { name: null, at: pos(...c.from) };
    if (end === "destination") return { name: null, at: pos(...c.to) };
    const s = c.feed.stops[end]!;
    return { name: s.name, at: pos(s.lon, s.lat) };
  };
  const from = at(leg.from), to = at(leg.to);
  const time = (s: number) => isoIn(instantOf(c.date, s, c.feed.timeZone), c.feed.timeZone);
  const routed = leg.streets ? c.walkRoute([from.at[0], from.at[1]], [to.at[0], to.at[1]]) : null;
  return {
    mode: "walk", from, to, departure: time(leg.start), arrival: time(leg.end),
    distanceM: Math.round(routed?.distanceM ?? leg.metres), durationS: leg.end - leg.start,
    coordinates: routed?.coordinates.map(([lon, lat]) => pos(lon, lat)) ?? [from.at, to.at],
    instructions: routed?.instructions ?? [], warnings: routed?.warnings ?? [], straightLine: routed === null,
  };
}

const WORDS = {
  estimated: { zh: "部分时间按估计的发车间隔推算（无官方时刻表），仅供参考", en: "Some times come from estimated headways (no published timetable): a guide only" },
  notStepFree: { zh: "有站点或车辆没有无障碍（无台阶）通道，推婴儿车需要抬车", en: "A stop or vehicle on this journey is not step-free: the stroller will need lifting" },
  unknown: { zh: "部分站点或车辆是否无台阶不详", en: "Step-free access is unknown for some stops or vehicles" },
  school: { zh: (n: string, l: string) => `${n} 是${l}，只在上学日运行`, en: (n: string, l: string) => `${n} is a school line (${l}), running on school days only` },
} as const;

/** One plan as a journey of the answer. */
/**
 * A walk straight after a walk (a transfer footpath, then the walk to the destination) is one
 * walk to a person: "大行宫 → 大行宫, then on" reads as a mistake. Joined, it is routed once.
 */
export function joinWalks(legs: readonly PlanLeg[]): PlanLeg[] {
  const joined: PlanLeg[] = [];
  for (const leg of legs) {
    const previous = joined[joined.length - 1];
    if (previous?.kind === "walk" && leg.kind === "walk") {
      joined[joined.length - 1] = { kind: "walk", from: previous.from, to: leg.to, start: previous.start, end: leg.end, metres: previous.metres + leg.metres, streets: previous.streets || leg.streets };
    } else joined.push(leg);
  }
  return joined;
}

export function presentJourney(c: Context, planned: PlanLeg[]): Journey {
  const legs = joinWalks(planned);
  const out: JourneyLeg[] = legs.map((l) => (l.kind === "ride" ? rideLeg(c, l) : walkLeg(c, l)));
  const rides = out.filter((l): l is TransitLeg => l.mode !== "walk");
  const flags = rides.flatMap((r) => [r.from.stepFree, r.to.stepFree, r.stepFree]);
  const estimated = rides.some((r) => r.frequency?.estimated === true);
  const warnings: Journey["warnings"] = [];
  if (estimated) warnings.push({ type: "estimated_times", text: WORDS.estimated[c.lang] });
  const stepFreeAll = flags.includes(false) ? false : flags.includes(null) ? null : true;
  if (c.profile === "stroller" && stepFreeAll === false) warnings.push({ type: "not_step_free", text: WORDS.notStepFree[c.lang] });
  if (c.profile === "stroller" && stepFreeAll === null) warnings.push({ type: "step_free_unknown", text: WORDS.unknown[c.lang] });
  for (const r of rides) if (r.line.school) warnings.push({ type: "school_line", text: WORDS.school[c.lang](r.line.name, r.line.school.label) });
  const first = legs[0]!, last = legs[legs.length - 1]!;
  const time = (s: number) => isoIn(instantOf(c.date, s, c.feed.timeZone), c.feed.timeZone);
  return {
    kind: "transit", departure: time(first.start), arrival: time(last.end), durationS: last.end - first.start,
    transfers: Math.max(0, rides.length - 1), walkM: Math.round(out.reduce((m, l) => m + (l.mode === "walk" ? l.distanceM : 0), 0)),
    estimated, stepFree: stepFreeAll, legs: out, warnings,
  };
}
