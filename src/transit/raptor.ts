/**
 * RAPTOR (Delling, Pajor, Werneck: round-based public transit routing): round k finds the
 * earliest arrival at every stop with k vehicles, scanning each pattern once from the
 * earliest stop improved in round k - 1, then one footpath from each stop a vehicle reached.
 * Several starts (access walks) and ends (egress walks) with their own times; the target's
 * arrival per round gives the Pareto set over arrival time and transfers. Each round's
 * labels are kept so journeys can be read back.
 */
import { type Footpaths, footpathTimes } from "./footpaths.ts";
import type { DayTimetable } from "./timetable.ts";

const NONE = 0x3fffffff;

/** A stop with the seconds of walking to it (access) or from it (egress). */
export interface StopWalk {
  stop: number;
  seconds: number;
}

/** How a stop was reached in a round (by vehicle or at the start; walks are labelled apart). */
export const BY_ACCESS = 1, BY_TRIP = 2;

/** Per round, per stop: arrival, how it was reached and from where. */
export interface RoundLabels {
  arrival: Int32Array;
  how: Uint8Array;
  /** BY_TRIP: pattern, trip within the pattern, boarding and alighting positions. */
  pattern: Int32Array;
  trip: Int32Array;
  board: Int32Array;
  alight: Int32Array;
  /** Arrival by a transfer walk (kept apart, so a walk never hides the vehicle arrival it started from). */
  walkArrival: Int32Array;
  walkFrom: Int32Array;
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

export interface RaptorResult {
  labels: RoundLabels[];
  pareto: ParetoEntry[];
}

/** Reusable buffers for one network's stop count: a query allocates nothing else. */
export class RaptorWorkspace {
  readonly rounds: RoundLabels[] = [];
  /** Best arrival by vehicle so far, and by a transfer walk (apart: only a vehicle arrival may be walked on from). */
  readonly best: Int32Array;
  readonly bestWalk: Int32Array;
  readonly marked: Uint8Array;
  readonly queue: Int32Array;
  constructor(readonly stopCount: number, patternCount: number, maxRounds: number) {
    this.best = new Int32Array(stopCount);
    this.bestWalk = new Int32Array(stopCount);
    this.marked = new Uint8Array(stopCount);
    this.queue = new Int32Array(Math.max(1, patternCount)).fill(-1);
    for (let k = 0; k <= maxRounds; k++) {
      this.rounds.push({
        arrival: new Int32Array(stopCount), how: new Uint8Array(stopCount), pattern: new Int32Array(stopCount),
        trip: new Int32Array(stopCount), board: new Int32Array(stopCount), alight: new Int32Array(stopCount),
        walkArrival: new Int32Array(stopCount), walkFrom: new Int32Array(stopCount),
      });
    }
  }
}

/** The first trip (below `below`) leaving position `i` at or after `time`, or -1; `departureAt` is position-major. */
function earliestTrip(departureAt: Int32Array, count: number, i: number, time: number, below: number): number {
  let lo = 0, hi = below;
  const base = i * count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (departureAt[base + mid]! >= time) hi = mid;
    else lo = mid + 1;
  }
  return lo < count && lo < below ? lo : -1;
}

/**
 * Earliest arrivals from `access` (starting at `start` seconds) to `egress`, with at most
 * `maxRounds` vehicles and footpaths walked at `speed` m/s. `usableStop` leaves out stops
 * (a stroller avoiding stops without step-free access).
 */
