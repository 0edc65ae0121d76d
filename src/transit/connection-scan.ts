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
 * each of its rounds. The map is cut into cells and each cell's connections kept apart (by
 * departure); time is scanned a minute at a time, and in each minute only the cells where a
 * stop is ready or a boarded trip rides are read, so the far side of the city costs nothing
 * until the journey gets near it (a trip remembers where it was boarded, as cells are read
 * one after the other within a minute; an arrival within the minute it left in has the
 * minute read again). The fields read together lie side by side in flat arrays (a connection
 * not boarded reads its departure, trip and stop). A query whose start has no vehicle to
 * board, or whose end no vehicle or walk after one can reach, is answered without a scan.
 */
import { type Footpaths, footpathTimes } from "./footpaths.ts";
import type { RaptorLeg, StopWalk } from "./raptor.ts";
import type { DayTimetable } from "./timetable.ts";

const NONE = 0x3fffffff;
/** Seconds of timetable scanned cell by cell at a time (see scan()). */
const SLAB = 60;
/** Stops a cell holds, about (16 cells for a city of 20,000 stops; one for a small network). Fewer, larger cells
 * cost less to visit every slab; more, smaller ones sleep longer. Measured on the large synthetic feed: 1,000
 * was best of 80 to 5,000 (docs/PERFORMANCE.md). */
const STOPS_PER_CELL = 1000;
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

/** A day's connections by cell, then departure (then arrival), with the buffers of one query at a time. */
export class ConnectionScan {
  /** Connection c leaves at departure[c]; its trip (numbered over the day: the pattern's first trip + trip) and the stop it leaves are at tripFrom[2c], tripFrom[2c + 1]; the stop it reaches and when at toArrival[2c], toArrival[2c + 1] (read together). */
  readonly departure: Int32Array;
  readonly tripFrom: Int32Array;
  readonly toArrival: Int32Array;
  /** Connection c leaves its pattern's position position[c]. */
  readonly position: Int32Array;
  readonly stopCount: number;
  private readonly tripPattern: Int32Array;
  private readonly ready: Int32Array;
  private readonly vehicle: Int32Array;
  private readonly readyBy: Int32Array;
  private readonly byConnection: Int32Array;
  /** Per stop: where the trip of its vehicle label was boarded when the label was set (the trip's boarding may move earlier later on). */
  private readonly byBoarding: Int32Array;
  private readonly egress: Int32Array;
  /** Per trip: the departure of the connection it was first boarded at (NONE: not boarded). */
  private readonly boardedFrom: Int32Array;
  private readonly entered: Int32Array;
  /** The map cut into cells: each stop's cell; each cell's connections are cellStart[c] .. cellStart[c + 1] - 1 (by departure). */
  private readonly cellOf: Int32Array;
  private readonly cellStart: Int32Array;
  /** Per query: the cells where something is ready or riding, in the order they woke, and where each cell's scan is. */
  private readonly awake: Uint8Array;
  private readonly awakeList: Int32Array;
  private readonly cursor: Int32Array;
  private readonly slabEnd: Int32Array;
  /** 1 where a vehicle can be boarded (a pattern calls there before its last stop). */
  private readonly boardable: Uint8Array;
  /** 1 where a vehicle can be left, or a footpath from such a stop ends (computed per footpaths). */
  private reachable: { paths: Footpaths; stops: Uint8Array } | null = null;

