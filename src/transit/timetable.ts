/**
 * One day's timetable, as RAPTOR reads it: the trips running on a service date (and the
 * previous date's trips still running past 24:00, shifted back a day), frequency-based
 * trips expanded into their departures, grouped into patterns (one line's stop sequence)
 * whose trips never overtake each other, in typed arrays. Times are seconds after the
 * date's midnight (GTFS's noon minus 12 h). Built per date and cached by the network.
 * The patterns' stops and times also lie in a few flat arrays, pattern after pattern (each
 * pattern's own arrays are views into them), which is what RAPTOR's inner loop reads.
 */
import { type TransitFeed, addDays, runsOn } from "./feed.ts";

export interface Pattern {
  route: number;
  stops: Int32Array;
  /** Trips in order of departure: trip k's time at position i is at k * stops.length + i. */
  arrival: Int32Array;
  departure: Int32Array;
  /** The departures again, position-major (position i's trips at i * trips .. ): a boarding search reads one run of memory. */
  departureAt: Int32Array;
  /** Per trip: the feed trip, its shift in seconds, and its headway when frequency-based (0 if not). */
  trip: Int32Array;
  shift: Int32Array;
  headway: Int32Array;
  estimated: Uint8Array;
}

export interface DayTimetable {
  date: number;
  patterns: Pattern[];
  /** For stop s, its (pattern, position) pairs are at stopFirst[s] .. stopFirst[s + 1] - 1. */
  stopFirst: Int32Array;
  stopPattern: Int32Array;
  stopPosition: Int32Array;
  /** The same pairs side by side (pattern at 2x, position at 2x + 1): what RAPTOR reads, one run of memory per stop. */
  stopRefs: Int32Array;
  /** Trips of this date's own services (0 when no service runs that day; the day before's late trips not counted). */
  tripCount: number;
  /** The patterns flat: pattern p's stops are patternStops[stopStart[p] .. stopStart[p + 1] - 1]. */
  stopStart: Int32Array;
  patternStops: Int32Array;
  /** Pattern p's trips (tripCounts[p] of them): trip k's time at position i is at timeStart[p] + k * length + i in arrivals and departures, at timeStart[p] + i * count + k in boardings (departures position-major). */
  tripCounts: Int32Array;
  timeStart: Int32Array;
  arrivals: Int32Array;
  departures: Int32Array;
  boardings: Int32Array;
  /** Per pattern position (stopStart[p] + i): the most seconds any trip takes from its first departure to its departure there. */
  maxOffset: Int32Array;
  /** Pattern p's trips' first departures at firstDepartures[tripStart[p] + k]: small and dense, for the boarding search. */
  tripStart: Int32Array;
  firstDepartures: Int32Array;
}

type FlatLayout = Pick<DayTimetable, "stopStart" | "patternStops" | "tripCounts" | "timeStart" | "arrivals" | "departures" | "boardings" | "maxOffset" | "tripStart" | "firstDepartures">;

/** Copies the patterns into flat route-major arrays and turns each pattern's own arrays into views of them. */
export function flattenPatterns(patterns: Pattern[]): FlatLayout {
  const P = patterns.length;
  const stopStart = new Int32Array(P + 1), tripCounts = new Int32Array(P), timeStart = new Int32Array(P + 1), tripStart = new Int32Array(P + 1);
  patterns.forEach((p, i) => {
    stopStart[i + 1] = stopStart[i]! + p.stops.length;
    tripCounts[i] = p.trip.length;
    timeStart[i + 1] = timeStart[i]! + p.arrival.length;
    tripStart[i + 1] = tripStart[i]! + p.trip.length;
  });
  const firstDepartures = new Int32Array(tripStart[P]!);
  patterns.forEach((p, i) => firstDepartures.set(p.departureAt.subarray(0, p.trip.length), tripStart[i]!));
  const patternStops = new Int32Array(stopStart[P]!);
  const arrivals = new Int32Array(timeStart[P]!), departures = new Int32Array(timeStart[P]!), boardings = new Int32Array(timeStart[P]!);
  const maxOffset = new Int32Array(stopStart[P]!);
  patterns.forEach((p, i) => {
    const n = p.stops.length;
    for (let x = 0; x < n; x++) {
      let most = 0;
      for (let k = 0; k < p.trip.length; k++) most = Math.max(most, p.departure[k * n + x]! - p.departure[k * n]!);
      maxOffset[stopStart[i]! + x] = most;
    }
  });
  patterns.forEach((p, i) => {
    const a = stopStart[i]!, t = timeStart[i]!, size = p.arrival.length;
    patternStops.set(p.stops, a);
    arrivals.set(p.arrival, t);
    departures.set(p.departure, t);
    boardings.set(p.departureAt, t);
    p.stops = patternStops.subarray(a, a + p.stops.length);
    p.arrival = arrivals.subarray(t, t + size);
    p.departure = departures.subarray(t, t + size);
    p.departureAt = boardings.subarray(t, t + size);
  });
  return { stopStart, patternStops, tripCounts, timeStart, arrivals, departures, boardings, maxOffset, tripStart, firstDepartures };
}

