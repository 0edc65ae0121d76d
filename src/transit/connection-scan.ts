/**
 * One-criterion earliest arrival by the Connection Scan Algorithm (Dibbelt, Pätzold,
 * Strasser, Wagner): the day's timetable as one array of connections (a trip's hop from one
 * stop to the next) sorted by departure, scanned once from the start until a connection
 * leaves after the best arrival at the destination. Same starts, ends, footpaths and rules
 * as RAPTOR (raptor.ts) and the time-dependent Dijkstra it is tested against (td-dijkstra.ts):
 * one transfer walk between two vehicles, no journey without a vehicle, stops a stroller
 * keeps off left out; no limit on vehicles. The journey is read back from each stop's label.
 *
 * Built for the long queries of a large city, where RAPTOR rescans most of the network in
 * each of its rounds: the connections lie in flat arrays, the fields read together side by
 * side (a connection not boarded reads its departure, trip and stop), the trips boarded are one byte each (small enough to
 * stay in the cache), and a query whose start has no vehicle to board, or
 * whose end no vehicle or walk after one can reach, is answered without a scan.
 */
import { type Footpaths, footpathTimes } from "./footpaths.ts";
import type { RaptorLeg, StopWalk } from "./raptor.ts";
import type { DayTimetable } from "./timetable.ts";

const NONE = 0x3fffffff;
/** A stop's ready time came from the access walk, or from a vehicle's arrival there (otherwise: the stop the walk there left from). */
const BY_ACCESS = -1, BY_VEHICLE = -2;

/** The earliest arrival and the journey that makes it. */
export interface FastestJourney {
  arrival: number;
  /** Vehicles taken. */
  rounds: number;
  legs: RaptorLeg[];
  accessStop: number;
  egressStop: number;
  egressSeconds: number;
}

/** A day's connections sorted by departure (then arrival), with the buffers of one query at a time. */
export class ConnectionScan {
  /** Connection c leaves at departure[c]; its trip (numbered over the day: the pattern's first trip + trip) and the stop it leaves are at tripFrom[2c], tripFrom[2c + 1]; the stop it reaches and when at toArrival[2c], toArrival[2c + 1] (read together). */
  readonly departure: Int32Array;
  readonly tripFrom: Int32Array;
  readonly toArrival: Int32Array;
  /** Connection c leaves its pattern's position position[c]. */
  readonly position: Int32Array;
  readonly count: number;
  private readonly tripPattern: Int32Array;
  private readonly ready: Int32Array;
  private readonly vehicle: Int32Array;
  private readonly readyBy: Int32Array;
  private readonly byConnection: Int32Array;
  private readonly egress: Int32Array;
  private readonly boarded: Uint8Array;
  private readonly entered: Int32Array;
  /** 1 where a vehicle can be boarded (a pattern calls there before its last stop). */
  private readonly boardable: Uint8Array;
  /** 1 where a vehicle can be left, or a footpath from such a stop ends (computed per footpaths). */
  private reachable: { paths: Footpaths; stops: Uint8Array } | null = null;

