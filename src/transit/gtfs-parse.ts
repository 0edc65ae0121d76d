/**
 * A GTFS feed (its files' bytes) → a TransitFeed, or every problem found (file, line,
 * column, reason): nothing half-read is ever returned. Reads agency, stops, routes, trips,
 * stop_times, calendar, calendar_dates, frequencies, shapes and transfers, plus our
 * school_lines.txt (route_id, label, school_name, school_lat, school_lon) marking school
 * lines; a route whose names say 红领巾专线 / 通学公交 is one too.
 */
import type { FeedProblem } from "./gtfs-csv.ts";
import { Problems, gtfsColour, gtfsEnum, gtfsNumber, isTimeZone } from "./gtfs-fields.ts";
import { readServices } from "./gtfs-calendar.ts";
import { readStopTimes } from "./gtfs-stop-times.ts";
import { type FeedTables, eachRow, readTables } from "./gtfs-tables.ts";
import type { Accessibility, FeedRoute, FeedStop, SchoolInfo, TransitFeed } from "./feed.ts";
import { modeOfRouteType, schoolLabelOf } from "./feed.ts";

/** Parses a whole feed: the feed, or its problems (at most 50 listed, `total` counts all). */
export function parseGtfs(files: Map<string, () => Buffer>): { feed: TransitFeed } | { problems: FeedProblem[]; total: number } {
  const problems = new Problems();
  const tables = readTables(files, problems);
  if (problems.count > 0) return { problems: problems.list, total: problems.count };

  const agencies: TransitFeed["agencies"] = [];
  let timeZone = "";
  eachRow(tables.get("agency.txt"), problems, (cell, line) => {
    const zone = cell("agency_timezone");
    if (!isTimeZone(zone)) problems.add("agency.txt", line, "agency_timezone", `不认识的时区“${zone.slice(0, 40)}”`, `unknown time zone "${zone.slice(0, 40)}"`);
    else if (timeZone && zone !== timeZone) problems.add("agency.txt", line, "agency_timezone", "同一数据包的机构时区应相同", "every agency of a feed must share one time zone");
    else timeZone = zone;
    agencies.push({ id: cell("agency_id"), name: problems.required(cell("agency_name"), "agency.txt", line, "agency_name") ?? "" });
  });
  if (agencies.length === 0) problems.add("agency.txt", 1, null, "没有机构", "no agency");

  const stops = readStops(tables, problems);
  const stopIndex = new Map(stops.map((s, i) => [s.id, i]));
  const routes = readRoutes(tables, problems, new Set(agencies.map((a) => a.id)));
  const routeIndex = new Map(routes.map((r, i) => [r.id, i]));
  const services = readServices(tables, problems);
  const rest = readStopTimes(tables, problems, { stopIndex, routeIndex, serviceIndex: new Map(services.map((s, i) => [s.id, i])) });
  if (problems.count > 0 || !rest) return { problems: problems.list, total: problems.count };
  const dates = services.flatMap((s) => [s.start, s.end, ...s.added]).filter((d) => d > 0);
  return {
    feed: {
      timeZone, source: "gtfs", agencies, stops, routes, services, ...rest,
      firstDate: Math.min(...dates), lastDate: Math.max(...dates),
    },
  };
}

interface RawStop extends FeedStop {
  parent: string;
  type: number;
}

