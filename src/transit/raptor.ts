/**
 * RAPTOR (Delling, Pajor, Werneck: round-based public transit routing): round k finds the
 * earliest arrival at every stop with k vehicles, scanning each pattern once from the
 * earliest stop improved in round k - 1, then one footpath from each stop a vehicle reached.
 * Several starts (access walks) and ends (egress walks) with their own times; the target's
 * arrival per round gives the Pareto set over arrival time and transfers. Each round's
 * labels are kept so journeys can be read back.
 *
 * Built for speed the way production planners are: the timetable's flat route-major arrays
 * (timetable.ts), every per-round label in one flat array allocated once per timetable and
 * reset afterwards only where a query wrote (its touched stops), marked stops and patterns
 * in typed lists, the time one is ready to board at each marked stop in one small array,
 * the earliest trip by binary search over the pattern's first departures (a dense array of
 * their own), local and target pruning (an arrival must beat the stop's best and the
 * target's; no trip is boarded at a time the target is already reached by), footpaths only
 * from stops a vehicle improved (targets and seconds side by side), and each step of a
 * round in its own small function, which V8 keeps optimised (see raptor()).
 */
import { type Footpaths, footpathPairs } from "./footpaths.ts";
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
  /** For the stops marked in the round before the one being scanned, the time one is ready to board there (NONE elsewhere). */
  readonly ready: Int32Array;
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
    this.ready = new Int32Array(stopCount).fill(NONE);
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
function earliestTrip(firstDepartures: Int32Array, first: number, boardings: Int32Array, departures: Int32Array, times: number, count: number, len: number, i: number, ready: number, goal: number, below: number): number {
  let lo = 0, hi = below;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (firstDepartures[first + mid]! >= goal) hi = mid;
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
 *
 * Each step of a round is its own small function: V8 optimises each on its own, and a rare
 * path taken late (the last round's marks, a second target entry in a round) no longer
 * throws the whole search back to unoptimised code, as it did when it was one function.
 */
export function raptor(day: DayTimetable, paths: Footpaths, ws: RaptorWorkspace, start: number, access: readonly StopWalk[], egress: readonly StopWalk[], maxRounds: number, speed: number, blocked: Uint8Array | null = null): RaptorResult {
  if (maxRounds > ws.maxRounds || day.patterns.length > ws.queue.length) throw new Error("RAPTOR workspace too small for this query");
  ws.reset();
  const n = ws.stopCount;
  const egressAt = ws.egress;
  const pathPairs = footpathPairs(paths, speed);
  for (const e of egress) if (blocked === null || blocked[e.stop] !== 1) egressAt[e.stop] = Math.min(egressAt[e.stop]!, e.seconds);
  let current = ws.current, next = ws.next;
  ws.roundsUsed = 0;
  let currentCount = startFrom(ws, current, start, access, blocked);
  const pareto: ParetoEntry[] = [];
  let targetBest = NONE;
  for (let k = 1; k <= maxRounds && currentCount > 0; k++) {
    ws.roundsUsed = k;
    const queuedCount = queuePatterns(day, ws, current, currentCount, (k - 1) * n);
    let nextCount = scanPatterns(day, ws, queuedCount, next, k * n, targetBest, blocked);
    clearReady(ws.ready, current, currentCount);
    nextCount = walkTransfers(paths.first, pathPairs, ws, next, nextCount, k * n, targetBest, blocked);
    targetBest = reachTarget(ws, next, nextCount, k, targetBest, pareto);
    const swap = current;
    current = next;
    next = swap;
    currentCount = nextCount;
  }
  clearMarks(ws.marked, current, currentCount);
  for (const e of egress) egressAt[e.stop] = NONE;
  return { labels: ws, pareto };
}

/** Round 0: the access walks' arrivals, marked; answers how many stops were marked. */
function startFrom(ws: RaptorWorkspace, current: Int32Array, start: number, access: readonly StopWalk[], blocked: Uint8Array | null): number {
  const { arrival, marked } = ws;
  let count = 0;
  for (const a of access) {
    if (blocked !== null && blocked[a.stop] === 1) continue;
    const t = start + a.seconds;
    if (t < arrival[2 * a.stop]!) {
      arrival[2 * a.stop] = t;
      // Like a transfer walk's, an access walk's arrival is boarded from but never walked on from.
      // It does not hold back a later transfer walk to the stop either: the egress walk may start
      // from that one (after a vehicle), never from the access walk's.
      ws.touch(a.stop);
      if (!marked[a.stop]) current[count++] = a.stop;
      marked[a.stop] = 1;
    }
  }
  return count;
}

/** Unmarks the stops marked in the round before, notes the time one is ready to board at each, and queues their patterns from the earliest such stop; answers how many patterns were queued. */
function queuePatterns(day: DayTimetable, ws: RaptorWorkspace, current: Int32Array, currentCount: number, prevBase: number): number {
  const { stopFirst, stopRefs } = day;
  const { arrival, marked, ready, queue, queued } = ws;
  let queuedCount = 0;
  for (let c = 0; c < currentCount; c++) {
    const s = current[c]!;
    marked[s] = 0;
    const byRide = arrival[2 * (prevBase + s)]!, byWalk = arrival[2 * (prevBase + s) + 1]!;
    ready[s] = byRide < byWalk ? byRide : byWalk;
    for (let x = stopFirst[s]!, end = stopFirst[s + 1]!; x < end; x++) {
      const p = stopRefs[2 * x]!, i = stopRefs[2 * x + 1]!, q = queue[p]!;
      if (q === -1) {
        queued[queuedCount++] = p;
        queue[p] = i;
      } else if (i < q) queue[p] = i;
    }
  }
  return queuedCount;
}

/** Rides each queued pattern from its first marked stop, writing the arrivals that beat the stop's best and the target's; answers how many stops are marked in `next`. */
function scanPatterns(day: DayTimetable, ws: RaptorWorkspace, queuedCount: number, next: Int32Array, base: number, targetBest: number, blocked: Uint8Array | null): number {
  const { stopStart, patternStops, tripCounts, timeStart, arrivals, departures, boardings, maxOffset, tripStart, firstDepartures } = day;
  const { arrival, ride, best, marked, ready: readyAt, queue, queued } = ws;
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
      // Only a stop marked in the round before can be boarded from (its time is in a small array; its labels are not).
      const ready = readyAt[s]!;
      if (ready === NONE) continue;
      // Target pruning: a trip boarded at or after the target's best arrival cannot beat it.
      // An earlier trip is worth looking for only when the one before the current is catchable.
      if (ready < targetBest && (trip < 0 || (trip > 0 && ready <= departures[row - len + i]!))) {
        const below = trip < 0 ? count : trip;
        const t = earliestTrip(firstDepartures, tripStart[p]!, boardings, departures, times, count, len, i, ready, ready - maxOffset[stopsAt + i]!, below);
        if (t < below) {
          trip = t;
          boardAt = i;
          row = times + t * len;
        }
      }
    }
  }
  return nextCount;
}

