/**
 * Transit lines from OpenStreetMap route relations (type=route + route=bus, trolleybus,
 * tram, subway, light_rail, train, ferry…) for cities without a published timetable: each
 * relation's stops (role stop*, else platform*) in order give a trip pattern, its ways the
 * path; the part inside the extract is kept when the relation runs beyond it. Times
 * between stops come from the path length at the mode's speed; headways and service hours
 * from the city file or flags, stored as GTFS-style frequencies marked estimated.
 */
import { distanceMeters } from "../core/geo.ts";
import type { TransitMode } from "../core/api/transit-vocabulary.ts";
import type { OsmElement, OsmRelation, OsmTags } from "../osm/index.ts";
import { wayAnchor } from "../osm/index.ts";
import { type Accessibility, type FeedRoute, type FeedStop, type TransitFeed, schoolLabelOf } from "./feed.ts";
import { DEFAULT_SERVICE, type OsmLinesFile, clockSeconds } from "./osm-lines-file.ts";

/** OSM route=* values we read, and their mode. */
const ROUTE_MODES: Readonly<Record<string, TransitMode>> = {
  bus: "bus", trolleybus: "bus", minibus: "bus", share_taxi: "bus", tram: "tram", light_rail: "tram",
  subway: "metro", monorail: "metro", train: "rail", railway: "rail", ferry: "ferry", funicular: "cable", aerialway: "cable",
};
/** Average speeds including stops, m/s, for the times between stops. */
const SPEED: Readonly<Record<TransitMode, number>> = { bus: 4.5, tram: 5.5, metro: 9.5, rail: 14, ferry: 5, cable: 3, other: 4 };
const DWELL_S = 20;
const SERVICE_ALL = 0, SERVICE_SCHOOL = 1;

const accessibility = (tags: OsmTags): Accessibility => (tags.wheelchair === "yes" ? 1 : tags.wheelchair === "no" ? 2 : 0);

interface Built {
  feed: TransitFeed;
  /** Relations read, and those left out (fewer than two stops inside the extract). */
  lines: number;
  skipped: number;
}

/** The transit feed of the elements' route relations (a feed with no routes when there are none). */
export function osmTransitFeed(elements: readonly OsmElement[], options: OsmLinesFile & { timeZone: string }): Built {
  const nodes = new Map<number, { lon: number; lat: number; tags: OsmTags }>();
  const ways = new Map<number, number[]>();
  const wayTags = new Map<number, OsmTags>();
  const relations: OsmRelation[] = [];
  for (const e of elements) {
    if (e.type === "node") nodes.set(e.id, e);
    else if (e.type === "way") { ways.set(e.id, e.refs); wayTags.set(e.id, e.tags); }
    else if (e.tags.type === "route" && ROUTE_MODES[e.tags.route ?? ""]) relations.push(e);
  }
  const stops: FeedStop[] = [];
  const stopIndex = new Map<string, number>();
  const stopOf = (type: "node" | "way", ref: number): number | null => {
    const id = `osm:${type[0]}${ref}`;
    const known = stopIndex.get(id);
    if (known !== undefined) return known;
    const tags = type === "node" ? nodes.get(ref)?.tags : wayTags.get(ref);
    const at = type === "node" ? nodes.get(ref) : anchorOf(ways.get(ref), nodes);
    if (!tags || !at) return null;
    const name = tags.name ?? tags["name:zh"] ?? tags.ref ?? "";
    stopIndex.set(id, stops.length);
    stops.push({ id, name, lat: at.lat, lon: at.lon, wheelchair: accessibility(tags) });
    return stops.length - 1;
  };

  const routes: FeedRoute[] = [];
  const routeIds = new Map<string, number>();
  const feed: TransitFeed = {
    timeZone: options.timeZone, source: "osm", agencies: [], stops, routes,
    services: [
      { id: "osm-every-day", weekdays: 0x7f, start: 20000101, end: 20991231, added: [], removed: [] },
      schoolService(options),
    ],
    trips: [], stopTimes: { stop: new Int32Array(0), arrival: new Int32Array(0), departure: new Int32Array(0) },
    frequencies: [], shapes: [], transfers: [], firstDate: 20000101, lastDate: 20991231,
  };
  const flat = { stop: [] as number[], arrival: [] as number[], departure: [] as number[] };
  let skipped = 0;
  for (const r of relations) {
    const mode = ROUTE_MODES[r.tags.route!]!;
    const stopRole = r.members.some((m) => m.role.startsWith("stop") && (m.type === "node" ? nodes.has(m.ref) : false));
    const sequence = r.members
      .filter((m) => (stopRole ? m.role.startsWith("stop") : m.role.startsWith("platform")) && m.type !== "relation")
      .map((m) => stopOf(m.type as "node" | "way", m.ref))
      .filter((s, i, all): s is number => s !== null && s !== all[i - 1]);
    if (sequence.length < 2) {
      skipped++;
      continue;
    }
    const path = chainWays(r.members.filter((m) => m.type === "way" && !m.role.startsWith("platform") && !m.role.startsWith("stop")).map((m) => ways.get(m.ref)).filter((w): w is number[] => !!w), nodes);
    const line = lineSettings(r.tags, mode, options);
    const key = `${mode}:${r.tags.ref ?? r.tags.name ?? r.id}`;
    let route = routeIds.get(key);
    if (route === undefined) {
      route = routes.length;
      routeIds.set(key, route);
      const label = line.school?.label ?? schoolLabelOf(r.tags.name ?? "", r.tags.ref ?? "");
      routes.push({
        id: `osm:${key}`, agency: null, shortName: r.tags.ref ?? "", longName: r.tags.name ?? r.tags.ref ?? String(r.id), mode,
        colour: cssColour(r.tags.colour), textColour: null,
        school: label ? { label, schools: (line.school?.schools ?? []).map((s) => ({ name: s.name, lat: s.lat ?? null, lon: s.lon ?? null })) } : null,
      });
    }
    const shape = path.length >= 2 ? feed.shapes.push(Float64Array.from(path.flat())) - 1 : -1;
    const trip = feed.trips.length;
    feed.trips.push({ id: `osm:r${r.id}`, route, service: routes[route]!.school ? SERVICE_SCHOOL : SERVICE_ALL, headsign: r.tags.to ?? "", shape, wheelchair: accessibility(r.tags), first: flat.stop.length, stopCount: sequence.length });
    let t = 0;
    sequence.forEach((s, i) => {
      if (i > 0) t += Math.round(hopMetres(stops[sequence[i - 1]!]!, stops[s]!, path) / SPEED[mode]);
      flat.stop.push(s); flat.arrival.push(t);
      if (i > 0 && i < sequence.length - 1) t += DWELL_S;
      flat.departure.push(t);
    });
    feed.frequencies.push({ trip, start: line.start, end: line.end, headway: line.headway, estimated: true });
  }
  feed.stopTimes = { stop: Int32Array.from(flat.stop), arrival: Int32Array.from(flat.arrival), departure: Int32Array.from(flat.departure) };
  return { feed, lines: feed.trips.length, skipped };
}