  /** `stops` are the feed's stops (their positions place them in cells of about `stopsPerCell`). */
  constructor(private readonly day: DayTimetable, stops: ReadonlyArray<{ lon: number; lat: number }>, stopsPerCell = STOPS_PER_CELL) {
    const stopCount = stops.length;
    this.stopCount = stopCount;
    const { stopStart, patternStops, tripCounts, timeStart, arrivals, departures, tripStart } = day;
    const P = tripCounts.length;
    let total = 0;
    for (let p = 0; p < P; p++) total += tripCounts[p]! * (stopStart[p + 1]! - stopStart[p]! - 1);
    // Cells: a grid over the stops.
    const side = Math.max(1, Math.round(Math.sqrt(stopCount / stopsPerCell)));
    let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
    for (const s of stops) {
      minLon = Math.min(minLon, s.lon); maxLon = Math.max(maxLon, s.lon);
      minLat = Math.min(minLat, s.lat); maxLat = Math.max(maxLat, s.lat);
    }
    const along = (v: number, lo: number, hi: number) => Math.min(side - 1, Math.max(0, Math.floor(((v - lo) / Math.max(1e-9, hi - lo)) * side)));
    this.cellOf = Int32Array.from(stops, (s) => along(s.lat, minLat, maxLat) * side + along(s.lon, minLon, maxLon));
    const cells = side * side;
    // Each connection as built, pattern by pattern, trip by trip, hop by hop; its cell is its first stop's.
    const dep = new Int32Array(total), arr = new Int32Array(total), tripOf = new Int32Array(total), positionOf = new Int32Array(total), cellKey = new Int32Array(total);
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
          cellKey[c] = this.cellOf[patternStops[stopStart[p]! + i]!]!;
        }
      }
    }
    // Ordered by cell, then departure, then arrival, then as built (a trip's hops in order): three stable counting sorts.
    const order = sortedBy(cellKey, sortedBy(dep, sortedBy(arr, Int32Array.from({ length: total }, (_, i) => i))));
    this.cellStart = new Int32Array(cells + 1);
    for (let x = 0; x < total; x++) this.cellStart[cellKey[x]! + 1]!++;
    for (let c = 0; c < cells; c++) this.cellStart[c + 1]! += this.cellStart[c]!;
    this.awake = new Uint8Array(cells);
    this.awakeList = new Int32Array(cells);
    this.cursor = new Int32Array(cells);
    this.slabEnd = new Int32Array(cells);
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
    this.byBoarding = new Int32Array(stopCount);
    this.egress = new Int32Array(stopCount).fill(NONE);
    this.boardedFrom = new Int32Array(Math.max(1, tripStart[P]!));
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
    const { departure, tripFrom, toArrival, ready, vehicle, readyBy, byConnection, byBoarding, egress: egressAt, boardedFrom, entered, position } = this;
    const { cellOf, cellStart, awake, awakeList, cursor, slabEnd: cellSlabEnd } = this;
    const walk = footpathTimes(paths, speed);
    const first = paths.first, target = paths.target;
    boardedFrom.fill(NONE);
    ready.fill(NONE);
    vehicle.fill(NONE);
    awake.fill(0);
    let awakeCount = 0;
    let slabStart = NONE;
    /** Wakes the cell of stop s: its connections are scanned from the slab being scanned on. */
    const wake = (s: number) => {
      const c = cellOf[s]!;
      if (awake[c] === 1) return;
      awake[c] = 1;
      awakeList[awakeCount++] = c;
      cursor[c] = firstAtOrAfter(departure, cellStart[c]!, cellStart[c + 1]!, slabStart);
    };
    for (const e of egress) if (open(e.stop)) egressAt[e.stop] = Math.min(egressAt[e.stop]!, e.seconds);
    for (const a of access) {
      const t = start + a.seconds;
      if (open(a.stop) && t < ready[a.stop]!) {
        ready[a.stop] = t;
        readyBy[a.stop] = BY_ACCESS;
        if (t < slabStart) slabStart = t;
      }
    }
    for (const a of access) if (ready[a.stop]! < NONE) wake(a.stop);
    let best = NONE, bestStop = -1, bestFrom = -1;
    // Time in slabs of SLAB seconds. In each, the awake cells' connections of the slab, cell by
    // cell: a connection matters only where a stop is ready or a boarded trip rides, so cells
    // where nothing has happened yet are not read at all. An arrival inside the slab it left in
    // (a short hop, a walk) may make a connection of a cell already scanned catchable: the slab
    // is then scanned again, until nothing changes.
    while (slabStart < best) {
      const end = Math.min(slabStart + SLAB, best);
      let changed = true;
      while (changed) {
        changed = false;
        for (let w = 0; w < awakeCount; w++) {
          const c = awakeList[w]!, last = cellStart[c + 1]!;
          let x = cursor[c]!;
          for (; x < last; x++) {
            const t = departure[x]!;
            if (t >= end || t >= best) break;
            const k = tripFrom[2 * x]!, on = boardedFrom[k]!;
            // Not boarded yet, or boarded at a later stop (cells are scanned one after another
            // within a slab, so a trip's earlier connection can come after a later one).
            if (t < on || (t === on && position[x]! < position[entered[k]!]!)) {
              if (ready[tripFrom[2 * x + 1]!]! > t) continue;
              boardedFrom[k] = t;
              entered[k] = x;
              // Its next connection may leave within this slab, from a cell already scanned.
              if (toArrival[2 * x + 1]! < end) changed = true;
            }
            const v = toArrival[2 * x]!, a = toArrival[2 * x + 1]!;
            if (blocked !== null && blocked[v] === 1) {
              // Not left here, but the trip rides on from here.
              wake(v);
              continue;
            }
            if (a >= vehicle[v]!) continue;
            vehicle[v] = a;
            byConnection[v] = x;
            byBoarding[v] = entered[k]!;
            wake(v);
            const e = egressAt[v]!;
            if (e !== NONE && a + e < best) {
              best = a + e;
              bestStop = v;
              bestFrom = -1;
            }
            if (a < ready[v]!) {
              ready[v] = a;
              readyBy[v] = BY_VEHICLE;
              if (a < end) changed = true;
            }
            for (let y = first[v]!, stop = first[v + 1]!; y < stop; y++) {
              const f = target[y]!;
              if (blocked !== null && blocked[f] === 1) continue;
              const wt = a + walk[y]!;
              // The egress walk may start where this walk ends even when the access walk was there earlier.
              const g = egressAt[f]!;
              if (g !== NONE && wt + g < best) {
                best = wt + g;
                bestStop = f;
                bestFrom = v;
              }
              if (wt < ready[f]!) {
                ready[f] = wt;
                readyBy[f] = v;
                wake(f);
                if (wt < end) changed = true;
              }
            }
          }
          cellSlabEnd[c] = x;
        }
      }
      // The next slab starts where the awake cells' next connection leaves (none: done).
      let next = NONE;
      for (let w = 0; w < awakeCount; w++) {
        const c = awakeList[w]!, x = cellSlabEnd[c]!;
        cursor[c] = x;
        if (x < cellStart[c + 1]! && departure[x]! < next) next = departure[x]!;
      }
      slabStart = Math.max(end, next);
    }
    const egressSeconds = bestStop >= 0 ? egressAt[bestStop]! : NONE;
    for (const e of egress) egressAt[e.stop] = NONE;
    return best < NONE ? { arrival: best, stop: bestStop, from: bestFrom, egressSeconds } : null;
  }

  /** The journey of the last scan, from the stops' labels back to the access walk. */
  private readBack(paths: Footpaths, speed: number, found: { arrival: number; stop: number; from: number; egressSeconds: number }): FastestJourney {
    const { tripFrom, position, tripPattern, vehicle, ready, readyBy, byConnection, byBoarding } = this;
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
      // The boarding as it was when the label was set: a later, earlier boarding of the same trip
      // may rest on labels set from this one (zero-second rides), and would read back in a loop.
      const c = byConnection[s]!, trip = tripFrom[2 * c]!, boarded = byBoarding[s]!;
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
function firstAtOrAfter(departure: Int32Array, from: number, to: number, t: number): number {
  let lo = from, hi = to;
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