function readStops(tables: FeedTables, problems: Problems): FeedStop[] {
  const all: RawStop[] = [];
  const seen = new Set<string>();
  eachRow(tables.get("stops.txt"), problems, (cell, line) => {
    const f = "stops.txt";
    const id = problems.required(cell("stop_id"), f, line, "stop_id");
    if (id === undefined) return;
    if (seen.has(id)) return problems.add(f, line, "stop_id", `站点编号“${id.slice(0, 40)}”重复`, `duplicate stop_id "${id.slice(0, 40)}"`);
    seen.add(id);
    const type = problems.take(gtfsEnum(cell("location_type"), [0, 1, 2, 3, 4], 0), f, line, "location_type") ?? 0;
    const located = type <= 2;
    const lat = located ? problems.take(gtfsNumber(cell("stop_lat"), -90, 90), f, line, "stop_lat") : 0;
    const lon = located ? problems.take(gtfsNumber(cell("stop_lon"), -180, 180), f, line, "stop_lon") : 0;
    const wheelchair = problems.take(gtfsEnum(cell("wheelchair_boarding"), [0, 1, 2], 0), f, line, "wheelchair_boarding") as Accessibility | undefined;
    if (type <= 2 && cell("stop_name") === "") problems.add(f, line, "stop_name", "站点名称为空", "stop_name is empty");
    all.push({ id, name: cell("stop_name"), lat: lat ?? 0, lon: lon ?? 0, wheelchair: wheelchair ?? 0, parent: cell("parent_station"), type });
  });
  const byId = new Map(all.map((s) => [s.id, s]));
  return all.filter((s) => s.type === 0).map((s) => {
    const parent = s.parent ? byId.get(s.parent) : undefined;
    const wheelchair = s.wheelchair === 0 && parent ? parent.wheelchair : s.wheelchair;
    return { id: s.id, name: s.name || parent?.name || s.id, lat: s.lat, lon: s.lon, wheelchair };
  });
}

function readRoutes(tables: FeedTables, problems: Problems, agencyIds: Set<string>): FeedRoute[] {
  const schools = readSchools(tables, problems);
  const routes: FeedRoute[] = [];
  const seen = new Set<string>();
  eachRow(tables.get("routes.txt"), problems, (cell, line) => {
    const f = "routes.txt";
    const id = problems.required(cell("route_id"), f, line, "route_id");
    if (id === undefined) return;
    if (seen.has(id)) return problems.add(f, line, "route_id", `线路编号“${id.slice(0, 40)}”重复`, `duplicate route_id "${id.slice(0, 40)}"`);
    seen.add(id);
    const type = problems.take(gtfsNumber(cell("route_type"), 0, 1799), f, line, "route_type");
    const mode = type === undefined ? null : modeOfRouteType(type);
    if (type !== undefined && !mode) problems.add(f, line, "route_type", "不认识的线路类型", "unknown route_type");
    const agency = cell("agency_id");
    if (agency && agencyIds.size > 0 && !agencyIds.has(agency)) problems.add(f, line, "agency_id", `机构“${agency.slice(0, 40)}”不在 agency.txt 里`, `agency "${agency.slice(0, 40)}" is not in agency.txt`);
    const shortName = cell("route_short_name");
    const longName = cell("route_long_name");
    if (!shortName && !longName) problems.add(f, line, "route_short_name", "线路既无简称也无全称", "route has neither a short nor a long name");
    const colour = problems.take(gtfsColour(cell("route_color")), f, line, "route_color");
    const textColour = problems.take(gtfsColour(cell("route_text_color")), f, line, "route_text_color");
    const label = schoolLabelOf(shortName, longName, cell("route_desc"));
    const school = schools.get(id) ?? (label ? { label, schools: [] } : null);
    routes.push({ id, agency: agency || null, shortName, longName, mode: mode ?? "other", colour: colour ?? null, textColour: textColour ?? null, school });
  });
  for (const id of schools.keys()) if (!seen.has(id)) problems.add("school_lines.txt", 0, "route_id", `线路“${id.slice(0, 40)}”不在 routes.txt 里`, `route "${id.slice(0, 40)}" is not in routes.txt`);
  return routes;
}

function readSchools(tables: FeedTables, problems: Problems): Map<string, SchoolInfo> {
  const schools = new Map<string, SchoolInfo>();
  eachRow(tables.get("school_lines.txt"), problems, (cell, line) => {
    const f = "school_lines.txt";
    const route = problems.required(cell("route_id"), f, line, "route_id");
    if (route === undefined) return;
    const info = schools.get(route) ?? { label: cell("label") || "通学公交", schools: [] };
    schools.set(route, info);
    const name = cell("school_name");
    if (!name) return;
    const hasPoint = cell("school_lat") !== "" || cell("school_lon") !== "";
    const lat = hasPoint ? problems.take(gtfsNumber(cell("school_lat"), -90, 90), f, line, "school_lat") : null;
    const lon = hasPoint ? problems.take(gtfsNumber(cell("school_lon"), -180, 180), f, line, "school_lon") : null;
    info.schools.push({ name, lat: lat ?? null, lon: lon ?? null });
  });
  return schools;
}
