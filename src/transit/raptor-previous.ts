/**
 * The RAPTOR of commit 50b738b exactly as it was, kept only as the reference its faster
 * successor (raptor.ts) is compared with in raptor-previous.test.ts: both must give the same
 * Pareto set and read back the same legs on many random queries. Not used by the app.
 */
import { type Footpaths, footpathTimes } from "./footpaths.ts";
import type { DayTimetable } from "./timetable.ts";

const NONE = 0x3fffffff;

/** A stop with the seconds of walking to it (access) or from it (egress). */
export interface StopWalk {
  stop: number;
  seconds: number;
}

/** The target's best arrival with `rounds` vehicles, through `egressStop`. */
export interface ParetoEntry {
  rounds: number;
  arrival: number;
  egressStop: number;
  egressSeconds: number;
  /** The last vehicle was left at another stop and the egress stop reached by a transfer walk. */
  viaWalk: boolean;
}

/**
 * Per round k and stop s (index k * stopCount + s): at 2 × index the arrival by vehicle (by
 * the access walk in round 0), at 2 × index + 1 the arrival by a transfer walk (kept apart,
 * so a walk never hides the vehicle arrival it started from); at 4 × index the vehicle leg
 * (pattern, trip within it, boarding and alighting positions); the transfer walk's origin.
 */
export interface RaptorLabels {
  readonly stopCount: number;
  readonly arrival: Int32Array;
  readonly ride: Int32Array;
  readonly walkFrom: Int32Array;
}

export interface RaptorResult {
  /** The workspace's labels: valid until its next query. */
  labels: RaptorLabels;
  pareto: ParetoEntry[];
}

/** Reusable buffers for one network's stop count: a query allocates nothing else but its answer. */
export class RaptorWorkspace implements RaptorLabels {
  readonly arrival: Int32Array;
  readonly ride: Int32Array;
  readonly walkFrom: Int32Array;
  /** Best arrival by vehicle so far, and by a walk (apart: only a vehicle arrival may be walked on from). */
  readonly best: Int32Array;
  readonly bestWalk: Int32Array;
  /** Egress seconds per stop for the current query (NONE elsewhere). */
  readonly egress: Int32Array;
  readonly marked: Uint8Array;
  /** 1 for the stops marked in the round before the one being scanned. */
  readonly inPrevious: Uint8Array;
  /** Marked stops of the round being read and of the round being written. */
  current: Int32Array;
  next: Int32Array;
  /** Per pattern, the first position to scan from (-1: not queued), and the queued patterns. */
  readonly queue: Int32Array;
  readonly queued: Int32Array;
  /** The stops the last query wrote labels for, and the last round it wrote. */
  readonly touched: Int32Array;
  readonly isTouched: Uint8Array;
  touchedCount = 0;
  roundsUsed = -1;
  constructor(readonly stopCount: number, readonly patternCount: number, readonly maxRounds: number) {
    const cells = stopCount * (maxRounds + 1);
    this.arrival = new Int32Array(2 * cells).fill(NONE);
    this.ride = new Int32Array(4 * cells);
    this.walkFrom = new Int32Array(cells);
    this.best = new Int32Array(stopCount).fill(NONE);
    this.bestWalk = new Int32Array(stopCount).fill(NONE);
    this.egress = new Int32Array(stopCount).fill(NONE);
    this.marked = new Uint8Array(stopCount);
    this.inPrevious = new Uint8Array(stopCount);
    this.current = new Int32Array(stopCount);
    this.next = new Int32Array(stopCount);
    this.queue = new Int32Array(Math.max(1, patternCount)).fill(-1);
    this.queued = new Int32Array(Math.max(1, patternCount));
    this.touched = new Int32Array(stopCount);
    this.isTouched = new Uint8Array(stopCount);
  }

  /** Puts back NONE wherever the last query wrote (all of a round at once when it wrote to much of it). */
  reset(): void {
    const n = this.stopCount, { arrival, best, bestWalk, touched, isTouched } = this;
    const count = this.touchedCount, rounds = this.roundsUsed;
    if (count * 8 > n) {
      arrival.fill(NONE, 0, 2 * n * (rounds + 1));
      best.fill(NONE);
      bestWalk.fill(NONE);
      isTouched.fill(0);
    } else {
      for (let x = 0; x < count; x++) {
        const s = touched[x]!;
        best[s] = NONE;
        bestWalk[s] = NONE;
        isTouched[s] = 0;
        for (let k = 0; k <= rounds; k++) {
          arrival[2 * (k * n + s)] = NONE;
          arrival[2 * (k * n + s) + 1] = NONE;
        }
      }
    }
    this.touchedCount = 0;
    this.roundsUsed = -1;
  }