interface Run {
  trip: number;
  shift: number;
  headway: number;
  estimated: boolean;
  /** Runs on the date's own service (not the day before's, past midnight). */
  today: boolean;
}

/** The trips that run on `date` (including the day before's, past midnight), with `filter` choosing routes. */
function runsOnDate(feed: TransitFeed, date: number, useRoute: (route: number) => boolean): Run[] {
  const runs: Run[] = [];
  const byFrequency = new Map<number, TransitFeed["frequencies"]>();
  for (const f of feed.frequencies) {
    const list = byFrequency.get(f.trip) ?? [];
    list.push(f);
    byFrequency.set(f.trip, list);
  }
  const previous = addDays(date, -1);
  const serviceToday = feed.services.map((s) => runsOn(s, date));
  const serviceYesterday = feed.services.map((s) => runsOn(s, previous));
  const { departure, arrival } = feed.stopTimes;
  feed.trips.forEach((trip, t) => {
    if (!useRoute(trip.route)) return;
    for (const [dayShift, runs_] of [[0, serviceToday], [-86_400, serviceYesterday]] as const) {
      if (!runs_[trip.service]) continue;
      const lastArrival = arrival[trip.first + trip.stopCount - 1]!;
      const frequencies = byFrequency.get(t);
      if (!frequencies) {
        if (lastArrival + dayShift >= 0) runs.push({ trip: t, shift: dayShift, headway: 0, estimated: false, today: dayShift === 0 });
        continue;
      }
      const start = departure[trip.first]!;
      for (const f of frequencies) {
        for (let at = f.start; at < f.end; at += f.headway) {
          const shift = at - start + dayShift;
          if (lastArrival + shift >= 0) runs.push({ trip: t, shift, headway: f.headway, estimated: f.estimated, today: dayShift === 0 });
        }
      }
    }
  });
  return runs;
}

