/**
 * One region's transit network in memory: its feed, the stops' spatial index, the
 * footpaths, and each service date's timetable (built on first use, a few kept). What the
 * journey planner and the departures board read; rebuilt when the region's feed changes.
 */
import type KDBush from "kdbush";
import { around } from "geokdbush";
import { distanceMeters } from "../core/geo.ts";
import { type Footpaths, buildFootpaths, indexStopsByPosition } from "./footpaths.ts";
import type { TransitFeed } from "./feed.ts";
import { ConnectionScan } from "./connection-scan.ts";
import { RaptorWorkspace } from "./raptor.ts";
import { type DayTimetable, buildDayTimetable, reverseTimetable } from "./timetable.ts";

/** The most vehicles a journey takes. */
export const MAX_ROUNDS = 6;
const CACHED_DAYS = 8;
/** Connection sets kept (a day one way each: 66 MB for a city of 20,000 stops and 200,000 trips). */
const CACHED_SCANS = 2;

export class TransitNetwork {
  readonly stopIndex: KDBush;
  readonly footpaths: Footpaths;
  private readonly days = new Map<string, { forward: DayTimetable; backward?: DayTimetable; workspace?: RaptorWorkspace }>();
  /** The connection sets last used, oldest first (by day, routes and direction). */
  private readonly scans = new Map<string, ConnectionScan>();

  constructor(readonly regionId: string, readonly feed: TransitFeed) {
    this.stopIndex = indexStopsByPosition(feed);
    this.footpaths = buildFootpaths(feed, this.stopIndex);
  }

  /** The timetable of `date` with the routes `useRoute` keeps (`key` names that choice for the cache). */
  day(date: number, key = "all", useRoute?: (route: number) => boolean): DayTimetable {
    return this.entry(date, key, useRoute).forward;
  }

  /** The same day backwards in time, for arrive-by queries. */
  backward(date: number, key = "all", useRoute?: (route: number) => boolean): DayTimetable {
    const entry = this.entry(date, key, useRoute);
    entry.backward ??= reverseTimetable(entry.forward, this.feed.stops.length);
    return entry.backward;
  }

  /** Buffers for RAPTOR over this network (one query at a time: Node runs one at a time). */
  workspace(date: number, key = "all", rounds = MAX_ROUNDS): RaptorWorkspace {
    const entry = this.entry(date, key);
    if (!entry.workspace || entry.workspace.maxRounds < rounds) {
      entry.workspace = new RaptorWorkspace(this.feed.stops.length, entry.forward.patterns.length, rounds);
    }
    return entry.workspace;
  }

  /** The day's connections for the earliest-arrival search, forwards or (arrive-by) backwards; built on first use, the last few kept. */
  connectionScan(date: number, key: string, backward: boolean, useRoute?: (route: number) => boolean): ConnectionScan {
    const id = `${date}|${key}|${backward ? "backward" : "forward"}`;
    let scan = this.scans.get(id);
    if (scan) this.scans.delete(id);
    else {
      scan = new ConnectionScan(backward ? this.backward(date, key, useRoute) : this.day(date, key, useRoute), this.feed.stops);
      if (this.scans.size >= CACHED_SCANS) this.scans.delete(this.scans.keys().next().value!);
    }
    this.scans.set(id, scan);
    return scan;
  }

  private entry(date: number, key: string, useRoute?: (route: number) => boolean) {
    const id = `${date}|${key}`;
    let entry = this.days.get(id);
    if (!entry) {
      if (this.days.size >= CACHED_DAYS) this.days.delete(this.days.keys().next().value!);
      entry = { forward: buildDayTimetable(this.feed, date, useRoute) };
      this.days.set(id, entry);
    }
    return entry;
  }

  /** Stops within `metres` of a [lon, lat] point, nearest first, with their straight-line distance. */
  stopsNear(at: [number, number], metres: number, most = 40): Array<{ stop: number; metres: number }> {
    return (around(this.stopIndex, at[0], at[1], most, metres / 1000) as number[])
      .filter((s) => s < this.feed.stops.length)
      .map((stop) => ({ stop, metres: distanceMeters(at, [this.feed.stops[stop]!.lon, this.feed.stops[stop]!.lat]) }));
  }

  private notStepFreeMask?: Uint8Array;

  /** 1 for each stop known not to be step-free (wheelchair_boarding = 2): the stops a stroller keeps off. */
  get notStepFree(): Uint8Array {
    this.notStepFreeMask ??= Uint8Array.from(this.feed.stops, (s) => (s.wheelchair === 2 ? 1 : 0));
    return this.notStepFreeMask;
  }

  private routesByStop?: number[][];

  /** The routes calling at each stop (any day). */
  routesAt(stop: number): number[] {
    if (!this.routesByStop) {
      const sets = this.feed.stops.map(() => new Set<number>());
      const { stop: stops } = this.feed.stopTimes;
      for (const trip of this.feed.trips) for (let i = trip.first; i < trip.first + trip.stopCount; i++) sets[stops[i]!]!.add(trip.route);
      this.routesByStop = sets.map((set) => [...set]);
    }
    return this.routesByStop[stop] ?? [];
  }

  /** The bounding box of the stops, [minLon, minLat, maxLon, maxLat], or null with none. */
  get bbox(): [number, number, number, number] | null {
    if (this.feed.stops.length === 0) return null;
    let b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const s of this.feed.stops) b = [Math.min(b[0], s.lon), Math.min(b[1], s.lat), Math.max(b[2], s.lon), Math.max(b[3], s.lat)];
    return b;
  }
}