export function raptor(day: DayTimetable, paths: Footpaths, ws: RaptorWorkspace, start: number, access: readonly StopWalk[], egress: readonly StopWalk[], maxRounds: number, speed: number, usableStop?: (stop: number) => boolean): RaptorResult {
  const { patterns, stopFirst, stopPattern, stopPosition } = day;
  const { best, bestWalk, marked, queue } = ws;
  best.fill(NONE);
  bestWalk.fill(NONE);
  marked.fill(0);
  const labels = ws.rounds.slice(0, maxRounds + 1);
  // Rounds are cleared as they start: a query reaching its target in 3 rounds clears 4, not all.
  const clear = (l: RoundLabels) => {
    l.arrival.fill(NONE);
    l.walkArrival.fill(NONE);
  };
  clear(labels[0]!);
  const egressAt = new Map<number, number>();
  for (const e of egress) if (!usableStop || usableStop(e.stop)) egressAt.set(e.stop, Math.min(egressAt.get(e.stop) ?? NONE, e.seconds));
  const markedList: number[] = [];
  for (const a of access) {
    if (usableStop && !usableStop(a.stop)) continue;
    const t = start + a.seconds;
    if (t < labels[0]!.arrival[a.stop]!) {
      labels[0]!.arrival[a.stop] = t;
      labels[0]!.how[a.stop] = BY_ACCESS;
      // Like a transfer walk's, an access walk's arrival is boarded from but never walked on from.
      bestWalk[a.stop] = t;
      if (!marked[a.stop]) markedList.push(a.stop);
      marked[a.stop] = 1;
    }
  }
  const pareto: ParetoEntry[] = [];
  let targetBest = NONE;
  let current = markedList;
  for (let k = 1; k <= maxRounds && current.length > 0; k++) {
    const prev = labels[k - 1]!, round = labels[k]!;
    clear(round);
    const prevArrival = prev.arrival, prevWalk = prev.walkArrival, roundArrival = round.arrival;
    const queued: number[] = [];
    for (const s of current) {
      marked[s] = 0;
      for (let x = stopFirst[s]!; x < stopFirst[s + 1]!; x++) {
        const p = stopPattern[x]!, i = stopPosition[x]!;
        if (queue[p] === -1) queued.push(p);
        if (queue[p] === -1 || i < queue[p]!) queue[p] = i;
      }
    }
    const reached: number[] = [];
    for (const p of queued) {
      const from = queue[p]!;
      queue[p] = -1;
      const pat = patterns[p]!;
      const stops = pat.stops, arrival = pat.arrival, departureAt = pat.departureAt;
      const len = stops.length, count = pat.trip.length;
      let trip = -1, boardAt = -1;
      for (let i = from; i < len; i++) {
        const s = stops[i]!;
        const usable = !usableStop || usableStop(s);
        if (trip >= 0 && usable) {
          const a = arrival[trip * len + i]!;
          if (a < best[s]! && a < targetBest) {
            roundArrival[s] = a; round.how[s] = BY_TRIP; round.pattern[s] = p; round.trip[s] = trip; round.board[s] = boardAt; round.alight[s] = i;
            best[s] = a;
            if (!marked[s]) reached.push(s);
            marked[s] = 1;
          }
        }
        const ready = Math.min(prevArrival[s]!, prevWalk[s]!);
        // An earlier trip is worth looking for only when the one before the current is catchable.
        if (ready < NONE && usable && (trip < 0 || (trip > 0 && ready <= departureAt[i * count + trip - 1]!))) {
          const t = earliestTrip(departureAt, count, i, ready, trip < 0 ? count : trip);
          if (t >= 0 && t !== trip) {
            trip = t;
            boardAt = i;
          }
        }
      }
    }
    const walked: number[] = [];
    const walkSeconds = footpathTimes(paths, speed);
    for (const s of reached) {
      const from = roundArrival[s]!;
      for (let x = paths.first[s]!; x < paths.first[s + 1]!; x++) {
        const f = paths.target[x]!;
        if (usableStop && !usableStop(f)) continue;
        const t = from + walkSeconds[x]!;
        if (t < best[f]! && t < bestWalk[f]! && t < targetBest) {
          round.walkArrival[f] = t; round.walkFrom[f] = s;
          bestWalk[f] = t;
          if (!marked[f]) walked.push(f);
          marked[f] = 1;
        }
      }
    }
    const better = (s: number, arrival: number, viaWalk: boolean) => {
      const e = egressAt.get(s);
      if (e === undefined || arrival + e >= targetBest) return;
      targetBest = arrival + e;
      const entry = { rounds: k, arrival: targetBest, egressStop: s, egressSeconds: e, viaWalk };
      if (pareto.length > 0 && pareto[pareto.length - 1]!.rounds === k) pareto[pareto.length - 1] = entry;
      else pareto.push(entry);
    };
    current = reached.concat(walked);
    for (const s of current) {
      const walk = round.walkArrival[s]!, ride = round.arrival[s]!;
      better(s, Math.min(walk, ride), walk < ride);
    }
  }
  return { labels, pareto };
}

/** One vehicle leg or transfer walk read back from the labels, in travel order. */
export type RaptorLeg =
  | { kind: "trip"; pattern: number; trip: number; board: number; alight: number }
  | { kind: "foot"; from: number; to: number; arrival: number };

/** The legs of the Pareto entry's journey, and the stop its access walk reached. */
export function readJourney(day: DayTimetable, result: RaptorResult, entry: ParetoEntry): { legs: RaptorLeg[]; accessStop: number } {
  const legs: RaptorLeg[] = [];
  const rounds = entry.rounds;
  let s = entry.egressStop;
  let byVehicle = !entry.viaWalk;
  for (let k = rounds; k > 0; k--) {
    const round = result.labels[k]!;
    if (!byVehicle) {
      const from = round.walkFrom[s]!;
      legs.push({ kind: "foot", from, to: s, arrival: round.walkArrival[s]! });
      s = from;
    }
    if (round.how[s] !== BY_TRIP) throw new Error(`RAPTOR labels broken at round ${k}, stop ${s}`);
    const leg = { kind: "trip" as const, pattern: round.pattern[s]!, trip: round.trip[s]!, board: round.board[s]!, alight: round.alight[s]! };
    legs.push(leg);
    s = day.patterns[leg.pattern]!.stops[leg.board]!;
    const before = result.labels[k - 1]!;
    byVehicle = k - 1 === 0 || before.arrival[s]! <= before.walkArrival[s]!;
  }
  return { legs: legs.reverse(), accessStop: s };
}