  /** Notes that the query writes labels of stop `s`. */
  touch(s: number): void {
    if (this.isTouched[s] === 0) {
      this.isTouched[s] = 1;
      this.touched[this.touchedCount++] = s;
    }
  }
}

/**
 * The first trip below `below` leaving position `i` at or after `ready` (`below` when none). Trips
 * never overtake, so a binary search over the trips' first departures (one short run of
 * memory per pattern, unlike position i's column) skips every trip whose first departure is
 * before `goal` (ready minus the most any trip takes to reach i: none of those is catchable);
 * the first catchable one is then at most a few steps on, in the trip's own row.
 */
function earliestTrip(boardings: Int32Array, departures: Int32Array, times: number, count: number, len: number, i: number, ready: number, goal: number, below: number): number {
  let lo = 0, hi = below;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (boardings[times + mid]! >= goal) hi = mid;
    else lo = mid + 1;
  }
  for (let steps = 0; lo < below; steps++) {
    if (departures[times + lo * len + i]! >= ready) return lo;
    lo++;
    if (steps === 4) {
      // Running times vary a lot on this pattern: a binary search of position i's column.
      hi = below;
      const at = times + i * count;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (boardings[at + mid]! >= ready) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    }
  }
  return below;
}

/**
 * Earliest arrivals from `access` (starting at `start` seconds) to `egress`, with at most
 * `maxRounds` vehicles and footpaths walked at `speed` m/s. `blocked` (1 per stop) leaves out
 * stops (a stroller avoiding stops without step-free access).
 */
export function raptor(day: DayTimetable, paths: Footpaths, ws: RaptorWorkspace, start: number, access: readonly StopWalk[], egress: readonly StopWalk[], maxRounds: number, speed: number, blocked: Uint8Array | null = null): RaptorResult {
  if (maxRounds > ws.maxRounds || day.patterns.length > ws.queue.length) throw new Error("RAPTOR workspace too small for this query");
  ws.reset();
  const n = ws.stopCount;
  const { stopFirst, stopPattern, stopPosition, stopStart, patternStops, tripCounts, timeStart, arrivals, departures, boardings, maxOffset } = day;
  const { arrival, ride, walkFrom, best, bestWalk, marked, inPrevious, queue, queued, egress: egressAt } = ws;
  const walkSeconds = footpathTimes(paths, speed);
  const pathFirst = paths.first, pathTarget = paths.target;
  for (const e of egress) if (blocked === null || blocked[e.stop] !== 1) egressAt[e.stop] = Math.min(egressAt[e.stop]!, e.seconds);
  let current = ws.current, next = ws.next;
  let currentCount = 0;
  ws.roundsUsed = 0;
  for (const a of access) {
    if (blocked !== null && blocked[a.stop] === 1) continue;
    const t = start + a.seconds;
    if (t < arrival[2 * a.stop]!) {
      arrival[2 * a.stop] = t;
      // Like a transfer walk's, an access walk's arrival is boarded from but never walked on from.
      bestWalk[a.stop] = t;
      ws.touch(a.stop);
      if (!marked[a.stop]) current[currentCount++] = a.stop;
      marked[a.stop] = 1;
    }
  }
  const pareto: ParetoEntry[] = [];
  let targetBest = NONE;
  for (let k = 1; k <= maxRounds && currentCount > 0; k++) {
    ws.roundsUsed = k;
    const prevBase = (k - 1) * n, base = k * n;
    let queuedCount = 0;
    for (let c = 0; c < currentCount; c++) {
      const s = current[c]!;
      marked[s] = 0;
      inPrevious[s] = 1;
      for (let x = stopFirst[s]!, end = stopFirst[s + 1]!; x < end; x++) {
        const p = stopPattern[x]!, i = stopPosition[x]!, q = queue[p]!;
        if (q === -1) {
          queued[queuedCount++] = p;
          queue[p] = i;
        } else if (i < q) queue[p] = i;
      }
    }
    let nextCount = 0;
    for (let qi = 0; qi < queuedCount; qi++) {
      const p = queued[qi]!;
      const from = queue[p]!;
      queue[p] = -1;
      const stopsAt = stopStart[p]!, len = stopStart[p + 1]! - stopsAt, count = tripCounts[p]!, times = timeStart[p]!;
      let trip = -1, boardAt = -1, row = 0;
      for (let i = from; i < len; i++) {
        const s = patternStops[stopsAt + i]!;
        if (blocked !== null && blocked[s] === 1) continue;
        if (trip >= 0) {
          const a = arrivals[row + i]!;
          if (a < best[s]! && a < targetBest) {
            const cell = base + s;
            arrival[2 * cell] = a;
            ride[4 * cell] = p;
            ride[4 * cell + 1] = trip;
            ride[4 * cell + 2] = boardAt;
            ride[4 * cell + 3] = i;
            best[s] = a;
            if (!marked[s]) {
              marked[s] = 1;
              next[nextCount++] = s;
              ws.touch(s);
            }
          }
        }
        // Only a stop marked in the round before can be boarded from (its flag is a small array; its labels are not).
        if (inPrevious[s] === 0) continue;
        const byRide = arrival[2 * (prevBase + s)]!, byWalk = arrival[2 * (prevBase + s) + 1]!;
        const ready = byRide < byWalk ? byRide : byWalk;
        // Target pruning: a trip boarded at or after the target's best arrival cannot beat it.
        // An earlier trip is worth looking for only when the one before the current is catchable.
        if (ready < targetBest && (trip < 0 || (trip > 0 && ready <= departures[row - len + i]!))) {
          const below = trip < 0 ? count : trip;
          const t = earliestTrip(boardings, departures, times, count, len, i, ready, ready - maxOffset[stopsAt + i]!, below);
          if (t < below) {
            trip = t;
            boardAt = i;
            row = times + t * len;
          }
        }
      }
    }
    for (let c = 0; c < currentCount; c++) inPrevious[current[c]!] = 0;
    const reachedCount = nextCount;
    for (let r = 0; r < reachedCount; r++) {
      const s = next[r]!;
      const from = arrival[2 * (base + s)]!;
      for (let x = pathFirst[s]!, end = pathFirst[s + 1]!; x < end; x++) {
        const f = pathTarget[x]!;
        if (blocked !== null && blocked[f] === 1) continue;
        const t = from + walkSeconds[x]!;
        if (t < best[f]! && t < bestWalk[f]! && t < targetBest) {
          arrival[2 * (base + f) + 1] = t;
          walkFrom[base + f] = s;
          bestWalk[f] = t;
          if (!marked[f]) {
            marked[f] = 1;
            next[nextCount++] = f;
            ws.touch(f);
          }
        }
      }
    }
    for (let c = 0; c < nextCount; c++) {
      const s = next[c]!;
      const e = egressAt[s]!;
      if (e === NONE) continue;
      const walk = arrival[2 * (base + s) + 1]!, rideAt = arrival[2 * (base + s)]!;
      const at = Math.min(walk, rideAt);
      if (at + e >= targetBest) continue;
      targetBest = at + e;
      const entry = { rounds: k, arrival: targetBest, egressStop: s, egressSeconds: e, viaWalk: walk < rideAt };
      if (pareto.length > 0 && pareto[pareto.length - 1]!.rounds === k) pareto[pareto.length - 1] = entry;
      else pareto.push(entry);
    }
    [current, next] = [next, current];
    currentCount = nextCount;
  }
  for (let c = 0; c < currentCount; c++) marked[current[c]!] = 0;
  for (const e of egress) egressAt[e.stop] = NONE;
  return { labels: ws, pareto };
}

