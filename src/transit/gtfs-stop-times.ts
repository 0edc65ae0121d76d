/**
 * trips.txt, stop_times.txt, frequencies.txt, shapes.txt and transfers.txt → the feed's
 * trips with their stop times in flat arrays (grouped by trip in stop_sequence order,
 * missing intermediate times interpolated), frequencies, shapes and transfers. Every
 * reference is checked; times must not run backwards.
 */
import { type Problems, gtfsEnum, gtfsNumber, gtfsTime } from "./gtfs-fields.ts";
import { type FeedTables, eachRow } from "./gtfs-tables.ts";
import type { Accessibility, FeedFrequency, FeedTransfer, FeedTrip, TransitFeed } from "./feed.ts";

interface Indexes {
  stopIndex: Map<string, number>;
  routeIndex: Map<string, number>;
  serviceIndex: Map<string, number>;
}

type Rest = Pick<TransitFeed, "trips" | "stopTimes" | "frequencies" | "shapes" | "transfers">;

/** A growable Int32Array. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
}

/** Reads the trip files; null when a problem makes the rest meaningless. */
export function readStopTimes(tables: FeedTables, problems: Problems, ix: Indexes): Rest | null {
  const shapeIndex = new Map<string, number>();
  const shapes = readShapes(tables, problems, shapeIndex);
  const trips: FeedTrip[] = [];
  const tripLines: number[] = [];
  const tripIndex = new Map<string, number>();
  eachRow(tables.get("trips.txt"), problems, (cell, line) => {
    const f = "trips.txt";
    const id = problems.required(cell("trip_id"), f, line, "trip_id");
    if (id === undefined) return;
    if (tripIndex.has(id)) return problems.add(f, line, "trip_id", `班次编号“${id.slice(0, 40)}”重复`, `duplicate trip_id "${id.slice(0, 40)}"`);
    const route = ix.routeIndex.get(cell("route_id"));
    if (route === undefined) problems.add(f, line, "route_id", `线路“${cell("route_id").slice(0, 40)}”不在 routes.txt 里`, `route "${cell("route_id").slice(0, 40)}" is not in routes.txt`);
    const service = ix.serviceIndex.get(cell("service_id"));
    if (service === undefined) problems.add(f, line, "service_id", `服务“${cell("service_id").slice(0, 40)}”不在 calendar 里`, `service "${cell("service_id").slice(0, 40)}" is in neither calendar file`);
    const shapeId = cell("shape_id");
    const shape = shapeId ? shapeIndex.get(shapeId) : -1;
    if (shape === undefined) problems.add(f, line, "shape_id", `线形“${shapeId.slice(0, 40)}”不在 shapes.txt 里`, `shape "${shapeId.slice(0, 40)}" is not in shapes.txt`);
    const wheelchair = problems.take(gtfsEnum(cell("wheelchair_accessible"), [0, 1, 2], 0), f, line, "wheelchair_accessible") as Accessibility | undefined;
    tripIndex.set(id, trips.length);
    tripLines.push(line);
    trips.push({ id, route: route ?? 0, service: service ?? 0, headsign: cell("trip_headsign"), shape: shape ?? -1, wheelchair: wheelchair ?? 0, first: 0, stopCount: 0 });
  });
  if (problems.count > 0) return null;

  const rowTrip = new IntList(), rowSeq = new IntList(), rowStop = new IntList(), rowArr = new IntList(), rowDep = new IntList(), rowLine = new IntList();
  eachRow(tables.get("stop_times.txt"), problems, (cell, line) => {
    const f = "stop_times.txt";
    const trip = tripIndex.get(cell("trip_id"));
    if (trip === undefined) return problems.add(f, line, "trip_id", `班次“${cell("trip_id").slice(0, 40)}”不在 trips.txt 里`, `trip "${cell("trip_id").slice(0, 40)}" is not in trips.txt`);
    const stop = ix.stopIndex.get(cell("stop_id"));
    if (stop === undefined) return problems.add(f, line, "stop_id", `站点“${cell("stop_id").slice(0, 40)}”不在 stops.txt 里（或是车站而非站台）`, `stop "${cell("stop_id").slice(0, 40)}" is not a stop of stops.txt`);
    const seq = problems.take(gtfsNumber(cell("stop_sequence"), 0, 2 ** 31 - 1), f, line, "stop_sequence");
    const a = cell("arrival_time"), d = cell("departure_time");
    const arr = a === "" ? -1 : problems.take(gtfsTime(a), f, line, "arrival_time");
    const dep = d === "" ? arr ?? -1 : problems.take(gtfsTime(d), f, line, "departure_time");
    if (seq === undefined || arr === undefined || dep === undefined) return;
    const arrival = a === "" ? dep : arr;
    if (arrival >= 0 && dep >= 0 && dep < arrival) return problems.add(f, line, "departure_time", "出发早于到达", "departure_time is before arrival_time");
    rowTrip.push(trip); rowSeq.push(Math.trunc(seq)); rowStop.push(stop); rowArr.push(arrival); rowDep.push(dep); rowLine.push(line);
  });
  if (problems.count > 0) return null;

  // Group rows by trip (counting sort), then order each trip by stop_sequence.
  const n = rowTrip.length;
  const first = new Int32Array(trips.length + 1);
  for (let r = 0; r < n; r++) first[rowTrip.data[r]! + 1]!++;
  for (let t = 0; t < trips.length; t++) first[t + 1]! += first[t]!;
  const order = new Int32Array(n);
  const next = first.slice(0, trips.length);
  for (let r = 0; r < n; r++) order[next[rowTrip.data[r]!]!++] = r;
  const stop = new Int32Array(n), arrival = new Int32Array(n), departure = new Int32Array(n);
  trips.forEach((trip, t) => {
    const slice = Array.from(order.subarray(first[t]!, first[t + 1]!));
    for (let k = 1; k < slice.length; k++) {
      if (rowSeq.data[slice[k]!]! <= rowSeq.data[slice[k - 1]!]!) {
        slice.sort((x, y) => rowSeq.data[x]! - rowSeq.data[y]!);
        break;
      }
    }
    trip.first = first[t]!;
    trip.stopCount = slice.length;
    if (slice.length < 2) return problems.add("trips.txt", tripLines[t]!, "trip_id", "班次少于两个停靠", "trip has fewer than two stop times");
    slice.forEach((r, k) => {
      const at = first[t]! + k;
      stop[at] = rowStop.data[r]!; arrival[at] = rowArr.data[r]!; departure[at] = rowDep.data[r]!;
      if (k > 0 && rowSeq.data[r] === rowSeq.data[slice[k - 1]!]) problems.add("stop_times.txt", rowLine.data[r]!, "stop_sequence", "同一班次的停靠序号重复", "stop_sequence repeats within the trip");
    });
    checkTimes(problems, slice.map((r) => rowLine.data[r]!), arrival, departure, first[t]!, slice.length);
  });
  if (problems.count > 0) return null;
  const frequencies = readFrequencies(tables, problems, tripIndex);
  const transfers = readTransfers(tables, problems, ix.stopIndex);
  return { trips, stopTimes: { stop, arrival, departure }, frequencies, shapes, transfers };
}