function schoolService(options: OsmLinesFile): TransitFeed["services"][number] {
  const c = options.schoolCalendar;
  if (!c) return { id: "osm-school-days", weekdays: 0x1f, start: 20000101, end: 20991231, added: [], removed: [] };
  const weekdays = [...c.weekdays].reduce((bits, d) => bits | (1 << (Number(d) - 1)), 0);
  return { id: "osm-school-days", weekdays, start: Number(c.from), end: Number(c.to), added: [], removed: c.except.map(Number) };
}

function lineSettings(tags: OsmTags, mode: TransitMode, options: OsmLinesFile) {
  const own = (tags.ref !== undefined ? options.lines?.[tags.ref] : undefined) ?? (tags.name !== undefined ? options.lines?.[tags.name] : undefined);
  const pick = <K extends "headwayMin" | "start" | "end">(k: K) => own?.[k] ?? options.modes?.[mode]?.[k] ?? options.defaults?.[k] ?? DEFAULT_SERVICE[mode][k];
  const start = clockSeconds(pick("start")), end = clockSeconds(pick("end"));
  return { headway: Math.round(pick("headwayMin") * 60), start, end: Math.max(end, start + 60), school: own?.school };
}

/** "#c7003f" or a CSS colour name we know → #rrggbb; anything else → null (the mode's colour). */
function cssColour(value: string | undefined): string | null {
  if (!value) return null;
  if (/^#[0-9a-fA-F]{6}$/.test(value)) return value.toLowerCase();
  if (/^#[0-9a-fA-F]{3}$/.test(value)) return `#${value.slice(1).replace(/./g, (c) => c + c).toLowerCase()}`;
  const named: Record<string, string> = { red: "#ff0000", blue: "#0000ff", green: "#008000", yellow: "#ffd700", orange: "#ffa500", purple: "#800080", dodgerblue: "#1e90ff", black: "#000000", brown: "#a52a2a", pink: "#ffc0cb", grey: "#808080", gray: "#808080" };
  return named[value.toLowerCase()] ?? null;
}

function anchorOf(refs: number[] | undefined, nodes: Map<number, { lon: number; lat: number }>): { lon: number; lat: number } | null {
  const points = (refs ?? []).map((r) => nodes.get(r)).filter((n) => !!n).map((n) => [n!.lon, n!.lat] as [number, number]);
  const at = wayAnchor(points);
  return at ? { lon: at[0], lat: at[1] } : null;
}

/** The route's ways joined end to end (each turned to continue the last), as [lon, lat] points. */
function chainWays(list: number[][], nodes: Map<number, { lon: number; lat: number }>): Array<[number, number]> {
  const refs: number[] = [];
  for (const [i, way] of list.entries()) {
    if (refs.length === 0) {
      const next = list[i + 1];
      const flip = next && (way[0] === next[0] || way[0] === next[next.length - 1]);
      refs.push(...(flip ? [...way].reverse() : way));
      continue;
    }
    const last = refs[refs.length - 1];
    refs.push(...(way[way.length - 1] === last ? [...way].reverse() : way).slice(way[0] === last || way[way.length - 1] === last ? 1 : 0));
  }
  return refs.map((r) => nodes.get(r)).filter((n) => !!n).map((n) => [n!.lon, n!.lat]);
}

/** Metres between two stops along the path (nearest path points), or straight × 1.3 when the path does not help. */
function hopMetres(a: FeedStop, b: FeedStop, path: Array<[number, number]>): number {
  const straight = distanceMeters([a.lon, a.lat], [b.lon, b.lat]);
  if (path.length < 2) return straight * 1.3;
  const nearest = (s: FeedStop) => {
    let best = 0, bestD = Infinity;
    path.forEach((p, i) => {
      const d = distanceMeters([s.lon, s.lat], p);
      if (d < bestD) { bestD = d; best = i; }
    });
    return best;
  };
  const i = nearest(a), j = nearest(b);
  if (j <= i) return straight * 1.3;
  let m = 0;
  for (let k = i; k < j; k++) m += distanceMeters(path[k]!, path[k + 1]!);
  return m >= straight && m <= straight * 4 ? m : straight * 1.3;
}
