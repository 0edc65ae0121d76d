/**
 * A second yardstick for the journey bench (journey.bench.ts): one-criterion earliest arrival
 * by the Connection Scan Algorithm (Dibbelt, Pätzold, Strasser, Wagner), the day's
 * timetable as one array of connections (a trip's hop from one stop to the next) sorted by
 * departure, scanned once from the start until a connection leaves after the best arrival at
 * the target. Same starts, ends, footpaths and rules as the time-dependent Dijkstra it is
 * tested against (src/transit/td-dijkstra.ts): one transfer walk between two vehicles, no
 * journey without a vehicle, no limit on vehicles. Not used by the app: journeys need the
 * Pareto set over arrival and transfers, which RAPTOR (src/transit/raptor.ts) gives.
 */
import { type Footpaths, footpathTimes } from "../src/transit/footpaths.ts";
import type { StopWalk } from "../src/transit/raptor.ts";
import type { DayTimetable } from "../src/transit/timetable.ts";

const NONE = 0x3fffffff;

/** A day's connections sorted by departure (then arrival), with the buffers of a query. */
export class ConnectionScan {
  readonly departure: Int32Array;
  readonly arrival: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** The connection's trip, numbered over the whole day (pattern's first trip + trip). */
  readonly trip: Int32Array;
  private readonly vehicle: Int32Array;
  private readonly ready: Int32Array;
  /** 1 where the stop's ready time is the access walk's alone (no egress from there: that journey has no vehicle). */
  private readonly onlyAccess: Uint8Array;
  private readonly egress: Int32Array;
  private readonly onTrip: Uint8Array;

  constructor(day: DayTimetable, readonly stopCount: number) {
    const { stopStart, patternStops, tripCounts, timeStart, arrivals, departures, tripStart } = day;
    const P = tripCounts.length;
    let total = 0;
    for (let p = 0; p < P; p++) total += tripCounts[p]! * (stopStart[p + 1]! - stopStart[p]! - 1);
    const dep = new Int32Array(total), arr = new Int32Array(total), from = new Int32Array(total), to = new Int32Array(total), trip = new Int32Array(total);
    let c = 0;
    for (let p = 0; p < P; p++) {
      const at = stopStart[p]!, len = stopStart[p + 1]! - at;
      for (let k = 0; k < tripCounts[p]!; k++) {
        const row = timeStart[p]! + k * len;
        for (let i = 0; i + 1 < len; i++, c++) {
          dep[c] = departures[row + i]!;
          arr[c] = arrivals[row + i + 1]!;
          from[c] = patternStops[at + i]!;
          to[c] = patternStops[at + i + 1]!;
          trip[c] = tripStart[p]! + k;
        }
      }
    }
    // Ordered by departure, then arrival, then as built (a trip's hops in order): two stable counting sorts.
    const order = sortedBy(dep, sortedBy(arr, Int32Array.from({ length: total }, (_, i) => i)));
    this.departure = Int32Array.from(order, (i) => dep[i]!);
    this.arrival = Int32Array.from(order, (i) => arr[i]!);
    this.from = Int32Array.from(order, (i) => from[i]!);
    this.to = Int32Array.from(order, (i) => to[i]!);
    this.trip = Int32Array.from(order, (i) => trip[i]!);
    this.vehicle = new Int32Array(stopCount).fill(NONE);
    this.ready = new Int32Array(stopCount).fill(NONE);
    this.onlyAccess = new Uint8Array(stopCount);
    this.egress = new Int32Array(stopCount).fill(NONE);
    this.onTrip = new Uint8Array(Math.max(1, tripStart[P]!));
  }

  /** Earliest arrival at the target (through one of `egress`) leaving at `start` through one of `access`; null when none. */
  earliestArrival(paths: Footpaths, start: number, access: readonly StopWalk[], egress: readonly StopWalk[], speed: number): number | null {
    const { departure, arrival, from, to, trip, vehicle, ready, onlyAccess, egress: egressAt, onTrip } = this;
    const walk = footpathTimes(paths, speed);
    const first = paths.first, target = paths.target;
    vehicle.fill(NONE);
    ready.fill(NONE);
    onlyAccess.fill(0);
    onTrip.fill(0);
    for (const e of egress) egressAt[e.stop] = Math.min(egressAt[e.stop]!, e.seconds);
    let earliest = NONE;
    for (const a of access) {
      const t = start + a.seconds;
      if (t < ready[a.stop]!) {
        ready[a.stop] = t;
        onlyAccess[a.stop] = 1;
        if (t < earliest) earliest = t;
      }
    }
    let best = NONE;
    const total = departure.length;
    // Connections leaving at the same second as an arrival that makes a stop ready at that
    // very second are scanned again from the first of that second (zero-second hops or walks).
    let group = -1, groupTime = NONE;
    for (let x = firstAtOrAfter(departure, earliest); x < total; x++) {
      const t = departure[x]!;
      if (t >= best) break;
      if (t !== groupTime) {
        group = x;
        groupTime = t;
      }
      const k = trip[x]!;
      if (onTrip[k] === 0) {
        if (ready[from[x]!]! > t) continue;
        onTrip[k] = 1;
      }
      const v = to[x]!, a = arrival[x]!;
      if (a >= vehicle[v]!) continue;
      vehicle[v] = a;
      const e = egressAt[v]!;
      if (e !== NONE && a + e < best) best = a + e;
      let again = false;
      if (a < ready[v]!) {
        ready[v] = a;
        onlyAccess[v] = 0;
        again = a === t;
      }
      for (let y = first[v]!, stop = first[v + 1]!; y < stop; y++) {
        const f = target[y]!, w = a + walk[y]!;
        if (w < ready[f]!) {
          ready[f] = w;
          onlyAccess[f] = 0;
          const g = egressAt[f]!;
          if (g !== NONE && w + g < best) best = w + g;
          if (w === t) again = true;
        }
      }
      if (again) x = group - 1;
    }
    for (const e of egress) egressAt[e.stop] = NONE;
    return best < NONE ? best : null;
  }
}

/** The first connection leaving at or after `t`. */
function firstAtOrAfter(departure: Int32Array, t: number): number {
  let lo = 0, hi = departure.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (departure[mid]! >= t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** `order` stably sorted by key[order[i]] (counting sort over the keys' range). */
function sortedBy(key: Int32Array, order: Int32Array): Int32Array {
  if (order.length === 0) return order;
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < key.length; i++) {
    if (key[i]! < min) min = key[i]!;
    if (key[i]! > max) max = key[i]!;
  }
  const counts = new Int32Array(max - min + 2);
  for (let i = 0; i < order.length; i++) counts[key[order[i]!]! - min + 1]!++;
  for (let b = 1; b < counts.length; b++) counts[b]! += counts[b - 1]!;
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) out[counts[key[order[i]!]! - min]!++] = order[i]!;
  return out;
}