/** First and last times given, none running backwards; missing ones interpolated by position. */
function checkTimes(problems: Problems, lines: number[], arrival: Int32Array, departure: Int32Array, at: number, count: number): void {
  const f = "stop_times.txt";
  if (arrival[at]! < 0) return problems.add(f, lines[0]!, "arrival_time", "班次第一站必须有时间", "a trip's first stop must have times");
  if (arrival[at + count - 1]! < 0) return problems.add(f, lines[count - 1]!, "arrival_time", "班次最后一站必须有时间", "a trip's last stop must have times");
  let known = 0;
  for (let k = 1; k < count; k++) {
    if (arrival[at + k]! < 0) continue;
    if (arrival[at + k]! < departure[at + known]!) return problems.add(f, lines[k]!, "arrival_time", "时间早于上一站", "time is earlier than the stop before");
    for (let m = known + 1; m < k; m++) {
      const t = Math.round(departure[at + known]! + ((arrival[at + k]! - departure[at + known]!) * (m - known)) / (k - known));
      arrival[at + m] = t;
      departure[at + m] = t;
    }
    known = k;
  }
}

function readFrequencies(tables: FeedTables, problems: Problems, tripIndex: Map<string, number>): FeedFrequency[] {
  const out: FeedFrequency[] = [];
  eachRow(tables.get("frequencies.txt"), problems, (cell, line) => {
    const f = "frequencies.txt";
    const trip = tripIndex.get(cell("trip_id"));
    if (trip === undefined) return problems.add(f, line, "trip_id", `班次“${cell("trip_id").slice(0, 40)}”不在 trips.txt 里`, `trip "${cell("trip_id").slice(0, 40)}" is not in trips.txt`);
    const start = problems.take(gtfsTime(cell("start_time")), f, line, "start_time");
    const end = problems.take(gtfsTime(cell("end_time")), f, line, "end_time");
    const headway = problems.take(gtfsNumber(cell("headway_secs"), 1, 86_400), f, line, "headway_secs");
    problems.take(gtfsEnum(cell("exact_times"), [0, 1], 0), f, line, "exact_times");
    if (start !== undefined && end !== undefined && end <= start) problems.add(f, line, "end_time", "结束时间不晚于开始时间", "end_time is not after start_time");
    if (start === undefined || end === undefined || headway === undefined) return;
    out.push({ trip, start, end, headway: Math.round(headway), estimated: cell("estimated") === "1" });
  });
  return out;
}