function clearReady(ready: Int32Array, current: Int32Array, currentCount: number): void {
  for (let c = 0; c < currentCount; c++) ready[current[c]!] = NONE;
}

function clearMarks(marked: Uint8Array, current: Int32Array, currentCount: number): void {
  for (let c = 0; c < currentCount; c++) marked[current[c]!] = 0;
}

/** One transfer walk from each stop a vehicle reached this round (the first `reachedCount` of `next`); answers the new count of marked stops. */
function walkTransfers(pathFirst: Int32Array, pathPairs: Int32Array, ws: RaptorWorkspace, next: Int32Array, reachedCount: number, base: number, targetBest: number, blocked: Uint8Array | null): number {
  const { arrival, walkFrom, best, bestWalk, marked } = ws;
  let nextCount = reachedCount;
  for (let r = 0; r < reachedCount; r++) {
    const s = next[r]!;
    const from = arrival[2 * (base + s)]!;
    for (let x = pathFirst[s]!, end = pathFirst[s + 1]!; x < end; x++) {
      const f = pathPairs[2 * x]!;
      if (blocked !== null && blocked[f] === 1) continue;
      const t = from + pathPairs[2 * x + 1]!;
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
  return nextCount;
}

/** The target's best arrival after round k (through the egress walks of the stops marked this round); a better one joins the Pareto set. */
function reachTarget(ws: RaptorWorkspace, next: Int32Array, nextCount: number, k: number, targetBest: number, pareto: ParetoEntry[]): number {
  const { arrival, egress: egressAt } = ws;
  const base = k * ws.stopCount;
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
  return targetBest;
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