/** Builds the timetable of `date`; `useRoute` leaves out routes (school lines a journey does not need). */
export function buildDayTimetable(feed: TransitFeed, date: number, useRoute: (route: number) => boolean = () => true): DayTimetable {
  const runs = runsOnDate(feed, date, useRoute);
  const { stop, arrival, departure } = feed.stopTimes;
  const groups = new Map<string, Run[]>();
  for (const run of runs) {
    const trip = feed.trips[run.trip]!;
    const key = `${trip.route}|${stop.subarray(trip.first, trip.first + trip.stopCount).join(",")}`;
    const list = groups.get(key);
    if (list) list.push(run);
    else groups.set(key, [run]);
  }
  const patterns: Pattern[] = [];
  for (const list of groups.values()) {
    const trip0 = feed.trips[list[0]!.trip]!;
    const n = trip0.stopCount;
    const dep = (r: Run, i: number) => departure[feed.trips[r.trip]!.first + i]! + r.shift;
    const arr = (r: Run, i: number) => arrival[feed.trips[r.trip]!.first + i]! + r.shift;
    list.sort((a, b) => dep(a, 0) - dep(b, 0));
    // Split into sub-patterns so that no trip overtakes the one before it.
    const lanes: Run[][] = [];
    for (const run of list) {
      const lane = lanes.find((l) => {
        const last = l[l.length - 1]!;
        for (let i = 0; i < n; i++) if (arr(run, i) < arr(last, i) || dep(run, i) < dep(last, i)) return false;
        return true;
      });
      if (lane) lane.push(run);
      else lanes.push([run]);
    }
    for (const lane of lanes) {
      const p: Pattern = {
        route: trip0.route, stops: stop.slice(trip0.first, trip0.first + n),
        arrival: new Int32Array(lane.length * n), departure: new Int32Array(lane.length * n), departureAt: new Int32Array(lane.length * n),
        trip: Int32Array.from(lane, (r) => r.trip), shift: Int32Array.from(lane, (r) => r.shift),
        headway: Int32Array.from(lane, (r) => r.headway), estimated: Uint8Array.from(lane, (r) => (r.estimated ? 1 : 0)),
      };
      lane.forEach((r, k) => {
        for (let i = 0; i < n; i++) {
          p.arrival[k * n + i] = arr(r, i);
          p.departure[k * n + i] = dep(r, i);
          p.departureAt[i * lane.length + k] = dep(r, i);
        }
      });
      patterns.push(p);
    }
  }
  return { date, patterns, ...indexStops(feed.stops.length, patterns), tripCount: runs.filter((r) => r.today).length, ...flattenPatterns(patterns) };
}

/** The (pattern, position) pairs of every stop, as CSR arrays. */
export function indexStops(stopCount: number, patterns: readonly Pattern[]): Pick<DayTimetable, "stopFirst" | "stopPattern" | "stopPosition" | "stopRefs"> {
  const stopFirst = new Int32Array(stopCount + 1);
  for (const p of patterns) for (const s of p.stops) stopFirst[s + 1]!++;
  for (let s = 0; s < stopCount; s++) stopFirst[s + 1]! += stopFirst[s]!;
  const next = stopFirst.slice(0, stopCount);
  const stopPattern = new Int32Array(stopFirst[stopCount]!);
  const stopPosition = new Int32Array(stopFirst[stopCount]!);
  patterns.forEach((p, pi) => p.stops.forEach((s, i) => {
    const slot = next[s]!++;
    stopPattern[slot] = pi;
    stopPosition[slot] = i;
  }));
  const stopRefs = new Int32Array(2 * stopPattern.length);
  for (let x = 0; x < stopPattern.length; x++) {
    stopRefs[2 * x] = stopPattern[x]!;
    stopRefs[2 * x + 1] = stopPosition[x]!;
  }
  return { stopFirst, stopPattern, stopPosition, stopRefs };
}

/**
 * The same day run backwards in time: each pattern's stops reversed, times negated
 * (arrival ↔ departure), trips in reverse order. An arrive-by query is a depart-at query
 * here: pattern p stays p, position i becomes length - 1 - i, trip k becomes count - 1 - k.
 */
export function reverseTimetable(day: DayTimetable, stopCount: number): DayTimetable {
  const patterns = day.patterns.map((p): Pattern => {
    const n = p.stops.length;
    const count = p.trip.length;
    const arrival = new Int32Array(count * n), departure = new Int32Array(count * n), departureAt = new Int32Array(count * n);
    for (let k = 0; k < count; k++) {
      for (let i = 0; i < n; i++) {
        arrival[(count - 1 - k) * n + (n - 1 - i)] = -p.departure[k * n + i]!;
        departure[(count - 1 - k) * n + (n - 1 - i)] = -p.arrival[k * n + i]!;
        departureAt[(n - 1 - i) * count + (count - 1 - k)] = -p.arrival[k * n + i]!;
      }
    }
    return {
      route: p.route, stops: p.stops.slice().reverse(), arrival, departure, departureAt,
      trip: p.trip.slice().reverse(), shift: p.shift.slice().reverse(), headway: p.headway.slice().reverse(), estimated: p.estimated.slice().reverse(),
    };
  });
  return { date: day.date, patterns, ...indexStops(stopCount, patterns), tripCount: day.tripCount, ...flattenPatterns(patterns) };
}