function readShapes(tables: FeedTables, problems: Problems, shapeIndex: Map<string, number>): Float64Array[] {
  const points = new Map<string, Array<[number, number, number]>>();
  eachRow(tables.get("shapes.txt"), problems, (cell, line) => {
    const f = "shapes.txt";
    const id = problems.required(cell("shape_id"), f, line, "shape_id");
    const lat = problems.take(gtfsNumber(cell("shape_pt_lat"), -90, 90), f, line, "shape_pt_lat");
    const lon = problems.take(gtfsNumber(cell("shape_pt_lon"), -180, 180), f, line, "shape_pt_lon");
    const seq = problems.take(gtfsNumber(cell("shape_pt_sequence"), 0, 2 ** 31 - 1), f, line, "shape_pt_sequence");
    if (id === undefined || lat === undefined || lon === undefined || seq === undefined) return;
    let list = points.get(id);
    if (!list) points.set(id, (list = []));
    list.push([seq, lon, lat]);
  });
  const shapes: Float64Array[] = [];
  for (const [id, list] of points) {
    list.sort((a, b) => a[0] - b[0]);
    shapeIndex.set(id, shapes.length);
    shapes.push(Float64Array.from(list.flatMap(([, lon, lat]) => [lon, lat])));
  }
  return shapes;
}

function readTransfers(tables: FeedTables, problems: Problems, stopIndex: Map<string, number>): FeedTransfer[] {
  const out: FeedTransfer[] = [];
  eachRow(tables.get("transfers.txt"), problems, (cell, line) => {
    const f = "transfers.txt";
    const from = stopIndex.get(cell("from_stop_id"));
    const to = stopIndex.get(cell("to_stop_id"));
    if (cell("from_stop_id") && from === undefined) problems.add(f, line, "from_stop_id", "站点不在 stops.txt 里", "stop is not in stops.txt");
    if (cell("to_stop_id") && to === undefined) problems.add(f, line, "to_stop_id", "站点不在 stops.txt 里", "stop is not in stops.txt");
    const type = problems.take(gtfsEnum(cell("transfer_type"), [0, 1, 2, 3, 4, 5], 0), f, line, "transfer_type");
    const min = cell("min_transfer_time") === "" ? 0 : problems.take(gtfsNumber(cell("min_transfer_time"), 0, 86_400), f, line, "min_transfer_time");
    if (from === undefined || to === undefined || type === undefined || min === undefined || type === 3 || from === to) return;
    out.push({ from, to, minSeconds: Math.round(min) });
  });
  return out;
}