  constructor(private readonly day: DayTimetable, readonly stopCount: number) {
    const { stopStart, patternStops, tripCounts, timeStart, arrivals, departures, tripStart } = day;
    const P = tripCounts.length;
    let total = 0;
    for (let p = 0; p < P; p++) total += tripCounts[p]! * (stopStart[p + 1]! - stopStart[p]! - 1);
    const dep = new Int32Array(total), arr = new Int32Array(total), tripOf = new Int32Array(total), positionOf = new Int32Array(total);
    let c = 0;
    for (let p = 0; p < P; p++) {
      const len = stopStart[p + 1]! - stopStart[p]!;
      for (let k = 0; k < tripCounts[p]!; k++) {
        const row = timeStart[p]! + k * len;
        for (let i = 0; i + 1 < len; i++, c++) {
          dep[c] = departures[row + i]!;
          arr[c] = arrivals[row + i + 1]!;
          tripOf[c] = tripStart[p]! + k;
          positionOf[c] = i;
        }
      }
    }
    // Ordered by departure, then arrival, then as built (a trip's hops in order): two stable counting sorts.
    const order = sortedBy(dep, sortedBy(arr, Int32Array.from({ length: total }, (_, i) => i)));
    this.count = total;
    this.departure = new Int32Array(total);
    this.tripFrom = new Int32Array(2 * total);
    this.toArrival = new Int32Array(2 * total);
    this.position = new Int32Array(total);
    this.tripPattern = new Int32Array(tripStart[P]!);
    for (let p = 0; p < P; p++) this.tripPattern.fill(p, tripStart[p]!, tripStart[p + 1]!);
    for (let x = 0; x < total; x++) {
      const o = order[x]!, trip = tripOf[o]!, i = positionOf[o]!, p = this.tripPattern[trip]!;
      this.departure[x] = dep[o]!;
      this.tripFrom[2 * x] = trip;
      this.tripFrom[2 * x + 1] = patternStops[stopStart[p]! + i]!;
      this.toArrival[2 * x] = patternStops[stopStart[p]! + i + 1]!;
      this.toArrival[2 * x + 1] = arr[o]!;
      this.position[x] = i;
    }
    this.ready = new Int32Array(stopCount);
    this.vehicle = new Int32Array(stopCount);
    this.readyBy = new Int32Array(stopCount);
    this.byConnection = new Int32Array(stopCount);
    this.egress = new Int32Array(stopCount).fill(NONE);
    this.boarded = new Uint8Array(Math.max(1, tripStart[P]!));
    this.entered = new Int32Array(Math.max(1, tripStart[P]!));
    this.boardable = new Uint8Array(stopCount);
    for (let p = 0; p < P; p++) for (let x = stopStart[p]!; x < stopStart[p + 1]! - 1; x++) this.boardable[patternStops[x]!] = 1;
  }

  /** Stops the destination can be reached at: where a vehicle stops (not at its first stop), and one footpath on. */
  private reachableStops(paths: Footpaths): Uint8Array {
    if (this.reachable?.paths === paths) return this.reachable.stops;
    const { stopStart, patternStops, tripCounts } = this.day;
    const stops = new Uint8Array(this.stopCount);
    for (let p = 0; p < tripCounts.length; p++) for (let x = stopStart[p]! + 1; x < stopStart[p + 1]!; x++) stops[patternStops[x]!] = 1;
    const walkTo = new Uint8Array(this.stopCount);
    for (let s = 0; s < this.stopCount; s++) if (stops[s] === 1) for (let y = paths.first[s]!; y < paths.first[s + 1]!; y++) walkTo[paths.target[y]!] = 1;
    for (let s = 0; s < this.stopCount; s++) stops[s]! |= walkTo[s]!;
    this.reachable = { paths, stops };
    return stops;
  }

  /** Earliest arrival at the destination (through one of `egress`) leaving at `start` through one of `access`; null when none. */
  earliestArrival(paths: Footpaths, start: number, access: readonly StopWalk[], egress: readonly StopWalk[], speed: number, blocked: Uint8Array | null = null): number | null {
    return this.scan(paths, start, access, egress, speed, blocked)?.arrival ?? null;
  }

  /** The earliest arrival and its journey, or null when none. */
  fastest(paths: Footpaths, start: number, access: readonly StopWalk[], egress: readonly StopWalk[], speed: number, blocked: Uint8Array | null = null): FastestJourney | null {
    const found = this.scan(paths, start, access, egress, speed, blocked);
    return found && this.readBack(paths, speed, found);
  }