/** One vehicle leg or transfer walk read back from the labels, in travel order. */
export type RaptorLeg =
  | { kind: "trip"; pattern: number; trip: number; board: number; alight: number }
  | { kind: "foot"; from: number; to: number; arrival: number };

/** The legs of the Pareto entry's journey, and the stop its access walk reached. */
export function readJourney(day: DayTimetable, result: RaptorResult, entry: ParetoEntry): { legs: RaptorLeg[]; accessStop: number } {
  const { stopCount: n, arrival, ride, walkFrom } = result.labels;
  const legs: RaptorLeg[] = [];
  let s = entry.egressStop;
  let byVehicle = !entry.viaWalk;
  for (let k = entry.rounds; k > 0; k--) {
    if (!byVehicle) {
      const from = walkFrom[k * n + s]!;
      legs.push({ kind: "foot", from, to: s, arrival: arrival[2 * (k * n + s) + 1]! });
      s = from;
    }
    const cell = k * n + s;
    if (arrival[2 * cell]! >= NONE) throw new Error(`RAPTOR labels broken at round ${k}, stop ${s}`);
    const leg = { kind: "trip" as const, pattern: ride[4 * cell]!, trip: ride[4 * cell + 1]!, board: ride[4 * cell + 2]!, alight: ride[4 * cell + 3]! };
    legs.push(leg);
    s = day.patterns[leg.pattern]!.stops[leg.board]!;
    const before = 2 * ((k - 1) * n + s);
    byVehicle = k - 1 === 0 || arrival[before]! <= arrival[before + 1]!;
  }
  return { legs: legs.reverse(), accessStop: s };
}