  private scan(paths: Footpaths, start: number, access: readonly StopWalk[], egress: readonly StopWalk[], speed: number, blocked: Uint8Array | null): { arrival: number; stop: number; from: number; egressSeconds: number } | null {
    const { boardable } = this;
    const reachable = this.reachableStops(paths);
    const open = (s: number) => blocked === null || blocked[s] !== 1;
    if (!access.some((a) => boardable[a.stop] === 1 && open(a.stop)) || !egress.some((e) => reachable[e.stop] === 1 && open(e.stop))) return null;
    const { departure, tripFrom, toArrival, count, ready, vehicle, readyBy, byConnection, egress: egressAt, boarded, entered } = this;
    const walk = footpathTimes(paths, speed);
    const first = paths.first, target = paths.target;
    boarded.fill(0);
    ready.fill(NONE);
    vehicle.fill(NONE);
    for (const e of egress) if (open(e.stop)) egressAt[e.stop] = Math.min(egressAt[e.stop]!, e.seconds);
    let earliest = NONE;
    for (const a of access) {
      const t = start + a.seconds;
      if (open(a.stop) && t < ready[a.stop]!) {
        ready[a.stop] = t;
        readyBy[a.stop] = BY_ACCESS;
        if (t < earliest) earliest = t;
      }
    }
    let best = NONE, bestStop = -1, bestFrom = -1;
    for (let x = firstAtOrAfter(departure, earliest); x < count; x++) {
      const t = departure[x]!;
      if (t >= best) break;
      const k = tripFrom[2 * x]!;
      if (boarded[k] === 0) {
        if (ready[tripFrom[2 * x + 1]!]! > t) continue;
        boarded[k] = 1;
        entered[k] = x;
      }
      const v = toArrival[2 * x]!, a = toArrival[2 * x + 1]!;
      if (a >= vehicle[v]! || (blocked !== null && blocked[v] === 1)) continue;
      vehicle[v] = a;
      byConnection[v] = x;
      const e = egressAt[v]!;
      if (e !== NONE && a + e < best) {
        best = a + e;
        bestStop = v;
        bestFrom = -1;
      }
      let again = false;
      if (a < ready[v]!) {
        ready[v] = a;
        readyBy[v] = BY_VEHICLE;
        again = a === t;
      }
      for (let y = first[v]!, stop = first[v + 1]!; y < stop; y++) {
        const f = target[y]!;
        if (blocked !== null && blocked[f] === 1) continue;
        const w = a + walk[y]!;
        // The egress walk may start where this walk ends even when the access walk was there earlier.
        const g = egressAt[f]!;
        if (g !== NONE && w + g < best) {
          best = w + g;
          bestStop = f;
          bestFrom = v;
        }
        if (w < ready[f]!) {
          ready[f] = w;
          readyBy[f] = v;
          if (w === t) again = true;
        }
      }
      // A stop made ready at the very second this connection leaves (a zero-second hop or walk):
      // the connections of that second are scanned again, from the first.
      if (again) {
        while (x > 0 && departure[x - 1] === t) x--;
        x--;
      }
    }
    const egressSeconds = bestStop >= 0 ? egressAt[bestStop]! : NONE;
    for (const e of egress) egressAt[e.stop] = NONE;
    return best < NONE ? { arrival: best, stop: bestStop, from: bestFrom, egressSeconds } : null;
  }

  /** The journey of the last scan, from the stops' labels back to the access walk. */
  private readBack(paths: Footpaths, speed: number, found: { arrival: number; stop: number; from: number; egressSeconds: number }): FastestJourney {
    const { tripFrom, position, tripPattern, vehicle, ready, readyBy, byConnection, entered } = this;
    const { tripStart } = this.day;
    const walk = footpathTimes(paths, speed);
    const seconds = (from: number, to: number) => {
      let least = NONE;
      for (let y = paths.first[from]!; y < paths.first[from + 1]!; y++) if (paths.target[y] === to && walk[y]! < least) least = walk[y]!;
      return least;
    };
    const legs: RaptorLeg[] = [];
    let s = found.stop;
    if (found.from >= 0) {
      legs.push({ kind: "foot", from: found.from, to: s, arrival: vehicle[found.from]! + seconds(found.from, s) });
      s = found.from;
    }
    let accessStop = -1, rounds = 0;
    for (let guard = 0; guard <= this.stopCount; guard++) {
      const c = byConnection[s]!, trip = tripFrom[2 * c]!, boarded = entered[trip]!;
      const p = tripPattern[trip]!;
      legs.push({ kind: "trip", pattern: p, trip: trip - tripStart[p]!, board: position[boarded]!, alight: position[c]! + 1 });
      rounds++;
      const at = tripFrom[2 * boarded + 1]!, by = readyBy[at]!;
      if (by === BY_ACCESS) {
        accessStop = at;
        break;
      }
      if (by === BY_VEHICLE) s = at;
      else {
        legs.push({ kind: "foot", from: by, to: at, arrival: ready[at]! });
        s = by;
      }
    }
    if (accessStop < 0) throw new Error("connection scan labels broken");
    return { arrival: found.arrival, rounds, legs: legs.reverse(), accessStop, egressStop: found.stop, egressSeconds: found.egressSeconds };
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
